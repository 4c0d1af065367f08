// CsvTokenizer: records, cells, lines and errors against csv-parse over random text cut into random chunks, and a table of cases.
import { CsvError, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer, MAX_RECORD_LENGTH, type CsvProblem, type RecordReceiver } from '../../src/read/csv-tokenizer.js';
import { DELIMITERS, type Delimiter } from '../../src/read/dialect.js';

type LineEnd = '\n' | '\r\n' | '\r' | '';
type Malformation = 'unclosed-quote';

interface Cell {
  /** The cell as it stands in the text. */
  readonly written: string;
  /** The value a reader should get from it (meaningless for a malformed cell). */
  readonly value: string;
  readonly malformation?: Malformation;
}

interface TextLine {
  readonly cells: readonly Cell[];
  readonly end: LineEnd;
}

interface Delivered {
  readonly kind: 'header' | 'record';
  readonly cells: readonly string[];
  readonly line: number;
}

interface Tokenized {
  readonly delivered: readonly Delivered[];
  readonly error?: { readonly problem: CsvProblem; readonly line: number };
  /** Whether some `write` returned false (the header and as many records as were wanted have arrived). */
  readonly stopped: boolean;
}

/** Runs the chunks through a tokenizer, stopping once `write` says no more is wanted, as the loader does. */
function tokenize(
  chunks: readonly string[],
  delimiter: string,
  options: { records?: number } = {},
  delivered: Delivered[] = [],
): Tokenized {
  const receiver: RecordReceiver = {
    header: (cells, line) => delivered.push({ kind: 'header', cells: [...cells], line }),
    record: (cells, line) => delivered.push({ kind: 'record', cells: [...cells], line }),
  };
  const tokenizer = new CsvTokenizer(receiver, delimiter, options.records);
  try {
    for (const chunk of chunks) if (!tokenizer.write(chunk)) return { delivered, stopped: true };
    tokenizer.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { delivered, error: { problem: error.problem, line: error.line }, stopped: false };
  }
  return { delivered, stopped: false };
}

const PROBLEM_OF_CSV_PARSE_CODE: Readonly<Record<string, CsvProblem>> = {
  CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
};

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** The reference: csv-parse with the dialect the loader gave it before the tokenizer, records of blank cells dropped. */
function csvParseReference(text: string, delimiter: string): { records: string[][] } | { problem: CsvProblem | string } {
  try {
    const records = parse(text, {
      columns: false,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      delimiter,
    });
    return { records: records.filter((cells) => !isBlank(cells)) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { problem: PROBLEM_OF_CSV_PARSE_CODE[error.code] ?? error.code };
  }
}

/** Physical line breaks, as an editor counts them: CRLF, LF and a lone CR are one each. */
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

const textOf = (lines: readonly TextLine[], delimiter: string) =>
  lines.map((line) => line.cells.map((cell) => cell.written).join(delimiter) + line.end).join('');

/** Each line's first character's position in the text. */
function lineStarts(lines: readonly TextLine[], delimiter: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += textOf([line], delimiter).length;
  }
  return starts;
}

