// Splits decoded delimited text, chunk by chunk, into records of cells, each with the physical line it starts on.

/** Why a file cannot be split into records (the caller words it for the user). */
export type CsvProblem = 'quote-not-closed' | 'record-too-long';

/** The longest record read (in characters): 16 million, far beyond any case record. */
export const MAX_RECORD_LENGTH = 16 * 1024 * 1024;

export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvProblem,
    /** The physical line the record holding the problem starts on. */
    readonly line: number,
  ) {
    super(`${problem} in the record starting on line ${line}`);
  }
}

/** Where the records go: the first non-blank record is the header. */
export interface RecordReceiver {
  header(cells: readonly string[], line: number): void;
  record(cells: readonly string[], line: number): void;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Line breaks inside a quoted cell: CRLF, LF or a lone CR each count one, as editors show them. */
function lineBreaksIn(text: string): number {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== LF) breaks++;
  return breaks;
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** A quoted record that runs past the text at hand: more text is needed to finish it. */
const NEED_MORE = -1;

/**
 * An RFC 4180 tokenizer with the dialect csv-parse was given before it (any of CRLF, LF or a lone CR ends
 * a record, empty lines are skipped, records may have any number of cells, a byte-order mark is the
 * decoder's business). Lines without a quote, nearly all of an export, are split with `indexOf` alone;
 * a record holding a quote goes through the full state machine. Records whose cells are all blank are
 * passed over, as blank lines are.
 */
export class CsvTokenizer {
  private rest = '';
  /** The physical line `rest` starts on. */
  private line = 1;
  private headerSeen = false;
  /** Records handed over after the header. */
  private records = 0;
  private readonly delimiter: number;
  private readonly delimiterText: string;
  private readonly cells: string[] = [];

  constructor(
    private readonly receiver: RecordReceiver,
    delimiter: string,
    /**
     * Records to hand over after the header before stopping (and returning false from `write`): 0 for the
     * header alone, as the pre-flight reads headers; by default every record.
     */
    private readonly recordLimit = Number.POSITIVE_INFINITY,
  ) {
    this.delimiterText = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Takes the next piece of text; false once the header and as many records as were wanted have been read. */
  write(chunk: string): boolean {
    // An unfinished record is read again from its start with each piece: one that never ends (an unclosed
    // quote early in a large file) is stopped at a size no real record reaches, before it costs minutes.
    if (this.rest.length > MAX_RECORD_LENGTH) throw new CsvSyntaxError('record-too-long', this.line);
    if (this.rest === '') return this.consume(chunk, false);
    // The record cut by the last piece is finished with this piece up to its first LF alone: joining the whole
    // piece to it would copy every piece once more. (Without an LF, as in a file of lone CRs, it is joined.)
    const firstLf = chunk.indexOf('\n');
    if (firstLf === -1) return this.consume(this.rest + chunk, false);
    const after = chunk.slice(firstLf + 1);
    if (!this.consume(this.rest + chunk.slice(0, firstLf + 1), false)) return this.finishEarly(after);
    return this.consume(this.rest === '' ? after : this.rest + after, false);
  }

  /** Enough was read in the head of a piece: what follows it stays unread. */
  private finishEarly(after: string): boolean {
    this.rest += after;
    return false;
  }

  /** After the last piece: the record left unfinished, if any, is finished or refused. */
  end(): void {
    if (this.rest !== '') this.consume(this.rest, true);
  }

  private consume(text: string, final: boolean): boolean {
    const length = text.length;
    let pos = 0;
    let line = this.line;
    // The next LF, CR and quote at or after `pos`, each looked for again only once passed (-1: none left),
    // so that a file whose lines all end in one kind is never scanned to its end for the other at every line.
    let quoteAt = text.indexOf('"');
    let crAt = text.indexOf('\r');
    let lfAt = text.indexOf('\n');
    while (pos < length) {
      if (crAt !== -1 && crAt < pos) crAt = text.indexOf('\r', pos);
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);
      if (lfAt !== -1 && lfAt < pos) lfAt = text.indexOf('\n', pos);
      let lineEnd = lfAt;
      let next: number;
      if (crAt !== -1 && (lineEnd === -1 || crAt < lineEnd)) {
        // A CR ends the record; followed by LF it is one line end, so a CR at the end of the text waits.
        if (crAt === length - 1 && !final) break;
        lineEnd = crAt;
        next = text.charCodeAt(crAt + 1) === LF ? crAt + 2 : crAt + 1;
      } else if (lineEnd === -1) {
        if (!final) break;
        lineEnd = length;
        next = length;
      } else {
        next = lineEnd + 1;
      }
      if (quoteAt !== -1 && quoteAt < lineEnd) {
        const end = this.quotedRecord(text, pos, line, final);
        if (end === NEED_MORE) break;
        pos = end.next;
        line = end.nextLine;
        if (this.enough()) return this.stopAt(text, pos, line);
        continue;
      }
      if (lineEnd > pos) {
        this.deliver(this.split(text, pos, lineEnd), line);
        if (this.enough()) return this.stopAt(text, next, line + 1);
      }
      pos = next;
      line++;
    }
    this.rest = pos >= length ? '' : text.slice(pos);
    this.line = line;
    return true;
  }

