// One zod schema per table, built once from the table contract, that turns a raw row into its typed row.
import { z } from 'zod';
import { tableSpec, type ColumnSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { DATE_FORMS, boolValue, enumValue, intValue, parseDate, presentValue, UnreadableDate } from './values.js';

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

/** An empty required cell says so; any other wrong value says what would have been accepted. */
function errorFor(column: ColumnSpec) {
  const expected = `expected ${expectedValue(column)}`;
  return (issue: { input?: unknown }) => (issue.input === undefined ? MISSING_REQUIRED : expected);
}

const toIsoDate = (text: string, ctx: z.RefinementCtx<string>): string => {
  const date = parseDate(text);
  if (date instanceof UnreadableDate) {
    ctx.issues.push({ code: 'custom', message: date.reason, input: text });
    return z.NEVER;
  }
  return date;
};

function valueSchema(column: ColumnSpec): z.ZodType {
  const error = errorFor(column);
  switch (column.kind) {
    case 'id':
    case 'text':
      return z.string({ error });
    case 'date':
      return z.string({ error }).transform(toIsoDate);
    case 'bool':
      return z.boolean({ error });
    case 'int':
      return z.int({ error }).min(0, { error: `expected ${expectedValue(column)}` });
    case 'enum':
      return z.enum(column.values as [string, ...string[]], { error });
  }
}

const READERS: Record<ColumnSpec['kind'], (raw: unknown) => unknown> = {
  id: presentValue,
  text: presentValue,
  date: presentValue,
  bool: boolValue,
  int: intValue,
  enum: enumValue,
};

function columnSchema(column: ColumnSpec): z.ZodType {
  const value = valueSchema(column);
  return z.preprocess(READERS[column.kind], column.required ? value : value.optional());
}

export type RowSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

function tableSchema(columns: readonly ColumnSpec[]): RowSchema {
  return z.object(Object.fromEntries(columns.map((column) => [column.name, columnSchema(column)]))) as RowSchema;
}

/** Built once at module load: validation never constructs a schema per row. */
export const ROW_SCHEMAS: Readonly<Record<TableName, RowSchema>> = Object.fromEntries(
  TABLE_NAMES.map((name) => [name, tableSchema(tableSpec(name).columns)]),
) as Record<TableName, RowSchema>;
