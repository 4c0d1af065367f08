// Waived, new and known findings, expired and stale waivers and resolved breaches, as every format shows them.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseJunit, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv } from '../../src/formatters/csv.js';
import { formatHtml } from '../../src/formatters/html.js';
import { formatJson } from '../../src/formatters/json.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { findingStatus } from '../../src/formatters/shared.js';
import { formatTable } from '../../src/formatters/table.js';
import { formatXlsx, RESOLVED_COLUMNS, WAIVERS_COLUMNS } from '../../src/formatters/xlsx.js';
import { fixtureReport, HOSTILE_REASON, statusReport } from './fixture.js';

const FORMULA_START = /^[=+\-@\t\r]/;

describe('findingStatus', () => {
  it('puts waived before new and known, and says breach when the run had neither waivers nor baseline', () => {
    expect(statusReport.findings.map(findingStatus)).toEqual(
      statusReport.findings.map((f) => (f.recordId === 'V88' ? 'waived' : f.recordId === 'V90' ? 'new' : 'known')),
    );
    expect(new Set(fixtureReport.findings.map(findingStatus))).toEqual(new Set(['breach']));
  });
});

describe('json with waivers and a baseline', () => {
  const parsed = JSON.parse(formatJson(statusReport)) as Record<string, unknown>;

  it('adds the waived count, each finding’s waiver and baseline status, and the waivers and baseline parts', () => {
    expect(Object.keys(parsed).slice(-3)).toEqual(['cases', 'waivers', 'baseline']);
    expect(Object.keys(parsed.summary as object)).toEqual(['cases', 'casesWithBreaches', 'errors', 'warnings', 'pending', 'partlyAssessed', 'notAssessed', 'waived']);
    const v88 = (parsed.findings as Record<string, unknown>[]).find((f) => f.recordId === 'V88');
    expect(Object.keys(v88 ?? {}).slice(-3)).toEqual(['evidence', 'waiver', 'baseline']);
    expect(v88?.waiver).toEqual({ reason: HOSTILE_REASON, approvedBy: 'Head of QA', expires: '2026-12-31' });
    expect(parsed).toEqual(JSON.parse(JSON.stringify(statusReport)));
  });

  it('writes none of those keys for a run without waivers or a baseline', () => {
    const plain = formatJson(fixtureReport);
    expect(plain).not.toMatch(/"(waived|waiver|waivers|baseline)"/);
  });
});

