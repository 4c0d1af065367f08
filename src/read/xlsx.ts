// Reads an .xlsx workbook, sheet by sheet, into header and records with the sheet's row numbers.
import { statSync } from 'node:fs';
import { sizeName } from '../core/regular-file.js';
import { InputError } from '../core/errors.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import type { TabularSink } from './records.js';
import { isFileSystemError, readError } from './files.js';
import { guardWorkbook, MAX_SHEET_ROWS } from './xlsx-guard.js';

/** What to do with one sheet: read it into this sink (and call `finish` after its last row), or skip it. */
export interface SheetReader {
  readonly sink: TabularSink;
  /** Rows read after the header row before the sheet is left: 0 for the header alone (the pre-flight's), by default all. */
  readonly rowLimit?: number | undefined;
  finish(): void;
}

export type SheetChooser = (sheetName: string) => SheetReader | undefined;

/** The table a sheet's name gives (trimmed, any case), if any. */
export function tableNamedBySheet(sheet: string): TableName | undefined {
  const name = sheet.trim().toLowerCase();
  return (TABLE_NAMES as readonly string[]).includes(name) ? (name as TableName) : undefined;
}

/** How a sheet is named in findings and the inputs list: `book.xlsx#visits`. */
export const sheetFile = (file: string, sheet: string): string => `${file}#${sheet}`;

/** The largest workbook read: Excel's own sheet limits keep a real export far below it. */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

const WORKBOOK_EXPECTED = 'an .xlsx workbook (Excel 2007 or later), one sheet per table';

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * Excel stores a date as a day count; exceljs hands it over as a Date at that UTC instant, so the date is
 * read back in UTC, never moved by the local time zone. A time of day, if any, is kept after a `T`.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  const seconds = date.getUTCSeconds();
  return hours === 0 && minutes === 0 && seconds === 0 ? day : `${day}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
}

/** A cell value as the text a CSV export would hold: rich text joined, a formula's result, a link's text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell['richText'])) {
      return (cell['richText'] as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
    }
    if ('result' in cell) return cellText(cell['result']);
    if ('formula' in cell || 'sharedFormula' in cell) return '';
    if (typeof cell['text'] === 'string') return cell['text'];
    // An error cell (#N/A, #REF!) is kept as its text: in a typed column the row is then reported invalid.
    if (typeof cell['error'] === 'string') return cell['error'];
  }
  return String(value);
}

/** The row's cells from column A, without the empty cells after the last one filled. */
function rowCells(values: readonly unknown[]): string[] {
  const cells: string[] = [];
  let last = 0;
  for (let column = 1; column < values.length; column++) {
    const text = cellText(values[column]);
    cells.push(text);
    if (text.trim() !== '') last = column;
  }
  cells.length = last;
  return cells;
}

/**
 * Reads every sheet of the workbook through the reader its chooser gives (sheets it declines are skipped),
 * in the workbook's order. A row is the sheet's row number; empty rows are skipped like blank lines. A
 * record shorter than the header is padded, since a workbook does not store trailing empty cells; one with
 * a filled cell right of the header keeps its length and is reported for it.
 *
 * The workbook is read whole rather than streamed: exceljs's streaming reader names a sheet from the
 * workbook part, which it may not have parsed yet when the sheet arrives, and then fails now and then.
 * A worksheet holds at most about a million rows, so a whole workbook fits comfortably in memory.
 */
export async function readWorkbook(file: string, choose: SheetChooser): Promise<string[]> {
  const sheets: string[] = [];
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  // A workbook is unzipped whole in memory: a size limit stops a wrong file from taking all of it.
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > MAX_WORKBOOK_BYTES) {
    throw new InputError(`cannot read: the workbook is larger than ${sizeName(MAX_WORKBOOK_BYTES)} (${size} bytes)`, { file }, WORKBOOK_EXPECTED);
  }
  try {
    // The sizes its zip directory and sheets declare, checked in well under a second: exceljs, given a
    // sheet of a billion declared cells, would work for minutes and then run out of memory.
    await guardWorkbook(file);
    await workbook.xlsx.readFile(file);
    for (const worksheet of workbook.worksheets) {
      sheets.push(worksheet.name);
      const reader = choose(worksheet.name);
      if (!reader) continue;
      const where = () => sheetFile(file, worksheet.name);
      // A row numbered past Excel's last row (the guard sees only the declared range) would have every row
      // before it visited; exceljs has parsed the sheet already, cheaply, since it stores only rows present.
      // A cell past the last column (XFD) needs no such check: exceljs refuses its address while parsing.
      if (worksheet.rowCount > MAX_SHEET_ROWS) {
        throw new InputError(
          `the sheet has a row numbered ${worksheet.rowCount.toLocaleString('en-GB')}, past the limit of ${MAX_SHEET_ROWS.toLocaleString('en-GB')} rows`,
          { file: where() },
          WORKBOOK_EXPECTED,
        );
      }
      let headerLength = -1;
      let records = 0;
      const rowLimit = reader.rowLimit ?? Number.POSITIVE_INFINITY;
      for (let number = 1; number <= worksheet.rowCount; number++) {
        // findRow, not getRow: a row absent from the sheet is not created just to be found empty.
        const row = worksheet.findRow(number);
        if (!row) continue;
        const cells = rowCells(row.values as unknown[]);
        if (cells.length === 0) continue;
        if (headerLength === -1) {
          headerLength = cells.length;
          reader.sink.header(cells, number);
          if (rowLimit === 0) break;
          continue;
        }
        while (cells.length < headerLength) cells.push('');
        reader.sink.record(cells, number);
        if (++records >= rowLimit) break;
      }
      reader.finish();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (isFileSystemError(error)) throw readError(file, error);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`cannot read the workbook: ${reason}`, { file }, WORKBOOK_EXPECTED);
  }
  return sheets;
}
