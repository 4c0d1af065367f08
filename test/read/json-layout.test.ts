// JsonScanner: the same documents, layouts and errors however the text is cut into chunks, accepting exactly what JSON.parse accepts, and the document length limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentTooLong, JsonScanner, JsonSyntaxError, scanJson, type JsonScanOptions } from '../../src/read/json-layout.js';

interface Scanned {
  readonly documents: readonly { text: string; index: number; line: number; rows: Record<string, number[]> }[];
  readonly casesKeys: readonly (readonly [number, number])[];
  readonly root: string | undefined;
  readonly casesArrays: number;
  readonly error?: { readonly kind: 'syntax'; readonly line: number; readonly column: number; readonly reason: string } | { readonly kind: 'too long'; readonly line: number };
  /** The chunk whose `write` returned the error (the chunks' count when `end` did). */
  readonly stoppedAt?: number;
}

/** Scans the chunks as the reader does, keeping everything the scanner hands on. */
function scanChunks(chunks: readonly string[], options: JsonScanOptions = { keepText: true }): Scanned {
  const documents: Scanned['documents'][number][] = [];
  const casesKeys: [number, number][] = [];
  const scanner = new JsonScanner(
    {
      document: (text, index, layout) => documents.push({ text, index, line: layout.line, rows: Object.fromEntries(layout.rows) }),
      casesKey: (line, column) => casesKeys.push([line, column]),
    },
    options,
  );
  let error;
  let stoppedAt = chunks.length;
  for (let i = 0; i < chunks.length && !error; i++) {
    error = scanner.write(chunks[i] as string);
    if (error) stoppedAt = i;
  }
  error ??= scanner.end();
  const found = { documents, casesKeys, root: scanner.root, casesArrays: scanner.casesArrays };
  if (!error) return found;
  return {
    ...found,
    stoppedAt,
    error:
      error instanceof DocumentTooLong
        ? { kind: 'too long', line: error.line }
        : { kind: 'syntax', line: error.line, column: error.column, reason: error.reason },
  };
}

/** The text cut in two at every position, and one character at a time. */
function cuttings(text: string): string[][] {
  const cuts = [[...text.split('')]];
  for (let at = 0; at <= text.length; at++) cuts.push([text.slice(0, at), text.slice(at)]);
  return cuts;
}

/** What the scan of the whole text finds, without the chunk that stopped it (which depends on the cutting). */
const found = ({ stoppedAt: _stoppedAt, ...rest }: Scanned) => rest;

const TEXTS = [
  // Strings holding brackets, braces, colons, commas, escaped quotes and backslashes, \u escapes and a surrogate pair.
  '[{"case_id": "C[1]", "note": "{x: [y, z]}", "visits": [\n {"visit_id": "V\\"1\\"", "n": "\\\\"},\n {"visit_id": "\\\\\\"]", "e": "\\u00e9\\ud83d\\ude00😀"}]},\n {"case_id": "C2", "people": []}]',
  // The wrapped form with other keys before and after, holding look-alikes of documents and tables.
  '{"exported": {"cases": [{"case_id": "X"}], "visits": [{}]},\n "c\\u0061ses": [\n  {"case_id": "C1",\n   "visits": [\n    {"visit_id": "V1"},\n    {"visit_id": "V2"}],\n   "letters": [{}, {}, {}]},\n  {"case_id": "C2"}],\n "count": [1, 2, {"cases": []}], "flag": true, "none": null}',
  // Every kind of value as a document, and numbers in every form.
  '[1, -0, 2.5e-3, -12E+40, 0.125, true, false, null, "C3", [], {}, [[{"a": "}"}]]]',
  ' \r\n\t[\r\n] \n',
  '[]',
  '{"cases": []}',
  '"cases"',
  '{"cases": 5}',
  '{"cases": [{"case_id": "C1"}], "cases": [{"case_id": "C2"}]}',
  // Faults of every kind, some late, some inside a document, some between documents.
  '[{"case_id": "C1"},\n {"case_id": "C2",}\n]',
  '[{"case_id": "C1"}\n {"case_id": "C2"}]',
  '[{"case_id": "C1", "note": "a\\qb"}]',
  '[{"case_id": "C1", "note": "a\\u12x4"}]',
  '[{"case_id": "C1", "note": "ab\\u12',
  '[{"case_id": "C1", "note": "ab\\',
  '[{"case_id": "C1", "note": "a\nb"}]',
  '[{"case_id": "C1", "note": "a\tb"}]',
  '[{"case_id": "C1", "note": "abc',
  '[{"case_id": "C1"}, tru]',
  '[{"case_id": "C1"}, nul',
  '[{"case_id": "C1"}, -]',
  '[1.]',
  '[1.5e]',
  '[1e+]',
  '[01]',
  '[-',
  '[1',
  '{"a" 1}',
  '{"a": 1 "b": 2}',
  '{1: 2}',
  '[] []',
  '[] 😀',
  '[😀]',
  '[{"case_id": "C1"}',
  '',
  '   \n  ',
  '\uFEFF[]',
  '[1] \ud83d',
];

