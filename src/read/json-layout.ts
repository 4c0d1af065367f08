// Scans JSON text, whole or chunk by chunk, validating it and finding each case document's text and the lines of its rows.

/** Start lines of one case document and of the rows embedded in it, by table key and position. */
export interface DocumentLayout {
  readonly line: number;
  readonly rows: Map<string, number[]>;
}

/** Where the documents of a JSON input start: the elements of the root array, or of the root's `cases`. */
export interface JsonLayout {
  readonly documents: DocumentLayout[];
}

/** Why JSON text is not valid, and where; the reason never repeats the text, which may be personal data. */
export class JsonSyntaxError {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {}
}

/** A case document whose text runs past the longest one the scanner holds; `line` is where it starts. */
export class DocumentTooLong {
  constructor(readonly line: number) {}
}

/** What stops a scan: text that is not JSON, or a document too long to hold. */
export type JsonScanError = JsonSyntaxError | DocumentTooLong;

/** The kind of the root value, as its first character tells it. */
export type JsonRoot = 'array' | 'object' | 'string' | 'number' | 'boolean' | 'null';

/** Receives what the scanner finds, in the order of the text. Its methods may throw to stop the scan. */
export interface JsonDocumentHandler {
  /** A case document, whole: its text (when the scanner keeps text), its position in its array, and its layout. */
  document(text: string, index: number, layout: DocumentLayout): void;
  /** A `cases` key of the root object, at its line and column. */
  casesKey?(line: number, column: number): void;
}

export interface JsonScanOptions {
  /** Keep each document's text for the handler; without it the handler gets an empty string. */
  readonly keepText?: boolean;
  /** The longest document text kept, in characters: one longer stops the scan with DocumentTooLong. */
  readonly maxDocumentLength?: number;
}

interface Frame {
  readonly isArray: boolean;
  /** Elements opened so far (arrays); -1 before the first. */
  index: number;
  /** The property whose value comes next (objects near the root only). */
  key: string | null;
}

const Expect = {
  Value: 0,
  ValueOrArrayEnd: 1,
  Key: 2,
  KeyOrObjectEnd: 3,
  Colon: 4,
  CommaOrEnd: 5,
  Nothing: 6,
} as const;
type Expect = (typeof Expect)[keyof typeof Expect];

/** A token cut by the end of a chunk, finished with the next one. */
const Token = {
  None: 0,
  String: 1,
  Number: 2,
  Literal: 3,
} as const;
type Token = (typeof Token)[keyof typeof Token];

/** Where a number stands, as RFC 8259's grammar reads it left to right. */
const Num = {
  AfterMinus: 0,
  /** After a leading zero or the integer's digits: a fraction, an exponent or the end may follow. */
  AfterInteger: 1,
  IntegerDigits: 2,
  FractionFirst: 3,
  FractionDigits: 4,
  ExponentSign: 5,
  ExponentFirst: 6,
  ExponentDigits: 7,
} as const;
type Num = (typeof Num)[keyof typeof Num];

const QUOTE = 34;
const BACKSLASH = 92;
const LF = 10;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isHex = (code: number) => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const ESCAPABLE = new Set([QUOTE, BACKSLASH, 47, 98, 102, 110, 114, 116]);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A key longer than this (as written) names no table and is not `cases`, so its text is not kept. */
const LONGEST_KEY = 1024;

const LITERALS: Readonly<Record<number, string>> = { 116: 'true', 102: 'false', 110: 'null' };
const ROOTS: Readonly<Record<number, JsonRoot>> = { 91: 'array', 123: 'object', 34: 'string', 116: 'boolean', 102: 'boolean', 110: 'null' };

const shown = (text: string, pos: number) => JSON.stringify(String.fromCodePoint(text.codePointAt(pos) ?? 0));

/**
 * An RFC 8259 validator fed text chunk by chunk (`write`, then `end`), in one pass and iteratively, so deep
 * nesting cannot overflow the stack and no chunk boundary changes what it finds. It counts lines (LF), gives
 * an error the line and column of its fault, and hands on each case document (an element of the root array,
 * or of the root object's `cases`) as soon as it closes, with the start line of the document and of every row
 * embedded in it. A chunk may end anywhere: inside a string, an escape, a number or a word, or between the two
 * halves of a surrogate pair.
 */