const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** Cells a writer produces correctly for this delimiter, and the three ways quoting goes wrong. */
function cellsFor(delimiter: Delimiter) {
  const unquotedCharacters = ['a', 'b', 'z', '7', '-', 'é', ' ', '\t', ',', ';', '|'].filter((character) => character !== delimiter);
  const unquotedText = (minLength: number) =>
    fc.array(fc.constantFrom(...unquotedCharacters), { minLength, maxLength: 6 }).map((characters) => characters.join(''));
  const quotedText = (pieces: readonly string[]) =>
    fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((characters) => characters.join(''));
  const quotedPieces = ['a', 'b', ' ', '"', '""', delimiter, ',', '\t', '\r', '\n', '\r\n'];

  const wellFormed: fc.Arbitrary<Cell> = fc.oneof(
    fc.constantFrom('case_id', 'C1', '2026-03-01', 'x y', '', ' ', '  ').map((value) => ({ written: value, value })),
    unquotedText(0).map((value) => ({ written: value, value })),
    quotedText(quotedPieces).map((value) => ({ written: quoted(value), value })),
    // A quote inside a cell that does not start with one is part of the value (SQL Server Management Studio
    // saves without quoting: `5 O"Neil Road`), as csv-parse reads it with relax_quotes.
    fc
      .tuple(unquotedText(1), fc.constantFrom('"', '""', '"x"'), unquotedText(0))
      .map(([before, quotes, after]) => ({ written: `${before}${quotes}${after}`, value: `${before}${quotes}${after}` })),
    // Text after a closing quote: the cell as written, its doubled quotes read as one, up to the next delimiter.
    fc
      .tuple(quotedText(quotedPieces), fc.constantFrom('x', ' ', 'a b', ' "'))
      .map(([value, after]) => ({ written: `${quoted(value)}${after}`, value: `"${value}"${after}` })),
  );
  const malformed: fc.Arbitrary<Cell> = fc.oneof(
    quotedText(quotedPieces.filter((piece) => !piece.includes('"'))).map((value) => ({
      written: `"${value}`,
      value: '',
      malformation: 'unclosed-quote' as const,
    })),
  );
  return { wellFormed, malformed };
}

const lineEnd = fc.constantFrom<LineEnd>('\n', '\r\n', '\r');

/** A delimited text: records and blank or white-space lines, each line ended any of three ways, malformed now and then. */
const delimitedText = fc.constantFrom(...DELIMITERS).chain((delimiter) => {
  const { wellFormed, malformed } = cellsFor(delimiter);
  const record = fc.record({ cells: fc.array(wellFormed, { minLength: 1, maxLength: 5 }), end: lineEnd });
  const blank = fc.record({
    cells: fc.constantFrom('', '', ' ', '   ', '\t', ' \t ').map((space) => [{ written: space, value: space }]),
    end: lineEnd,
  });
  const placement = fc.record({ line: fc.nat(), cell: fc.nat(), replacement: malformed });
  return fc
    .record({
      lines: fc.array(fc.oneof({ arbitrary: record, weight: 4 }, { arbitrary: blank, weight: 1 }), { maxLength: 12 }),
      malformations: fc.oneof(
        { arbitrary: fc.constant([]), weight: 3 },
        { arbitrary: fc.array(placement, { minLength: 1, maxLength: 2 }), weight: 2 },
      ),
      trailingLineEnd: fc.boolean(),
    })
    .map(({ lines, malformations, trailingLineEnd }) => {
      const built = lines.map((line) => ({ cells: [...line.cells], end: line.end }));
      for (const { line, cell, replacement } of malformations) {
        const target = built[line % Math.max(built.length, 1)];
        if (target) target.cells[cell % target.cells.length] = replacement;
      }
      const last = built.at(-1);
      if (last && !trailingLineEnd) last.end = '';
      return { delimiter, lines: built as readonly TextLine[] };
    });
});

/** How the text arrives: whole, a character at a time, cut anywhere, or cut inside every CRLF and doubled quote. */
const chunking = fc.oneof(
  fc.constant({ kind: 'whole' as const, cuts: [] as number[] }),
  fc.constant({ kind: 'single' as const, cuts: [] as number[] }),
  fc.record({ kind: fc.constant('random' as const), cuts: fc.array(fc.nat(), { maxLength: 20 }) }),
  fc.record({ kind: fc.constant('awkward' as const), cuts: fc.array(fc.nat(), { maxLength: 5 }) }),
);

function chunksOf(text: string, plan: { kind: 'whole' | 'single' | 'random' | 'awkward'; cuts: readonly number[] }): string[] {
  if (plan.kind === 'whole') return [text];
  if (plan.kind === 'single') return text.split('');
  const cuts = new Set(plan.cuts.map((cut) => cut % (text.length + 1)));
  if (plan.kind === 'awkward') {
    for (let at = 1; at < text.length; at++) {
      const pair = text.slice(at - 1, at + 1);
      if (pair === '\r\n' || pair === '""') cuts.add(at);
    }
  }
  const points = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  // Repeated points give empty chunks, which a reader may well hand over too.
  return points.slice(1).map((point, index) => text.slice(points[index], point));
}

