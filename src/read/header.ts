// Resolves a tabular file's header against its table: which table it holds and where each column's cells are, through the mapping if one applies.
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.js';
import { requiredColumns, TABLES, tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { columnOrigin, type SourceBinding } from './mapping.js';

/** Header names are compared trimmed and in any case. */
export const normalizeHeaderName = (name: string): string => name.trim().toLowerCase();

const isTableName = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);

const requiredList = (table: TableName) => requiredColumns(table).join(', ');

/** The table a file named `<table>.<ext>` (any case) holds, if its name says so. */
export function tableNamedBy(file: string): TableName | undefined {
  const name = basename(file, extname(file)).toLowerCase();
  return isTableName(name) ? name : undefined;
}

/**
 * The table a header belongs to: the one the file name says, else the one whose required columns are all
 * present. Several may qualify (an assessment_views header also has every column assessments requires):
 * the one with the most required columns wins, then the one with the most known columns; a remaining tie
 * is an error rather than a guess.
 */
export function identifyTable(file: string, header: readonly string[], line: number): TableName {
  const columns = new Set(header);
  const named = tableNamedBy(file);
  if (named) {
    const missing = requiredColumns(named).filter((column) => !columns.has(column));
    if (missing.length > 0) {
      throw new InputError(
        `table ${named} is missing required column(s) ${missing.join(', ')}`,
        { file, line },
        `a header with ${requiredList(named)}`,
      );
    }
    return named;
  }
  const scored = TABLES.map((spec) => ({
    name: spec.name,
    required: requiredColumns(spec.name),
    known: spec.columns.filter((column) => columns.has(column.name)).length,
  })).map((table) => ({ ...table, present: table.required.filter((column) => columns.has(column)).length }));
  const complete = scored
    .filter((table) => table.present === table.required.length)
    .sort((a, b) => b.required.length - a.required.length || b.known - a.known);
  const [best, runnerUp] = complete;
  if (best && !(runnerUp && runnerUp.required.length === best.required.length && runnerUp.known === best.known)) {
    return best.name;
  }
  if (best && runnerUp) {
    throw new InputError(
      `cannot tell whether this file holds ${best.name} or ${runnerUp.name}: its header fits both`,
      { file, line },
      `a file named ${best.name}.csv or ${runnerUp.name}.csv`,
    );
  }
  const closest = scored.filter((table) => table.present > 1).sort((a, b) => b.present - a.present)[0];
  const hint = closest
    ? `; its header comes closest to ${closest.name}, which also needs ${closest.required
        .filter((column) => !columns.has(column))
        .join(', ')}`
    : '';
  throw new InputError(
    `cannot tell which table this file holds${hint}`,
    { file, line },
    `a file named <table>.csv (${TABLE_NAMES.join(', ')}), or a header with every required column of one table, e.g. visits: ${requiredList('visits')}`,
  );
}

/** How one of the table's columns is filled in this file. */
export interface FoundColumn {
  readonly column: string;
  /** `header`: a header cell with the column's own name; `mapped`: the cell the mapping names; `constant`: the mapping's constant. */
  readonly origin: 'header' | 'mapped' | 'constant';
  /** The export's column name (for header and mapped columns), as the header writes it. */
  readonly header?: string;
  /** The mapping's value for every row (for constant columns). */
  readonly constant?: string;
}

/** A column the mapping names that the file's header lacks. */
export interface MissingMappedColumn {
  readonly column: string;
  readonly header: string;
}

export interface HeaderLayout {
  readonly table: TableName;
  readonly binding: SourceBinding | undefined;
  /** The header cells as written, trimmed. */
  readonly headerNames: readonly string[];
  /** For each of the table's columns (in contract order): its cell in the records, or -1. */
  readonly positions: readonly number[];
  readonly found: readonly FoundColumn[];
  readonly missingRequired: readonly string[];
  readonly missingMapped: readonly MissingMappedColumn[];
  /** Columns whose header name appears more than once, so which cell holds them is ambiguous. */
  readonly repeated: readonly string[];
  /** Header cells no column is read from. */
  readonly unused: number;
}

export interface HeaderContext {
  /** The table the file's or sheet's name gives, if any. */
  readonly named?: TableName | undefined;
  readonly binding?: SourceBinding | undefined;
}

/**
 * The layout of a header: the mapping's table and column names when a source of the mapping names the file,
 * else the table the name gives, else the one the header fits (an InputError when none does). Columns the
 * mapping does not name are looked for under their own names. Problems are listed, not thrown: the loader
 * stops on them (see `requireUsable`), the pre-flight reports them.
 */
