// Decodes a CSV file, streamed, into its header and records, each with the physical line the record starts on.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../core/errors.js';
import { delimiterName, detectDelimiter, firstContentLine, type Delimiter } from './dialect.js';
import { CsvSyntaxError, CsvTokenizer, type CsvProblem } from './csv-tokenizer.js';
import { isFileSystemError, readError } from './files.js';
import type { TabularSink } from './records.js';
import { bodyStream, decodeHead, decodingStage, detectedLayout, readHead, type TextEncoding } from './text.js';

export type { TabularSink } from './records.js';

const csvExpected = (delimiter: Delimiter) =>
  `delimited text with a header row; a cell holding a ${delimiterName(delimiter)}, quote or line break enclosed in double quotes, a quote inside it doubled ("")`;

/** Ends the reading of a file once its header (and as many records as were wanted) is read. */
class EnoughRead extends Error {}

const CSV_PROBLEMS: Readonly<Record<CsvProblem, string>> = {
  'quote-not-closed': 'a quoted cell is never closed',
  'record-too-long': 'a record runs on for more than 16 million characters (a quoted cell never closed?)',
};

/** Feeds the decoded text (UTF-8 arrives as checked bytes, other encodings as strings) to the tokenizer. */
function tokenizing(tokenizer: CsvTokenizer): Writable {
  return new Writable({
    objectMode: true,
    write(chunk: Buffer | string, _encoding, done) {
      try {
        const more = tokenizer.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
        done(more ? null : new EnoughRead());
      } catch (error) {
        done(error as Error);
      }
    },
    final(done) {
      try {
        tokenizer.end();
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** Bytes read at a time: large reads mean fewer records cut in two between reads. */
const READ_SIZE = 1 << 16;

export interface CsvOptions {
  /** The file's encoding; by default its byte-order mark's, else UTF-8 (checked). */
  readonly encoding?: TextEncoding | undefined;
  /** The cell separator; by default the one the header line uses most. */
  readonly delimiter?: Delimiter | undefined;
  /** Records read after the header before the file is left: 0 for the header alone; by default all. */
  readonly rowLimit?: number | undefined;
}

/** How a delimited text file was read. */
export interface CsvDialect {
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
  /** The encoding was detected (Windows-1252: the file is not valid UTF-8), not declared or assumed. */
  readonly detected: boolean;
}

/**
 * Streams the file through the sink: decoded (see text.ts), split on its delimiter. A malformed file
 * becomes an InputError at the record's line.
 */
export async function readCsv(file: string, sink: TabularSink, options: CsvOptions = {}): Promise<CsvDialect> {
  const head = await readHead(file);
  const layout = await detectedLayout(file, head, options.encoding);
  const delimiter = options.delimiter ?? detectDelimiter(firstContentLine(decodeHead(head, layout)));
  const tokenizer = new CsvTokenizer(sink, delimiter, options.rowLimit);
  try {
    await pipeline(bodyStream(file, layout, READ_SIZE), decodingStage(file, layout), tokenizing(tokenizer));
  } catch (error) {
    if (error instanceof EnoughRead) return { encoding: layout.encoding, delimiter, detected: layout.detected === true };
    if (error instanceof InputError) throw error;
    if (error instanceof CsvSyntaxError) {
      const problem = CSV_PROBLEMS[error.problem];
      throw new InputError(
        `malformed ${delimiter === ',' ? 'CSV' : `${delimiterName(delimiter)}-separated text`}: ${problem} (in the record starting here)`,
        { file, line: error.line },
        csvExpected(delimiter),
      );
    }
    throw isFileSystemError(error) ? readError(file, error) : error;
  }
  return { encoding: layout.encoding, delimiter, detected: layout.detected === true };
}
