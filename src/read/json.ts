// Reads JSON (an array of case documents or {"cases": [...]}) and NDJSON (one per line) into case documents with their lines.
import { InputError } from '../core/errors.js';
import { NotRegularFile, readRegularFile, sizeName } from '../core/regular-file.js';
import { MAX_RECORD_LENGTH } from './csv-tokenizer.js';
import { isFileSystemError, readError } from './files.js';
import { JsonSyntaxError, scanJson, type JsonLayout } from './json-layout.js';
import type { DocumentSink } from './records.js';
import { decodeWhole, textChunks, type TextEncoding } from './text.js';

const JSON_EXPECTED = 'a JSON array of case documents, or {"cases": [ ... ]}';
const NDJSON_EXPECTED = 'one JSON case document per line';

const BOM = '\uFEFF';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
export async function readJsonFile(file: string, sink: DocumentSink, encoding?: TextEncoding): Promise<void> {
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
  const pathPrefix = wrapped ? 'cases' : '';
  for (let index = 0; index < documents.length; index++) {
    const documentLayout = layout.documents[index];
    sink.document(documents[index], documentLayout?.line ?? 1, `${pathPrefix}[${index}]`, documentLayout);
  }
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
export async function readNdjsonFile(file: string, sink: DocumentSink, encoding?: TextEncoding): Promise<void> {
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
    sink.document(document, lineNumber, '', undefined);
  };
  try {
    await forEachLine(file, encoding, readLine);
  } catch (error) {
    throw isFileSystemError(error) ? readError(file, error) : error;
  }
}
