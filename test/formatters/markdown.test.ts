// Markdown summary: headline, rates by standard and team, findings per standard, every data cell escaped.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatMarkdown } from '../../src/formatters/markdown.js';
import { cleanReport, fixtureReport } from './fixture.js';

/** Table cells of a markdown row, splitting only on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  const first = lines.findIndex((line, index) => index > start && line.startsWith('|'));
  const rows: string[] = [];
  for (let index = first; index < lines.length && lines[index]?.startsWith('|'); index += 1) rows.push(lines[index] ?? '');
  return rows;
}

describe('escapeMarkdown', () => {
  it('escapes pipes, markup and emphasis marks and keeps text on one line', () => {
    expect(escapeMarkdown('a|b <i>c</i> *d* _e_ [f](g) `h` & \\\nnext')).toBe(
      'a\\|b \\<i\\>c\\</i\\> \\*d\\* \\_e\\_ \\[f\\](g) \\`h\\` \\& \\\\ next',
    );
  });
});

describe('markdown formatter', () => {
  const output = formatMarkdown(fixtureReport, { color: false });

  it('has a title with the as-of date and the period', () => {
    expect(output.startsWith('# Practice audit — as of 2026-10-31\n')).toBe(true);
    expect(output).toContain('Period: 2026-08-01 to 2026-10-31');
  });

  it('states the headline numbers', () => {
    expect(output).toContain('- **Cases audited:** 5');
    expect(output).toContain('- **Cases with breaches:** 4 (80.0%)');
    expect(output).toContain('- **Overall compliance:** 54.5% (6 of 11 applicable case-standard checks)');
    expect(output).toContain('- **Findings:** 5 errors, 2 warnings; 2 pending');
    expect(output).toContain('- **Standards:** 5 assessed, 0 partly assessed, 1 not assessed, 1 off');
  });

  it('has a row per standard with its rate, and the reason it was not assessed', () => {
    const rows = tableAfter(output, '## Compliance by standard');
    expect(rows).toHaveLength(2 + fixtureReport.standards.length);
    const defaulted = rows.find((row) => row.includes('`defaulted-visits-escalated`'));
    expect(cells(defaulted ?? '')).toEqual([
      '`defaulted-visits-escalated`',
      'Defaulted visits are escalated to a core group',
      'error',
      'assessed',
      '4',
      '2',
      '50.0%',
      '3',
      '1',
    ]);
    expect(output).toContain('not assessed: needs table meetings, which was not supplied');
  });

  it('breaks compliance down by team by default, "(no team)" included', () => {
    const rows = tableAfter(output, '## Compliance by team');
    expect(rows.map((row) => cells(row)[0]).slice(2)).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      'North',
      'South',
      '(no team)',
    ]);
    expect(cells(rows[3] ?? '')).toEqual(['North', '2', '1', '5', '4', '80.0%']);
  });

  it('breaks compliance down by worker when asked', () => {
    const byWorker = formatMarkdown(fixtureReport, { color: false, groupBy: 'worker' });
    const rows = tableAfter(byWorker, '## Compliance by worker');
    expect(rows.map((row) => cells(row)[0]).slice(2)).toEqual(['+W99\\|x', 'W12', 'W7', '(no worker)']);
  });

  it('lists findings per standard with case, date, due date, record and message', () => {
    const rows = tableAfter(output, '### `defaulted-visits-escalated` — Defaulted visits are escalated to a core group (3 findings, error)');
    expect(rows.slice(2).map((row) => cells(row).slice(0, 4))).toEqual([
      ['C001', '2026-09-10', '2026-09-15', 'V88'],
      ['C001', '2026-09-20', '2026-09-23', 'V90'],
      ['C004', '2026-10-01', '2026-10-06', 'V101'],
    ]);
    const dataRows = tableAfter(output, '### `data-invalid-row` — Every row meets the data contract (1 finding, error)');
    expect(cells(dataRows[2] ?? '').slice(0, 4)).toEqual(['(no case)', '', '', 'export/visits.csv:9']);
  });

  it('keeps every table row to its column count despite pipes in the data', () => {
    const tableRows = output.split('\n').filter((line) => line.startsWith('|'));
    const hostile = tableRows.find((row) => row.includes('C005'));
    expect(cells(hostile ?? '')).toHaveLength(6);
    expect(output).not.toContain('<script>');
    expect(output).not.toContain('<b>');
  });

  it('lists pending items with their due date', () => {
    const rows = tableAfter(output, '## Pending (deadline not yet passed)');
    expect(rows.slice(2).map((row) => cells(row).slice(0, 4))).toEqual([
      ['`defaulted-visits-escalated`', 'C002', 'V95', '2026-11-02'],
      ['`nrp-invited`', 'C003', 'M9', '2026-11-05'],
    ]);
  });

  it('says so when nothing was found', () => {
    const clean = formatMarkdown(cleanReport, { color: false });
    expect(clean).toContain('_No breaches found._');
    expect(clean).not.toContain('## Pending');
    expect(clean.endsWith('\n')).toBe(true);
  });
});
