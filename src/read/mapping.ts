// The mapping file: which export files hold which table, their column names, value spellings, constants and date formats.
import { UnreadableDate } from '../core/dates.js';
import { basename, extname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { format } from 'date-fns/format';
import type { isValid } from 'date-fns/isValid';
import type { parse } from 'date-fns/parse';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { firstIssueLine } from '../core/issues.js';
import { tableSpec, type ColumnSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { readJsonFile } from './json-file.js';
import { presentValue } from '../model/values.js';
import {
  compileCondition,
  DEFAULT_NULL_TOKENS,
  globToRegExp,
  NullTokens,
  isSlashedPattern,
  patternOf,
  patternProblem,
  type CellCondition,
  type KeepRule,
  type LookupSpec,
} from './mapping-rules.js';

/**
 * date-fns, loaded the first time a mapping gives a date format: its modules take about a tenth of a second
 * to load, at every start otherwise, and most runs have no mapping.
 */
interface DateFns {
  readonly format: typeof format;
  readonly isValid: typeof isValid;
  readonly parse: typeof parse;
}
let dateFns: DateFns | undefined;
function loadDateFns(): DateFns {
  if (dateFns === undefined) {
    const require = createRequire(import.meta.url);
    dateFns = {
      format: (require('date-fns/format') as { format: typeof format }).format,
      isValid: (require('date-fns/isValid') as { isValid: typeof isValid }).isValid,
      parse: (require('date-fns/parse') as { parse: typeof parse }).parse,
    };
  }
  return dateFns;
}

const fileName = z
  .string({ error: 'expected a file name' })
  .trim()
  .min(1, 'expected a file name')
  .refine((name) => !/[\\/]/.test(name), 'expected a file name without a folder: files are matched by name among the inputs');
const nonEmpty = (what: string) => z.string({ error: `expected ${what}` }).min(1, `expected ${what}`);
const oneOrMany = <T extends z.ZodType>(item: T, what: string) =>
  z.union([item, z.array(item).min(1, `expected at least one ${what}`)], { error: `expected a ${what} or a list of them` });

const exportColumn = nonEmpty('a column name of the export');

/** A test on one cell of the export, as the mapping writes it (see `where`). */
const conditionSchema = z.union(
  [
    z.string(),
    z.array(z.string()).min(1, 'expected at least one value'),
    z.strictObject({ empty: z.boolean({ error: 'expected true or false' }) }),
    z.strictObject({ matches: nonEmpty('a regular expression') }),
    z.strictObject({ not: z.union([z.string(), z.array(z.string()).min(1, 'expected at least one value')]) }),
  ],
  { error: 'expected a value, a list of values, {"empty": true|false}, {"matches": "regex"} or {"not": value(s)}' },
);
export type ConditionText = z.output<typeof conditionSchema>;
const whereSchema = z.record(z.string(), conditionSchema);

const keepSchema = z
  .strictObject({
    per: oneOrMany(exportColumn, 'column name'),
    open: exportColumn.optional(),
    latest: exportColumn.optional(),
  })
  .refine((keep) => keep.open !== undefined || keep.latest !== undefined, 'expected "open" (an end-date column), "latest" (a date column) or both');

const lookupSchema = z.strictObject({
  file: fileName,
  sheet: nonEmpty('a sheet name').optional(),
  match: z
    .record(z.string(), exportColumn)
    .refine((match) => Object.keys(match).length > 0, 'expected at least one pair: the other file\'s key column → this file\'s column'),
  column: exportColumn,
  where: whereSchema.optional(),
  keep: z
    .strictObject({ open: exportColumn.optional(), latest: exportColumn.optional() })
    .optional(),
  at: z.strictObject({ date: exportColumn, from: exportColumn, to: exportColumn.optional() }).optional(),
});

const sourceSchema = z.strictObject({
  file: oneOrMany(fileName, 'file name'),
  sheet: oneOrMany(nonEmpty('a sheet name'), 'sheet name').optional(),
  columns: z.record(z.string(), nonEmpty('the column name in the export')).optional(),
  values: z.record(z.string(), z.record(z.string(), z.string({ error: 'expected the value as text' }))).optional(),
  constants: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()], { error: 'expected a text, number or true/false' }))
    .optional(),
  dateFormats: z.record(z.string(), nonEmpty('a date-fns format such as dd-MMM-yyyy')).optional(),
  prefix: z.record(z.string(), nonEmpty('the text put before every id')).optional(),
  nullTokens: z.record(z.string(), z.array(z.string({ error: 'expected the text as written' }))).optional(),
  where: whereSchema.optional(),
  keep: keepSchema.optional(),
  lookup: z.record(z.string(), lookupSchema).optional(),
  personal: z.array(nonEmpty('a column of the table')).optional(),
});
type SourceFile = z.output<typeof sourceSchema>;

