// The audit period: deadlines placed by their due date, and month-by-month audits that lose no breach of the whole history.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../samples/generate.js';
import { runCli } from '../../src/cli/main.js';
import { periodDate, periodKeepsFinding, periodKeepsPending } from '../../src/engine/period.js';

const october = { from: '2026-10-01', to: '2026-10-31' };
const november = { from: '2026-11-01', to: '2026-11-30' };

describe('periodKeepsFinding', () => {
  it('places an event finding by its date, and keeps undated findings in every period', () => {
    expect(periodKeepsFinding({ date: '2026-10-15' }, october)).toBe(true);
    expect(periodKeepsFinding({ date: '2026-11-01' }, october)).toBe(false);
    expect(periodKeepsFinding({ date: null }, october)).toBe(true);
  });

  it('places a deadline breach by its due date: a visit on the last Friday of October, consultation due on 2 November', () => {
    const late = { date: '2026-10-30', due: '2026-11-02' };
    expect(periodDate(late)).toBe('2026-11-02');
    expect(periodKeepsFinding(late, october)).toBe(false);
    expect(periodKeepsFinding(late, november)).toBe(true);
  });

  it('places a report due before its meeting by the meeting, when the breach can first be seen', () => {
    const report = { date: '2026-11-02', due: '2026-10-30' };
    expect(periodDate(report)).toBe('2026-11-02');
    expect(periodKeepsFinding(report, november)).toBe(true);
    expect(periodKeepsFinding(report, october)).toBe(false);
  });

  it('keeps a deadline due on the day before the period: the previous month-end audit saw it still pending', () => {
    const dueOnMonthEnd = { date: '2026-09-29', due: '2026-09-30' };
    expect(periodKeepsFinding(dueOnMonthEnd, { from: '2026-10-01', to: '2026-10-31' })).toBe(true);
    expect(periodKeepsFinding(dueOnMonthEnd, { from: '2026-09-01', to: '2026-09-30' })).toBe(true);
    expect(periodKeepsFinding({ date: '2026-09-28', due: '2026-09-29' }, october)).toBe(false);
  });

  it('is open-ended on either side', () => {
    expect(periodKeepsFinding({ date: '2020-01-01', due: '2020-01-02' }, { from: null, to: '2026-10-31' })).toBe(true);
    expect(periodKeepsFinding({ date: '2030-01-01' }, { from: '2026-10-01', to: null })).toBe(true);
  });
});

describe('periodKeepsPending', () => {
  it('keeps a deadline running during the period: started by its end, due on or after its start', () => {
    expect(periodKeepsPending({ date: '2026-10-28', due: '2026-11-06' }, october)).toBe(true);
    expect(periodKeepsPending({ date: '2026-11-02', due: '2026-11-06' }, october)).toBe(false);
    expect(periodKeepsPending({ date: '2026-09-02', due: '2026-09-30' }, october)).toBe(false);
  });
});

// --- Month by month against the whole history ---------------------------------------------------------------

interface Listed {
  readonly standard: string;
  readonly caseId: string;
  readonly recordId: string | null;
  readonly date: string | null;
  readonly due?: string;
}

async function auditJson(args: readonly string[]): Promise<{ findings: Listed[]; pending: Listed[] }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['audit', ...args, '-f', 'json', '-q'], {
    stdout: { write: (chunk) => (stdout += String(chunk)) },
    stderr: { write: (chunk) => (stderr += String(chunk)) },
    env: {},
    today: () => '2026-10-31',
  });
  expect(stderr).toBe('');
  expect([0, 1]).toContain(status);
  return JSON.parse(stdout) as { findings: Listed[]; pending: Listed[] };
}

const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const key = (f: Listed) => JSON.stringify([f.standard, f.caseId, f.recordId]);

/** Every breach of one whole-history audit as of `end`, and those the month-end audits of each month up to it report. */
async function monthByMonth(path: string, firstYear: number, firstMonth: number, end: string) {
  const whole = await auditJson([path, '--as-of', end]);
  const monthly = new Set<string>();
  let [year, month] = [firstYear, firstMonth];
  for (;;) {
    const from = `${year}-${pad(month)}-01`;
    const to = lastDayOf(year, month);
    const report = await auditJson([path, '--as-of', to, '--from', from, '--to', to]);
    for (const finding of report.findings) monthly.add(key(finding));
    if (to >= end) break;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return { whole, monthly };
}

describe('month-by-month audits report every breach one audit of the whole history reports', () => {
  it('on the samples (January to October 2026), C005/V005-09 included', async () => {
    const { whole, monthly } = await monthByMonth('samples/monthly-export', 2026, 1, '2026-10-31');
    expect(whole.findings.length).toBeGreaterThan(20);
    const lost = whole.findings.filter((f) => !monthly.has(key(f)));
    expect(lost).toEqual([]);
    expect(monthly.has(JSON.stringify(['defaulted-visits-escalated', 'C005', 'V005-09']))).toBe(true);
  }, 60_000);

  const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-period-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  for (const seed of ['months-1', 'months-2']) {
    it(`on a generated export of 400 cases (seed ${seed}), with deadlines that cross month ends`, async () => {
      const out = join(scratch, seed);
      await generateExport({ cases: 400, out, seed, format: 'csv' });
      const { whole, monthly } = await monthByMonth(out, 2026, 1, '2026-10-31');
      const deadlines = whole.findings.filter((f) => f.due !== undefined);
      expect(deadlines.length).toBeGreaterThan(10);
      // The property bites only if some deadline crosses a month end: its event in one month, its due in the next.
      expect(deadlines.some((f) => f.date !== null && f.due !== undefined && f.date.slice(0, 7) !== f.due.slice(0, 7))).toBe(true);
      const lost = whole.findings.filter((f) => !monthly.has(key(f)));
      expect(lost).toEqual([]);
    }, 120_000);
  }
});
