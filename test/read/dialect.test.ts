// CSV dialects: delimiter told from the header (or given), quoted line breaks, CRLF, trailing blank lines, loose headers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, firstContentLine, parseDelimiter } from '../../src/read/dialect.js';
import { briefly, inputFolder, loadFailure, loadFiles } from '../pipeline/_helpers.js';

const rows = (delimiter: string, lineEnd: string) =>
  [
    ['case_id', 'status', 'team'],
    ['C1', 'open', '"North, then South"'],
    ['C2', 'closed', '"West; ""B"" pod|2"'],
  ]
    .map((cells) => cells.join(delimiter))
    .join(lineEnd) + lineEnd;

describe('delimiter detection', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon (European Excel)'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('reads a %j-separated file (%s), quoted cells holding the other delimiters', async (delimiter) => {
    const loaded = await loadFiles({ 'cases.csv': rows(delimiter, '\r\n') });
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map((record) => record.case.team)).toEqual(['North, then South', 'West; "B" pod|2']);
  });

  it('counts delimiters outside quotes only, and prefers the earlier of comma, semicolon, tab, pipe on a tie', () => {
    expect(detectDelimiter('"a,b,c,d";"e";"f"')).toBe(';');
    expect(detectDelimiter('a;b,c')).toBe(',');
    expect(detectDelimiter('a|b|c\td')).toBe('|');
    expect(detectDelimiter('case_id')).toBe(',');
  });

  it('looks past blank lines for the header line', () => {
    expect(firstContentLine('\r\n  \n\ncase_id;status\r\nC1;open')).toBe('case_id;status');
    expect(firstContentLine('')).toBe('');
  });

  it('skips blank lines before the header when telling the delimiter, and counts them in line numbers', async () => {
    const loaded = await loadFiles({ 'cases.csv': '\n\ncase_id;status\nC1;open\nC2;shut\n' });
    expect(briefly(loaded)).toEqual(['data-invalid-row cases.csv:5 status']);
  });
});

describe('--delimiter', () => {
  it('overrides detection', async () => {
    // The header has more commas than semicolons, but the file is semicolon-separated with commas in names.
    const text = 'case_id;status;team,name,alias,notes\nC1;open;North,A,B,C\n';
    const detected = await inputFolder({ 'cases.csv': text });
    expect((await loadFailure([detected])).message).toMatch(/^table cases is missing required column\(s\) case_id, status/);
    const loaded = await loadFiles({ 'cases.csv': text }, { delimiter: ';' });
    expect(loaded.cases.map((record) => record.case.status)).toEqual(['open']);
  });

  it('accepts the character or its name', () => {
    expect([',', ';', '\t', '|', 'tab', 'TAB', '\\t', 'semicolon', 'comma', 'pipe'].map(parseDelimiter)).toEqual([
      ',',
      ';',
      '\t',
      '|',
      '\t',
      '\t',
      '\t',
      ';',
      ',',
      '|',
    ]);
    expect(() => parseDelimiter(':')).toThrow('--delimiter ":" is not recognised');
  });
});

describe('records and lines', () => {
  it('reads quoted cells with line breaks in a semicolon file, keeping later lines right', async () => {
    const text = 'case_id;status;team\r\nC1;open;"North\r\nannex"\r\nC2;shut;South\r\n';
    const loaded = await loadFiles({ 'cases.csv': text });
    expect(loaded.cases.map((record) => record.case.team)).toEqual(['North\r\nannex']);
    expect(briefly(loaded)).toEqual(['data-invalid-row cases.csv:4 status']);
  });

  it('ignores trailing empty lines and blank records, in any line-end style', async () => {
    for (const lineEnd of ['\n', '\r\n', '\r']) {
      const loaded = await loadFiles({ 'cases.csv': `${rows('\t', lineEnd)}${lineEnd}${lineEnd}\t\t${lineEnd}${lineEnd}` });
      expect(loaded.inputs[0]).toMatchObject({ rows: 2, rejected: 0 });
    }
  });

  it('reads a header with stray spaces, other case and a byte-order mark in a tab-separated file', async () => {
    const loaded = await loadFiles({ 'export.tsv': '\uFEFF  Case_ID \t STATUS\t Team \nC1\topen\tNorth\n' });
    expect(loaded.inputs.map((input) => input.table)).toEqual(['cases']);
    expect(loaded.cases[0]?.case).toMatchObject({ case_id: 'C1', status: 'open', team: 'North' });
  });

  it('names the delimiter when a quoted cell is never closed', async () => {
    const folder = await inputFolder({ 'cases.csv': 'case_id;status\nC1;"open\n' });
    const error = await loadFailure([folder]);
    expect(error.toLine()).toBe(
      `${join(folder, 'cases.csv')}:2: malformed semicolon-separated text: a quoted cell is never closed (in the record starting here) (expected delimited text with a header row; a cell holding a semicolon, quote or line break enclosed in double quotes, a quote inside it doubled (""))`,
    );
  });

  it('reports a row with a cell too many or too few against its header', async () => {
    const loaded = await loadFiles({ 'cases.csv': 'case_id|status\nC1|open|extra\nC2\nC3|open\n' });
    expect(briefly(loaded)).toEqual(['data-invalid-row cases.csv:2 cell 3', 'data-invalid-row cases.csv:3 status']);
  });
});