export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  tables: z.record(z.string(), z.union([sourceSchema, z.array(sourceSchema).min(1, 'expected at least one source')])),
  ignore: z.array(nonEmpty('a file name or pattern')).optional(),
  nullTokens: z.array(z.string({ error: 'expected the text as written' })).optional(),
});
export type MappingFile = z.output<typeof mappingSchema>;

/** A cell reader: a raw cell (string, or undefined when the file has no such column) to a decoded value. */
export type CellReader = (raw: unknown) => unknown;

/** How one canonical column of a mapped source is filled. */
export type ColumnOrigin =
  | { readonly kind: 'cell'; readonly header: string }
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'canonical' };

/** One source of a table in the mapping: the files it names and how their columns become the table's. */
export interface SourceBinding {
  readonly table: TableName;
  /** Where it is in the mapping file, e.g. `tables.plans[1]`, for messages. */
  readonly where: string;
  readonly mappingFile: string;
  /** Canonical column → the export's column name, as the mapping writes it. */
  readonly columns: ReadonlyMap<string, string>;
  readonly constants: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, ValueTranslation>;
  readonly dateFormats: ReadonlyMap<string, string>;
  readonly prefixes: ReadonlyMap<string, string>;
  /** Sheet names for workbooks; null = the sheet named as the table. */
  readonly sheets: readonly string[] | null;
  /** Cells read as empty in every column: the mapping's (or the default) null tokens. */
  readonly nullTokens: NullTokens;
  /** Export column (as the mapping writes it, in any case) → its null tokens, where a column adds its own. */
  readonly columnNullTokens: ReadonlyMap<string, NullTokens>;
  /** Every condition must hold for a row to be read; the others are counted as filtered. */
  readonly conditions: readonly CellCondition[];
  readonly keep: KeepRule | null;
  /** Canonical column → where its value is looked up. */
  readonly lookups: ReadonlyMap<string, LookupSpec>;
  /** Canonical columns whose values are replaced by pseudonyms. */
  readonly personal: ReadonlySet<string>;
}

/** A parsed, checked mapping. */
export interface Mapping {
  readonly file: string;
  readonly sources: readonly { readonly files: readonly string[]; readonly binding: SourceBinding }[];
  readonly ignore: readonly string[];
  /** The mapping's null tokens (the default ones unless it lists its own). */
  readonly nullTokens: NullTokens;
}

/** The kinds of column that may hold a person's name, and so may be marked personal. */
const PERSONAL_KINDS: ReadonlySet<string> = new Set(['id', 'text']);

const TABULAR_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx']);

/** Reads and checks a mapping file; any problem is a ConfigError naming the file and the path in it. */
export function readMappingFile(file: string): Mapping {
  const raw = readJsonFile(file, ConfigError, 'mapping');
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(firstIssueLine(parsed.error, 'invalid mapping'), { file });
  return compileMapping(parsed.data, file);
}

const isTableName = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);

