// JSON and NDJSON input: the same case model as CSV, embedded rows, lines, paths and whole-file errors; JSON streamed in chunks of any size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readJsonFile } from '../../src/read/json.js';
import { scanJson, JsonSyntaxError } from '../../src/read/json-layout.js';
import { TABLE_NAMES } from '../../src/model/types.js';
import { briefly, FIXTURES, inputFolder, loadChecked, loadFailure, loadFiles, withoutSources } from '../pipeline/_helpers.js';

describe('the same export in every form', () => {
  it('gives the same case model from a CSV folder, a JSON array, {"cases": [...]} and NDJSON', async () => {
    const fromCsv = await loadChecked([join(FIXTURES, 'canonical')]);
    expect(fromCsv.integrity).toEqual([]);
    expect(fromCsv.cases.map((record) => record.case.case_id)).toEqual(['C1', 'C2']);
    expect(fromCsv.tablesPresent).toEqual(new Set(TABLE_NAMES));
    for (const file of ['canonical.json', 'canonical-wrapped.json', 'canonical.ndjson']) {
      const loaded = await loadChecked([join(FIXTURES, file)]);
      expect(loaded.integrity, file).toEqual([]);
      expect(loaded.tablesPresent, file).toEqual(fromCsv.tablesPresent);
      expect(withoutSources(loaded), file).toEqual(withoutSources(fromCsv));
    }
  });

  it('reads the canonical rows to the values DATA.md gives them', async () => {
    const [first] = (await loadChecked([join(FIXTURES, 'canonical.ndjson')])).cases;
    expect(first?.people.find((person) => person.person_id === 'F1')).toMatchObject({
      parent: true,
      resident: false,
      contactable: false,
      uncontactable_date: '2026-02-01',
      no_contact_reason: 'cp_concerns',
    });
    expect(first?.visits.map((visit) => visit.sourceLine)).toEqual([1, 1]);
  });

  it('gives JSON rows the line where their document or embedded row starts', async () => {
    const loaded = await loadChecked([join(FIXTURES, 'canonical.json')]);
    const [c1, c2] = loaded.cases;
    expect([c1?.case.sourceFile, c1?.case.sourceLine]).toEqual([join(FIXTURES, 'canonical.json'), 2]);
    expect(c1?.people.map((person) => person.sourceLine)).toEqual([10, 15]);
    expect(c1?.visits.map((visit) => visit.sourceLine)).toEqual([51, 52]);
    expect(c2?.case.sourceLine).toBe(74);
    expect(c2?.meeting_parents[0]?.sourceLine).toBe(87);
  });
});

