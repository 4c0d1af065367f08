// Decodes a CSV file, streamed, into its header and records, each with the physical line the record starts on.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, Parser } from 'csv-parse';
import { InputError } from '../errors.js';
import { delimiterName, detectDelimiter, firstContentLine, type Delimiter } from './dialect.js';
import { isFileSystemError, readError } from './files.js';
import type { TabularSink } from './tabular.js';
import { bodyStream, decodeHead, decodingStage, readHead, textLayout, type TextEncoding } from './text.js';

export type { TabularSink } from './tabular.js';

const csvExpected = (delimiter: Delimiter) =>
  `delimited text with a header row; a cell holding a ${delimiterName(delimiter)}, quote or line break enclosed in double quotes, a quote inside it doubled ("")`;

const CR = 13;
const LF = 10;

/** Line breaks inside a record's (quoted) cells: CRLF, LF or a lone CR each count one, as editors show them. */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === LF || (code === CR && cell.charCodeAt(i + 1) !== LF)) breaks++;
    }
  }
  return breaks;
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * csv-parse in array mode, reading each record's line from `info` as the record is pushed: cheaper than
 * its `info: true` option, which copies the whole info object for every record. csv-parse counts a CRLF
 * inside a quoted cell as two lines, so physical lines are derived from the record's own cells instead:
 * a record starts after the previous one ends, past any skipped empty lines.
 */
class LineTrackingParser extends Parser {
  private previousRawLine = 0;
  private previousEmptyLines = 0;
  private previousEndLine = 0;
  private headerSeen = false;

  constructor(
    private readonly sink: TabularSink,
    delimiter: Delimiter,
    private readonly headerOnly: boolean,
  ) {
    // Every line end is accepted in every row: csv-parse would otherwise fix the first one it meets, and a
    // file with mixed line ends (exports glued together) would break at its first quoted last cell.
    super({
      bom: true,
      delimiter,
      columns: false,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  }

  /** The line the record now being parsed starts on (for an error raised inside it). */
  currentRecordLine(): number {
    return this.previousEndLine + 1 + (this.info.empty_lines - this.previousEmptyLines);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    if (this.destroyed) return false;
    const cells = chunk as string[];
    const { lines, empty_lines: emptyLines } = this.info;
    const skippedLines = emptyLines - this.previousEmptyLines;
    const start = this.previousEndLine + 1 + skippedLines;
    // csv-parse's line counter moved by exactly one plus the skipped lines: the record has no line break.
    const singleLine = lines - this.previousRawLine - skippedLines === 1;
    this.previousEndLine = singleLine ? start : start + lineBreaksIn(cells);
    this.previousRawLine = lines;
    this.previousEmptyLines = emptyLines;
    if (isBlankRecord(cells)) return true;
    try {
      if (this.headerSeen) {
        this.sink.record(cells, start);
      } else {
        this.headerSeen = true;
        this.sink.header(cells, start);
        if (this.headerOnly) {
          this.destroy(new HeaderRead());
          return false;
        }
      }
    } catch (error) {
      this.destroy(error as Error);
      return false;
    }
    return true;
  }
}

const discard = () =>
  new Writable({
    objectMode: true,
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** Ends the reading of a file once its header is known, when that is all that is wanted. */
class HeaderRead extends Error {}

const csvProblems = (delimiter: Delimiter): Readonly<Record<string, string>> => ({
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: `a closing quote is followed by something other than a ${delimiterName(delimiter)} or the end of the line`,
  CSV_INVALID_OPENING_QUOTE: 'a quote appears inside a cell that does not start with one',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: `a closing quote is followed by something other than a ${delimiterName(delimiter)}`,
  CSV_MAX_RECORD_SIZE: 'a record is too large',
});

export interface CsvOptions {
  /** The file's encoding; by default its byte-order mark's, else UTF-8 (checked). */
  readonly encoding?: TextEncoding | undefined;
  /** The cell separator; by default the one the header line uses most. */
  readonly delimiter?: Delimiter | undefined;
  /** Stop once the header has reached the sink. */
  readonly headerOnly?: boolean;
}

/** How a delimited text file was read. */
export interface CsvDialect {
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
}

/**
 * Streams the file through the sink: decoded (see text.ts), split on its delimiter. A malformed file
 * becomes an InputError at the record's line.
 */
export async function readCsv(file: string, sink: TabularSink, options: CsvOptions = {}): Promise<CsvDialect> {
  const head = await readHead(file);
  const layout = textLayout(file, head, options.encoding);
  const delimiter = options.delimiter ?? detectDelimiter(firstContentLine(decodeHead(head, layout)));
  const parser = new LineTrackingParser(sink, delimiter, options.headerOnly === true);
  try {
    await pipeline(bodyStream(file, layout), decodingStage(file, layout), parser, discard());
  } catch (error) {
    if (error instanceof HeaderRead) return { encoding: layout.encoding, delimiter };
    if (error instanceof InputError) throw error;
    if (error instanceof CsvError) {
      const problem = csvProblems(delimiter)[error.code] ?? `the file cannot be parsed (${error.code})`;
      throw new InputError(
        `malformed ${delimiter === ',' ? 'CSV' : `${delimiterName(delimiter)}-separated text`}: ${problem} (in the record starting here)`,
        { file, line: parser.currentRecordLine() },
        csvExpected(delimiter),
      );
    }
    throw isFileSystemError(error) ? readError(file, error) : error;
  }
  return { encoding: layout.encoding, delimiter };
}