describe('JsonScanner', () => {
  it.each(TEXTS.map((text) => [text]))('finds the same in %j however it is cut into chunks', (text) => {
    const whole = scanChunks([text]);
    for (const chunks of cuttings(text)) expect(found(scanChunks(chunks)), JSON.stringify(chunks)).toEqual(found(whole));
  });

  it('agrees with scanJson, the whole text at once', () => {
    for (const text of TEXTS) {
      const whole = scanChunks([text]);
      const scanned = scanJson(text);
      if (scanned instanceof JsonSyntaxError) {
        expect(whole.error, text).toEqual({ kind: 'syntax', line: scanned.line, column: scanned.column, reason: scanned.reason });
      } else {
        expect(whole.error, text).toBeUndefined();
        // scanJson places each document by its position, so a second `cases` array's take the first's places.
        const byPosition: unknown[] = [];
        for (const { index, line, rows } of whole.documents) byPosition[index] = [line, rows];
        expect(scanned.documents.map((layout) => [layout.line, Object.fromEntries(layout.rows)])).toEqual(byPosition);
      }
    }
  });

  it('hands on each document of the root array or the root object\'s cases, with its text, position, line and rows', () => {
    const wrapped = scanChunks([TEXTS[1] as string]);
    expect(wrapped.error).toBeUndefined();
    expect(wrapped.root).toBe('object');
    expect(wrapped.casesArrays).toBe(1);
    expect(wrapped.casesKeys).toEqual([[2, 2]]);
    expect(wrapped.documents).toEqual([
      {
        text: '{"case_id": "C1",\n   "visits": [\n    {"visit_id": "V1"},\n    {"visit_id": "V2"}],\n   "letters": [{}, {}, {}]}',
        index: 0,
        line: 3,
        rows: { visits: [5, 6], letters: [7, 7, 7] },
      },
      { text: '{"case_id": "C2"}', index: 1, line: 8, rows: {} },
    ]);
    const scalars = scanChunks([TEXTS[2] as string]);
    expect(scalars.root).toBe('array');
    expect(scalars.documents.map(({ text }) => JSON.parse(text) as unknown)).toEqual(JSON.parse(TEXTS[2] as string));
    const first = scanChunks([TEXTS[0] as string]).documents[0];
    expect(JSON.parse(first?.text ?? '')).toEqual((JSON.parse(TEXTS[0] as string) as unknown[])[0]);
    expect(first?.rows).toEqual({ visits: [2, 3] });
  });

  it('tells the root\'s kind, and whether the root object\'s cases was an array', () => {
    const kinds = ['[]', '{}', '"x"', '-1', 'true', 'false', 'null', '{"cases": 5}', '{"cases": [], "cases": []}'].map((text) => {
      const { root, casesArrays, casesKeys } = scanChunks([text]);
      return [root, casesArrays, casesKeys.length];
    });
    expect(kinds).toEqual([
      ['array', 0, 0],
      ['object', 0, 0],
      ['string', 0, 0],
      ['number', 0, 0],
      ['boolean', 0, 0],
      ['boolean', 0, 0],
      ['null', 0, 0],
      ['object', 0, 1],
      ['object', 2, 2],
    ]);
  });

  it('places faults at their line and column, never quoting more than the one character', () => {
    expect(scanChunks([TEXTS[9] as string]).error).toEqual({
      kind: 'syntax',
      line: 2,
      column: 19,
      reason: `unexpected "}" where a property name in double quotes was expected`,
    });
    expect(scanChunks(['[{"case_id": "C1", "note": "ab\\u12']).error).toMatchObject({ column: 31, reason: 'a \\u escape needs four hexadecimal digits' });
    expect(scanChunks(['[{"case_id": "C1", "note": "abc']).error).toMatchObject({ column: 28, reason: 'a string is never closed' });
    expect(scanChunks(['[] 😀']).error).toMatchObject({ column: 4, reason: 'unexpected "😀" after the end of the JSON value' });
  });

  it('accepts exactly what JSON.parse accepts, hands on the documents it parses, however the text is cut', () => {
    const alphabet = fc.constantFrom(...'{}[]",:\\ \n\t0123456789-+.eEtrufalsn\u00e9'.split(''));
    const text = fc
      .tuple(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.constantFrom(undefined, 1, 2), fc.boolean())
      .map(([documents, indent, wrapped]) => JSON.stringify(wrapped ? { before: documents[0] ?? null, cases: documents, after: 1 } : documents, null, indent));
    const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'keep'), alphabet);
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 6 }), (valid, edits, cuts) => {
        let mutated = valid;
        for (const [at, kind, character] of edits) {
          const pos = mutated.length === 0 ? 0 : at % mutated.length;
          if (kind === 'insert') mutated = `${mutated.slice(0, pos)}${character}${mutated.slice(pos)}`;
          else if (kind === 'delete') mutated = `${mutated.slice(0, pos)}${mutated.slice(pos + 1)}`;
          else if (kind === 'replace') mutated = `${mutated.slice(0, pos)}${character}${mutated.slice(pos + 1)}`;
        }
        const positions = [...new Set(cuts.map((cut) => (mutated.length === 0 ? 0 : cut % mutated.length)))].sort((a, b) => a - b);
        const chunks = [0, ...positions].map((from, i) => mutated.slice(from, [...positions, mutated.length][i]));
        const scanned = scanChunks(chunks);
        expect(found(scanned)).toEqual(found(scanChunks([mutated])));
        let parsed: unknown;
        try {
          parsed = JSON.parse(mutated);
        } catch {
          expect(scanned.error?.kind).toBe('syntax');
          return;
        }
        expect(scanned.error).toBeUndefined();
        const documents = Array.isArray(parsed) ? parsed : (parsed as { cases?: unknown }).cases;
        if (Array.isArray(documents) && scanned.casesKeys.length <= 1) {
          expect(scanned.documents.map(({ text: documentText }) => JSON.parse(documentText) as unknown)).toEqual(documents);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the longest document', () => {
  const limited = { keepText: true, maxDocumentLength: 10 };

  it('keeps a document of exactly the limit and stops one longer at its line, however the text is cut', () => {
    const text = '[\n"12345678",\n{"a":"123"},\n"12"]';
    for (const chunks of cuttings(text)) {
      const scanned = scanChunks(chunks, limited);
      expect(scanned.documents.map((document) => document.text)).toEqual(['"12345678"']);
      expect(scanned.error).toEqual({ kind: 'too long', line: 3 });
    }
  });

  it('stops as soon as the limit is passed, not at the document\'s end', () => {
    const text = '[\n"12345678",\n{"a":"123456789012345"},\n"12"]';
    const start = text.indexOf('{');
    const scanned = scanChunks(text.split(''), limited);
    expect(scanned.error).toEqual({ kind: 'too long', line: 3 });
    expect(scanned.stoppedAt).toBe(start + 10);
    expect(text.indexOf('}')).toBeGreaterThan(start + 10);
  });

  it('reports a fault past the limit as the limit, and one before it as the fault, however the text is cut', () => {
    for (const chunks of cuttings('[{"a":"123456789012\n"}]')) expect(scanChunks(chunks, limited).error).toEqual({ kind: 'too long', line: 1 });
    for (const chunks of cuttings('[{"a":"1\n23456789012"}]')) {
      expect(scanChunks(chunks, limited).error).toEqual({ kind: 'syntax', line: 1, column: 9, reason: 'a string is not closed before the end of the line' });
    }
  });

  it('holds no document text and has no limit unless asked', () => {
    const scanned = scanChunks(['[{"a":"123456789012345"}]'], {});
    expect(scanned.error).toBeUndefined();
    expect(scanned.documents.map((document) => document.text)).toEqual(['']);
  });
});
