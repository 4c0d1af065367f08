// Scans JSON text for where each case document and embedded row starts, and for the line of a syntax error.

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

const QUOTE = 34;
const BACKSLASH = 92;
const LF = 10;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isHex = (code: number) => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const ESCAPABLE = new Set([QUOTE, BACKSLASH, 47, 98, 102, 110, 114, 116]);

const shown = (text: string, pos: number) => JSON.stringify(String.fromCodePoint(text.codePointAt(pos) ?? 0));

/**
 * One pass over the text, validating it as RFC 8259 JSON (so an error gets a line even where V8's message
 * has no position) and recording the start line of every case document and every row embedded in one.
 * Iterative, so deep nesting cannot overflow the stack. Text JSON.parse has already accepted may be
 * scanned `trusted`: strings are then skipped quote to quote instead of checked character by character.
 */
export function scanJson(text: string, trusted = false): JsonLayout | JsonSyntaxError {
  const documents: DocumentLayout[] = [];
  const stack: Frame[] = [];
  let documentDepth = 1;
  // Widened on purpose: the closures below change it, which flow analysis does not see.
  let expect = Expect.Value as Expect;
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  const length = text.length;
  const fail = (reason: string, at = pos) => new JsonSyntaxError(line, at - lineStart + 1, reason);

  const valueDone = () => {
    expect = stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
  };

  // Only the root array's elements, or the root object's `cases` elements, are case documents.
  const inDocuments = () => documentDepth === 1 || stack[0]?.key === 'cases';
  const documentAt = () => documents[(stack[documentDepth - 1] as Frame).index];

  // Records where values start: the frames above a value say whether it is a document or an embedded row.
  const recordStart = (isArray: boolean) => {
    const depth = stack.length;
    const parent = stack[depth - 1];
    if (!parent || !inDocuments()) return;
    if (parent.isArray && depth === documentDepth) {
      documents[parent.index] = { line, rows: new Map() };
    } else if (isArray && !parent.isArray && depth === documentDepth + 1 && parent.key !== null) {
      documentAt()?.rows.set(parent.key, []);
    } else if (parent.isArray && depth === documentDepth + 2) {
      const table = (stack[depth - 2] as Frame).key;
      const lines = table === null ? undefined : documentAt()?.rows.get(table);
      if (lines) lines[parent.index] = line;
    }
  };

  const open = (isArray: boolean) => {
    if (stack.length === 0 && !isArray) documentDepth = 2;
    stack.push({ isArray, index: -1, key: null });
    expect = isArray ? Expect.ValueOrArrayEnd : Expect.KeyOrObjectEnd;
  };

  const close = () => {
    stack.pop();
    valueDone();
  };

  // A valid string holds no raw line break, so skipping it leaves the line count right.
  const skipTrustedString = (): number => {
    let quote = text.indexOf('"', pos + 1);
    for (;;) {
      if (quote === -1) return length;
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      quote = text.indexOf('"', quote + 1);
    }
  };

  // Returns the position after the closing quote, or an error.
  const scanString = (): number | JsonSyntaxError => {
    if (trusted) return skipTrustedString();
    let at = pos + 1;
    while (at < length) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) return at + 1;
      if (code === BACKSLASH) {
        const next = text.charCodeAt(at + 1);
        if (next === 117) {
          for (let h = 2; h <= 5; h++) {
            if (!isHex(text.charCodeAt(at + h))) return fail('a \\u escape needs four hexadecimal digits', at);
          }
          at += 6;
          continue;
        }
        if (!ESCAPABLE.has(next)) return fail('invalid escape in a string', at);
        at += 2;
        continue;
      }
      if (code === LF) return fail('a string is not closed before the end of the line', at);
      if (code < 32) return fail('a control character inside a string must be escaped', at);
      at++;
    }
    return fail('a string is never closed');
  };

  const scanNumber = (): number | JsonSyntaxError => {
    let at = pos;
    if (text.charCodeAt(at) === 45) at++;
    if (text.charCodeAt(at) === 48) at++;
    else if (isDigit(text.charCodeAt(at))) while (isDigit(text.charCodeAt(at))) at++;
    else return fail('invalid number', at);
    if (text.charCodeAt(at) === 46) {
      at++;
      if (!isDigit(text.charCodeAt(at))) return fail('invalid number: digits must follow the decimal point', at);
      while (isDigit(text.charCodeAt(at))) at++;
    }
    const e = text.charCodeAt(at);
    if (e === 101 || e === 69) {
      at++;
      const sign = text.charCodeAt(at);
      if (sign === 43 || sign === 45) at++;
      if (!isDigit(text.charCodeAt(at))) return fail('invalid number: digits must follow the exponent', at);
      while (isDigit(text.charCodeAt(at))) at++;
    }
    return at;
  };

  const scanValue = (): JsonSyntaxError | undefined => {
    const code = text.charCodeAt(pos);
    const parent = stack[stack.length - 1];
    if (parent?.isArray) parent.index++;
    recordStart(code === 91);
    if (code === 123 || code === 91) {
      open(code === 91);
      pos++;
      return undefined;
    }
    let end: number | JsonSyntaxError;
    if (code === QUOTE) end = scanString();
    else if (code === 45 || isDigit(code)) end = scanNumber();
    else if (text.startsWith('true', pos)) end = pos + 4;
    else if (text.startsWith('false', pos)) end = pos + 5;
    else if (text.startsWith('null', pos)) end = pos + 4;
    else return fail(`unexpected ${shown(text, pos)} where a value was expected`);
    if (end instanceof JsonSyntaxError) return end;
    pos = end;
    valueDone();
    return undefined;
  };

  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 9 || code === 13 || code === LF) {
      pos++;
      if (code === LF) {
        line++;
        lineStart = pos;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    switch (expect) {
      case Expect.ValueOrArrayEnd:
      case Expect.Value: {
        if (expect === Expect.ValueOrArrayEnd && code === 93) {
          pos++;
          close();
          break;
        }
        const error = scanValue();
        if (error) return error;
        break;
      }
      case Expect.KeyOrObjectEnd:
      case Expect.Key: {
        if (expect === Expect.KeyOrObjectEnd && code === 125) {
          pos++;
          close();
          break;
        }
        if (code !== QUOTE) {
          return fail(`unexpected ${shown(text, pos)} where a property name in double quotes was expected`);
        }
        const end = scanString();
        if (end instanceof JsonSyntaxError) return end;
        // Keys matter only up to the documents' own properties (the root's `cases`, a document's tables).
        if (top && stack.length <= documentDepth + 1) {
          const raw = text.slice(pos + 1, end - 1);
          top.key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        }
        pos = end;
        expect = Expect.Colon;
        break;
      }
      case Expect.Colon:
        if (code !== 58) return fail(`unexpected ${shown(text, pos)} where ':' was expected`);
        pos++;
        expect = Expect.Value;
        break;
      case Expect.CommaOrEnd:
        if (code === 44) {
          pos++;
          expect = top?.isArray ? Expect.Value : Expect.Key;
        } else if (code === (top?.isArray ? 93 : 125)) {
          pos++;
          close();
        } else {
          return fail(`unexpected ${shown(text, pos)} where ',' or '${top?.isArray ? ']' : '}'}' was expected`);
        }
        break;
      case Expect.Nothing:
        return fail(`unexpected ${shown(text, pos)} after the end of the JSON value`);
    }
  }
  if (expect !== Expect.Nothing) {
    return fail(stack.length === 0 && expect === Expect.Value ? 'the file holds no JSON value' : 'the JSON ends too early');
  }
  return { documents };
}
