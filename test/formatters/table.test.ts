// Terminal report: every section present, colour only when allowed, nothing from the data can drive the terminal.
import { describe, expect, it } from 'vitest';
import { formatTable, terminalText } from '../../src/formatters/table.js';
import type { Report } from '../../src/core/report.js';
import { cleanReport, fixtureReport } from './fixture.js';

// eslint-disable-next-line no-control-regex -- looking for escape sequences is the point
const ANSI_ESCAPE = /\u001b\[/;

function lineWith(output: string, text: string): string {
  return output.split('\n').find((line) => line.includes(text)) ?? '';
}

describe('terminalText', () => {
  it('shows control characters instead of sending them and puts line breaks on one line', () => {
    expect(terminalText('C1\u001b[2J\u0007\r\nnext\u009b')).toBe('C1\\x1b[2J\\x07 next\\x9b');
  });
});

describe('table formatter', () => {
  const plain = formatTable(fixtureReport, { color: false });

  it('emits no escape codes without colour, and some with it', () => {
    expect(plain).not.toMatch(ANSI_ESCAPE);
    expect(formatTable(fixtureReport, { color: true })).toMatch(ANSI_ESCAPE);
  });

  it('is the same text with colour once the escape codes are stripped', () => {
    // eslint-disable-next-line no-control-regex -- stripping SGR sequences
    const stripped = formatTable(fixtureReport, { color: true }).replace(/\u001b\[[0-9;]*m/g, '');
    expect(stripped).toBe(plain);
  });

  it('opens with the tool, as-of date, period, region and inputs', () => {
    expect(plain.split('\n')[0]).toBe(
      'practice-audit 0.1.0 · as of 2026-10-31 · period 2026-08-01 to 2026-10-31 · region england',
    );
    expect(lineWith(plain, 'export/visits.csv (')).toBe('  visits  export/visits.csv (40 rows, 1 rejected)');
  });

  it('has a row per standard with status, counts and rate', () => {
    const row = lineWith(plain, '│ defaulted-visits-escalated');
    expect(row.split('│').map((cell) => cell.trim()).slice(1, -1)).toEqual([
      'defaulted-visits-escalated',
      'error',
      'assessed',
      '4',
      '2',
      '50.0%',
      '3',
      '1',
    ]);
    expect(lineWith(plain, '│ split-review-minutes')).toContain('not assessed: needs table meetings, which was not supplied');
    expect(lineWith(plain, '│ nrp-copied-into-letters')).toContain('off: switched off in the configuration');
  });

  it('breaks compliance down by team, or by worker when asked', () => {
    expect(plain).toContain('Compliance by team');
    const north = lineWith(plain, '│ North');
    expect(north.split('│').map((cell) => cell.trim()).slice(1, -1)).toEqual(['North', '2', '1', '5', '4', '80.0%']);
    expect(lineWith(plain, '│ (no team)')).toContain('50.0%');
    const byWorker = formatTable(fixtureReport, { color: false, groupBy: 'worker' });
    expect(byWorker).toContain('Compliance by worker');
    expect(lineWith(byWorker, '│ (no worker)')).toContain('50.0%');
  });

  it('groups findings under their case with team and worker, each with its source file and line and its evidence indented', () => {
    const lines = plain.split('\n');
    const caseLine = lines.indexOf('C001  team North · worker W12');
    expect(caseLine).toBeGreaterThan(0);
    expect(lines.slice(caseLine + 1, caseLine + 6)).toEqual([
      '  error    defaulted-visits-escalated    2026-09-10  V88  due 2026-09-15',
      '    Visit V88 on 2026-09-10 was the 4th defaulted visit and no core group followed by 2026-09-15.',
      '      · source export/visits.csv:67',
      '      · visits V88 2026-09-10: 4th defaulted visit',
      '      · deadline 2026-09-15: core group due (3 working days)',
    ]);
    expect(lines).toContain('C004  no team · no worker');
    expect(lines).toContain('(no case)  no team · no worker');
  });

  it('lists pending items and ends with the totals line', () => {
    expect(lineWith(plain, 'due 2026-11-02')).toBe('  due 2026-11-02  C002  defaulted-visits-escalated  V95');
    expect(plain.trimEnd().split('\n').at(-1)).toBe('5 cases, 4 with breaches · 5 errors, 2 warnings · 2 pending · 1 standard not assessed');
  });

  it('never passes control characters from the data through to the terminal', () => {
    const hostile: Report = {
      ...fixtureReport,
      findings: fixtureReport.findings.map((finding) => ({ ...finding, caseId: `${finding.caseId}\u001b[31m`, message: `${finding.message}\u0007` })),
    };
    const output = formatTable(hostile, { color: false });
    expect(output).not.toMatch(ANSI_ESCAPE);
    expect(output).not.toContain('\u0007');
    expect(output).toContain('C001\\x1b[31m');
  });

  it('says so when nothing was found or pending', () => {
    const clean = formatTable(cleanReport, { color: false });
    expect(clean).toContain('No breaches found.');
    expect(clean).toContain('Nothing pending.');
    expect(clean.trimEnd().split('\n').at(-1)).toBe('2 cases, 0 with breaches · 0 errors, 0 warnings · 0 pending · 1 standard not assessed');
  });
});
