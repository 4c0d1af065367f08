// The one module of generated code: per-table row builders and value tests written out from the contract's column names, beside their plain versions.
//
// Why it exists: a row built as one object literal holding every column is laid out by V8 in one block sized to
// its keys, where keys added one by one to `{}` mostly land in a separate property store that is regrown as it
// fills (more memory per row, more garbage); and a column read by a fixed name from rows of one shape is a fast
// load, where a name held in a variable is not. Such code can only be written per table at run time. Its text is
// made from the contract's own column names (src/model/tables.ts), never from an input. Each generated function
// has a plain version here that does the same thing, and test/validate/compiled.test.ts holds them equal; the
// bench (bench/RESULTS.md, "Generated code") shows what the generated ones pay.

/** Reads one cell (a CSV string or a JSON value) as its column's kind; see src/model/values.ts. */
export type CellReader = (raw: unknown) => unknown;
/** A test that passes only values the schema accepts as they are. */
export type ValueTest = (value: unknown) => boolean;

export type RowFromCells = (readers: readonly CellReader[], cells: readonly string[], positions: readonly number[]) => Record<string, unknown>;
export type RowFromObject = (readers: readonly CellReader[], raw: Readonly<Record<string, unknown>>) => Record<string, unknown>;
export type PassesPlainTests = (tests: readonly ValueTest[], row: Readonly<Record<string, unknown>>) => boolean;
/** One column of stored rows (src/validate/row-store.ts): the value of row `index`. */
export interface ColumnReader {
  get(index: number): unknown;
}
export type RowFromColumns = (columns: readonly ColumnReader[], index: number) => Record<string, unknown>;

const literal = (names: readonly string[], valueOf: (i: number, name: string) => string): string =>
  `{ ${names.map((name, i) => `${JSON.stringify(name)}: ${valueOf(i, JSON.stringify(name))}`).join(', ')}, sourceFile: undefined, sourceLine: 0 }`;

/** A row from a tabular record: `positions[i]` is the cell of column i, -1 when the file has no such column. */
export function compiledRowFromCells(names: readonly string[]): RowFromCells {
  const row = literal(names, (i) => `positions[${i}] < 0 ? undefined : readers[${i}](cells[positions[${i}]])`);
  return new Function('readers', 'cells', 'positions', `return ${row};`) as RowFromCells;
}

/** A row from a JSON object keyed by column name; other keys are left behind. */
export function compiledRowFromObject(names: readonly string[]): RowFromObject {
  return new Function('readers', 'raw', `return ${literal(names, (i, name) => `readers[${i}](raw[${name}])`)};`) as RowFromObject;
}

/** Every column's plain test in turn. */
export function compiledPlainTests(names: readonly string[]): PassesPlainTests {
  const tests = names.map((name, i) => `tests[${i}](row[${JSON.stringify(name)}])`);
  return new Function('tests', 'row', `return ${tests.join(' && ')};`) as PassesPlainTests;
}

/** A stored row made back into an object: `columns[i]` holds the values of `names[i]`. */
export function compiledRowFromColumns(names: readonly string[]): RowFromColumns {
  const row = `{ ${names.map((name, i) => `${JSON.stringify(name)}: columns[${i}].get(index)`).join(', ')} }`;
  return new Function('columns', 'index', `return ${row};`) as RowFromColumns;
}

// The plain versions: the same results, written as ordinary code.

export const plainRowFromCells =
  (names: readonly string[]): RowFromCells =>
  (readers, cells, positions) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const position = positions[i] as number;
      row[name] = position < 0 ? undefined : (readers[i] as CellReader)(cells[position]);
    });
    row['sourceFile'] = undefined;
    row['sourceLine'] = 0;
    return row;
  };

export const plainRowFromObject =
  (names: readonly string[]): RowFromObject =>
  (readers, raw) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      row[name] = (readers[i] as CellReader)(raw[name]);
    });
    row['sourceFile'] = undefined;
    row['sourceLine'] = 0;
    return row;
  };

export const plainRowFromColumns =
  (names: readonly string[]): RowFromColumns =>
  (columns, index) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      row[name] = (columns[i] as ColumnReader).get(index);
    });
    return row;
  };

export const plainPlainTests =
  (names: readonly string[]): PassesPlainTests =>
  (tests, row) =>
    names.every((name, i) => (tests[i] as ValueTest)(row[name]));
