// End to end: an export lacking a column gets no breach resting on it; the standard is partly assessed in every format.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { CHECKS } from '../../checks/index.js';
import { clausesOf } from '../../src/engine/clauses.js';
import { runBuiltCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-partial-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The sample export with one column taken out of one file, as an Annex-A-style extract would lack it. */
function withoutColumn(table: string, column: string): string {
  const folder = join(scratch, `${table}-${column}`);
  cpSync('samples/monthly-export', folder, { recursive: true });
  const path = join(folder, `${table}.csv`);
  const [header = '', ...rows] = readFileSync(path, 'utf8').split('\n');
  const at = header.split(',').indexOf(column);
  expect(at).toBeGreaterThanOrEqual(0);
  // The sample's cells hold no quoted commas, so a plain split keeps every cell in place.
  const drop = (line: string) => (line === '' ? line : line.split(',').filter((_, i) => i !== at).join(','));
  writeFileSync(path, [drop(header), ...rows.map(drop)].join('\n'));
  return folder;
}

const AS_OF = ['--as-of', '2026-10-31'];
/** The standards with a clause that reads visits.child_seen: taken out, each of them is partly assessed. */
const READ_CHILD_SEEN = CHECKS.filter((check) => clausesOf(check).some((clause) => clause.reads.visits?.includes('child_seen'))).map((check) => check.meta.id);
const noChildSeen = withoutColumn('visits', 'child_seen');
const audit = (...args: string[]) => runBuiltCli(['audit', noChildSeen, ...AS_OF, ...args]);

describe('an export without visits.child_seen', () => {
  const json = audit('-f', 'json');
  const report = JSON.parse(json.stdout) as Report;
  const childSeen = report.standards.find((s) => s.id === 'child-seen');

  it('reports no child-seen breach and calls the standard partly assessed, naming the absent column', () => {
    const whole = JSON.parse(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'json']).stdout) as Report;
    expect(whole.findings.filter((f) => f.standard === 'child-seen').length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.standard === 'child-seen')).toEqual([]);
    expect(childSeen).toMatchObject({ status: 'partly-assessed', absentColumns: ['visits.child_seen'], applicable: 0, breaches: 0 });
    expect(childSeen?.reason).toContain('visits.child_seen');
    expect(READ_CHILD_SEEN).toContain('child-seen');
    expect(report.summary.partlyAssessed).toBe(READ_CHILD_SEEN.length);
    expect(report.summary.notAssessed).toBe(0);
    // Every other standard judges as before.
    const others = (r: Report) => r.findings.filter((f) => !READ_CHILD_SEEN.includes(f.standard)).map((f) => [f.standard, f.caseId, f.recordId]);
    expect(others(report)).toEqual(others(whole));
  });

  it('says so in the table (standard row and last line), markdown, csv-free formats and JUnit', () => {
    const table = audit();
    expect(table.stdout).toMatch(/child-seen .*partly assessed/);
    const count = READ_CHILD_SEEN.length;
    expect(table.stdout.trimEnd().split('\n').at(-1)).toContain(`${count} standard${count === 1 ? '' : 's'} partly assessed`);
    expect(audit('-f', 'markdown').stdout).toContain(`${count} partly assessed`);
    const junit = audit('-f', 'junit').stdout;
    expect(junit).toContain('name="(clauses not judged)"');
    expect(junit).toContain('partly assessed: column visits.child_seen absent from the input');
    const html = audit('-f', 'html').stdout;
    expect(html).toContain('partly assessed');
  });

  it('counts it on the workbook\'s Summary sheet and labels the standard there', async () => {
    const out = join(scratch, 'partial.xlsx');
    expect(audit('-f', 'xlsx', '-o', out).status).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const facts = new Map<unknown, unknown>();
    workbook.getWorksheet('Summary')?.eachRow((row) => facts.set(row.getCell(1).value, row.getCell(2).value));
    expect(facts.get('Standards partly assessed')).toBe(READ_CHILD_SEEN.length);
    expect(facts.get('Standards not assessed')).toBe(0);
    const labels: unknown[] = [];
    workbook.getWorksheet('Summary')?.eachRow((row) => row.eachCell((cell) => labels.push(cell.value)));
    expect(labels.some((value) => typeof value === 'string' && value.startsWith('partly assessed: column visits.child_seen'))).toBe(true);
  });

  it('fails a scheduled job with --require-assessed, naming the standard, and not without it', () => {
    const required = runBuiltCli(['audit', noChildSeen, ...AS_OF, '--fail-on', 'never', '--require-assessed', '-f', 'json']);
    expect(required.status).toBe(1);
    expect(required.stderr).toContain(
      `--require-assessed: ${READ_CHILD_SEEN.length} selected standard(s) not fully assessed: ${READ_CHILD_SEEN.map((id) => `${id} (partly assessed)`).join(', ')}`,
    );
    expect(runBuiltCli(['audit', noChildSeen, ...AS_OF, '--fail-on', 'never', '-f', 'json']).status).toBe(0);
    expect(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '--fail-on', 'never', '--require-assessed', '-f', 'json']).status).toBe(0);
  });
});

describe('an export without meeting_parents.exclusion_recorded_by', () => {
  it('still judges the reason and the alternative, and never who recorded the exclusion', () => {
    const folder = withoutColumn('meeting_parents', 'exclusion_recorded_by');
    const report = JSON.parse(runBuiltCli(['audit', folder, ...AS_OF, '-f', 'json']).stdout) as Report;
    const standard = report.standards.find((s) => s.id === 'exclusion-recorded');
    expect(standard).toMatchObject({ status: 'partly-assessed', absentColumns: ['meeting_parents.exclusion_recorded_by'] });
    expect(standard?.reason).toContain('not judged: recorded by the chair');
    const findings = report.findings.filter((f) => f.standard === 'exclusion-recorded');
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.message).not.toContain('recorded by chair');
  });
});

describe('a mapping that sets a column to one value for every row', () => {
  it('lists the value as an assumption of the audit, in JSON and on screen', () => {
    const args = ['audit', 'samples/ssd-export', '--mapping', 'samples/mappings/ssd.json', ...AS_OF];
    const report = JSON.parse(runBuiltCli([...args, '-f', 'json']).stdout) as Report;
    expect(report.assumptions).toContainEqual({ table: 'visits', column: 'outcome', value: 'completed' });
    // A free-text column's constant could be a name or a note: the report says there is one, not what it is.
    expect(report.assumptions).toContainEqual({ table: 'assessments', column: 'type', value: '(a text, not shown)' });
    expect(runBuiltCli([...args, '--width', '120']).stdout).toContain('visits.outcome = completed for every row (set by the mapping, not recorded in the export)');
  });
});
