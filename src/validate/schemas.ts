// Per table, built once: the readers that decode raw cells and the zod schema that validates the typed row.
import {
  compiledPlainTests,
  compiledRowFromCells,
  compiledRowFromObject,
  type CellReader,
  type PassesPlainTests,
  type RowFromCells,
  type RowFromObject,
  type ValueTest,
} from './compiled.js';
import { DATE_FORMS, UnreadableDate } from '../core/dates.js';
import { z } from 'zod';
import { tableSpec, type ColumnSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { boolValue, dateValue, enumReader, idReader, intValue, textReader } from '../model/values.js';

export const MISSING_REQUIRED = 'a required value is missing';

/** What each kind of cell may hold, as the reason a wrong value gives. */
export function expectedValue(column: ColumnSpec): string {
  switch (column.kind) {
    case 'id':
      return 'an id (text)';
    case 'text':
      return 'text';
    case 'date':
      return `a date as ${DATE_FORMS}`;
    case 'bool':
      return 'Y/N, Yes/No, true/false or 1/0';
    case 'int':
      return 'a whole number, 0 or more';
    case 'enum':
      return `one of ${column.values.join(', ')}`;
  }
}

/** An empty required cell says so, an unreadable date says why; any other value says what was expected. */
function errorFor(column: ColumnSpec) {
  const expected = `expected ${expectedValue(column)}`;
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? MISSING_REQUIRED : issue.input instanceof UnreadableDate ? issue.input.reason : expected;
}

// The readers have already turned spellings into values (`Y` into true, `04/03/2026` into `2026-03-04`),
// so the schema checks plain types: what is left is only ever a wrong value, never a spelling to fix.
function valueSchema(column: ColumnSpec): z.ZodType {
  const error = errorFor(column);
  switch (column.kind) {
    case 'id':
    case 'text':
    case 'date':
      return z.string({ error });
    case 'bool':
      return z.boolean({ error });
    case 'int':
      return z.int({ error }).min(0, { error: `expected ${expectedValue(column)}` });
    case 'enum':
      return z.enum(column.values as [string, ...string[]], { error });
  }
}



const isString: ValueTest = (value) => typeof value === 'string';
const isBoolean: ValueTest = (value) => typeof value === 'boolean';
const isCount: ValueTest = (value) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * A strictly narrower test than the column's zod schema: every value it passes, the schema passes unchanged.
 * It lets the common, valid row skip zod (which would also copy it); anything it refuses goes to zod, which
 * stays the one judge of what is wrong and why.
 */
function plainlyValid(column: ColumnSpec): ValueTest {
  const test = ((): ValueTest => {
    switch (column.kind) {
      case 'id':
      case 'text':
      case 'date':
        return isString;
      case 'bool':
        return isBoolean;
      case 'int':
        return isCount;
      case 'enum': {
        const allowed: ReadonlySet<unknown> = new Set(column.values);
        return (value) => allowed.has(value);
      }
    }
  })();
  return column.required ? test : (value) => value === undefined || test(value);
}

function readerFor(column: ColumnSpec): CellReader {
  switch (column.kind) {
    case 'id':
      return idReader();
    case 'text':
      return textReader();
    case 'date':
      return dateValue;
    case 'bool':
      return boolValue;
    case 'int':
      return intValue;
    case 'enum':
      return enumReader(column.values);
  }
}

export type RowSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/** How one table's rows are decoded and validated; every row object gets the same keys in the same order. */
export interface TableDecoder {
  readonly columns: readonly ColumnSpec[];
  readonly names: readonly string[];
  readonly readers: readonly CellReader[];
  readonly schema: RowSchema;
  /** Per column, a test that passes only values the schema accepts as they are (see plainlyValid). */
  readonly plainTests: readonly ValueTest[];
  readonly rowFromCells: RowFromCells;
  readonly rowFromObject: RowFromObject;
  readonly passesPlainTests: PassesPlainTests;
}

function tableDecoder(name: TableName): TableDecoder {
  const { columns } = tableSpec(name);
  const shape = Object.fromEntries(
    columns.map((column) => {
      const value = valueSchema(column);
      return [column.name, column.required ? value : value.optional()];
    }),
  );
  const names = columns.map((column) => column.name);
  return {
    columns,
    names,
    readers: columns.map(readerFor),
    schema: z.object(shape) as RowSchema,
    plainTests: columns.map(plainlyValid),
    rowFromCells: compiledRowFromCells(names),
    rowFromObject: compiledRowFromObject(names),
    passesPlainTests: compiledPlainTests(names),
  };
}

/** Built once at module load: validation never constructs a schema per row. */
export const DECODERS: Readonly<Record<TableName, TableDecoder>> = Object.fromEntries(
  TABLE_NAMES.map((name) => [name, tableDecoder(name)]),
) as Record<TableName, TableDecoder>;

/**
 * Whether a decoded row (every column's key present, no other) certainly passes the schema, which would
 * return an equal copy of it: then it can be kept as it is.
 */
export function plainlyValidRow(decoder: TableDecoder, row: Readonly<Record<string, unknown>>): boolean {
  return decoder.passesPlainTests(decoder.plainTests, row);
}

/** Decodes a JSON row (or any object keyed by column name); other keys are left behind. */
export function decodeObject(decoder: TableDecoder, raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return decoder.rowFromObject(decoder.readers, raw);
}

/** Decodes a tabular record; `positions[i]` is the cell of column i, -1 when the file has no such column. */
export function decodeCells(
  decoder: TableDecoder,
  cells: readonly string[],
  positions: readonly number[],
): Record<string, unknown> {
  return decoder.rowFromCells(decoder.readers, cells, positions);
}
