// Workbooks as input: one sheet per table, cells read as a CSV export would hold them, rows numbered as the sheet numbers them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMappingFile } from '../../src/read/mapping.js';
import { cellText } from '../../src/read/xlsx.js';
import { briefly, inputFolder, loadChecked, loadFailure, render } from '../pipeline/_helpers.js';

type SheetRows = readonly (readonly ExcelJS.CellValue[])[];

/** Writes a workbook (sheet name → rows, each row from column A; `null` rows stay empty) and returns its path. */
async function workbook(folder: string, name: string, sheets: Readonly<Record<string, SheetRows>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== null && value !== undefined) sheet.getCell(index + 1, column + 1).value = value;
      });
    });
  }
  const path = join(folder, name);
  await book.xlsx.writeFile(path);
  return path;
}

const day = (iso: string, time = '00:00:00') => new Date(`${iso}T${time}Z`);

describe('sheets named as tables', () => {
  it('reads each sheet named as a table (any case, stray spaces), skipping the others, with the sheet row as line', async () => {
    const folder = await inputFolder({});
    await workbook(folder, 'export.xlsx', {
      Notes: [['This workbook holds the October export']],
      ' Cases ': [['case_id', 'status', 'opened'], ['C1', 'open', day('2026-01-05')], [1002, 'OPEN', '05/01/2026']],
      visits: [
        ['case_id', 'visit_id', 'date', 'outcome', 'child_seen', 'joint'],
        ['C1', 'V1', day('2026-02-02', '10:30:00'), { richText: [{ text: 'compl' }, { text: 'eted' }] }, true, false],
        [],
        ['C1', 'V2', day('2026-02-09'), { formula: 'LOWER("DEFAULTED")', result: 'defaulted' }],
        ['C1', 'V3', 46000, 'completed'],
        ['C1', 'V4', day('2026-02-16'), 'completed', null, null, 'note'],
      ],
    });
    const loaded = await loadChecked([folder]);
    const file = join(folder, 'export.xlsx');
    expect(loaded.inputs.map((input) => [input.table, input.file, input.rows, input.rejected])).toEqual([
      ['cases', `${file}# Cases `, 2, 0],
      ['visits', `${file}#visits`, 4, 2],
    ]);
    expect(loaded.cases.map((record) => [record.case.case_id, record.case.status, record.case.opened])).toEqual([
      ['1002', 'open', '2026-01-05'],
      ['C1', 'open', '2026-01-05'],
    ]);
    expect(loaded.cases[1]?.visits.map(({ visit_id, date, outcome, child_seen, joint, sourceLine }) => ({ visit_id, date, outcome, child_seen, joint, line: sourceLine }))).toEqual([
      { visit_id: 'V1', date: '2026-02-02', outcome: 'completed', child_seen: true, joint: false, line: 2 },
      { visit_id: 'V2', date: '2026-02-09', outcome: 'defaulted', child_seen: undefined, joint: undefined, line: 4 },
    ]);
    expect(briefly(loaded)).toEqual(['data-invalid-row export.xlsx#visits:5 date', 'data-invalid-row export.xlsx#visits:6 cell 7']);
    expect(render(loaded.integrity[0] as never)).toBe(
      'visits row left out of the audit: date "46000" is not valid (not a date in the form YYYY-MM-DD or DD/MM/YYYY, optionally followed by a time).',
    );
  });

  it('refuses a workbook with no sheet named as a table, listing its sheets', async () => {
    const folder = await inputFolder({});
    const path = await workbook(folder, 'book.xlsx', { Summary: [['a']], Data: [['case_id', 'status']] });
    const error = await loadFailure([path]);
    expect(error.toLine()).toBe(
      `${path}: no sheet of the workbook is named as a table (its sheets: Summary, Data) (expected sheets named cases, plans, people, contact_attempts, assessments, assessment_views, meetings, meeting_parents, visits, incidents, allegations, letters, updates, referrals, or a mapping whose sheet key names them)`,
    );
  });

  it('refuses a file that is not a workbook, and a sheet missing a required column', async () => {
    const folder = await inputFolder({ 'broken.xlsx': 'case_id,status\nC1,open\n' });
    expect((await loadFailure([join(folder, 'broken.xlsx')])).message).toMatch(/^cannot read the workbook: /);
    const other = await inputFolder({});
    const path = await workbook(other, 'book.xlsx', { cases: [[null], ['case_id'], ['C1']] });
    expect((await loadFailure([path])).toLine()).toBe(`${path}#cases:2: table cases is missing required column(s) status (expected a header with case_id, status)`);
  });
});