describe('case documents', () => {
  it('takes the case_id of the document for embedded rows, and refuses a row naming another case', async () => {
    const loaded = await loadFiles({
      'export.json': JSON.stringify(
        {
          cases: [
            {
              case_id: 'C1',
              status: 'open',
              visits: [
                { visit_id: 'V1', date: '2026-01-05', outcome: 'completed' },
                { case_id: ' C1 ', visit_id: 'V2', date: '2026-01-06', outcome: 'completed' },
                { case_id: 'C2', visit_id: 'V3', date: '2026-01-07', outcome: 'completed' },
              ],
            },
            { case_id: 'C2', status: 'open' },
          ],
        },
        null,
        2,
      ),
    });
    expect(loaded.cases.map((record) => record.visits.map((visit) => visit.visit_id))).toEqual([['V1', 'V2'], []]);
    expect(loaded.integrity).toEqual([
      expect.objectContaining({
        standard: 'data-invalid-row',
        caseId: 'C2',
        recordId: 'V3',
        messageId: 'caseIdMismatch',
        data: expect.objectContaining({
          table: 'visits',
          column: 'cases[0].visits[2].case_id',
          rowCaseId: 'C2',
          documentCaseId: 'C1',
        }) as unknown,
        source: { file: join(loaded.folder, 'export.json'), line: 18 },
      }),
    ]);
  });

  it('makes a table present when any document has its key, even empty, and not when it is null', async () => {
    const loaded = await loadFiles({
      'export.ndjson': [
        JSON.stringify({ case_id: 'C1', status: 'open', letters: [], visits: null }),
        JSON.stringify({ case_id: 'C2', status: 'open' }),
      ].join('\n'),
    });
    expect([...loaded.tablesPresent].sort()).toEqual(['cases', 'letters']);
    expect(loaded.inputs.map(({ table, rows }) => [table, rows])).toEqual([
      ['cases', 2],
      ['letters', 0],
    ]);
  });

  it('orphans the embedded rows of a document whose own row is invalid', async () => {
    const loaded = await loadFiles({
      'export.ndjson': `${JSON.stringify({ case_id: 'C1', status: 'pending', visits: [{ visit_id: 'V1', date: '2026-01-05', outcome: 'completed' }] })}\n`,
    });
    expect(loaded.cases).toEqual([]);
    expect(briefly(loaded)).toEqual(['data-invalid-row export.ndjson:1 status', 'data-orphan-row export.ndjson:1 case_id']);
  });

  it('skips blank NDJSON lines and counts lines as they are in the file', async () => {
    const loaded = await loadFiles({
      'export.jsonl': `\uFEFF${JSON.stringify({ case_id: 'C1', status: 'open' })}\r\n\r\n   \r\n${JSON.stringify({ case_id: 'C2', status: 'shut' })}\r\n`,
    });
    expect(loaded.cases.map((record) => record.case.sourceLine)).toEqual([1]);
    expect(briefly(loaded)).toEqual(['data-invalid-row export.jsonl:4 status']);
  });
});

describe('whole-file errors', () => {
  it('refuses invalid JSON with the line and column of the fault, without quoting the text', async () => {
    const folder = await inputFolder({
      'export.json': '[\n  {"case_id": "C1", "status": "open"},\n  {"case_id": "C2", "status": "open",}\n]\n',
    });
    const error = await loadFailure([folder]);
    expect(error.where).toEqual({ file: join(folder, 'export.json'), line: 3 });
    expect(error.message).toBe(`invalid JSON at column 38: unexpected "}" where a property name in double quotes was expected`);
    expect(error.expected).toBe('a JSON array of case documents, or {"cases": [ ... ]}');
  });

  it('refuses a JSON file that ends too early, at its last line', async () => {
    const folder = await inputFolder({ 'export.json': '{"cases": [\n  {"case_id": "C1",\n' });
    const error = await loadFailure([folder]);
    expect(error.where.line).toBe(3);
    expect(error.message).toMatch(/the JSON ends too early/);
  });

  it.each([
    ['{"case_id": "C1", "status": "open"}', 'JSON of the wrong shape: an object without a "cases" array', 1],
    ['"cases"', 'JSON of the wrong shape: a string', 1],
    ['{"cases": [\n  "C1"\n]}', 'cases[0] is not a case document', 2],
    ['[{"case_id": "C1", "status": "open", "visits": {"visit_id": "V1"}}]', '[0].visits is not an array', 1],
    ['[{"case_id": "C1", "status": "open",\n "visits": [\n  ["V1"]\n]}]', '[0].visits[0] is not an object', 3],
  ])('refuses JSON of the wrong shape: %s', async (content, message, line) => {
    const folder = await inputFolder({ 'export.json': content });
    const error = await loadFailure([folder]);
    expect(error.message).toBe(message);
    expect(error.where.line).toBe(line);
  });

  it('refuses an NDJSON line that is not JSON, or not a document, with its line number', async () => {
    const good = JSON.stringify({ case_id: 'C1', status: 'open' });
    let folder = await inputFolder({ 'export.ndjson': `${good}\n\n{"case_id": "C2", "name": "Jane Smith"\n` });
    let error = await loadFailure([folder]);
    expect(error.where).toEqual({ file: join(folder, 'export.ndjson'), line: 3 });
    expect(error.message).toBe('invalid JSON at column 39: the JSON ends too early');
    expect(error.toLine()).not.toContain('Jane');
    folder = await inputFolder({ 'export.ndjson': `${good}\n[1, 2]\n` });
    error = await loadFailure([folder]);
    expect(error.toLine()).toMatch(/export\.ndjson:2: the line is not a case document/);
  });
});

