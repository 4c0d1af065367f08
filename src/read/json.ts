// Reads JSON (an array of case documents or {"cases": [...]}) and NDJSON (one per line) into raw table rows.
import { InputError } from '../core/errors.js';
import { TABLE_NAMES, type ChildTableName, type TableName } from '../model/types.js';
import { caseIdMismatch } from '../validate/findings.js';
import { isFileSystemError, readError } from './files.js';
import { MAX_RECORD_LENGTH } from './csv-tokenizer.js';
import { NotRegularFile, readRegularFile, sizeName } from '../core/regular-file.js';
import { JsonSyntaxError, scanJson, type DocumentLayout, type JsonLayout } from './json-layout.js';
import type { InputCount, RowCollector } from '../validate/rows.js';
import { PROGRESS_EVERY, type ProgressReporter } from '../validate/table-sink.js';
import { decodeObject, DECODERS } from '../validate/schemas.js';
import { decodeWhole, textChunks, type TextEncoding } from './text.js';
import { presentValue } from '../model/values.js';

const CHILD_TABLES = TABLE_NAMES.filter((name): name is ChildTableName => name !== 'cases');

const DOCUMENT_EXPECTED = 'a case document: an object with the cases columns and child tables as arrays of objects';
const JSON_EXPECTED = 'a JSON array of case documents, or {"cases": [ ... ]}';
const NDJSON_EXPECTED = 'one JSON case document per line';

const BOM = '\uFEFF';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits case documents into table rows for the collector. An embedded row without a `case_id` takes its
 * document's; one with a different `case_id` is invalid. A table counts as present for this file as soon
 * as one document has its key, even with an empty array; a `null` table is not recorded, like any null.
 */
class CaseDocumentReader {
  private readonly counts = new Map<TableName, InputCount>();
  private rowsRead = 0;

  constructor(
    private readonly file: string,
    private readonly collector: RowCollector,
    private readonly progress: ProgressReporter,
  ) {
    this.count('cases');
  }

  private count(table: TableName): InputCount {
    let count = this.counts.get(table);
    if (!count) {
      count = this.collector.input(this.file, table);
      this.counts.set(table, count);
    }
    return count;
  }

  /** `path` is the document's JSON path (`[3]`, `cases[3]`), empty for an NDJSON line. */
  read(document: unknown, line: number, path: string, layout: DocumentLayout | undefined): void {
    if (!isObject(document)) {
      throw new InputError(`${path || 'the line'} is not a case document`, { file: this.file, line }, DOCUMENT_EXPECTED);
    }
    this.collector.columns.keys('cases', document);
    this.collector.validate(this.count('cases'), decodeObject(DECODERS.cases, document), this.file, line, path || null);
    this.tick();
    const documentCaseId = presentValue(document['case_id']);
    const prefix = path ? `${path}.` : '';
    for (const table of CHILD_TABLES) {
      const rows = document[table];
      if (rows === undefined || rows === null) continue;
      if (!Array.isArray(rows)) {
        throw new InputError(`${prefix}${table} is not an array`, { file: this.file, line }, DOCUMENT_EXPECTED);
      }
      const count = this.count(table);
      const lines = layout?.rows.get(table);
      for (let index = 0; index < rows.length; index++) {
        const row: unknown = rows[index];
        const rowLine = lines?.[index] ?? line;
        if (!isObject(row)) {
          throw new InputError(
            `${prefix}${table}[${index}] is not an object`,
            { file: this.file, line: rowLine },
            DOCUMENT_EXPECTED,
          );
        }
        const rowPath = `${prefix}${table}[${index}]`;
        this.collector.columns.keys(table, row);
        const decoded = decodeObject(DECODERS[table], row);
        if (decoded['case_id'] === undefined) {
          decoded['case_id'] = documentCaseId;
        } else if (typeof decoded['case_id'] === 'string' && typeof documentCaseId === 'string' && decoded['case_id'] !== documentCaseId) {
          const origin = { file: this.file, line: rowLine, jsonPath: rowPath };
          this.collector.rejectRead(count, caseIdMismatch(table, decoded, origin, documentCaseId));
          this.tick();
          continue;
        }
        this.collector.validate(count, decoded, this.file, rowLine, rowPath);
        this.tick();
      }
    }
  }

  private tick(): void {
    if (++this.rowsRead % PROGRESS_EVERY === 0) this.progress(this.rowsRead);
  }

  finish(): void {
    this.progress(this.rowsRead);
  }
}

/**
 * The error for text JSON.parse refused, placed by the scanner; `lineNumber` places an NDJSON line. V8's
 * own message is never shown: it quotes the text around the fault, which may be personal data.
 */