describe('workbooks through the mapping', () => {
  it('reads the sheets the mapping names into their table, findings naming the export\'s columns', async () => {
    const folder = await inputFolder({});
    await workbook(folder, 'CareFirst.xlsx', {
      'Case List': [['Case No', 'Status'], ['K1', 'Current']],
      'CP Visits': [['Case No', 'Ref', 'Visit Date', 'Outcome'], ['K1', 'V1', '05-Mar-2026', 'Seen']],
      'CIN Visits': [['Case No', 'Ref', 'Visit Date', 'Outcome'], ['K1', 'V2', day('2026-03-06'), 'DNA'], ['K1', 'V3', '07-Mar-2026', 'Rescheduled']],
      plans: [['case_id', 'plan_id', 'type', 'start'], ['K1', 'P1', 'cp', '2026-03-01']],
    });
    const mappingFile = join(folder, 'mapping.json');
    await writeFile(
      mappingFile,
      JSON.stringify({
        tables: {
          cases: { file: 'CareFirst.xlsx', sheet: 'case list', columns: { case_id: 'Case No', status: 'Status' }, values: { status: { Current: 'open' } } },
          visits: {
            file: 'CareFirst.xlsx',
            sheet: ['CP Visits', 'CIN Visits'],
            columns: { case_id: 'Case No', visit_id: 'Ref', date: 'Visit Date', outcome: 'Outcome' },
            values: { outcome: { Seen: 'completed', DNA: 'defaulted' } },
            dateFormats: { date: 'dd-MMM-yyyy' },
          },
        },
      }),
    );
    const loaded = await loadChecked([folder], { mapping: readMappingFile(mappingFile) });
    expect(loaded.inputs.map((input) => `${input.table} ${input.file.split(/[\\/]/).pop()}`)).toEqual([
      'visits CareFirst.xlsx#CIN Visits',
      'visits CareFirst.xlsx#CP Visits',
      'cases CareFirst.xlsx#Case List',
      'plans CareFirst.xlsx#plans',
    ]);
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.date, visit.outcome])).toEqual([
      ['V1', '2026-03-05', 'completed'],
      ['V2', '2026-03-06', 'defaulted'],
    ]);
    expect(briefly(loaded)).toEqual(['data-invalid-row CareFirst.xlsx#CIN Visits:3 Outcome']);
  });
});

describe('cell values', () => {
  it('reads each kind of cell as the text a CSV export would hold', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  text ')).toBe('  text ');
    expect(cellText(7)).toBe('7');
    expect(cellText(true)).toBe('true');
    expect(cellText(day('2026-03-31'))).toBe('2026-03-31');
    expect(cellText(day('2026-03-31', '23:59:30'))).toBe('2026-03-31T23:59:30');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellText({ formula: 'A1', result: day('2026-01-02') })).toBe('2026-01-02');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ text: 'link', hyperlink: 'https://example.org' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });
});

describe('one sheet feeding several tables (an Annex A list)', () => {
  it('reads the sheet once per table that names it, Excel error cells as not recorded', async () => {
    const folder = await inputFolder({});
    await workbook(folder, 'Annex_A_2026-11.xlsx', {
      'List 3 CIN': [
        ['Child ID', 'Referral Date', 'Closure Date', 'Assessment ID', 'Assessment Start', 'Team'],
        ['K1', day('2026-01-05'), null, 'A1', day('2026-01-06'), 'North'],
        ['K2', day('2026-01-07'), null, 'A2', day('2026-01-08'), { error: '#N/A' }],
      ],
      Notes: [['Prepared for Ofsted']],
    });
    const mappingFile = join(folder, 'annex-a.json');
    const sheet = { file: 'Annex_A_*.xlsx', sheet: 'List 3 CIN' };
    await writeFile(
      mappingFile,
      JSON.stringify({
        tables: {
          cases: { ...sheet, columns: { case_id: 'Child ID', status: 'Closure Date', opened: 'Referral Date', closed: 'Closure Date', team: 'Team' }, values: { status: { '': 'open', '*': 'closed' } } },
          assessments: { ...sheet, columns: { case_id: 'Child ID', assessment_id: 'Assessment ID', started: 'Assessment Start' } },
        },
      }),
    );
    const loaded = await loadChecked([folder], { mapping: readMappingFile(mappingFile) });
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map(({ case: row, assessments }) => [row.case_id, row.team ?? null, assessments.map((a) => a.assessment_id)])).toEqual([
      ['K1', 'North', ['A1']],
      ['K2', null, ['A2']],
    ]);
    expect(loaded.inputs.map((input) => [input.table, input.file.replace(folder, ''), input.rows])).toEqual([
      ['assessments', '/Annex_A_2026-11.xlsx#List 3 CIN', 2],
      ['cases', '/Annex_A_2026-11.xlsx#List 3 CIN', 2],
    ]);
  });
});