describe('scanJson', () => {
  it.each([
    ['', 1, 'the file holds no JSON value'],
    ['[1,]', 1, 'unexpected "]" where a value was expected'],
    ['[01]', 1, `unexpected "1" where ',' or ']' was expected`],
    ['[1.]', 1, 'invalid number: digits must follow the decimal point'],
    ['["a\\x"]', 1, 'invalid escape in a string'],
    ['["a\n"]', 1, 'a string is not closed before the end of the line'],
    ['[\n"\\u12"]', 2, 'a \\u escape needs four hexadecimal digits'],
    ['{"a" 1}', 1, `unexpected "1" where ':' was expected`],
    ['[] []', 1, 'unexpected "[" after the end of the JSON value'],
    ['[tru]', 1, 'unexpected "t" where a value was expected'],
  ])('finds the fault in %j', (text, line, reason) => {
    const result = scanJson(text);
    expect(result).toBeInstanceOf(JsonSyntaxError);
    expect(result).toMatchObject({ line, reason });
  });

  it('accepts everything JSON.parse accepts, however deeply nested', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    for (const text of ['{"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"]}', ' [ ] ', deep]) {
      expect(scanJson(text)).not.toBeInstanceOf(JsonSyntaxError);
    }
  });

  it('finds the layout past escaped quotes and backslashes', () => {
    const text = '[{"case_id": "C\\\\", "visits": [\n {"note": "say \\"hi\\" \\\\"}, \n {"note": "\\\\\\""}]},\n {"case_id": "C2"}]';
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(scanJson(text)).toEqual({ documents: [{ line: 1, rows: new Map([['visits', [2, 3]]]) }, { line: 4, rows: new Map() }] });
  });

  it('records the lines of documents and embedded rows, ignoring look-alikes outside cases', () => {
    const text = '{"other": [{"visits": [{}]}],\n "cases": [\n  {"visits": [\n   {},\n   {}],\n   "people": []}]}';
    const result = scanJson(text);
    expect(result).not.toBeInstanceOf(JsonSyntaxError);
    const [document, ...rest] = (result as Exclude<typeof result, JsonSyntaxError>).documents;
    expect(rest).toEqual([]);
    expect(document?.line).toBe(3);
    expect(Object.fromEntries(document?.rows ?? [])).toEqual({ visits: [4, 5], people: [] });
  });
});

interface Handed {
  readonly document: unknown;
  readonly line: number;
  readonly path: string;
  readonly rows: Record<string, number[]> | undefined;
}

/** Reads a JSON file as the loader does, `readSize` bytes at a time, keeping what reaches the sink. */
async function streamed(file: string, readSize?: number): Promise<Handed[]> {
  const handed: Handed[] = [];
  const sink = {
    document: (document: unknown, line: number, path: string, layout: { rows: Map<string, number[]> } | undefined) =>
      handed.push({ document, line, path, rows: layout && Object.fromEntries(layout.rows) }),
  };
  await readJsonFile(file, sink, undefined, readSize);
  return handed;
}

/** What the reader gave before streaming: the whole text parsed at once, placed by scanJson. */
function parsedWhole(text: string): Handed[] {
  const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown[] | { cases: unknown[] };
  const documents = Array.isArray(value) ? value : value.cases;
  const layout = scanJson(text.replace(/^\uFEFF/, ''));
  if (layout instanceof JsonSyntaxError) throw new Error('not JSON');
  return documents.map((document, index) => ({
    document,
    line: layout.documents[index]?.line ?? 1,
    path: `${Array.isArray(value) ? '' : 'cases'}[${index}]`,
    rows: Object.fromEntries(layout.documents[index]?.rows ?? []),
  }));
}

const readFailure = (file: string, readSize?: number): Promise<InputError> =>
  streamed(file, readSize).then(
    () => {
      throw new Error('read without an error');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(InputError);
      return error as InputError;
    },
  );