export class JsonScanner {
  private readonly stack: Frame[] = [];
  private documentDepth = 1;
  private expect: Expect = Expect.Value;
  /** Characters scanned before the current chunk. */
  private base = 0;
  private line = 1;
  /** Absolute position of the first character of the current line. */
  private lineStart = 0;
  private failure: JsonScanError | undefined;
  /** The last character of a chunk when it is a high surrogate, scanned with the next chunk. */
  private heldBack = '';

  private token: Token = Token.None;
  /** A string's opening quote, a number's or word's first character (absolute). */
  private tokenStart = 0;
  /** In a string: 0, or -1 just after a backslash, or the hexadecimal digits a \u escape still needs. */
  private escape = 0;
  /** The backslash of the escape in progress (absolute). */
  private escapeAt = 0;
  /** The key being read, in pieces, when its text matters; null when it does not. */
  private keyPieces: string[] | null = null;
  private keyLength = 0;
  private number: Num = Num.AfterMinus;
  private literal = '';
  private literalMatched = 0;

  /** The document being read: where it starts (absolute; -1 outside one), its line and layout, its text so far. */
  private documentStart = -1;
  private documentStartInChunk = 0;
  private documentPieces: string[] = [];
  private document: DocumentLayout | null = null;
  private documentIndex = 0;

  /** The root value's kind, once its first character is seen. */
  root: JsonRoot | undefined;
  /** Arrays seen as the value of the root object's `cases` key (so the documents came from one). */
  casesArrays = 0;

  private readonly keepText: boolean;
  private readonly maxDocumentLength: number;

  constructor(
    private readonly handler?: JsonDocumentHandler,
    options: JsonScanOptions = {},
  ) {
    this.keepText = options.keepText === true;
    this.maxDocumentLength = options.maxDocumentLength ?? Infinity;
  }

