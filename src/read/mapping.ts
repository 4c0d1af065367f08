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
});
type SourceFile = z.output<typeof sourceSchema>;

export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  tables: z.record(z.string(), z.union([sourceSchema, z.array(sourceSchema).min(1, 'expected at least one source')])),
  ignore: z.array(nonEmpty('a file name or pattern')).optional(),
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
}

/** A parsed, checked mapping. */
export interface Mapping {
  readonly file: string;
  readonly sources: readonly { readonly files: readonly string[]; readonly binding: SourceBinding }[];
  readonly ignore: readonly string[];
}

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
  for (const [table, entry] of Object.entries(mapping.tables)) {
    if (!isTableName(table)) fail(`tables.${table}`, 'not a table', `one of ${TABLE_NAMES.join(', ')}`);
    const list = Array.isArray(entry) ? entry : [entry];
    list.forEach((source, index) => {
      const where = Array.isArray(entry) ? `tables.${table}[${index}]` : `tables.${table}`;
      const binding = compileSource(table as TableName, source, where, file, fail);
      const files = Array.isArray(source.file) ? source.file : [source.file];
      files.forEach((name, position) => {
        const at = Array.isArray(source.file) ? `${where}.file[${position}]` : `${where}.file`;
        const extension = extname(name).toLowerCase();
        if (!TABULAR_EXTENSIONS.has(extension)) {
          fail(at, `"${name}" is not a delimited text or workbook file`, 'a .csv, .tsv, .txt or .xlsx file name (JSON case documents need no mapping)');
        }
        if (source.sheet !== undefined && extension !== '.xlsx') fail(`${where}.sheet`, `"${name}" is not a workbook`, 'sheet only with .xlsx files');
        const keys = source.sheet === undefined ? [name.toLowerCase()] : sheetList(source).map((sheet) => sheetKey(name, sheet));
        for (const key of keys) {
          const earlier = claimedBy.get(key);
          if (earlier !== undefined) fail(at, `"${name}" is already mapped at ${earlier}`, 'each file (or sheet) in one source');
          claimedBy.set(key, at);
        }
      });
      sources.push({ files, binding });
    });
  }
  return { file, sources, ignore: mapping.ignore ?? [] };
}

const sheetList = (source: SourceFile): string[] =>
  source.sheet === undefined ? [] : Array.isArray(source.sheet) ? source.sheet : [source.sheet];

const sheetKey = (fileName: string, sheet: string) => `${fileName.toLowerCase()}#${sheet.toLowerCase()}`;

type Fail = (where: string, message: string, expected?: string) => never;

function compileSource(table: TableName, source: SourceFile, where: string, mappingFile: string, fail: Fail): SourceBinding {
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
 * A column's value spellings: the export's value (trimmed; exact, else in any case) → the canonical value.
 * `""` translates an empty cell and `"*"` any other value not listed; values not listed pass through as written.
 */
export class ValueTranslation {
  private readonly exact = new Map<string, string>();
  private readonly folded = new Map<string, string>();
  private readonly empty: string | undefined;
  private readonly otherwise: string | undefined;

  constructor(entries: Readonly<Record<string, string>>) {
    for (const [from, to] of Object.entries(entries)) {
      const key = from.trim();
      if (from === '*') continue;
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
    return this.exact.get(value) ?? this.folded.get(value.toLowerCase()) ?? this.otherwise ?? value;
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
  const constant = binding.constants.get(column);
  if (constant !== undefined) return { kind: 'constant', value: constant };
  return { kind: 'canonical' };
}

const globToRegExp = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');

/** Finds the source that names an input file (by its name, in any case) and whether the mapping ignores it. */
export class MappingIndex {
  private readonly byFile = new Map<string, SourceBinding[]>();
  private readonly ignored: readonly RegExp[];

  constructor(readonly mapping: Mapping) {
    for (const { files, binding } of mapping.sources) {
      for (const name of files) {
        const key = name.toLowerCase();
        const list = this.byFile.get(key) ?? [];
        list.push(binding);
        this.byFile.set(key, list);
      }
    }
    this.ignored = mapping.ignore.map(globToRegExp);
  }

  /** Whether the mapping names this file (in any source). */
  names(path: string): boolean {
    return this.byFile.has(basename(path).toLowerCase());
  }

  /** Ignored: the mapping file itself (kept beside the export), or a file matching an `ignore` pattern that no source names. */
  ignores(path: string): boolean {
    if (resolve(path) === resolve(this.mapping.file)) return true;
    const name = basename(path);
    return !this.names(path) && this.ignored.some((pattern) => pattern.test(name));
  }

  /** The source for a delimited text file. */
  forFile(path: string): SourceBinding | undefined {
    return this.byFile.get(basename(path).toLowerCase())?.find((binding) => binding.sheets === null);
  }

  /** The source for a workbook's sheet: one naming the sheet, else one naming the workbook for the table the sheet is named as. */
  forSheet(path: string, sheet: string, sheetTable: TableName | undefined): SourceBinding | undefined {
    const bindings = this.byFile.get(basename(path).toLowerCase()) ?? [];
    const wanted = sheet.trim().toLowerCase();
    return (
      bindings.find((binding) => binding.sheets?.some((name) => name.trim().toLowerCase() === wanted)) ??
      bindings.find((binding) => binding.sheets === null && binding.table === sheetTable)
    );
  }

  /** The sheets the mapping names in this workbook, as it writes them. */
  sheetsNamed(path: string): string[] {
    return (this.byFile.get(basename(path).toLowerCase()) ?? []).flatMap((binding) => binding.sheets ?? []);
  }

  /** Files the mapping names, for the pre-flight's list of what was not found. */
  namedFiles(): string[] {
    return [...new Set(this.mapping.sources.flatMap(({ files }) => files))].sort();
  }
}