/** The first malformed cell in text order, and the line its record starts on. */
function firstMalformation(lines: readonly TextLine[], delimiter: string): { malformation: Malformation; line: number } | undefined {
  const starts = lineStarts(lines, delimiter);
  const text = textOf(lines, delimiter);
  for (const [index, line] of lines.entries()) {
    const cell = line.cells.find((candidate) => candidate.malformation !== undefined);
    if (cell?.malformation) return { malformation: cell.malformation, line: 1 + lineBreaks(text.slice(0, starts[index])) };
  }
  return undefined;
}

const RUNS = { numRuns: 300 };

describe('CsvTokenizer against csv-parse', () => {
  it('reads the same records, fails on the same problems, and gives each record the line it starts on', () => {
    fc.assert(
      fc.property(delimitedText, chunking, ({ delimiter, lines }, plan) => {
        const text = textOf(lines, delimiter);
        const reference = csvParseReference(text, delimiter);
        const result = tokenize(chunksOf(text, plan), delimiter);

        if ('problem' in reference) {
          expect(result.error?.problem, JSON.stringify(text)).toBe(reference.problem);
        } else {
          expect(result.error, JSON.stringify(text)).toBeUndefined();
          expect(result.delivered.map((row) => row.cells)).toEqual(reference.records);
          expect(result.delivered.map((row) => row.kind)).toEqual(reference.records.map((_, index) => (index === 0 ? 'header' : 'record')));
        }

        const first = firstMalformation(lines, delimiter);
        if (first === undefined) {
          // Well formed: the records are exactly the written non-blank lines, each on the line counted up to its start.
          const starts = lineStarts(lines, delimiter);
          const expected = lines.flatMap((line, index) => {
            const values = line.cells.map((cell) => cell.value);
            return isBlank(values) ? [] : [{ cells: values, line: 1 + lineBreaks(text.slice(0, starts[index])) }];
          });
          expect(reference).toEqual({ records: expected.map((row) => row.cells) });
          expect(result.delivered.map(({ cells, line }) => ({ cells, line }))).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  it('with a record limit, hands over the header and that many records, and meets only the errors before them', () => {
    fc.assert(
      fc.property(delimitedText, chunking, fc.nat({ max: 4 }), ({ delimiter, lines }, plan, records) => {
        const chunks = chunksOf(textOf(lines, delimiter), plan);
        const whole = tokenize(chunks, delimiter);
        const limited = tokenize(chunks, delimiter, { records });
        // The header and `records` records, or fewer when the file holds fewer (or breaks off before them).
        expect(limited.delivered).toEqual(whole.delivered.slice(0, records + 1));
        // A malformed record past the limit is never reached; one within it stops the reading as it would the whole.
        expect(limited.error).toEqual(whole.delivered.length > records ? undefined : whole.error);
      }),
      RUNS,
    );
  });
});

/** Reads the text whole and a character at a time, which must agree, and gives the first reading. */
function read(text: string, delimiter = ',', options: { records?: number } = {}): Tokenized {
  const whole = tokenize([text], delimiter, options);
  expect(tokenize(text.split(''), delimiter, options)).toEqual(whole);
  return whole;
}

const header = (cells: readonly string[], line: number): Delivered => ({ kind: 'header', cells, line });
const record = (cells: readonly string[], line: number): Delivered => ({ kind: 'record', cells, line });

describe('CsvTokenizer cases', () => {
  const cases: readonly { name: string; text: string; delimiter?: string; delivered: readonly Delivered[] }[] = [
    {
      name: 'a header, then records on the lines they start on',
      text: 'case_id,status\nC1,open\nC2,closed\n',
      delivered: [header(['case_id', 'status'], 1), record(['C1', 'open'], 2), record(['C2', 'closed'], 3)],
    },
    {
      name: 'blank and white-space lines passed over, still counted',
      text: '\n  \ncase_id;status\r\n\t\r\n;\r\nC1;open\n \t \n\nC2;closed\n',
      delimiter: ';',
      delivered: [header(['case_id', 'status'], 3), record(['C1', 'open'], 6), record(['C2', 'closed'], 9)],
    },
    {
      name: 'a record of quoted white space passed over as a blank one',
      text: 'h\n" ","\r\n"\nx\n',
      delivered: [header(['h'], 1), record(['x'], 4)],
    },
    {
      name: 'a lone CR ending records',
      text: 'h1|h2\rC1|a\r\rC2|b\r',
      delimiter: '|',
      delivered: [header(['h1', 'h2'], 1), record(['C1', 'a'], 2), record(['C2', 'b'], 4)],
    },
    {
      name: 'a doubled quote inside a quoted cell',
      text: 'h\n"a""b"\n"""",x\n',
      delivered: [header(['h'], 1), record(['a"b'], 2), record(['"', 'x'], 3)],
    },
    {
      name: 'an empty quoted cell',
      text: 'a,b,c\n1,"",3\n"",2,""\n',
      delivered: [header(['a', 'b', 'c'], 1), record(['1', '', '3'], 2), record(['', '2', ''], 3)],
    },
    {
      name: 'a trailing delimiter giving an empty last cell, quoted or not',
      text: 'a\tb\t\n1\t2\t\n"1"\t\n',
      delimiter: '\t',
      delivered: [header(['a', 'b', ''], 1), record(['1', '2', ''], 2), record(['1', ''], 3)],
    },
    {
      name: 'quotes inside unquoted cells as part of the value (an SSMS save), after a quoted record too',
      text: 'h,i\nab"c,5 O"Neil Road\r\n1, "2"\n"x\ny",1\n2,a"\n',
      delivered: [header(['h', 'i'], 1), record(['ab"c', '5 O"Neil Road'], 2), record(['1', ' "2"'], 3), record(['x\ny', '1'], 4), record(['2', 'a"'], 6)],
    },
    {
      name: 'text after a closing quote as written, quotes and all (`"Big" Dave`), even a quote closed lines later',
      text: 'h\n"a"b,c\n1,"a" \n"Big" Dave,"x""y"z\n"a\nb"c,d\n',
      delivered: [header(['h'], 1), record(['"a"b', 'c'], 2), record(['1', '"a" '], 3), record(['"Big" Dave', '"x"y"z'], 4), record(['"a\nb"c', 'd'], 5)],
    },
    {
      name: 'a last record without a line end',
      text: 'a,b\n1,2',
      delivered: [header(['a', 'b'], 1), record(['1', '2'], 2)],
    },
    {
      name: 'a quoted last record without a line end',
      text: 'a,b\r\n1,"2\r\n3"',
      delivered: [header(['a', 'b'], 1), record(['1', '2\r\n3'], 2)],
    },
    {
      name: 'line breaks inside quoted cells counted one each, CRLF, LF or lone CR',
      text: 'a,b\n"1\r\n2\n3\r4",x\ny,"\r"\r\nz\n',
      delivered: [header(['a', 'b'], 1), record(['1\r\n2\n3\r4', 'x'], 2), record(['y', '\r'], 6), record(['z'], 8)],
    },
    {
      name: 'records of any number of cells',
      text: 'a,b,c\n1\n1,2,3,4\n',
      delivered: [header(['a', 'b', 'c'], 1), record(['1'], 2), record(['1', '2', '3', '4'], 3)],
    },
    {
      name: 'a header made of quoted cells',
      text: '"case,id","status"\nC1,open\n',
      delivered: [header(['case,id', 'status'], 1), record(['C1', 'open'], 2)],
    },
  ];

  it.each(cases)('reads $name', ({ text, delimiter, delivered }) => {
    expect(read(text, delimiter)).toEqual({ delivered, stopped: false });
  });

  const failures: readonly { name: string; text: string; problem: CsvProblem; line: number }[] = [
    { name: 'a quote never closed', text: 'h\nx\n"abc\ndef\n', problem: 'quote-not-closed', line: 3 },
    { name: 'a quote never closed in a later cell', text: 'h\n\n1,"2\r\n3,4\r\n', problem: 'quote-not-closed', line: 3 },
  ];

  it.each(failures)('refuses $name, at the line its record starts on', ({ text, problem, line }) => {
    const result = read(text);
    expect(result.error).toEqual({ problem, line });
    expect(result.delivered[0]).toEqual(header(['h'], 1));
  });

  it('refuses with a CsvSyntaxError naming the problem and the line', () => {
    const tokenizer = new CsvTokenizer({ header: () => undefined, record: () => undefined }, ',');
    tokenizer.write('h\n"open');
    expect(() => tokenizer.end()).toThrow(new CsvSyntaxError('quote-not-closed', 2));
    expect(new CsvSyntaxError('quote-not-closed', 2).message).toBe('quote-not-closed in the record starting on line 2');
  });
});

describe('CsvTokenizer record limit', () => {
  it.each([
    { text: 'a,b\n1,2\n3,4\n', line: 1 },
    { text: '\n \r\n"a","b"\r\n1,2\n', line: 3 },
    { text: 'a,b\n"never closed\n', line: 1 },
  ])('stops once the header is read: write returns false and no record follows ($text)', ({ text, line }) => {
    const delivered: Delivered[] = [];
    const tokenizer = new CsvTokenizer(
      { header: (cells, at) => delivered.push(header([...cells], at)), record: (cells, at) => delivered.push(record([...cells], at)) },
      ',',
      0,
    );
    expect(tokenizer.write(text)).toBe(false);
    expect(delivered).toEqual([header(['a', 'b'], line)]);
  });

  it('goes on writing until the header has arrived in full', () => {
    const delivered: Delivered[] = [];
    const tokenizer = new CsvTokenizer({ header: (cells, line) => delivered.push(header([...cells], line)), record: () => undefined }, ';', 0);
    expect(tokenizer.write('\r\nid;"na')).toBe(true);
    expect(tokenizer.write('me"\r')).toBe(true);
    expect(delivered).toEqual([]);
    expect(tokenizer.write('\n1;x\n')).toBe(false);
    expect(delivered).toEqual([header(['id', 'name'], 2)]);
  });

  it('hands over a header without a line end at the end', () => {
    expect(read('a,b', ',', { records: 0 })).toEqual({ delivered: [header(['a', 'b'], 1)], stopped: false });
  });

  it('stops after the records wanted, blank lines not counted; a malformed record after them is never read', () => {
    expect(read('a,b\n1,2\n\n ,\n3,4\n"never closed\n', ',', { records: 2 })).toEqual({
      delivered: [header(['a', 'b'], 1), record(['1', '2'], 2), record(['3', '4'], 5)],
      stopped: true,
    });
    expect(read('a,b\n1,2\n"never closed\n', ',', { records: 2 })).toEqual({
      delivered: [header(['a', 'b'], 1), record(['1', '2'], 2)],
      error: { problem: 'quote-not-closed', line: 3 },
      stopped: false,
    });
  });
});

describe('CsvTokenizer record length', () => {
  const receiver: RecordReceiver = { header: () => undefined, record: () => undefined };

  it('stops a record that never ends (an unclosed quote) once it outgrows MAX_RECORD_LENGTH, at its line', () => {
    const tokenizer = new CsvTokenizer(receiver, ',');
    tokenizer.write('case_id,note\nC1,fine\nC2,"never closed ');
    const piece = 'x'.repeat(1 << 20);
    let error: unknown;
    try {
      for (let written = 0; written <= MAX_RECORD_LENGTH + (2 << 20); written += piece.length) tokenizer.write(piece);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).problem).toBe('record-too-long');
    expect((error as CsvSyntaxError).line).toBe(3);
  });

  it('reads a long quoted cell below the limit across many pieces', () => {
    const records: string[][] = [];
    const tokenizer = new CsvTokenizer({ header: () => undefined, record: (cells) => records.push([...cells]) }, ',');
    tokenizer.write('case_id,note\nC1,"');
    for (let i = 0; i < 8; i++) tokenizer.write('y'.repeat(1 << 20));
    tokenizer.write('"\nC2,short\n');
    tokenizer.end();
    expect(records.map((cells) => [cells[0], cells[1]?.length])).toEqual([
      ['C1', 8 << 20],
      ['C2', 5],
    ]);
  });
});