/** Checks every name and value in the mapping against the input contract and compiles it. */
export function compileMapping(mapping: MappingFile, file: string): Mapping {
  const fail = (where: string, message: string, expected?: string): never => {
    throw new ConfigError(`${where}: ${message}`, { file }, expected);
  };
  const sources: { files: string[]; binding: SourceBinding }[] = [];
  const claimedBy = new Map<string, string>();
  const nullTokens = new NullTokens(mapping.nullTokens ?? DEFAULT_NULL_TOKENS);
  for (const [table, entry] of Object.entries(mapping.tables)) {
    if (!isTableName(table)) fail(`tables.${table}`, 'not a table', `one of ${TABLE_NAMES.join(', ')}`);
    const list = Array.isArray(entry) ? entry : [entry];
    list.forEach((source, index) => {
      const where = Array.isArray(entry) ? `tables.${table}[${index}]` : `tables.${table}`;
      const binding = compileSource(table as TableName, source, where, file, fail, nullTokens);
      const files = Array.isArray(source.file) ? source.file : [source.file];
      files.forEach((name, position) => {
        const at = Array.isArray(source.file) ? `${where}.file[${position}]` : `${where}.file`;
        const extension = extname(name).toLowerCase();
        if (!TABULAR_EXTENSIONS.has(extension)) {
          fail(at, `"${name}" is not a delimited text or workbook file`, 'a .csv, .tsv, .txt or .xlsx file name (JSON case documents need no mapping)');
        }
        if (source.sheet !== undefined && extension !== '.xlsx') fail(`${where}.sheet`, `"${name}" is not a workbook`, 'sheet only with .xlsx files');
        // One file (or sheet) may feed several tables, but a table reads it once: twice, its rows would be duplicates.
        const keys = (source.sheet === undefined ? [name.toLowerCase()] : sheetList(source).map((sheet) => sheetKey(name, sheet))).map(
          (key) => `${table}\u0000${key}`,
        );
        for (const key of keys) {
          const earlier = claimedBy.get(key);
          if (earlier !== undefined) fail(at, `"${name}" is already mapped to ${table} at ${earlier}`, 'each file (or sheet) in one source of a table');
          claimedBy.set(key, at);
        }
      });
      sources.push({ files, binding });
    });
  }
  return { file, sources, ignore: mapping.ignore ?? [], nullTokens };
}

const sheetList = (source: SourceFile): string[] =>
  source.sheet === undefined ? [] : Array.isArray(source.sheet) ? source.sheet : [source.sheet];

const sheetKey = (fileName: string, sheet: string) => `${fileName.toLowerCase()}#${sheet.toLowerCase()}`;

type Fail = (where: string, message: string, expected?: string) => never;

function compileConditions(where: string, conditions: Readonly<Record<string, ConditionText>> | undefined, fail: Fail): CellCondition[] {
  return Object.entries(conditions ?? {}).map(([header, condition]) => {
    const at = `${where}.${header}`;
    if (typeof condition === 'object' && !Array.isArray(condition) && 'matches' in condition) {
      const problem = patternProblem(condition.matches);
      if (problem) fail(`${at}.matches`, `"${condition.matches}" is not a regular expression: ${problem}`);
    }
    return compileCondition(header.trim(), at, condition);
  });
}