export function resolveHeader(file: string, cells: readonly string[], line: number, context: HeaderContext): HeaderLayout {
  const headerNames = cells.map((cell) => cell.trim());
  const normalized = cells.map(normalizeHeaderName);
  const { binding } = context;
  const table = binding?.table ?? context.named ?? identifyTable(file, normalized, line);
  const used = new Set<number>();
  const found: FoundColumn[] = [];
  const missingMapped: MissingMappedColumn[] = [];
  const repeated: string[] = [];
  const positionOf = (name: string, column: string): number => {
    const wanted = normalizeHeaderName(name);
    const position = normalized.indexOf(wanted);
    if (position !== -1 && normalized.indexOf(wanted, position + 1) !== -1) repeated.push(column);
    return position;
  };
  const positions = tableSpec(table).columns.map((spec) => {
    const origin = binding ? columnOrigin(binding, spec.name) : ({ kind: 'canonical' } as const);
    if (origin.kind === 'constant') {
      found.push({ column: spec.name, origin: 'constant', constant: origin.value });
      // A constant's reader ignores the cell it is given; any existing cell will do.
      return 0;
    }
    const position = positionOf(origin.kind === 'cell' ? origin.header : spec.name, spec.name);
    if (position === -1) {
      if (origin.kind === 'cell') missingMapped.push({ column: spec.name, header: origin.header });
      return -1;
    }
    used.add(position);
    found.push({ column: spec.name, origin: origin.kind === 'cell' ? 'mapped' : 'header', header: headerNames[position] ?? '' });
    return position;
  });
  const present = new Set(found.map((column) => column.column));
  const mappedAway = new Set(missingMapped.map((column) => column.column));
  return {
    table,
    binding,
    headerNames,
    positions,
    found,
    missingRequired: requiredColumns(table).filter((column) => !present.has(column) && !mappedAway.has(column)),
    missingMapped,
    repeated,
    unused: headerNames.filter((name, position) => name !== '' && !used.has(position)).length,
  };
}

/**
 * A finder of the export columns a mapping rule names (a filter, a key, a lookup's match) in one header: the
 * column's position, -1 for a rule that names none (null), and an InputError naming the rule's place in the
 * mapping when the header lacks it. `fileKind` and `expected` word the error for the file being read.
 */
export function mappedColumnFinder(
  cells: readonly string[],
  file: string,
  line: number,
  fileKind: string,
  expected: (header: string) => string,
): (header: string | null, where: string) => number {
  const names = cells.map(normalizeHeaderName);
  return (header, where) => {
    if (header === null) return -1;
    const position = names.indexOf(normalizeHeaderName(header));
    if (position === -1) {
      throw new InputError(`the mapping (${where}) names column "${header}", which this ${fileKind} does not have`, { file, line }, expected(header));
    }
    return position;
  };
}

/** Throws the first problem of a layout as the one-line error the loader stops on. */
export function requireUsable(layout: HeaderLayout, file: string, line: number): void {
  const { table, binding } = layout;
  const [missingMapped] = layout.missingMapped;
  if (missingMapped) {
    throw new InputError(
      `the mapping (${binding?.where ?? 'tables'}.columns.${missingMapped.column}) names column "${missingMapped.header}", which this file does not have`,
      { file, line },
      `a header with "${missingMapped.header}", or a mapping that names this file's column (${binding?.mappingFile ?? 'the mapping file'})`,
    );
  }
  if (layout.missingRequired.length > 0) {
    const required = requiredColumns(table);
    throw new InputError(
      `table ${table} is missing required column(s) ${layout.missingRequired.join(', ')}`,
      { file, line },
      binding
        ? `each of ${required.join(', ')} mapped in ${binding.where}.columns, given in ${binding.where}.constants, or a header cell of that name`
        : `a header with ${required.join(', ')}`,
    );
  }
  const [repeated] = layout.repeated;
  if (repeated) {
    const header = layout.found.find((column) => column.column === repeated)?.header ?? repeated;
    const what = binding && header.toLowerCase() !== repeated ? `column "${header}" (${repeated})` : `column ${repeated}`;
    throw new InputError(`${what} appears more than once in the header`, { file, line }, 'each column once');
  }
}

/** Canonical column → the export's column name, for columns read from a cell under another name. */
export function sourceLabels(layout: HeaderLayout): ReadonlyMap<string, string> | undefined {
  if (!layout.binding) return undefined;
  const labels = new Map<string, string>();
  for (const column of layout.found) if (column.origin === 'mapped' && column.header) labels.set(column.column, column.header);
  return labels;
}
