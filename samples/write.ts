// Writes case documents as an export in each input form: a CSV folder, JSON or NDJSON, streamed row by row.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { TABLES, type TableSpec } from '../src/model/tables.js';
import type { ChildTableName, TableName } from '../src/model/types.js';
import type { CaseDocument } from './document.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Receives case documents one at a time; nothing is held beyond the case being written. */
export interface ExportWriter {
  write(document: CaseDocument): Promise<void>;
  /** Finishes every file; the export is complete only once this resolves. */
  close(): Promise<void>;
  /** Rows written per table so far. */
  readonly rowCounts: ReadonlyMap<TableName, number>;
}

export interface CsvOptions {
  /**
   * Tables whose dates are written in the UK form `DD/MM/YYYY` on every other row, so one export
   * shows both accepted date forms.
   */
  readonly ukDateTables?: readonly TableName[];
}

export interface JsonOptions {
  /** One row per line with indentation, for reading by people; otherwise one case per line. */
  readonly readable?: boolean;
}

type Value = string | number | boolean | undefined;
type Row = Readonly<Record<string, Value>>;

const CHILD_TABLES = TABLES.filter((t) => t.name !== 'cases');

/** A file written through a stream that waits when the disk falls behind. */
class FileSink {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }
}

/** The rows of one table in a case document, each carrying the case id as the CSV form needs. */
function rowsOf(document: CaseDocument, table: TableSpec): Row[] {
  if (table.name === 'cases') return [document as unknown as Row];
  const rows = document[table.name as ChildTableName] as readonly Row[];
  return rows.map((row) => ({ ...row, case_id: document.case_id }));
}

function cell(value: Value): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return String(value);
}

const ukDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

class CsvExportWriter implements ExportWriter {
  readonly rowCounts = new Map<TableName, number>();
  private readonly sinks = new Map<TableName, FileSink>();
  private readonly ukDateTables: ReadonlySet<TableName>;

  constructor(directory: string, options: CsvOptions) {
    this.ukDateTables = new Set(options.ukDateTables ?? []);
    for (const table of TABLES) {
      this.sinks.set(table.name, new FileSink(join(directory, `${table.name}.csv`)));
      this.rowCounts.set(table.name, 0);
    }
  }

  async open(): Promise<void> {
    for (const table of TABLES) {
      await this.sink(table).write(toCsv([table.columns.map((c) => c.name)]));
    }
  }

  async write(document: CaseDocument): Promise<void> {
    for (const table of TABLES) {
      const rows = rowsOf(document, table);
      if (rows.length === 0) continue;
      const written = this.rowCounts.get(table.name) ?? 0;
      const lines = rows.map((row, index) => {
        const uk = this.ukDateTables.has(table.name) && (written + index) % 2 === 1;
        return table.columns.map((column) => {
          const value = row[column.name];
          return uk && column.kind === 'date' && typeof value === 'string' ? ukDate(value) : cell(value);
        });
      });
      await this.sink(table).write(toCsv(lines));
      this.rowCounts.set(table.name, written + rows.length);
    }
  }

  async close(): Promise<void> {
    for (const sink of this.sinks.values()) await sink.close();
  }

  private sink(table: TableSpec): FileSink {
    const sink = this.sinks.get(table.name);
    if (!sink) throw new Error(`no file open for ${table.name}`);
    return sink;
  }
}

const toCsv = (records: readonly (readonly string[])[]): string =>
  stringify(records as string[][], { record_delimiter: 'unix' });

/** A row with its columns in contract order and unrecorded values left out. */
function ordered(row: Row, table: TableSpec, withCaseId: boolean): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const column of table.columns) {
    if (column.name === 'case_id' && !withCaseId) continue;
    const value = row[column.name];
    if (value !== undefined) result[column.name] = value;
  }
  return result;
}

const casesSpec = (): TableSpec => TABLES.find((t) => t.name === 'cases') as TableSpec;