  /** Scans the next chunk; the first error found stops the scan and is returned by every later call. */
  write(chunk: string): JsonScanError | undefined {
    if (this.failure || chunk === '') return this.failure;
    let text = this.heldBack === '' ? chunk : this.heldBack + chunk;
    this.heldBack = '';
    if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.heldBack = text.slice(-1);
      text = text.slice(0, -1);
      if (text === '') return undefined;
    }
    this.scan(text);
    return this.failure;
  }

  /** Ends the text: what is still open is an error. */
  end(): JsonScanError | undefined {
    if (this.heldBack !== '') {
      const last = this.heldBack;
      this.heldBack = '';
      this.scan(last);
    }
    if (this.failure) return this.failure;
    // The end of the text is where a token cut short fails.
    this.finishToken('', 0);
    if (this.failure) return this.failure;
    if (this.documentStart >= 0 && this.base - this.documentStart > this.maxDocumentLength) {
      return (this.failure = new DocumentTooLong(this.document?.line ?? this.line));
    }
    if (this.expect !== Expect.Nothing) {
      const reason = this.stack.length === 0 && this.expect === Expect.Value ? 'the file holds no JSON value' : 'the JSON ends too early';
      this.failure = this.fail(reason, this.base);
    }
    return this.failure;
  }

  /** The error for a fault at an absolute position; past the document length limit, the limit is the error. */
  private fail(reason: string, at: number): JsonScanError {
    if (this.documentStart >= 0 && at - this.documentStart >= this.maxDocumentLength) return new DocumentTooLong(this.document?.line ?? this.line);
    return new JsonSyntaxError(this.line, at - this.lineStart + 1, reason);
  }

  private stop(reason: string, at: number): number {
    this.failure = this.fail(reason, at);
    return -1;
  }

  private scan(text: string): void {
    const length = text.length;
    let pos = 0;
    if (this.token !== Token.None) pos = this.finishToken(text, 0);
    while (pos >= 0 && pos < length) {
      const code = text.charCodeAt(pos);
      if (code === 32 || code === 9 || code === 13 || code === LF) {
        pos++;
        if (code === LF) {
          this.line++;
          this.lineStart = this.base + pos;
        }
        continue;
      }
      switch (this.expect) {
        case Expect.ValueOrArrayEnd:
        case Expect.Value:
          if (this.expect === Expect.ValueOrArrayEnd && code === 93) {
            pos = this.close(text, pos);
            break;
          }
          pos = this.value(text, pos, code);
          break;
        case Expect.KeyOrObjectEnd:
        case Expect.Key:
          if (this.expect === Expect.KeyOrObjectEnd && code === 125) {
            pos = this.close(text, pos);
            break;
          }
          if (code !== QUOTE) {
            pos = this.stop(`unexpected ${shown(text, pos)} where a property name in double quotes was expected`, this.base + pos);
            break;
          }
          pos = this.startString(text, pos, true);
          break;
        case Expect.Colon:
          if (code !== 58) {
            pos = this.stop(`unexpected ${shown(text, pos)} where ':' was expected`, this.base + pos);
            break;
          }
          pos++;
          this.expect = Expect.Value;
          break;
        case Expect.CommaOrEnd: {
          const top = this.stack[this.stack.length - 1];
          if (code === 44) {
            pos++;
            this.expect = top?.isArray ? Expect.Value : Expect.Key;
          } else if (code === (top?.isArray ? 93 : 125)) {
            pos = this.close(text, pos);
          } else {
            pos = this.stop(`unexpected ${shown(text, pos)} where ',' or '${top?.isArray ? ']' : '}'}' was expected`, this.base + pos);
          }
          break;
        }
        case Expect.Nothing:
          pos = this.stop(`unexpected ${shown(text, pos)} after the end of the JSON value`, this.base + pos);
          break;
      }
    }
    if (this.failure) return;
    this.chunkEnded(text);
  }

  /** At the end of a chunk: the pieces of a key or a document still open are kept, up to the limit. */
  private chunkEnded(text: string): void {
    const length = text.length;
    if (this.keyPieces && this.token === Token.String) {
      const from = Math.max(0, this.tokenStart + 1 - this.base);
      this.addKeyPiece(text.slice(from));
    }
    this.base += length;
    if (this.documentStart < 0) return;
    if (this.base - this.documentStart > this.maxDocumentLength) {
      this.failure = new DocumentTooLong(this.document?.line ?? this.line);
      return;
    }
    if (this.keepText) this.documentPieces.push(this.documentStartInChunk === 0 ? text : text.slice(this.documentStartInChunk));
    this.documentStartInChunk = 0;
  }

  /** A value starts at `pos`: its first character decides what it is. */
  private value(text: string, pos: number, code: number): number {
    const parent = this.stack[this.stack.length - 1];
    if (parent?.isArray) parent.index++;
    if (!parent) this.root = ROOTS[code] ?? (code === 45 || isDigit(code) ? 'number' : undefined);
    this.recordStart(code === 91, pos);
    if (code === 123 || code === 91) {
      this.open(code === 91);
      return pos + 1;
    }
    if (code === QUOTE) return this.startString(text, pos, false);
    if (code === 45 || isDigit(code)) {
      this.token = Token.Number;
      this.tokenStart = this.base + pos;
      this.number = code === 45 ? Num.AfterMinus : code === 48 ? Num.AfterInteger : Num.IntegerDigits;
      return this.continueNumber(text, pos + 1);
    }
    const literal = LITERALS[code];
    if (literal === undefined) return this.stop(`unexpected ${shown(text, pos)} where a value was expected`, this.base + pos);
    this.token = Token.Literal;
    this.tokenStart = this.base + pos;
    this.literal = literal;
    this.literalMatched = 1;
    return this.continueLiteral(text, pos + 1);
  }

  /** Carries on with a token the last chunk cut; with empty text, the end of the input ends it. */
  private finishToken(text: string, pos: number): number {
    switch (this.token) {
      case Token.None:
        return pos;
      case Token.String:
        return this.continueString(text, pos);
      case Token.Number:
        return this.continueNumber(text, pos);
      case Token.Literal:
        return this.continueLiteral(text, pos);
    }
  }

  // Only the root array's elements, or the root object's `cases` elements, are case documents.
  private inDocuments(): boolean {
    return this.documentDepth === 1 || this.stack[0]?.key === 'cases';
  }

  /** Where a value starts: the frames above it say whether it is a document or an embedded row. */
  private recordStart(isArray: boolean, pos: number): void {
    const stack = this.stack;
    const depth = stack.length;
    const parent = stack[depth - 1];
    if (!parent) return;
    if (depth === 1 && isArray && !parent.isArray && parent.key === 'cases') this.casesArrays++;
    if (!this.inDocuments()) return;
    if (parent.isArray && depth === this.documentDepth) {
      this.document = { line: this.line, rows: new Map() };
      this.documentIndex = parent.index;
      this.documentStart = this.base + pos;
      this.documentStartInChunk = pos;
      this.documentPieces = [];
    } else if (isArray && !parent.isArray && depth === this.documentDepth + 1 && parent.key !== null) {
      this.document?.rows.set(parent.key, []);
    } else if (parent.isArray && depth === this.documentDepth + 2) {
      const table = (stack[depth - 2] as Frame).key;
      const lines = table === null ? undefined : this.document?.rows.get(table);
      if (lines) lines[parent.index] = this.line;
    }
  }

  private open(isArray: boolean): void {
    if (this.stack.length === 0 && !isArray) this.documentDepth = 2;
    this.stack.push({ isArray, index: -1, key: null });
    this.expect = isArray ? Expect.ValueOrArrayEnd : Expect.KeyOrObjectEnd;
  }

  private close(text: string, pos: number): number {
    this.stack.pop();
    return this.valueDone(text, pos + 1);
  }

  /** A value ended just before `end`: a document, if it was one, goes to the handler. */
  private valueDone(text: string, end: number): number {
    this.expect = this.stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
    if (this.documentStart >= 0 && this.stack.length === this.documentDepth) this.documentDone(text, end);
    return this.failure ? -1 : end;
  }

  private documentDone(text: string, end: number): void {
    const start = this.documentStart;
    this.documentStart = -1;
    if (this.base + end - start > this.maxDocumentLength) {
      this.failure = new DocumentTooLong(this.document?.line ?? this.line);
      return;
    }
    const layout = this.document as DocumentLayout;
    this.document = null;
    let documentText = '';
    if (this.keepText) {
      const last = text.slice(this.documentStartInChunk, end);
      documentText = this.documentPieces.length === 0 ? last : `${this.documentPieces.join('')}${last}`;
      this.documentPieces = [];
    }
    this.handler?.document(documentText, this.documentIndex, layout);
  }

  private startString(text: string, pos: number, isKey: boolean): number {
    this.token = Token.String;
    this.tokenStart = this.base + pos;
    this.escape = 0;
    // Keys matter only up to the documents' own properties (the root's `cases`, a document's tables).
    const top = this.stack[this.stack.length - 1];
    this.keyPieces = isKey && top && this.stack.length <= this.documentDepth + 1 ? [] : null;
    this.keyLength = 0;
    return this.continueString(text, pos + 1);
  }

  /** Reads a string's characters from `pos`; returns the position after its closing quote, or the chunk's end. */
  private continueString(text: string, pos: number): number {
    const length = text.length;
    let at = pos;
    // An escape the last chunk cut.
    if (this.escape !== 0) {
      at = this.continueEscape(text, at);
      if (at < 0 || this.escape !== 0) return at;
    }
    while (at < length) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) return this.stringDone(text, pos, at);
      if (code === BACKSLASH) {
        this.escape = -1;
        this.escapeAt = this.base + at;
        at = this.continueEscape(text, at + 1);
        if (at < 0 || this.escape !== 0) return at;
        continue;
      }
      if (code < 32) {
        return this.stop(
          code === LF ? 'a string is not closed before the end of the line' : 'a control character inside a string must be escaped',
          this.base + at,
        );
      }
      at++;
    }
    if (length === 0) return this.stop('a string is never closed', this.tokenStart);
    return length;
  }

  /** Reads an escape from `pos` (just after the backslash, or where a cut one goes on); `escape` is 0 once it is whole. */
  private continueEscape(text: string, pos: number): number {
    let at = pos;
    if (this.escape === -1) {
      if (at >= text.length) return text.length === 0 ? this.stop('invalid escape in a string', this.escapeAt) : at;
      const next = text.charCodeAt(at);
      if (next === 117) {
        this.escape = 4;
        at++;
      } else if (ESCAPABLE.has(next)) {
        this.escape = 0;
        return at + 1;
      } else {
        return this.stop('invalid escape in a string', this.escapeAt);
      }
    }
    while (this.escape > 0) {
      if (at >= text.length) return text.length === 0 ? this.stop('a \\u escape needs four hexadecimal digits', this.escapeAt) : at;
      if (!isHex(text.charCodeAt(at))) return this.stop('a \\u escape needs four hexadecimal digits', this.escapeAt);
      this.escape--;
      at++;
    }
    return at;
  }

  /** The closing quote at `quote`: a key is named, a value is done. */
  private stringDone(text: string, from: number, quote: number): number {
    this.token = Token.None;
    if (this.expect === Expect.Key || this.expect === Expect.KeyOrObjectEnd) {
      const top = this.stack[this.stack.length - 1] as Frame;
      if (this.keyPieces) {
        const start = Math.max(from, this.tokenStart + 1 - this.base);
        this.addKeyPiece(text.slice(start, quote));
        const raw = this.keyLength > LONGEST_KEY ? null : this.keyPieces.join('');
        top.key = raw === null ? null : raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        this.keyPieces = null;
        if (top.key === 'cases' && this.stack.length === 1 && !top.isArray) {
          this.handler?.casesKey?.(this.line, this.tokenStart - this.lineStart + 1);
        }
      }
      this.expect = Expect.Colon;
      return quote + 1;
    }
    return this.valueDone(text, quote + 1);
  }

  private addKeyPiece(piece: string): void {
    if (!this.keyPieces) return;
    this.keyLength += piece.length;
    if (this.keyLength <= LONGEST_KEY) this.keyPieces.push(piece);
  }

  /** Reads a number's characters from `pos`; the first that cannot continue it ends it (empty text: the input's end). */
  private continueNumber(text: string, pos: number): number {
    const length = text.length;
    let at = pos;
    for (;;) {
      // NaN past the end, which nothing matches: the input's end, or a wait for the next chunk.
      const code = at < length ? text.charCodeAt(at) : NaN;
      if (at >= length && length !== 0) return length;
      switch (this.number) {
        case Num.AfterMinus:
          if (code === 48) this.number = Num.AfterInteger;
          else if (isDigit(code)) this.number = Num.IntegerDigits;
          else return this.stop('invalid number', this.base + at);
          break;
        case Num.IntegerDigits:
          if (isDigit(code)) break;
          this.number = Num.AfterInteger;
          continue;
        case Num.AfterInteger:
          if (code === 46) this.number = Num.FractionFirst;
          else if (code === 101 || code === 69) this.number = Num.ExponentSign;
          else return this.numberDone(text, at);
          break;
        case Num.FractionFirst:
          if (!isDigit(code)) return this.stop('invalid number: digits must follow the decimal point', this.base + at);
          this.number = Num.FractionDigits;
          break;
        case Num.FractionDigits:
          if (isDigit(code)) break;
          if (code === 101 || code === 69) this.number = Num.ExponentSign;
          else return this.numberDone(text, at);
          break;
        case Num.ExponentSign:
          if (code === 43 || code === 45) this.number = Num.ExponentFirst;
          else if (isDigit(code)) this.number = Num.ExponentDigits;
          else return this.stop('invalid number: digits must follow the exponent', this.base + at);
          break;
        case Num.ExponentFirst:
          if (!isDigit(code)) return this.stop('invalid number: digits must follow the exponent', this.base + at);
          this.number = Num.ExponentDigits;
          break;
        case Num.ExponentDigits:
          if (!isDigit(code)) return this.numberDone(text, at);
          break;
      }
      at++;
    }
  }

  private numberDone(text: string, end: number): number {
    this.token = Token.None;
    return this.valueDone(text, end);
  }

  /** Reads the rest of `true`, `false` or `null` from `pos`; anything else fails at the word's first character. */
  private continueLiteral(text: string, pos: number): number {
    let at = pos;
    while (this.literalMatched < this.literal.length) {
      if (at >= text.length && text.length !== 0) return at;
      if (text.charCodeAt(at) !== this.literal.charCodeAt(this.literalMatched)) {
        return this.stop(`unexpected ${JSON.stringify(this.literal[0])} where a value was expected`, this.tokenStart);
      }
      this.literalMatched++;
      at++;
    }
    this.token = Token.None;
    return this.valueDone(text, at);
  }
}

/**
 * Validates a whole JSON text in one pass and records the start line of every case document and of every row
 * embedded in one (the layout a streamed JSON export is read with, all at once).
 */
export function scanJson(text: string): JsonLayout | JsonSyntaxError {
  const documents: DocumentLayout[] = [];
  const scanner = new JsonScanner({ document: (_text, index, layout) => (documents[index] = layout) });
  const error = scanner.write(text) ?? scanner.end();
  // Without a length limit the scan stops on syntax alone.
  if (error) return error as JsonSyntaxError;
  return { documents };
}
