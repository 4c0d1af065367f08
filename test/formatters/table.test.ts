// Terminal report: every section present, colour only when allowed, nothing from the data can drive the terminal.
import { describe, expect, it } from 'vitest';
import { formatTable, SPLIT_MARK, terminalText } from '../../src/formatters/table.js';
import type { Report } from '../../src/core/report.js';
import { cleanReport, fixtureReport, statusReport } from './fixture.js';

/** Wide enough for every line of the fixture: the content tests read lines whole. */
const WIDE = 200;

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
  const plain = formatTable(fixtureReport, { color: false, width: WIDE });

  it('emits no escape codes without colour, and some with it', () => {
    expect(plain).not.toMatch(ANSI_ESCAPE);
    expect(formatTable(fixtureReport, { color: true, width: WIDE })).toMatch(ANSI_ESCAPE);
  });

  it('is the same text with colour once the escape codes are stripped', () => {
    // eslint-disable-next-line no-control-regex -- stripping SGR sequences
    const stripped = formatTable(fixtureReport, { color: true, width: WIDE }).replace(/\u001b\[[0-9;]*m/g, '');
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
    const byWorker = formatTable(fixtureReport, { color: false, groupBy: 'worker', width: WIDE });
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
    const output = formatTable(hostile, { color: false, width: WIDE });
    expect(output).not.toMatch(ANSI_ESCAPE);
    expect(output).not.toContain('\u0007');
    expect(output).toContain('C001\\x1b[31m');
  });

  it('says so when nothing was found or pending', () => {
    const clean = formatTable(cleanReport, { color: false, width: WIDE });
    expect(clean).toContain('No breaches found.');
    expect(clean).toContain('Nothing pending.');
    expect(clean.trimEnd().split('\n').at(-1)).toBe('2 cases, 0 with breaches · 0 errors, 0 warnings · 0 pending · 1 standard not assessed');
  });
});

// eslint-disable-next-line no-control-regex -- stripping SGR sequences to measure what the terminal shows
const visible = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

const LONG_PATH = `exports/${'nightly-run-folder-'.repeat(5)}visits.csv`;

/** Messages, evidence, a team name and a file path far longer than any terminal line. */
const longReport: Report = {
  ...statusReport,
  inputs: [...statusReport.inputs, { table: 'meetings', file: LONG_PATH, rows: 12, rejected: 0, keptWithRejectedCells: 3 }],
  findings: statusReport.findings.map((finding, index) => ({
    ...finding,
    message: `${finding.message} ${'The record was checked against every meeting and visit in the period. '.repeat(index + 1)}`,
    team: finding.team === null ? null : `${finding.team} Family Support and Safeguarding Locality Team`,
    source: finding.source === null ? null : { file: LONG_PATH, line: 1000 + index },
    evidence: [...finding.evidence, { table: 'meetings', id: `MT${index}`, note: 'invitation list checked; '.repeat(6).trim() }],
  })),
};

describe('table formatter at a terminal width', () => {
  const reports = { fixture: fixtureReport, status: statusReport, 'long messages': longReport, clean: cleanReport };
  for (const [name, report] of Object.entries(reports)) {
    for (const width of [60, 80, 100, 120]) {
      it(`keeps every line of the ${name} report within ${width} columns, colour on or off`, () => {
        for (const color of [false, true]) {
          const over = formatTable(report, { color, width }).split('\n').filter((line) => visible(line) > width);
          expect(over).toEqual([]);
        }
      });
    }
  }

  it('lays out at 80 columns when given no width', () => {
    const output = formatTable(longReport, { color: false });
    expect(output).toBe(formatTable(longReport, { color: false, width: 80 }));
    expect(Math.max(...output.split('\n').map(visible))).toBe(80);
  });

  it('drops the standards table’s columns in the stated order and says which', () => {
    const heads = (width: number) => {
      const output = formatTable(fixtureReport, { color: false, width });
      const head = output.split('\n').find((line) => line.startsWith('│ standard'));
      return { heads: head?.split('│').map((cell) => cell.trim()).slice(1, -1), output };
    };
    expect(heads(120).heads).toEqual(['standard', 'severity', 'status', 'applicable', 'compliant', 'rate', 'breaches', 'pending']);
    expect(heads(120).output).not.toContain('not shown at');
    expect(heads(100).heads).toEqual(['standard', 'severity', 'status', 'applicable', 'rate', 'breaches']);
    expect(heads(100).output).toContain('(not shown at 100 columns: compliant, pending; 113 columns show every one)');
    expect(heads(80).heads).toEqual(['standard', 'severity', 'status', 'rate', 'breaches']);
    expect(heads(60).heads).toEqual(['standard', 'status', 'rate']);
    expect(heads(60).output).toContain('not shown at 60 columns: compliant, pending, applicable,\n severity, breaches;');
  });

  it('wraps the breakdown’s headings before it drops another column', () => {
    const lines = formatTable(cleanReport, { color: false, width: 52 }).split('\n');
    const top = lines.findIndex((line) => line.startsWith('│ team'));
    expect(lines[top]?.split('│').map((cell) => cell.trim())).toEqual(['', 'team', 'cases', 'with', 'applicable', 'rate', '']);
    expect(lines[top + 1]?.split('│').map((cell) => cell.trim())).toEqual(['', '', '', 'breaches', '', '', '']);
    expect(lines[top + 3]?.split('│').map((cell) => cell.trim())).toEqual(['', 'North', '1', '0', '2', '100.0%', '']);
    expect(lines.join('\n')).toContain('(not shown at 52 columns: compliant; 62 columns show\n every one)');
  });

  it('never cuts an id, date or file:line that fits on a line, and marks the split of one that does not', () => {
    for (const width of [60, 80]) {
      const lines = formatTable(longReport, { color: false, width }).split('\n');
      for (const finding of longReport.findings) {
        for (const whole of [finding.recordId, finding.date, finding.due, terminalText(finding.caseId)]) {
          if (whole === null || whole === undefined || whole.length > width - 4) continue;
          expect(lines.some((line) => line.includes(whole)), `${whole} at ${width}`).toBe(true);
        }
      }
      // The path is wider than the line: its pieces end in the mark, and read together they are the path.
      const start = lines.findIndex((line) => line.includes('exports/nightly'));
      const pieces = [lines[start] ?? ''];
      while ((pieces.at(-1) ?? '').endsWith(SPLIT_MARK)) pieces.push(lines[start + pieces.length] ?? '');
      expect(pieces.length).toBeGreaterThan(1);
      const joined = pieces.map((piece, index) => (index === 0 ? piece.slice(piece.indexOf('exports/')) : piece.trim()).replace(SPLIT_MARK, '')).join('');
      expect(joined.startsWith(LONG_PATH)).toBe(true);
    }
  });

  it('wraps a message at spaces, every word of it kept', () => {
    const output = formatTable(longReport, { color: false, width: 60 });
    const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');
    const message = longReport.findings[1]?.message ?? '';
    const lines = output.split('\n');
    const first = lines.findIndex((line) => line.startsWith('    Visit V88'));
    const block = lines.slice(first, first + 40).join(' ');
    expect(words(block).slice(0, words(message).length)).toEqual(words(message));
  });
});
