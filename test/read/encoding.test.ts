// Encodings: UTF-8 with and without a byte-order mark, UTF-16 LE/BE, Windows-1252; undecodable bytes are errors with their line.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefly, inputFolder, loadChecked, loadFailure, loadFiles } from '../pipeline/_helpers.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le');
const utf16be = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();

/** Windows-1252 bytes for text of Latin-1 letters plus the few 0x80–0x9F characters used here. */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Buffer.from([...text].map((char) => extra[char] ?? (char.charCodeAt(0) <= 0xff ? char.charCodeAt(0) : 0x3f)));
}

const CASES = 'case_id,status,team\r\nC1,open,Café Team\r\nC2,closed,Équipe “Nord”\r\n';
const teams = (loaded: Awaited<ReturnType<typeof loadFiles>>) => loaded.cases.map((record) => record.case.team);

describe('UTF-8', () => {
  it('reads UTF-8 without a byte-order mark', async () => {
    const loaded = await loadFiles({ 'cases.csv': utf8(CASES) });
    expect(teams(loaded)).toEqual(['Café Team', 'Équipe “Nord”']);
  });

  it('reads UTF-8 with a byte-order mark (Excel "CSV UTF-8"), the mark not part of the first column name', async () => {
    const loaded = await loadFiles({ 'cases.csv': Buffer.concat([UTF8_BOM, utf8(CASES)]) });
    expect(teams(loaded)).toEqual(['Café Team', 'Équipe “Nord”']);
  });

  it('keeps characters whose bytes fall across read chunks whole', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `C${i},open,Équipe ${'é€😀'.repeat((i % 7) + 1)}\n`);
    const loaded = await loadFiles({ 'cases.csv': utf8(`case_id,status,team\n${rows.join('')}`) });
    expect(loaded.cases).toHaveLength(4000);
    const byId = new Map(loaded.cases.map((record) => [record.case.case_id, record.case.team]));
    expect(byId.get('C0')).toBe('Équipe é€😀');
    expect(byId.get('C3999')).toBe(`Équipe ${'é€😀'.repeat((3999 % 7) + 1)}`);
    expect([...byId.values()].some((team) => team?.includes('\uFFFD'))).toBe(false);
  });

  it('reads a file that is not UTF-8 and has no byte-order mark as Windows-1252, and says it was detected', async () => {
    const loaded = await loadFiles({ 'cases.csv': windows1252(CASES) });
    expect(teams(loaded)).toEqual(['Café Team', 'Équipe “Nord”']);
    expect(loaded.inputs[0]).toMatchObject({ encoding: 'windows-1252 (detected)' });
    // A UTF-8 file is read as UTF-8 and says nothing of its encoding.
    expect((await loadFiles({ 'cases.csv': utf8(CASES) })).inputs[0]?.encoding).toBeUndefined();
  });

  it('detects Windows-1252 from a byte deep in a large file, past the head and several read chunks', async () => {
    const rows = Array.from({ length: 90_000 }, (_, i) => `C${i},open,Team ${i}\n`);
    rows[76_543] = 'C76543,open,Caf\xe9\n';
    const folder = await inputFolder({ 'cases.csv': Buffer.from(`case_id,status,team\n${rows.join('')}`, 'latin1') });
    const loaded = await loadChecked([folder]);
    expect(loaded.cases.find((record) => record.case.case_id === 'C76543')?.case.team).toBe('Café');
    expect(loaded.inputs[0]).toMatchObject({ rows: 90_000, encoding: 'windows-1252 (detected)' });
  });

  it('refuses a file mixing UTF-8 characters with bytes that are not, at the bad byte\'s line, suggesting --encoding', async () => {
    const rows = Array.from({ length: 9000 }, (_, i) => `C${i},open,Équipe ${i}\n`);
    rows[7654] = 'C7654,open,Caf\xe9\n';
    const bytes = Buffer.concat(rows.map((row, i) => (i === 7654 ? Buffer.from(row, 'latin1') : utf8(row))));
    const folder = await inputFolder({ 'cases.csv': Buffer.concat([utf8('case_id,status,team\n'), bytes]) });
    const error = await loadFailure([folder]);
    expect(error.where.line).toBe(7656);
    expect(error.message).toBe('the file is not valid UTF-8: byte 0xE9 does not belong to a UTF-8 character here');
    expect(error.expected).toMatch(/--encoding windows-1252/);
  });

  it('refuses a file that ends inside a character', async () => {
    const folder = await inputFolder({ 'cases.csv': Buffer.concat([utf8('case_id,status,team\nC1,open,caf'), Buffer.from([0xc3])]) });
    const error = await loadFailure([folder]);
    expect(error.message).toBe('the file is not valid UTF-8: the file ends inside a character');
    expect(error.where.line).toBe(2);
  });

  it('with --encoding utf8 says so in what it expected', async () => {
    const folder = await inputFolder({ 'cases.csv': windows1252(CASES) });
    expect((await loadFailure([folder], { encoding: 'utf8' })).expected).toMatch(/^UTF-8 text, as --encoding utf8 says/);
  });
});

