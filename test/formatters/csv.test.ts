// CSV report: one row per finding and pending item, Excel-friendly encoding, formula injection neutralised.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv, neutraliseFormula } from '../../src/formatters/csv.js';
import { cleanReport, fixtureReport, HOSTILE_CASE_ID, HOSTILE_RECORD, HOSTILE_TEAM, HOSTILE_WORKER } from './fixture.js';

const FORMULA_START = /^[=+\-@\t\r]/;

function rowsOf(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true }) as Record<string, string>[];
}

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['C001', '2026-09-10', '', "'already quoted", 'a=b'])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe('csv formatter', () => {
  const output = formatCsv(fixtureReport);

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(output.startsWith('\uFEFF')).toBe(true);
    expect(output.endsWith('\r\n')).toBe(true);
    expect(output.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('has the header row and one row per finding, then one per pending item', () => {
    const rows = rowsOf(output);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(fixtureReport.findings.length + fixtureReport.pending.length);
    expect(rows.map((row) => row.status)).toEqual([
      ...fixtureReport.findings.map(() => 'breach'),
      ...fixtureReport.pending.map(() => 'pending'),
    ]);
  });

  it('writes a finding’s fields, its source and its evidence', () => {
    const row = rowsOf(output).find((r) => r.record === 'V88');
    expect(row).toEqual({
      status: 'breach',
      case: 'C001',
      standard: 'defaulted-visits-escalated',
      severity: 'error',
      date: '2026-09-10',
      due: '2026-09-15',
      record: 'V88',
      message: 'Visit V88 on 2026-09-10 was the 4th defaulted visit and no core group followed by 2026-09-15.',
      team: 'North',
      worker: 'W12',
      source_file: 'export/visits.csv',
      source_line: '67',
      evidence: 'visits V88 2026-09-10: 4th defaulted visit; deadline 2026-09-15: core group due (3 working days)',
      baseline: '',
      waiver_expires: '',
      waiver_approved_by: '',
      waiver_reason: '',
    });
  });

  it('gives a pending row its due date and its standard’s severity', () => {
    const row = rowsOf(output).find((r) => r.status === 'pending' && r.case === 'C003');
    expect(row).toMatchObject({ standard: 'nrp-invited', severity: 'warning', due: '2026-11-05', record: 'M9' });
  });

  it('writes the data-integrity finding with an empty case', () => {
    const row = rowsOf(output).find((r) => r.standard === 'data-invalid-row');
    expect(row).toMatchObject({ case: '', source_file: 'export/visits.csv', source_line: '9' });
  });

  it('leaves no cell that a spreadsheet would run as a formula', () => {
    const cells = (parse(output, { bom: true }) as string[][]).flat();
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it('keeps hostile values recoverable: an apostrophe in front, quotes and markup intact', () => {
    const row = rowsOf(output).find((r) => r.case === HOSTILE_CASE_ID);
    expect(row).toMatchObject({
      team: `'${HOSTILE_TEAM}`,
      worker: `'${HOSTILE_WORKER}`,
      record: `'${HOSTILE_RECORD}`,
      evidence: `meetings ${HOSTILE_RECORD} 2026-09-02: -2+3 <u>core_group</u> | "split"`,
    });
  });

  it('writes only the header for a report with nothing found', () => {
    expect(formatCsv(cleanReport)).toBe(`\uFEFF${CSV_COLUMNS.map((column) => `"${column}"`).join(',')}\r\n`);
  });
});
