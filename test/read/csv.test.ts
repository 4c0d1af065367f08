// CSV input: header handling, line numbers through quotes, CRLF and blank lines, and whole-file errors.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefly, inputFolder, loadChecked, loadFailure, loadFiles } from '../pipeline/_helpers.js';

const CASES = 'case_id,status\nC1,open\nC2,closed\n';
const VISITS_HEADER = 'case_id,visit_id,date,type,outcome';

describe('header', () => {
  it('strips a UTF-8 byte-order mark, stray spaces and case from the header', async () => {
    const loaded = await loadFiles({
      'cases.csv': '\uFEFF Case_ID , STATUS ,Opened\nC1,open,01/02/2026\n',
    });
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map((record) => record.case)).toEqual([
      expect.objectContaining({ case_id: 'C1', status: 'open', opened: '2026-02-01' }),
    ]);
  });

  it('ignores columns the contract does not know, wherever they are', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'Surname,case_id,notes,status\nSmith,C1,"lives with nan, sometimes",open\n',
    });
    expect(loaded.integrity).toEqual([]);
    const row = loaded.cases[0]?.case ?? {};
    expect(Object.keys(row)).not.toContain('surname');
    expect(Object.keys(row)).not.toContain('notes');
    expect(Object.entries(row).filter(([, value]) => value !== undefined).map(([key]) => key).sort()).toEqual([
      'case_id',
      'sourceFile',
      'sourceLine',
      'status',
    ]);
  });

  it('refuses a file missing a required column, at the header line, saying what was expected', async () => {
    const folder = await inputFolder({ 'cases.csv': CASES, 'visits.csv': `\n\ncase_id,visit_id,date\nC1,V1,2026-01-01\n` });
    const error = await loadFailure([folder]);
    expect(error.where).toEqual({ file: join(folder, 'visits.csv'), line: 3 });
    expect(error.toLine()).toBe(
      `${join(folder, 'visits.csv')}:3: table visits is missing required column(s) outcome (expected a header with case_id, visit_id, date, outcome)`,
    );
  });

  it('refuses a header naming a column twice', async () => {
    const folder = await inputFolder({ 'cases.csv': 'case_id,status,Status\nC1,open,closed\n' });
    expect((await loadFailure([folder])).message).toBe('column status appears more than once in the header');
  });

  it('refuses an empty file, or one of blank lines only, as having no header', async () => {
    for (const content of ['', '\n\n\r\n']) {
      const folder = await inputFolder({ 'cases.csv': content });
      const error = await loadFailure([folder]);
      expect(error.toLine()).toMatch(/cases\.csv:1: the file is empty: it has no header row \(expected a header row/);
    }
  });

  it('accepts a header with no rows: the table is present and empty', async () => {
    const loaded = await loadFiles({ 'cases.csv': CASES, 'visits.csv': `${VISITS_HEADER}\n` });
    expect(loaded.tablesPresent.has('visits')).toBe(true);
    expect(loaded.inputs.find((input) => input.table === 'visits')).toMatchObject({ rows: 0, rejected: 0 });
  });
});