function invalidJson(file: string, scan: JsonLayout | JsonSyntaxError, expected: string, lineNumber?: number): InputError {
  if (!(scan instanceof JsonSyntaxError)) return new InputError('invalid JSON', { file, line: lineNumber ?? 1 }, expected);
  return new InputError(`invalid JSON at column ${scan.column}: ${scan.reason}`, { file, line: lineNumber ?? scan.line }, expected);
}

/**
 * The largest JSON file read (JSON is parsed whole): 256 MiB, far beyond a month's export of case documents and
 * within what one string can hold.
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** A JSON file's bytes, refused when it is not a regular file or is larger than MAX_JSON_BYTES. */
export function readJsonBytes(file: string): Buffer {
  try {
    return readRegularFile(file, MAX_JSON_BYTES);
  } catch (error) {
    if (error instanceof NotRegularFile) {
      throw new InputError(`cannot read: ${error.reason}`, { file }, `a JSON file of at most ${sizeName(MAX_JSON_BYTES)}; a larger export as NDJSON`);
    }
    throw readError(file, error);
  }
}

/** A whole JSON file: read at once (JSON cannot be parsed in pieces), validated with line numbers. */
export async function readJsonFile(
  file: string,
  collector: RowCollector,
  progress: ProgressReporter,
  encoding?: TextEncoding,
): Promise<void> {
  const text = await decodeWhole(file, readJsonBytes(file), encoding);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidJson(file, scanJson(text), JSON_EXPECTED);
  }
  const layout = scanJson(text, true);
  if (layout instanceof JsonSyntaxError) throw invalidJson(file, layout, JSON_EXPECTED);
  const documents = Array.isArray(value)
    ? (value as unknown[])
    : isObject(value) && Array.isArray(value['cases'])
      ? (value['cases'] as unknown[])
      : undefined;
  const wrapped = !Array.isArray(value);
  if (!documents) {
    const found = isObject(value) ? 'an object without a "cases" array' : `a ${value === null ? 'null' : typeof value}`;
    throw new InputError(`JSON of the wrong shape: ${found}`, { file, line: 1 }, JSON_EXPECTED);
  }
  const reader = new CaseDocumentReader(file, collector, progress);
  const pathPrefix = wrapped ? 'cases' : '';
  for (let index = 0; index < documents.length; index++) {
    const documentLayout = layout.documents[index];
    reader.read(documents[index], documentLayout?.line ?? 1, `${pathPrefix}[${index}]`, documentLayout);
  }
  reader.finish();
}

/**
 * Calls `onLine` with each line of a text file (without its LF). The text since the last line break is kept in
 * pieces and joined once when its line ends, so a long line is read in linear time; a line past
 * MAX_RECORD_LENGTH is refused rather than read until memory runs out.
 */
export async function forEachLine(file: string, encoding: TextEncoding | undefined, onLine: (text: string) => void): Promise<void> {
  let lines = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const tooLong = () =>
    new InputError(
      `a line runs on for more than ${MAX_RECORD_LENGTH / (1024 * 1024)} million characters`,
      { file, line: lines + 1 },
      NDJSON_EXPECTED,
    );
  for await (const chunk of textChunks(file, encoding)) {
    let start = 0;
    let end = chunk.indexOf('\n');
    while (end !== -1) {
      if (pendingLength + end - start > MAX_RECORD_LENGTH) throw tooLong();
      const piece = chunk.slice(start, end);
      lines++;
      onLine(pending.length === 0 ? piece : [...pending, piece].join(''));
      pending = [];
      pendingLength = 0;
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) {
      pendingLength += chunk.length - start;
      if (pendingLength > MAX_RECORD_LENGTH) throw tooLong();
      pending.push(start === 0 ? chunk : chunk.slice(start));
    }
  }
  if (pending.length > 0) onLine(pending.join(''));
}

/** An NDJSON file, streamed line by line; blank lines are skipped. */
export async function readNdjsonFile(
  file: string,
  collector: RowCollector,
  progress: ProgressReporter,
  encoding?: TextEncoding,
): Promise<void> {
  const reader = new CaseDocumentReader(file, collector, progress);
  let lineNumber = 0;
  const readLine = (text: string) => {
    lineNumber++;
    let content = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (lineNumber === 1 && content.startsWith(BOM)) content = content.slice(1);
    if (content.trim() === '') return;
    let document: unknown;
    try {
      document = JSON.parse(content);
    } catch {
      throw invalidJson(file, scanJson(content), NDJSON_EXPECTED, lineNumber);
    }
    reader.read(document, lineNumber, '', undefined);
  };
  try {
    await forEachLine(file, encoding, readLine);
  } catch (error) {
    throw isFileSystemError(error) ? readError(file, error) : error;
  }
  reader.finish();
}