  /** Whether the header and every record wanted have been handed over. */
  private enough(): boolean {
    return this.headerSeen && this.records >= this.recordLimit;
  }

  private stopAt(text: string, pos: number, line: number): boolean {
    this.rest = text.slice(pos);
    this.line = line;
    return false;
  }

  private deliver(cells: string[], line: number): void {
    if (isBlankRecord(cells)) return;
    if (this.headerSeen) {
      this.records++;
      this.receiver.record(cells, line);
    } else {
      this.headerSeen = true;
      this.receiver.header([...cells], line);
    }
  }

  /**
   * The cells of a quote-free line, in one array reused for every line: receivers read a record's cells
   * during the call and keep none of the array (the header is handed a copy).
   */
  private split(text: string, start: number, end: number): string[] {
    const cells = this.cells;
    const delimiter = this.delimiterText;
    let count = 0;
    let from = start;
    for (let at = text.indexOf(delimiter, from); at !== -1 && at < end; at = text.indexOf(delimiter, from)) {
      cells[count++] = text.slice(from, at);
      from = at + 1;
    }
    cells[count++] = text.slice(from, end);
    if (cells.length !== count) cells.length = count;
    return cells;
  }

  /**
   * A record with a quote somewhere in it, cell by cell from `start`: where the next record starts and on
   * which line, or NEED_MORE when the text ends inside it before the last piece.
   */
  private quotedRecord(text: string, start: number, line: number, final: boolean): { next: number; nextLine: number } | typeof NEED_MORE {
    const length = text.length;
    const delimiter = this.delimiter;
    const cells: string[] = [];
    let breaks = 0;
    let pos = start;
    for (;;) {
      // The start of a quoted cell that turned out not to be one (text after its closing quote), read as written.
      let lead = '';
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        let closed = -1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) {
            if (final) throw new CsvSyntaxError('quote-not-closed', line);
            return NEED_MORE;
          }
          if (quote === length - 1 && !final) return NEED_MORE;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          closed = quote;
          break;
        }
        breaks += lineBreaksIn(value);
        cells.push(value);
        pos = closed + 1;
        if (pos >= length) {
          if (!final) return NEED_MORE;
          return this.recordEnds(cells, line, breaks, length);
        }
        const after = text.charCodeAt(pos);
        if (after === delimiter) {
          pos++;
          if (pos >= length && !final) return NEED_MORE;
          if (pos >= length) {
            cells.push('');
            return this.recordEnds(cells, line, breaks, length);
          }
          continue;
        }
        if (after === LF) return this.recordEnds(cells, line, breaks, pos + 1);
        if (after === CR) {
          if (pos + 1 >= length && !final) return NEED_MORE;
          return this.recordEnds(cells, line, breaks, text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1);
        }
        // Text after a closing quote: the cell is read as written, quotes and all, up to the next delimiter or
        // line end (`"Big" Dave` in an SSMS save), as csv-parse's relax_quotes reads it.
        cells.pop();
        lead = `"${value}"`;
      }
      // An unquoted cell: up to the next delimiter or line end. A quote inside it is part of the value, as
      // csv-parse's relax_quotes reads it: SSMS saves without quoting, so `5 O"Neil Road` is a real value.
      let end = pos;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === delimiter || code === LF || code === CR) break;
        end++;
      }
      if (end >= length) {
        if (!final) return NEED_MORE;
        cells.push(lead + text.slice(pos, end));
        return this.recordEnds(cells, line, breaks, length);
      }
      cells.push(lead + text.slice(pos, end));
      const code = text.charCodeAt(end);
      if (code === delimiter) {
        pos = end + 1;
        if (pos >= length) {
          if (!final) return NEED_MORE;
          cells.push('');
          return this.recordEnds(cells, line, breaks, length);
        }
        continue;
      }
      if (code === LF) return this.recordEnds(cells, line, breaks, end + 1);
      if (end + 1 >= length && !final) return NEED_MORE;
      return this.recordEnds(cells, line, breaks, text.charCodeAt(end + 1) === LF ? end + 2 : end + 1);
    }
  }

  private recordEnds(cells: string[], line: number, breaks: number, next: number): { next: number; nextLine: number } {
    this.deliver(cells, line);
    return { next, nextLine: line + breaks + 1 };
  }
}