function compileSource(
  table: TableName,
  source: SourceFile,
  where: string,
  mappingFile: string,
  fail: Fail,
  globalNullTokens: NullTokens,
): SourceBinding {
  const spec = tableSpec(table);
  const known = new Map(spec.columns.map((column) => [column.name, column]));
  const columnOf = (section: string, name: string): ColumnSpec =>
    known.get(name) ?? fail(`${where}.${section}.${name}`, `not a column of ${table}`, `one of ${[...known.keys()].join(', ')}`);

  const columns = new Map<string, string>();
  for (const [name, header] of Object.entries(source.columns ?? {})) {
    columnOf('columns', name);
    columns.set(name, header.trim());
  }

  const constants = new Map<string, string>();
  for (const [name, value] of Object.entries(source.constants ?? {})) {
    const column = columnOf('constants', name);
    if (columns.has(name)) fail(`${where}.constants.${name}`, 'the column is also mapped in columns', 'a column either read from the export or constant');
    const text = String(value).trim();
    if (text === '') fail(`${where}.constants.${name}`, 'a constant must not be empty', 'a value for every row');
    const problem = valueProblem(column, text);
    if (problem) fail(`${where}.constants.${name}`, `"${text}" ${problem}`);
    constants.set(name, text);
  }

  const dateFormats = new Map<string, string>();
  for (const [name, pattern] of Object.entries(source.dateFormats ?? {})) {
    const column = columnOf('dateFormats', name);
    if (column.kind !== 'date') fail(`${where}.dateFormats.${name}`, `${table}.${name} is not a date column`);
    const problem = formatProblem(pattern);
    if (problem) fail(`${where}.dateFormats.${name}`, `"${pattern}" is not a usable date format: ${problem}`, 'a date-fns format such as dd-MMM-yyyy or d/M/yy');
    dateFormats.set(name, pattern);
  }

  const values = new Map<string, ValueTranslation>();
  for (const [name, spellings] of Object.entries(source.values ?? {})) {
    const column = columnOf('values', name);
    for (const [from, to] of Object.entries(spellings)) {
      if (isSlashedPattern(from)) {
        const problem = patternProblem(from);
        if (problem) fail(`${where}.values.${name}.${from}`, `"${from}" is not a regular expression: ${problem}`, 'a pattern written /.../ or /.../i');
      }
      const target = to.trim();
      if (target === '') continue;
      const problem = dateFormats.has(name) ? null : valueProblem(column, target);
      if (problem) fail(`${where}.values.${name}.${from}`, `"${target}" ${problem}`);
    }
    values.set(name, new ValueTranslation(spellings));
  }

  const prefixes = new Map<string, string>();
  for (const [name, prefix] of Object.entries(source.prefix ?? {})) {
    const column = columnOf('prefix', name);
    if (column.kind !== 'id') fail(`${where}.prefix.${name}`, `${table}.${name} is not an id column`);
    prefixes.set(name, prefix);
  }

  const columnNullTokens = new Map<string, NullTokens>();
  for (const [name, tokens] of Object.entries(source.nullTokens ?? {})) {
    columnOf('nullTokens', name);
    const header = columns.get(name);
    if (header === undefined) fail(`${where}.nullTokens.${name}`, `${table}.${name} is not read from a column of the export`, `a column mapped in ${where}.columns`);
    columnNullTokens.set(header.toLowerCase(), globalNullTokens.with(tokens));
  }

  const lookups = new Map<string, LookupSpec>();
  for (const [name, lookup] of Object.entries(source.lookup ?? {})) {
    columnOf('lookup', name);
    const at = `${where}.lookup.${name}`;
    if (columns.has(name) || constants.has(name)) fail(at, `${table}.${name} is also read from ${columns.has(name) ? 'columns' : 'constants'}`, 'a column either read, constant or looked up');
    const extension = extname(lookup.file).toLowerCase();
    if (!TABULAR_EXTENSIONS.has(extension)) fail(`${at}.file`, `"${lookup.file}" is not a delimited text or workbook file`, 'a .csv, .tsv, .txt or .xlsx file name');
    if (lookup.sheet !== undefined && extension !== '.xlsx') fail(`${at}.sheet`, `"${lookup.file}" is not a workbook`, 'sheet only with .xlsx files');
    lookups.set(name, {
      where: at,
      file: lookup.file,
      filePattern: globToRegExp(lookup.file),
      sheet: lookup.sheet ?? null,
      match: Object.entries(lookup.match).map(([theirs, ours]) => [theirs.trim(), ours.trim()] as const),
      column: lookup.column.trim(),
      conditions: compileConditions(`${at}.where`, lookup.where, fail),
      open: lookup.keep?.open?.trim() ?? null,
      latest: lookup.keep?.latest?.trim() ?? null,
      at: lookup.at ? { date: lookup.at.date.trim(), from: lookup.at.from.trim(), to: lookup.at.to?.trim() ?? null } : null,
      label: `${lookup.file}:${lookup.column.trim()}`,
    });
  }

  const personal = new Set<string>();
  for (const name of source.personal ?? []) {
    const column = columnOf('personal', name);
    if (!PERSONAL_KINDS.has(column.kind)) fail(`${where}.personal`, `${table}.${name} is a ${column.kind} column, which holds no names`, 'id or text columns');
    personal.add(name);
  }

  const keep = source.keep;

  return {
    table,
    where,
    mappingFile,
    columns,
    constants,
    values,
    dateFormats,
    prefixes,
    sheets: source.sheet === undefined ? null : sheetList(source),
    nullTokens: globalNullTokens,
    columnNullTokens,
    conditions: compileConditions(`${where}.where`, source.where, fail),
    keep:
      keep === undefined
        ? null
        : {
            where: `${where}.keep`,
            per: (Array.isArray(keep.per) ? keep.per : [keep.per]).map((name) => name.trim()),
            open: keep.open?.trim() ?? null,
            latest: keep.latest?.trim() ?? null,
          },
    lookups,
    personal,
  };
}