describe('table with waivers and a baseline', () => {
  const output = formatTable(statusReport, { color: false, width: 200 });

  it('tags each finding with its status and shows the waiver under a waived one', () => {
    expect(output).toMatch(/V88 {2}due 2026-09-15 {2}\[waived until 2026-12-31\]\n.*\n {4}waived until 2026-12-31, approved by Head of QA: =SUM\(A1\) <b>agreed<\/b>/);
    expect(output).toMatch(/V90 {2}due 2026-09-23 {2}\[new\]\n/);
    expect(output).toMatch(/A3 {2}\[known\]\n/);
  });

  it('lists expired and stale waivers and the breaches resolved since the baseline', () => {
    expect(output).toContain('Waivers\n1 waiver applied, 1 expired, 1 stale\n');
    expect(output).toContain('expired  nrp-invited · case C003 · record M7 · expires 2026-10-15 · Service manager: Invitation sent by the partner agency');
    expect(output).toContain('stale    allegation-response-recorded · case C002 · all records · expires 2027-03-31');
    expect(output).toContain('Since the baseline of 2026-09-30\n1 new, 6 known, 1 resolved\n  resolved  C002  nrp-invited  2026-09-03  M4');
  });

  it('counts waived findings apart from errors in the totals', () => {
    expect(output.trimEnd().split('\n').at(-1)).toBe('5 cases, 4 with breaches · 4 errors, 2 warnings · 1 waived · 2 pending · 1 new since 2026-09-30 · 1 standard not assessed');
  });

  it('adds no status, waiver or baseline text to a plain run', () => {
    const plain = formatTable(fixtureReport, { color: false, width: 200 });
    expect(plain).not.toMatch(/\[(breach|new|known|waived)|Waivers|baseline|waived/);
  });
});

describe('csv with waivers and a baseline', () => {
  const rows = parse(formatCsv(statusReport), { bom: true, columns: true }) as Record<string, string>[];

  it('marks a waived finding with status waived and its waiver’s columns, and every finding new or known', () => {
    expect(CSV_COLUMNS.slice(-4)).toEqual(['baseline', 'waiver_expires', 'waiver_approved_by', 'waiver_reason']);
    expect(rows.find((row) => row.record === 'V88')).toMatchObject({
      status: 'waived',
      baseline: 'known',
      waiver_expires: '2026-12-31',
      waiver_approved_by: 'Head of QA',
      waiver_reason: `'${HOSTILE_REASON}`,
    });
    expect(rows.find((row) => row.record === 'V90')).toMatchObject({ status: 'breach', baseline: 'new', waiver_reason: '' });
    expect(rows.filter((row) => row.status === 'pending').map((row) => row.baseline)).toEqual(['', '']);
  });

  it('neutralises a waiver reason a spreadsheet would run as a formula', () => {
    const cells = (parse(formatCsv(statusReport), { bom: true }) as string[][]).flat();
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });
});

describe('markdown with waivers and a baseline', () => {
  const output = formatMarkdown(statusReport, { color: false });

  it('gives the waived count and the baseline counts in the headline', () => {
    expect(output).toContain('- **Findings:** 4 errors, 2 warnings; 2 pending');
    expect(output).toContain('- **Waived:** 1 findings accepted by a waiver (not counted in the errors and warnings above)');
    expect(output).toContain('- **Since the baseline of 2026-09-30:** 1 new, 6 known, 1 resolved');
  });

  it('adds a status column to the findings tables', () => {
    expect(output).toContain('| Case | Date | Due | Record | Message | Source | Status |');
    expect(output).toMatch(/\| V88 \| .* \| waived until 2026-12-31 \|/);
    expect(output).toMatch(/\| V90 \| .* \| new \|/);
  });

  it('lists waived findings with the escaped reason, expired and stale waivers, and resolved breaches', () => {
    expect(output).toContain(
      '| `defaulted-visits-escalated` | C001 | V88 | 2026-12-31 | Head of QA | =SUM(A1) \\<b\\>agreed\\</b\\> \\& "minutes" \\| pending |',
    );
    expect(output).toContain('### Expired waivers (their findings count again)');
    expect(output).toContain('| `allegation-response-recorded` | C002 | all records | 2027-03-31 | Head of QA | Response held on the paper file |');
    expect(output).toContain('## Since the baseline of 2026-09-30');
    expect(output).toContain('| `nrp-invited` | C002 | M4 | 2026-09-03 | Non-resident parent P2 was not invited to review M4 on 2026-09-03. |');
  });

  it('leaves a plain run’s findings tables as they were', () => {
    const plain = formatMarkdown(fixtureReport, { color: false });
    expect(plain).toContain('| Case | Date | Due | Record | Message | Source |\n');
    expect(plain).not.toMatch(/Waive|baseline/);
  });
});

describe('junit with waivers and a baseline', () => {
  const xml = formatJunit(statusReport);

  async function consume(): Promise<TestSuites> {
    return (await parseJunit(xml)) as TestSuites;
  }

  it('does not fail a case whose only breach is waived: it is skipped with the waiver as the message', async () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const waivedOnly = formatJunit({
      ...statusReport,
      findings: statusReport.findings.filter((f) => f.recordId !== 'V90'),
    });
    const suite = ((await parseJunit(waivedOnly)) as TestSuites).testsuite?.find((s) => s.name === 'defaulted-visits-escalated');
    const c001 = suite?.testcase?.find((c) => c.name === 'C001');
    expect(c001?.failure).toBeUndefined();
    expect(c001?.skipped?.[0]?.message).toBe(
      `waived until 2026-12-31, approved by Head of QA: ${HOSTILE_REASON} · Visit V88 on 2026-09-10 was the 4th defaulted visit and no core group followed by 2026-09-15.`,
    );
  });

  it('fails a case on its unwaived breach only, and says whether the breach is new', async () => {
    const suite = (await consume()).testsuite?.find((s) => s.name === 'defaulted-visits-escalated');
    const c001 = suite?.testcase?.find((c) => c.name === 'C001');
    expect(c001?.failure).toHaveLength(1);
    expect(c001?.failure?.[0]?.inner).toContain('new since the baseline');
    expect(c001?.['system-out']?.[0]).toContain('waived until 2026-12-31');
    // C001 (V90; V88 waived) and C004 (V101).
    expect(suite?.failures).toBe(2);
  });
});

