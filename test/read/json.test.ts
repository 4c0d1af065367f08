// JSON and NDJSON input: the same case model as CSV, embedded rows, lines, paths and whole-file errors.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(c2?.case.sourceLine).toBe(72);
    expect(c2?.meeting_parents[0]?.sourceLine).toBe(85);
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

  it('finds the same layout when trusting text JSON.parse accepted, escaped quotes and backslashes included', () => {
    const text = '[{"case_id": "C\\\\", "visits": [\n {"note": "say \\"hi\\" \\\\"}, \n {"note": "\\\\\\""}]},\n {"case_id": "C2"}]';
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    const trusted = scanJson(text, true);
    expect(trusted).toEqual(scanJson(text));
    expect(trusted).toEqual({ documents: [{ line: 1, rows: new Map([['visits', [2, 3]]]) }, { line: 4, rows: new Map() }] });
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