const BOOL_TEXT = /^(y|n|yes|no|true|false|1|0)$/i;
const SPACES_AND_HYPHENS = /[\s-]+/g;

/** Why a value given in the mapping (a constant or a translation's target) cannot stand in the column. */
function valueProblem(column: ColumnSpec, value: string): string | null {
  switch (column.kind) {
    case 'id':
    case 'text':
      return null;
    case 'bool':
      return BOOL_TEXT.test(value) ? null : 'is not a yes/no value (Y/N, Yes/No, true/false, 1/0)';
    case 'int':
      return /^\d+$/.test(value) ? null : 'is not a whole number';
    case 'enum': {
      const normalized = value.toLowerCase().replace(SPACES_AND_HYPHENS, '_');
      return column.values.includes(normalized) ? null : `is not one of the ${column.name} values (${column.values.join(', ')})`;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)
        ? null
        : 'is not a date as YYYY-MM-DD or DD/MM/YYYY';
  }
}

/** A fixed reference date: two-digit years (yy) fall in 1950–2049 whatever the clock says. */
const REFERENCE_DATE = new Date(2000, 0, 1);

// date-fns reads Y as the week-numbering year and D as the day of the year, warning on the console when it
// meets them: a format written the common way (YYYY-MM-DD) is refused here with the date-fns spelling instead.
const PROTECTED_TOKENS = /[YD]/;
const QUOTED_TEXT = /'[^']*'/g;

