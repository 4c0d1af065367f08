// Reads JSON (an array of case documents or {"cases": [...]}) and NDJSON (one per line) as streams of case documents with their lines.
import { InputError } from '../core/errors.js';
import { MAX_RECORD_LENGTH } from './csv-tokenizer.js';
import { isFileSystemError, readError } from './files.js';
import { DocumentTooLong, JsonScanner, JsonSyntaxError, scanJson, type JsonLayout, type JsonScanError } from './json-layout.js';
import type { DocumentSink } from './records.js';
import { textChunks, type TextEncoding } from './text.js';

const JSON_EXPECTED = 'a JSON array of case documents, or {"cases": [ ... ]}';
const NDJSON_EXPECTED = 'one JSON case document per line';

const BOM = '\uFEFF';

const MILLIONS = `${MAX_RECORD_LENGTH / (1024 * 1024)} million`;

/**
 * The error for text JSON.parse refused, placed by the scanner; `lineNumber` places an NDJSON line. V8's
 * own message is never shown: it quotes the text around the fault, which may be personal data.
 */
function invalidJson(file: string, scan: JsonLayout | JsonSyntaxError, expected: string, lineNumber?: number): InputError {
  if (!(scan instanceof JsonSyntaxError)) return new InputError('invalid JSON', { file, line: lineNumber ?? 1 }, expected);
  return new InputError(`invalid JSON at column ${scan.column}: ${scan.reason}`, { file, line: lineNumber ?? scan.line }, expected);
}

function scanFailure(file: string, error: JsonScanError): InputError {
  if (error instanceof DocumentTooLong) {
    return new InputError(`a case document runs on for more than ${MILLIONS} characters`, { file, line: error.line }, `${JSON_EXPECTED}, each document at most ${MILLIONS} characters`);
  }
  return invalidJson(file, error, JSON_EXPECTED);
}

/** Bytes read at a time: large reads mean fewer documents cut in two between reads. */
const READ_SIZE = 1 << 20;

/**
 * A JSON file, streamed: the scanner validates the text as it comes and hands on each case document's text
 * as soon as it closes, which is parsed on its own, so the file is never one string and a document is held
 * only while it is read (at most MAX_RECORD_LENGTH characters). A fault anywhere stops the reading at its
 * line and column; the documents before it have gone to the sink. `readSize` is for tests (tiny reads).
 */
export async function readJsonFile(file: string, sink: DocumentSink, encoding?: TextEncoding, readSize = READ_SIZE): Promise<void> {
  let casesKeys = 0;
  const scanner: JsonScanner = new JsonScanner(
    {
      document(text, index, layout) {
        let document: unknown;
        try {
          document = JSON.parse(text);
        } catch {
          // The scanner has validated the text: this is only a guard that V8's message never reaches the user.
          throw invalidJson(file, scanJson(text), JSON_EXPECTED, layout.line);
        }
        sink.document(document, layout.line, `${scanner.root === 'object' ? 'cases' : ''}[${index}]`, layout);
      },
      // JSON.parse would take the last `cases`; a stream cannot take back the documents of the first.
      casesKey(line, column) {
        if (++casesKeys > 1) throw new InputError(`a second "cases" key at column ${column}`, { file, line }, `${JSON_EXPECTED}, with one "cases" key`);
      },
    },
    { keepText: true, maxDocumentLength: MAX_RECORD_LENGTH },
  );
  try {
    for await (const chunk of textChunks(file, encoding, readSize)) {
      const error = scanner.write(chunk);
      if (error) throw scanFailure(file, error);
    }
  } catch (error) {
    throw isFileSystemError(error) ? readError(file, error) : error;
  }
  const error = scanner.end();
  if (error) throw scanFailure(file, error);
  if (scanner.root !== 'array' && scanner.casesArrays === 0) {
    const found = scanner.root === 'object' ? 'an object without a "cases" array' : `a ${scanner.root ?? 'null'}`;
    throw new InputError(`JSON of the wrong shape: ${found}`, { file, line: 1 }, JSON_EXPECTED);
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