/** The case document with every field in contract order and every child table present (empty or not). */
export function orderedDocument(document: CaseDocument): Record<string, unknown> {
  const result: Record<string, unknown> = ordered(document as unknown as Row, casesSpec(), true);
  for (const table of CHILD_TABLES) {
    const rows = document[table.name as ChildTableName] as readonly Row[];
    result[table.name] = rows.map((row) => ordered(row, table, false));
  }
  return result;
}

/** A flat row as JSON on one line, with a space after each separator. */
function inline(row: Readonly<Record<string, unknown>>): string {
  const fields = Object.entries(row).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{${fields.join(', ')}}`;
}

/** A case document laid out one row per line, indented to sit inside `{"cases": [...]}`. */
function readableDocument(document: CaseDocument): string {
  const ordered = orderedDocument(document);
  const lines: string[] = [];
  const scalars = Object.entries(ordered).filter(([, value]) => !Array.isArray(value));
  lines.push(`      ${scalars.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}`);
  for (const table of CHILD_TABLES) {
    const rows = ordered[table.name] as Record<string, unknown>[];
    if (rows.length === 0) {
      lines.push(`      ${JSON.stringify(table.name)}: []`);
    } else {
      const body = rows.map((row) => `        ${inline(row)}`).join(',\n');
      lines.push(`      ${JSON.stringify(table.name)}: [\n${body}\n      ]`);
    }
  }
  return `    {\n${lines.join(',\n')}\n    }`;
}

function countRows(counts: Map<TableName, number>, document: CaseDocument): void {
  for (const table of TABLES) {
    counts.set(table.name, (counts.get(table.name) ?? 0) + rowsOf(document, table).length);
  }
}

class JsonExportWriter implements ExportWriter {
  readonly rowCounts = new Map<TableName, number>();
  private readonly sink: FileSink;
  private written = 0;

  constructor(
    file: string,
    private readonly readable: boolean,
  ) {
    this.sink = new FileSink(file);
  }

  async write(document: CaseDocument): Promise<void> {
    const separator = this.written === 0 ? (this.readable ? '{\n  "cases": [\n' : '{"cases": [\n') : ',\n';
    const text = this.readable ? readableDocument(document) : JSON.stringify(orderedDocument(document));
    await this.sink.write(separator + text);
    this.written += 1;
    countRows(this.rowCounts, document);
  }

  async close(): Promise<void> {
    if (this.written === 0) await this.sink.write('{"cases": []}\n');
    else await this.sink.write(this.readable ? '\n  ]\n}\n' : '\n]}\n');
    await this.sink.close();
  }
}

class NdjsonExportWriter implements ExportWriter {
  readonly rowCounts = new Map<TableName, number>();
  private readonly sink: FileSink;

  constructor(file: string) {
    this.sink = new FileSink(file);
  }

  async write(document: CaseDocument): Promise<void> {
    await this.sink.write(`${JSON.stringify(orderedDocument(document))}\n`);
    countRows(this.rowCounts, document);
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}

/** A folder of `<table>.csv` files with the contract's columns in order, bools as Y/N, LF line ends. */
export async function openCsvExport(directory: string, options: CsvOptions = {}): Promise<ExportWriter> {
  const writer = new CsvExportWriter(directory, options);
  await writer.open();
  return writer;
}

/** `{"cases": [...]}`, written a case at a time. */
export function openJsonExport(file: string, options: JsonOptions = {}): ExportWriter {
  return new JsonExportWriter(file, options.readable ?? false);
}

/** One case document per line. */
export function openNdjsonExport(file: string): ExportWriter {
  return new NdjsonExportWriter(file);
}

/** Writes every document of `documents` (any iterable, so a generator streams) and closes the export. */
export async function writeAll(writer: ExportWriter, documents: Iterable<CaseDocument>): Promise<void> {
  for (const document of documents) await writer.write(document);
  await writer.close();
}