function formatProblem(pattern: string): string | null {
  if (PROTECTED_TOKENS.test(pattern.replace(QUOTED_TEXT, ''))) {
    return 'write the year as yyyy (or yy) and the day as dd (or d): YYYY and DD mean the week year and the day of the year';
  }
  const { format: formatDate, isValid, parse: parseWithFormat } = loadDateFns();
  try {
    parseWithFormat('', pattern, REFERENCE_DATE);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const sample = formatDate(new Date(2026, 2, 14), pattern);
  const back = parseWithFormat(sample, pattern, REFERENCE_DATE);
  if (!isValid(back) || formatDate(back, 'yyyy-MM-dd') !== '2026-03-14') return 'it does not give a day, month and year';
  return null;
}


/**
 * A column's value spellings: the export's value (trimmed; exact, else in any case) → the canonical value, then
 * the patterns (`/^Closed/i`) in the order written. `""` translates an empty cell and `"*"` any other value not
 * listed; values not listed pass through as written.
 */
export class ValueTranslation {
  private readonly exact = new Map<string, string>();
  private readonly folded = new Map<string, string>();
  private readonly patterns: (readonly [RegExp, string])[] = [];
  private readonly empty: string | undefined;
  private readonly otherwise: string | undefined;

  constructor(entries: Readonly<Record<string, string>>) {
    for (const [from, to] of Object.entries(entries)) {
      const key = from.trim();
      if (from === '*') continue;
      if (isSlashedPattern(key)) {
        this.patterns.push([patternOf(key), to]);
        continue;
      }
      this.exact.set(key, to);
      if (!this.folded.has(key.toLowerCase())) this.folded.set(key.toLowerCase(), to);
    }
    this.empty = entries[''];
    this.otherwise = entries['*'];
  }

  translate(raw: unknown): unknown {
    const value = presentValue(raw);
    if (value === undefined) return this.empty ?? raw;
    if (typeof value !== 'string') return raw;
    return this.exact.get(value) ?? this.folded.get(value.toLowerCase()) ?? this.matched(value) ?? this.otherwise ?? value;
  }

  private matched(value: string): string | undefined {
    for (const [pattern, to] of this.patterns) if (pattern.test(value)) return to;
    return undefined;
  }
}

const TIME_OF_DAY = /^\s*(T|\s)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * A reader for a date column the export writes in its own format (a time of day after it is allowed).
 * An ISO date is read too, as the contract reads it: it cannot be mistaken, and it is how a workbook's
 * date cells arrive. No other form is: under `MM/dd/yyyy` a UK date would be misread.
 */
function formattedDateReader(pattern: string, base: CellReader): CellReader {
  const { format: formatDate, isValid, parse: parseWithFormat } = loadDateFns();
  const seen = new Map<string, unknown>();
  const read = (text: string): unknown => {
    if (ISO_DAY.test(text)) {
      const iso = base(text);
      if (typeof iso === 'string') return iso;
    }
    const whole = parseWithFormat(text, pattern, REFERENCE_DATE);
    if (isValid(whole)) return formatDate(whole, 'yyyy-MM-dd');
    const cut = text.search(/[\sT]\d{1,2}:/);
    if (cut > 0 && TIME_OF_DAY.test(text.slice(cut))) {
      const day = parseWithFormat(text.slice(0, cut), pattern, REFERENCE_DATE);
      if (isValid(day)) return formatDate(day, 'yyyy-MM-dd');
    }
    return new UnreadableDate(text, `not a date in the form ${pattern} (the mapping's dateFormats)`);
  };
  return (raw) => {
    const value = presentValue(raw);
    if (typeof value !== 'string') return value;
    let result = seen.get(value);
    if (result === undefined) {
      result = read(value);
      // Exports repeat the same few hundred dates; the cache stays small and saves date-fns a parse each time.
      if (seen.size < 10_000) seen.set(value, result);
    }
    return result;
  };
}

/**
 * The reader of one canonical column for a mapped source, built on the column's own reader: values are
 * translated first, then prefixed (ids) or parsed with the export's date format (dates).
 */
export function mappedReader(binding: SourceBinding, column: ColumnSpec, base: CellReader): CellReader {
  const constant = binding.constants.get(column.name);
  if (constant !== undefined) {
    const value = base(constant);
    return () => value;
  }
  const translation = binding.values.get(column.name);
  const pattern = binding.dateFormats.get(column.name);
  const prefix = binding.prefixes.get(column.name);
  let reader = pattern === undefined ? base : formattedDateReader(pattern, base);
  if (prefix !== undefined) {
    const inner = reader;
    reader = (raw) => {
      const value = presentValue(raw);
      return typeof value === 'string' ? inner(prefix + value) : inner(raw);
    };
  }
  if (translation !== undefined) {
    const inner = reader;
    reader = (raw) => inner(translation.translate(raw));
  }
  return reader;
}

/** How a canonical column of the table is filled by this source. */
export function columnOrigin(binding: SourceBinding, column: string): ColumnOrigin {
  const header = binding.columns.get(column);
  if (header !== undefined) return { kind: 'cell', header };
  const lookup = binding.lookups.get(column);
  if (lookup !== undefined) return { kind: 'cell', header: lookup.label };
  const constant = binding.constants.get(column);
  if (constant !== undefined) return { kind: 'constant', value: constant };
  return { kind: 'canonical' };
}

/** Finds the sources and lookups that name an input file (by its name in any case, or a pattern) and whether the mapping ignores it. */
export class MappingIndex {
  private readonly named: readonly { readonly pattern: RegExp; readonly binding: SourceBinding }[];
  private readonly lookupFiles: readonly RegExp[];
  private readonly ignored: readonly RegExp[];

  constructor(readonly mapping: Mapping) {
    this.named = mapping.sources.flatMap(({ files, binding }) => files.map((name) => ({ pattern: globToRegExp(name), binding })));
    this.lookupFiles = this.lookups().map((lookup) => lookup.filePattern);
    this.ignored = mapping.ignore.map(globToRegExp);
  }

  /** Every source naming this file, in the mapping's order. */
  private bindingsOf(path: string): SourceBinding[] {
    const name = basename(path);
    const found: SourceBinding[] = [];
    for (const { pattern, binding } of this.named) if (pattern.test(name) && !found.includes(binding)) found.push(binding);
    return found;
  }

  /** Every lookup of every source. */
  lookups(): LookupSpec[] {
    return this.mapping.sources.flatMap(({ binding }) => [...binding.lookups.values()]);
  }

  /** Whether the mapping names this file: as a source, or as a lookup's file. */
  names(path: string): boolean {
    return this.bindingsOf(path).length > 0 || this.isLookupFile(path);
  }

  /** Whether a lookup reads this file. */
  isLookupFile(path: string): boolean {
    const name = basename(path);
    return this.lookupFiles.some((pattern) => pattern.test(name));
  }

  /**
   * Ignored: the mapping file itself (kept beside the export), a file only lookups read (it is read for them,
   * not as a table), or a file matching an `ignore` pattern that no source names.
   */
  ignores(path: string): boolean {
    if (resolve(path) === resolve(this.mapping.file)) return true;
    if (this.bindingsOf(path).length > 0) return false;
    const name = basename(path);
    return this.isLookupFile(path) || this.ignored.some((pattern) => pattern.test(name));
  }

  /** The sources for a delimited text file: one per table it feeds. */
  forFile(path: string): SourceBinding[] {
    return this.bindingsOf(path).filter((binding) => binding.sheets === null);
  }

  /**
   * The sources for a workbook's sheet: those naming the sheet, else one naming the workbook for the table the
   * sheet is named as.
   */
  forSheet(path: string, sheet: string, sheetTable: TableName | undefined): SourceBinding[] {
    const bindings = this.bindingsOf(path);
    const wanted = sheet.trim().toLowerCase();
    const naming = bindings.filter((binding) => binding.sheets?.some((name) => name.trim().toLowerCase() === wanted));
    if (naming.length > 0) return naming;
    return bindings.filter((binding) => binding.sheets === null && binding.table === sheetTable).slice(0, 1);
  }

  /** The sheets the mapping names in this workbook, as it writes them. */
  sheetsNamed(path: string): string[] {
    return this.bindingsOf(path).flatMap((binding) => binding.sheets ?? []);
  }

  /** Files the mapping names (patterns as written), for the pre-flight's list of what was not found. */
  namedFiles(): string[] {
    return [...new Set([...this.mapping.sources.flatMap(({ files }) => files), ...this.lookups().map((lookup) => lookup.file)])].sort();
  }

  /** Whether an input file's name is one the mapping names (a pattern matching it counts). */
  static matches(named: string, path: string): boolean {
    // A plain name is a pattern without wildcards: matched whole, in any case.
    return globToRegExp(named).test(basename(path));
  }
}