describe('html with waivers and a baseline', () => {
  const html = formatHtml(statusReport, { color: false });

  it('adds a status column and a status filter holding the statuses present', () => {
    expect(html).toContain('<th scope="col"><button type="button">Status</button></th>');
    expect(html).toContain(
      '<select id="filter-status" data-filter="status"><option value="">All</option><option value="known">known</option><option value="new">new</option><option value="waived">waived</option></select>',
    );
    expect(html).toMatch(/<tr data-standard="defaulted-visits-escalated" [^>]*data-status="waived">/);
    expect(html).toContain('<td class="status-new">new</td>');
  });

  it('has cards for waived, new and resolved, and sections for waivers and the baseline with reasons escaped', () => {
    expect(html).toContain('<div class="value ">1</div><div class="label">waived</div>');
    expect(html).toContain('<div class="label">new since 2026-09-30</div>');
    expect(html).toContain('<section id="waivers"><h2>Waivers</h2>');
    expect(html).toContain('=SUM(A1) &lt;b&gt;agreed&lt;/b&gt; &amp; "minutes" | pending');
    expect(html).not.toContain('<b>agreed');
    expect(html).toContain('<section id="baseline"><h2>Since the baseline of 2026-09-30</h2>');
    expect(html).toContain('the waiver file’s reasons and approvers');
  });

  it('leaves a plain run without status column, filter or sections', () => {
    // The page's script, the same for every report, names the status cell it would draw; the markup must not.
    const plain = formatHtml(fixtureReport, { color: false }).replace(/<script>[\s\S]*?<\/script>/g, '');
    expect(plain).toContain('<tr data-standard=');
    expect(plain).not.toMatch(/filter-status|id="waivers"|id="baseline"|class="status-|data-status/);
  });
});

describe('xlsx with waivers and a baseline', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const bytes = await formatXlsx(statusReport);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return book;
  }

  function values(sheet: ExcelJS.Worksheet | undefined, row: number): unknown[] {
    return ((sheet?.getRow(row).values as unknown[] | undefined) ?? []).slice(1);
  }

  it('adds Waivers and Resolved sheets only when the run had them', async () => {
    const book = await workbook();
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Findings', 'Cases', 'Waivers', 'Resolved']);
    expect(values(book.getWorksheet('Waivers'), 1)).toEqual([...WAIVERS_COLUMNS]);
    expect(values(book.getWorksheet('Waivers'), 3)).toEqual([
      'stale',
      'allegation-response-recorded',
      'C002',
      'all records',
      new Date(Date.UTC(2027, 2, 31)),
      'Head of QA',
      'Response held on the paper file',
    ]);
    expect(values(book.getWorksheet('Resolved'), 1)).toEqual([...RESOLVED_COLUMNS]);
    expect(values(book.getWorksheet('Resolved'), 2).slice(0, 5)).toEqual(['C002', 'nrp-invited', 'warning', new Date(Date.UTC(2026, 8, 3)), 'M4']);
  });

  it('gives a waived finding status waived, its baseline status and its waiver, the reason as inert text', async () => {
    const findings = (await workbook()).getWorksheet('Findings');
    const header = values(findings, 1).map(String);
    let v88: Record<string, unknown> | undefined;
    findings?.eachRow((row, number) => {
      const record = Object.fromEntries(header.map((name, index) => [name, row.getCell(index + 1).value]));
      if (number > 1 && record.Record === 'V88') v88 = record;
    });
    expect(v88).toMatchObject({
      Status: 'waived',
      Baseline: 'known',
      'Waiver expires': new Date(Date.UTC(2026, 11, 31)),
      'Waiver approved by': 'Head of QA',
      'Waiver reason': HOSTILE_REASON,
    });
  });

  it('gives waived, new, known and resolved counts on the summary sheet', async () => {
    const summary = (await workbook()).getWorksheet('Summary');
    const facts = new Map<unknown, unknown>();
    summary?.eachRow((row) => facts.set(row.getCell(1).value, row.getCell(2).value));
    expect(facts.get('Waived')).toBe(1);
    expect(facts.get('New since baseline')).toBe(1);
    expect(facts.get('Resolved since baseline')).toBe(1);
  });
});