describe('UTF-16 with a byte-order mark (Excel "Unicode text": tab-separated)', () => {
  const TAB_CASES = 'case_id\tstatus\tteam\r\nC1\topen\tCafé Team\r\nC2\tclosed\tÉquipe “Nord” 😀\r\n';

  it('reads UTF-16 LE and BE, telling the tab delimiter from the header; a .txt file given by name too', async () => {
    for (const bytes of [utf16le(TAB_CASES), utf16be(TAB_CASES)]) {
      const loaded = await loadFiles({ 'cases.tsv': bytes });
      expect(teams(loaded)).toEqual(['Café Team', 'Équipe “Nord” 😀']);
      const folder = await inputFolder({ 'cases.txt': bytes });
      const named = await loadChecked([join(folder, 'cases.txt')]);
      expect(named.cases.map((record) => record.case.team)).toEqual(['Café Team', 'Équipe “Nord” 😀']);
    }
  });

  it('refuses a byte-order mark that contradicts --encoding', async () => {
    const folder = await inputFolder({ 'cases.tsv': utf16le(TAB_CASES) });
    const error = await loadFailure([folder], { encoding: 'windows-1252' });
    expect(error.message).toBe('the file starts with a UTF-16 LE byte-order mark, but --encoding windows-1252 was given');
  });

  it('refuses an odd number of bytes and a lone surrogate, at their line', async () => {
    const odd = await inputFolder({ 'cases.tsv': Buffer.concat([utf16le(TAB_CASES), Buffer.from([0x41])]) });
    const oddError = await loadFailure([odd]);
    expect(oddError.message).toBe('the file is not valid UTF-16 LE: the file ends in the middle of a character (an odd number of bytes)');
    const lone = await inputFolder({ 'cases.tsv': utf16le('case_id\tstatus\tteam\nC1\topen\tA\nC2\topen\tB\uD800C\n') });
    const loneError = await loadFailure([lone]);
    expect(loneError.message).toBe('the file is not valid UTF-16 LE: a surrogate code unit without its partner');
    expect(loneError.where.line).toBe(3);
  });

  it('refuses UTF-16 without a byte-order mark, naming the likely encoding', async () => {
    const folder = await inputFolder({ 'cases.tsv': Buffer.from(TAB_CASES, 'utf16le') });
    const error = await loadFailure([folder]);
    expect(error.message).toBe('the file holds NUL bytes: it looks like UTF-16 LE without a byte-order mark');
    expect(error.expected).toMatch(/^--encoding utf16le/);
    const given = await loadFiles({ 'cases.tsv': Buffer.from(TAB_CASES, 'utf16le') }, { encoding: 'utf16le' });
    expect(teams(given)).toEqual(['Café Team', 'Équipe “Nord” 😀']);
  });
});

describe('Windows-1252', () => {
  it('reads it with --encoding windows-1252, curly quotes and the euro sign included', async () => {
    const loaded = await loadFiles({ 'cases.csv': windows1252('case_id,status,team\nC1,open,Café’s €\n') }, { encoding: 'windows-1252' });
    expect(teams(loaded)).toEqual(['Café’s €']);
  });

  it('refuses a byte Windows-1252 leaves unassigned, at its line', async () => {
    const bytes = Buffer.concat([windows1252('case_id,status,team\nC1,open,A\nC2,open,'), Buffer.from([0x81]), utf8('\n')]);
    const folder = await inputFolder({ 'cases.csv': bytes });
    const error = await loadFailure([folder], { encoding: 'windows-1252' });
    expect(error.toLine()).toBe(`${join(folder, 'cases.csv')}:3: byte 0x81 is not a character in Windows-1252 (expected text in the encoding given with --encoding; UTF-8 if unsure)`);
  });
});

describe('not text at all', () => {
  it('refuses a workbook saved under a .csv name', async () => {
    const folder = await inputFolder({ 'cases.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]) });
    expect((await loadFailure([folder])).message).toBe('this is a zip file (an Excel workbook?), not text');
  });
});

describe('JSON and NDJSON', () => {
  const document = { case_id: 'C1', status: 'open', team: 'Café', visits: [{ visit_id: 'V1', date: '2026-01-05', outcome: 'completed' }] };

  it('reads JSON in UTF-16 with a byte-order mark, and NDJSON in Windows-1252 when told', async () => {
    const json = await loadFiles({ 'export.json': utf16le(JSON.stringify([document])) });
    expect(teams(json)).toEqual(['Café']);
    const ndjson = await loadFiles({ 'export.ndjson': windows1252(`${JSON.stringify(document)}\n`) }, { encoding: 'windows-1252' });
    expect(teams(ndjson)).toEqual(['Café']);
  });

  it('refuses JSON and NDJSON bytes that are not UTF-8, at their line', async () => {
    const text = `${JSON.stringify({ case_id: 'C0', status: 'open' })}\n${JSON.stringify(document)}\n`;
    const folder = await inputFolder({ 'export.ndjson': windows1252(text) });
    expect(briefly(await loadFiles({ 'ok.ndjson': utf8(text) }))).toEqual([]);
    const error = await loadFailure([folder]);
    expect([error.where.line, error.message]).toEqual([2, 'the file is not valid UTF-8: byte 0xE9 does not belong to a UTF-8 character here']);
    const json = await inputFolder({ 'export.json': windows1252(`[\n${JSON.stringify(document)}\n]`) });
    expect((await loadFailure([json])).where.line).toBe(2);
  });
});
