// Excel workbook, read back with exceljs: summary rates, a filterable findings sheet, a row per case, no formulas.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASES_COLUMNS, FINDINGS_COLUMNS, formatXlsx } from '../../src/formatters/xlsx.js';
import {
  cleanReport,
  fixtureReport,
  HOSTILE_CASE_ID,
  HOSTILE_MESSAGE,
  HOSTILE_RECORD,
  HOSTILE_TEAM,
  HOSTILE_WORKER,
  statusReport,
} from './fixture.js';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

function rowValues(row: ExcelJS.Row): unknown[] {
  // exceljs rows are 1-based: index 0 is always empty.
  return (row.values as unknown[]).slice(1);
}

/** Rows as objects keyed by the sheet's header row. */
function records(worksheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = rowValues(worksheet.getRow(1)).map(String);
  const rows: Record<string, unknown>[] = [];
  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(header.map((name, index) => [name, row.getCell(index + 1).value])));
  });
  return rows;
}

function rowStartingWith(worksheet: ExcelJS.Worksheet, first: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  worksheet.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === first) found = row;
  });
  return found;
}

describe('xlsx formatter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has a summary, a findings and a cases sheet', async () => {
    const workbook = await readBack(await formatXlsx(fixtureReport));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Findings', 'Cases']);
  });

  it('gives the compliance rate per standard and per team on the summary sheet', async () => {
    const summary = sheet(await readBack(await formatXlsx(fixtureReport)), 'Summary');
    const defaulted = rowStartingWith(summary, 'defaulted-visits-escalated');
    expect(defaulted && rowValues(defaulted)).toEqual([
      'defaulted-visits-escalated',
      'Defaulted visits are escalated to a core group',
      'error',
      'assessed',
      4,
      2,
      0.5,
      3,
      1,
    ]);
    expect(defaulted?.getCell(7).numFmt).toBe('0.0%');
    const notAssessed = rowStartingWith(summary, 'split-review-minutes');
    expect(notAssessed?.getCell(4).value).toBe('not assessed: needs table meetings, which was not supplied');
    expect(notAssessed?.getCell(7).value).toBeNull();
    const north = rowStartingWith(summary, 'North');
    expect(north && rowValues(north)).toEqual(['North', 2, 1, 5, 4, 0.8]);
    expect(rowStartingWith(summary, '(no team)')?.getCell(6).value).toBe(0.5);
    expect(rowStartingWith(summary, '(no worker)')?.getCell(6).value).toBe(0.5);
    expect(rowStartingWith(summary, 'Overall compliance')?.getCell(2).value).toBeCloseTo(6 / 11);
  });

  it('lists every finding and pending item with a frozen header and an autofilter', async () => {
    const findings = sheet(await readBack(await formatXlsx(fixtureReport)), 'Findings');
    expect(rowValues(findings.getRow(1))).toEqual([...FINDINGS_COLUMNS]);
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // exceljs reads the filter back as the range it spans: the header and every data row, all 17 columns (A to Q).
    expect(FINDINGS_COLUMNS).toHaveLength(17);
    expect(findings.autoFilter).toBe(`A1:Q${1 + fixtureReport.findings.length + fixtureReport.pending.length}`);
    const rows = records(findings);
    expect(rows).toHaveLength(fixtureReport.findings.length + fixtureReport.pending.length);
    const v88 = rows.find((row) => row.Record === 'V88');
    expect(v88).toMatchObject({
      Status: 'breach',
      Case: 'C001',
      Standard: 'defaulted-visits-escalated',
      Severity: 'error',
      Date: new Date(Date.UTC(2026, 8, 10)),
      Team: 'North',
      Worker: 'W12',
      'Source file': 'export/visits.csv',
      'Source line': 67,
      Evidence: 'visits V88 2026-09-10: 4th defaulted visit\ndeadline 2026-09-15: core group due (3 working days)',
    });
    expect(rows.find((row) => row.Status === 'pending' && row.Case === 'C002')).toMatchObject({
      Severity: 'error',
      Due: new Date(Date.UTC(2026, 10, 2)),
    });
    expect(rows.find((row) => row.Standard === 'data-invalid-row')?.Case).toBe('(no case)');
  });

  it('has one row per case with its applicable and breached standards and counts', async () => {
    const cases = sheet(await readBack(await formatXlsx(fixtureReport)), 'Cases');
    expect(rowValues(cases.getRow(1))).toEqual([...CASES_COLUMNS]);
    expect(cases.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = records(cases);
    expect(rows.map((row) => row.Case)).toEqual(fixtureReport.cases.map((c) => c.caseId));
    expect(rows[0]).toEqual({
      Case: 'C001',
      Team: 'North',
      Worker: 'W12',
      Applicable: 3,
      Breached: 1,
      Rate: 2 / 3,
      Findings: 2,
      Pending: 0,
      'Applicable standards': 'allegation-response-recorded, defaulted-visits-escalated, nrp-invited',
      'Breached standards': 'defaulted-visits-escalated',
    });
    expect(rows.find((row) => row.Case === 'C004')).toMatchObject({ Team: '(no team)', Worker: '(no worker)' });
  });

  it('stores hostile text as plain strings, exactly as exported, and writes no formula anywhere', async () => {
    const workbook = await readBack(await formatXlsx(fixtureReport));
    const hostile = records(sheet(workbook, 'Findings')).find((row) => row.Case === HOSTILE_CASE_ID);
    expect(hostile).toMatchObject({ Team: HOSTILE_TEAM, Worker: HOSTILE_WORKER, Record: HOSTILE_RECORD, Message: HOSTILE_MESSAGE });
    const formulas: string[] = [];
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${worksheet.name}!${cell.address}`);
          if (typeof cell.value === 'string' && cell.value.startsWith('=')) expect(cell.type).toBe(ExcelJS.ValueType.String);
        }),
      );
    }
    expect(formulas).toEqual([]);
  });

  it('is byte-identical for the same report whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
    const first = await formatXlsx(fixtureReport);
    vi.setSystemTime(new Date('2031-06-15T17:31:07Z'));
    const second = await formatXlsx(fixtureReport);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const workbook = await readBack(first);
    expect(workbook.created).toEqual(new Date(Date.UTC(2026, 9, 31)));
  });

  it('prints every sheet on A4, one page wide, with its header row on every page', async () => {
    const workbook = await readBack(await formatXlsx(statusReport));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Findings', 'Cases', 'Waivers', 'Resolved']);
    for (const worksheet of workbook.worksheets) {
      expect(worksheet.pageSetup, worksheet.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      });
    }
    // On the list sheets row 1 is the header; on the summary it is the title with the as-of date.
    expect(rowValues(sheet(workbook, 'Findings').getRow(1))).toEqual([...FINDINGS_COLUMNS]);
    expect(sheet(workbook, 'Summary').getRow(1).getCell(1).value).toBe('Practice audit — as of 2026-10-31');
  });

  it('wraps text within its column and aligns every cell to the top, headings excepted', async () => {
    const workbook = await readBack(await formatXlsx(fixtureReport));
    const unwrapped: string[] = [];
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.alignment?.vertical, `${worksheet.name}!${cell.address}`).toBe('top');
          if (cell.alignment?.wrapText !== true) unwrapped.push(`${worksheet.name}!${cell.address}`);
        }),
      );
    }
    const summary = sheet(workbook, 'Summary');
    const headingAt = (text: string) => `Summary!A${rowStartingWith(summary, text)?.number ?? 0}`;
    expect(unwrapped).toEqual([
      'Summary!A1',
      headingAt('Compliance by standard'),
      headingAt('Compliance by team'),
      headingAt('Compliance by worker'),
    ]);
    const findings = sheet(workbook, 'Findings');
    // Long text gets a wide column that still leaves the others room on a page fitted to its width.
    const widths = (['Message', 'Evidence', 'Waiver reason'] as const).map((name) => findings.getColumn(FINDINGS_COLUMNS.indexOf(name) + 1).width);
    expect(widths).toEqual([48, 42, 32]);
  });

  it('colours rate cells red, amber or green by band, and states the thresholds on the summary', async () => {
    const workbook = await readBack(await formatXlsx(fixtureReport));
    const fillOf = (cell: ExcelJS.Cell | undefined) => {
      if (cell === undefined) throw new Error('no such cell');
      return cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
    };
    const green = 'FFE6F4EA';
    const amber = 'FFFFF4E0';
    const red = 'FFFDE7E7';
    const summary = sheet(workbook, 'Summary');
    // 80% for North is amber, 50% for a standard and 6 of 11 overall are red, a standard nothing applied to is blank.
    expect(fillOf(rowStartingWith(summary, 'North')?.getCell(6))).toBe(amber);
    expect(fillOf(rowStartingWith(summary, 'defaulted-visits-escalated')?.getCell(7))).toBe(red);
    expect(fillOf(rowStartingWith(summary, 'Overall compliance')?.getCell(2))).toBe(red);
    expect(fillOf(rowStartingWith(summary, 'split-review-minutes')?.getCell(7))).toBeUndefined();
    const cases = sheet(workbook, 'Cases');
    const rate = CASES_COLUMNS.indexOf('Rate') + 1;
    const caseFills = Object.fromEntries(
      fixtureReport.cases.map((c) => [c.caseId, fillOf(rowStartingWith(cases, c.caseId)?.getCell(rate))]),
    );
    // C002 complied with all 2 (100%), C004 with 1 of 2, C001 with 2 of 3, C003 with 1 of 3, the hostile case with none.
    expect(caseFills).toEqual({ C001: red, C002: green, C003: red, C004: red, [HOSTILE_CASE_ID]: red });
    const legend = rowStartingWith(summary, 'Rate colours');
    expect(legend && rowValues(legend)).toEqual([
      'Rate colours',
      'green: good: 90% or more',
      'amber: fair: 75% to under 90%',
      'red: poor: under 75%',
    ]);
    expect([2, 3, 4].map((column) => fillOf(legend?.getCell(column)))).toEqual([green, amber, red]);
  });

  it('renders a report with nothing found', async () => {
    const findings = sheet(await readBack(await formatXlsx(cleanReport)), 'Findings');
    expect(findings.rowCount).toBe(1);
  });
});