describe('table identification', () => {
  it('knows a table by its file name in any case', async () => {
    const loaded = await loadFiles({ 'CASES.CSV': CASES, 'Visits.csv': `${VISITS_HEADER}\nC1,V1,2026-01-05,home,completed\n` });
    expect(loaded.inputs.map((input) => input.table)).toEqual(['cases', 'visits']);
  });

  it('knows a table by its header when the name says nothing, preferring the most specific fit', async () => {
    const loaded = await loadFiles({
      'export-1.csv': CASES,
      'export-2.csv': 'case_id,assessment_id,type,started\nC1,A1,single,2026-01-02\n',
      'export-3.csv': 'case_id,assessment_id,person_id,views_recorded\nC1,A1,P1,Y\n',
      'export-4.csv': 'case_id,person_id,relationship,parent\nC1,P1,mother,Y\n',
    });
    expect(loaded.inputs.map((input) => `${input.file.split(/[\\/]/).pop()}=${input.table}`)).toEqual([
      'export-1.csv=cases',
      'export-2.csv=assessments',
      'export-3.csv=assessment_views',
      'export-4.csv=people',
    ]);
    expect(loaded.integrity).toEqual([]);
  });

  it('refuses a file it cannot place, naming the closest table and what it lacks', async () => {
    const folder = await inputFolder({ 'cases.csv': CASES, 'Visits_Export.csv': 'CaseNo,visit_id,date,outcome\nC1,V1,2026-01-01,completed\n' });
    const error = await loadFailure([folder]);
    expect(error.where).toEqual({ file: join(folder, 'Visits_Export.csv'), line: 1 });
    expect(error.message).toBe('cannot tell which table this file holds; its header comes closest to visits, which also needs case_id');
    expect(error.expected).toMatch(/^a file named <table>\.csv \(cases, plans, .*\), or a header with every required column/);
  });

  it('refuses a header that fits two tables equally rather than guess', async () => {
    const folder = await inputFolder({ 'cases.csv': CASES, 'mixed.csv': 'case_id,plan_id,type,start,letter_id,date,recipient\n' });
    const error = await loadFailure([folder]);
    expect(error.message).toBe('cannot tell whether this file holds plans or letters: its header fits both');
    expect(error.expected).toBe('a file named plans.csv or letters.csv');
  });

  it('refuses a header with nothing it knows', async () => {
    const folder = await inputFolder({ 'cases.csv': CASES, 'notes.csv': 'a,b\n1,2\n' });
    expect((await loadFailure([folder])).message).toBe('cannot tell which table this file holds');
  });
});

describe('line numbers', () => {
  const quoted = [
    VISITS_HEADER,
    'C1,V1,2026-01-05,home,completed',
    '"C1","V2","2026-01-06","home","no access"',
    'C1,V3,"2026-01-07",other,"defaulted"',
    '"C1","V4, V5",2026-01-08,home,completed',
    'C1,V6,2026-01-09,home,missed',
    '',
  ];

  it('are the physical line each record starts on, with quoted commas and line breaks inside cells', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'visits.csv': [
        `${VISITS_HEADER},notes`,
        'C1,V1,2026-01-05,home,completed,"first line',
        'second line, with a comma',
        'third line"',
        'C1,V2,2026-01-06,home,completed,"a ""quoted"" word"',
        'C1,V3,2026-01-07,home,missed,"one',
        'two"',
        'C1,V4,2026-01-08,home,missed,',
        '',
      ].join('\n'),
    });
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.sourceLine])).toEqual([
      ['V1', 2],
      ['V2', 5],
    ]);
    expect(briefly(loaded)).toEqual(['data-invalid-row visits.csv:6 outcome', 'data-invalid-row visits.csv:8 outcome']);
  });

  // A lone CR inside a quoted cell is a line break, as editors show it.
  it('stay right with CRLF line ends, CRLF or CR inside quoted cells, blank and whitespace-only lines', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'visits.csv': [
        '',
        `${VISITS_HEADER},notes`,
        'C1,V1,2026-01-05,home,completed,"a\r\nb\r\nc"',
        '',
        '   ',
        ',,,,,',
        'C1,V2,2026-01-06,home,missed,',
        '"C1","V3","2026-01-07","home","completed",""',
        '',
        '',
        'C1,V4,2026-01-08,home,missed,"x\ry"',
        'C1,V5,2026-01-09,home,missed,',
      ].join('\r\n'),
    });
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.sourceLine])).toEqual([
      ['V1', 3],
      ['V3', 10],
    ]);
    expect(briefly(loaded)).toEqual([
      'data-invalid-row visits.csv:9 outcome',
      'data-invalid-row visits.csv:13 outcome',
      'data-invalid-row visits.csv:15 outcome',
    ]);
    expect(loaded.inputs.find((input) => input.table === 'visits')).toMatchObject({ rows: 5, rejected: 3 });
  });

  it('hold for quoted cells everywhere in the record', async () => {
    const loaded = await loadFiles({ 'cases.csv': CASES, 'visits.csv': quoted.join('\n') });
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.sourceLine])).toEqual([
      ['V1', 2],
      ['V2', 3],
      ['V3', 4],
      ['V4, V5', 5],
    ]);
    expect(briefly(loaded)).toEqual(['data-invalid-row visits.csv:6 outcome']);
  });
});

