// End to end: files in an export the tool does not read (lock files, other types, its own earlier reports) are skipped and said, or refused with --strict-inputs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runBuiltCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-10-31'];

describe('inputs the tool does not read', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-skipped-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const folder = join(scratch, 'export');
  cpSync('samples/monthly-export', folder, { recursive: true });
  // Last month's reports left in the folder, Excel's lock file, notes, and a hidden file.
  expect(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'json', '-o', join(folder, 'report.json'), '-q']).status).toBe(1);
  expect(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'csv', '-o', join(folder, 'findings.csv'), '-q']).status).toBe(1);
  writeFileSync(join(folder, '~$cases.xlsx'), 'lock');
  writeFileSync(join(folder, 'notes.docx'), 'notes');
  writeFileSync(join(folder, '.DS_Store'), 'finder');
  const SKIPPED = [
    { file: join(folder, 'findings.csv'), reason: "a practice-audit report (an earlier run's output), not an export" },
    { file: join(folder, 'notes.docx'), reason: 'not a file type practice-audit reads (.docx)' },
    { file: join(folder, 'report.json'), reason: "a practice-audit report (an earlier run's output), not an export" },
    { file: join(folder, '~$cases.xlsx'), reason: 'an Office lock file (the workbook is open in Excel)' },
  ];

  it('audits the export, lists each skipped file in the report and on stderr, and gives the findings of the clean export', () => {
    const run = runBuiltCli(['audit', folder, ...AS_OF, '-f', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(SKIPPED.map(({ file, reason }) => `practice-audit: skipped ${file}: ${reason}\n`).join(''));
    const report = JSON.parse(run.stdout) as Report;
    expect(report.skipped).toEqual(SKIPPED);
    const clean = JSON.parse(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'json']).stdout) as Report;
    expect(report.findings.map((finding) => `${finding.caseId} ${finding.standard} ${finding.recordId ?? '-'}`)).toEqual(
      clean.findings.map((finding) => `${finding.caseId} ${finding.standard} ${finding.recordId ?? '-'}`),
    );
    expect(clean.skipped).toBeUndefined();
  });

  it('says so in the table too', () => {
    const run = runBuiltCli(['audit', folder, ...AS_OF, '--width', '200']);
    expect(run.stdout).toContain(`skipped:\n  ${join(folder, 'findings.csv')}: a practice-audit report (an earlier run's output), not an export\n`);
  });

  it('with --strict-inputs, exits 2 on the first skipped file before reading, in the audit and the pre-flight', () => {
    const line = `practice-audit: ${join(folder, 'findings.csv')}: skipped: a practice-audit report (an earlier run's output), not an export (and 3 more input(s) skipped) (expected only inputs practice-audit reads (--strict-inputs))\n`;
    const audit = runBuiltCli(['audit', folder, ...AS_OF, '--strict-inputs']);
    expect([audit.status, audit.stdout, audit.stderr]).toEqual([2, '', line]);
    const preflight = runBuiltCli(['preflight', folder, '--strict-inputs']);
    expect(preflight.status).toBe(2);
    expect(preflight.stderr).toMatch(/^practice-audit: .*findings\.csv: skipped: a practice-audit report/);
  });

  it('skips a file of another type given by name, and refuses when nothing is left to read', () => {
    const notes = join(scratch, 'notes.txt.docx');
    writeFileSync(notes, 'x');
    const run = runBuiltCli(['audit', 'samples/monthly-export', notes, ...AS_OF, '-f', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Report).skipped).toEqual([{ file: notes, reason: 'not a file type practice-audit reads (.docx)' }]);
    const alone = runBuiltCli(['audit', notes, ...AS_OF]);
    expect([alone.status, alone.stderr]).toEqual([
      2,
      `practice-audit: ${notes}: nothing to read: the only input was skipped, not a file type practice-audit reads (.docx) (expected a folder of CSV files, or .csv, .tsv, .xlsx, .json, .ndjson or .jsonl files)\n`,
    ]);
    expect(readFileSync(notes, 'utf8')).toBe('x');
  });
});