describe('JSON read as a stream of case documents', () => {
  it('hands on the documents, lines, paths and layouts of parsing the whole file, the samples included', async () => {
    for (const file of [join(FIXTURES, 'canonical.json'), join(FIXTURES, 'canonical-wrapped.json'), 'samples/monthly-export.json']) {
      const whole = parsedWhole(readFileSync(file, 'utf8'));
      expect(whole.length, file).toBeGreaterThan(1);
      expect(await streamed(file), file).toEqual(whole);
      expect(await streamed(file, 13), file).toEqual(whole);
    }
  });

  it('reads documents cut between reads at every position, in UTF-8 with and without a mark and in UTF-16', async () => {
    const text =
      '{"exported": [{"case_id": "X", "visits": [{}]}], "cases": [\n' +
      ' {"case_id": "C1", "team": "Caf\u00e9 [1]", "worker": "W{\\"}", "note": "\u00e9😀\\\\",\n' +
      '  "visits": [{"visit_id": "V\\u005d", "date": "2026-01-05"},\n   {"visit_id": "V2"}]},\n' +
      ' {"case_id": "C2", "people": [\n  {"person_id": "M1"}]}\n], "after": {"cases": [1]}}\n';
    const whole = parsedWhole(text);
    expect(whole.map(({ line, path, rows }) => [line, path, rows])).toEqual([
      [2, 'cases[0]', { visits: [3, 4] }],
      [5, 'cases[1]', { people: [6] }],
    ]);
    const folder = await inputFolder({
      'utf8.json': text,
      'bom.json': `\uFEFF${text}`,
      'utf16le.json': Buffer.from(`\uFEFF${text}`, 'utf16le'),
      'utf16be.json': Buffer.from(`\uFEFF${text}`, 'utf16le').swap16(),
    });
    for (const name of ['utf8.json', 'bom.json', 'utf16le.json', 'utf16be.json']) {
      // Every read size up to the file's length cuts the text at every position.
      const bytes = readFileSync(join(folder, name)).length;
      for (let readSize = 1; readSize <= bytes; readSize += readSize < 16 ? 1 : 37) {
        expect(await streamed(join(folder, name), readSize), `${name} read ${readSize} bytes at a time`).toEqual(whole);
      }
    }
  });

  it('reads an empty array, and {"cases": []} with other keys, as no documents', async () => {
    const folder = await inputFolder({ 'a.json': '[]', 'b.json': '{"before": 1, "cases": [], "after": [{}]}' });
    expect(await streamed(join(folder, 'a.json'))).toEqual([]);
    expect(await streamed(join(folder, 'b.json'))).toEqual([]);
    const loaded = await loadChecked([folder]);
    expect(loaded.cases).toEqual([]);
    expect(loaded.inputs.map(({ table, rows }) => [table, rows])).toEqual([
      ['cases', 0],
      ['cases', 0],
    ]);
  });

  it('refuses a second "cases" key, whose documents could not replace those already read', async () => {
    const folder = await inputFolder({ 'export.json': '{"cases": [{"case_id": "C1", "status": "open"}],\n  "cases": []}' });
    const error = await readFailure(join(folder, 'export.json'));
    expect(error.where).toEqual({ file: join(folder, 'export.json'), line: 2 });
    expect(error.message).toBe('a second "cases" key at column 3');
  });

  it('places malformed JSON at a late line and column, in whichever read it falls', async () => {
    const documents = Array.from({ length: 3000 }, (_, i) => `  {"case_id": "C${i}", "status": "open",\n   "visits": [{"visit_id": "V${i}"}]}`);
    documents[2500] = '  {"case_id": "C2500", "status": "open",\n   "visits": [{"visit_id": "V2500"} {"visit_id": "X"}]}';
    const folder = await inputFolder({ 'export.json': `[\n${documents.join(',\n')}\n]\n` });
    for (const readSize of [undefined, 4096, 1000]) {
      const error = await readFailure(join(folder, 'export.json'), readSize);
      expect(error.where).toEqual({ file: join(folder, 'export.json'), line: 2 + 2500 * 2 + 1 });
      expect(error.message).toBe(`invalid JSON at column 37: unexpected "{" where ',' or ']' was expected`);
    }
  });
});