describe('rows with the wrong number of cells', () => {
  it('are invalid rows, not a crash and not silently short', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'visits.csv': [VISITS_HEADER, 'C1,V1,2026-01-05,home', 'C1,V2,2026-01-05,home,completed,extra', 'C1,V3,2026-01-05,home,completed', ''].join('\n'),
    });
    expect(loaded.cases[0]?.visits.map((visit) => visit.visit_id)).toEqual(['V3']);
    expect(loaded.integrity.map((finding) => ({ line: finding.source?.line, id: finding.recordId, ...finding.data }))).toEqual([
      {
        line: 2,
        id: 'V1',
        table: 'visits',
        column: 'outcome',
        reason: 'the row has 4 cell(s) but the header has 5 column(s)',
        cells: 4,
        columns: 5,
      },
      {
        line: 3,
        id: 'V2',
        table: 'visits',
        column: 'cell 6',
        reason: 'the row has 6 cell(s) but the header has 5 column(s)',
        cells: 6,
        columns: 5,
      },
    ]);
  });
});

describe('malformed CSV', () => {
  it('refuses an unclosed quote, giving the line of the record that opens it', async () => {
    const folder = await inputFolder({
      'cases.csv': CASES,
      'visits.csv': [VISITS_HEADER, 'C1,V1,2026-01-05,home,completed', '', 'C1,V2,2026-01-05,"home,completed', 'C1,V3,2026-01-05,home,completed', ''].join('\n'),
    });
    const error = await loadFailure([folder]);
    expect(error.where).toEqual({ file: join(folder, 'visits.csv'), line: 4 });
    expect(error.message).toBe('malformed CSV: a quoted cell is never closed (in the record starting here)');
    expect(error.expected).toMatch(/enclosed in double quotes/);
  });

  it('reads text after a closing quote as written, quotes and all (as csv-parse relax_quotes), and judges the value', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'visits.csv': [VISITS_HEADER, 'C1,V1,"2026-01-05\n"x,home,completed', 'C1,V2,2026-01-06,"home" visit,completed', ''].join('\n'),
    });
    expect(briefly(loaded)).toEqual(['data-invalid-row visits.csv:2 date', 'data-invalid-row visits.csv:4 type']);
  });
});

describe('several files', () => {
  it('merge the same table from several files and count each file on its own', async () => {
    const folder = await inputFolder({
      'cases.csv': CASES,
      'visits-a.csv': `${VISITS_HEADER}\nC1,V1,2026-01-05,home,completed\n`,
      'visits-b.csv': `${VISITS_HEADER}\nC1,V2,2026-01-06,home,completed\nC2,V1,2026-01-06,home,completed\n`,
    });
    const loaded = await loadChecked([folder]);
    expect(loaded.cases.map((record) => record.visits.map((visit) => visit.visit_id))).toEqual([['V1', 'V2'], ['V1']]);
    expect(loaded.inputs.map(({ table, rows }) => [table, rows])).toEqual([
      ['cases', 2],
      ['visits', 1],
      ['visits', 2],
    ]);
  });
});

describe('line numbers in a large file', () => {
  it('stay right across read chunks, for every mix of line ends, quoted breaks and blank lines', async () => {
    const random = seeded(20260304);
    const expected: [string, number][] = [];
    const lines: string[] = [`${VISITS_HEADER},notes`];
    let line = 2;
    for (let index = 0; index < 6000; index++) {
      const blanks = random() < 0.1 ? 1 + Math.floor(random() * 3) : 0;
      for (let b = 0; b < blanks; b++) lines.push('');
      line += blanks;
      const breaks = random() < 0.2 ? 1 + Math.floor(random() * 3) : 0;
      const lineEnd = random() < 0.5 ? '\r\n' : '\n';
      const notes = breaks === 0 ? 'plain' : `"${Array.from({ length: breaks + 1 }, (_, i) => `part ${i}, more`).join(lineEnd)}"`;
      // Row ends mixed too: after a first LF, csv-parse leaves a CRLF row's CR in its last cell.
      lines.push(`C1,V${index},2026-01-05,home,completed,${notes}${random() < 0.3 ? '\r' : ''}`);
      expected.push([`V${index}`, line]);
      line += 1 + breaks;
    }
    const loaded = await loadFiles({ 'cases.csv': CASES, 'visits.csv': lines.join('\n') + '\n' });
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.sourceLine])).toEqual(expected);
  });
});

/** A small deterministic generator, so the large file is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
