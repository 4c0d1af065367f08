// The built CLI on the samples: waivers, a baseline with --fail-on new, compare, and several outputs from one run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';

const EXPORT = 'samples/monthly-export';
const WAIVERS = 'samples/waivers.json';
const AS_OF = ['--as-of', '2026-10-31', '-q'];

interface JsonFinding {
  readonly standard: string;
  readonly caseId: string;
  readonly recordId: string | null;
  readonly severity: string;
  readonly waiver?: { readonly reason: string; readonly approvedBy: string; readonly expires: string };
  readonly baseline?: string;
}

interface JsonReport {
  readonly summary: { readonly errors: number; readonly warnings: number; readonly waived?: number };
  readonly findings: readonly JsonFinding[];
  readonly waivers?: { readonly applied: number; readonly expired: readonly JsonFinding[]; readonly stale: readonly JsonFinding[] };
  readonly baseline?: { readonly asOf: string; readonly new: number; readonly known: number; readonly resolved: readonly JsonFinding[] };
}

let work: string;
let september: string;
let october: string;

const path = (name: string) => join(work, name);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'practice-audit-reports-'));
  september = path('september.json');
  october = path('october.json');
  expect(runBuiltCli(['audit', EXPORT, '--as-of', '2026-09-30', '-q', '-f', 'json', '-o', september]).status).toBe(1);
  expect(runBuiltCli(['audit', EXPORT, ...AS_OF, '-f', 'json', '-o', october]).status).toBe(1);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('audit --waivers', () => {
  it('reports the waived finding with its waiver, and the expired and stale waivers of the sample file', () => {
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '--waivers', WAIVERS, '-f', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const plain = readJson<JsonReport>(october);
    expect(report.summary.waived).toBe(1);
    expect(report.summary.errors).toBe(plain.summary.errors - 1);
    expect(report.findings.filter((f) => f.waiver !== undefined).map((f) => [f.caseId, f.standard, f.recordId])).toEqual([
      ['C028', 'split-review-minutes', 'MT028-4'],
    ]);
    expect(report.waivers?.applied).toBe(1);
    expect(report.waivers?.expired.map((w) => [w.caseId, w.standard])).toEqual([['C005', 'defaulted-visits-escalated']]);
    expect(report.waivers?.stale.map((w) => [w.caseId, w.standard, w.recordId])).toEqual([['C009', 'nrp-invited', 'MT009-2']]);
  });

  it('exits 0 when the only error-severity breaches are waived, 1 without the waiver', () => {
    const only = ['--only', 'split-review-minutes'];
    expect(runBuiltCli(['audit', EXPORT, ...AS_OF, ...only]).status).toBe(1);
    const waived = runBuiltCli(['audit', EXPORT, ...AS_OF, ...only, '--waivers', WAIVERS]);
    expect(waived.stderr).toBe('');
    expect(waived.status).toBe(0);
    expect(waived.stdout).toContain('[waived until 2026-12-31]');
  });

  it('takes the waiver file from the configuration, relative to the configuration file', () => {
    writeFileSync(path('waivers.json'), readFileSync(WAIVERS));
    writeFileSync(path('config.json'), JSON.stringify({ waivers: 'waivers.json' }));
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '-c', path('config.json'), '--only', 'split-review-minutes']);
    expect(run.status).toBe(0);
  });

  it('stops with exit 2 and one line naming the file and the entry for a waiver of an unknown standard', () => {
    const bad = path('bad-waivers.json');
    writeFileSync(
      bad,
      JSON.stringify({ waivers: [{ standard: 'child-seen-at-visit', caseId: 'C040', reason: 'r', approvedBy: 'QA', expires: '2026-12-31' }] }),
    );
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '--waivers', bad]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `practice-audit: ${bad}: waivers[0].standard: unknown standard "child-seen-at-visit" (expected an id listed by \`practice-audit standards\`)\n`,
    );
  });
});

describe('audit --baseline', () => {
  it('exits 0 with --fail-on new when nothing is new since the baseline, though known breaches remain', () => {
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '--baseline', october, '--fail-on', 'new', '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.baseline).toMatchObject({ asOf: '2026-10-31', new: 0, resolved: [] });
    expect(report.findings.every((f) => f.baseline === 'known')).toBe(true);
  });

  it('exits 1 with --fail-on new when the run has new error-severity breaches, and marks them new', () => {
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '--baseline', september, '--fail-on', 'new', '-f', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    // Two new errors fail the run; C005's plan review date (13 October), passed since September, is a new warning.
    expect(report.findings.filter((f) => f.baseline === 'new').map((f) => [f.caseId, f.recordId, f.severity])).toEqual([
      ['C005', 'V005-09', 'error'],
      ['C005', 'P005-1', 'warning'],
      ['C040', 'V040-06', 'error'],
    ]);
    expect(report.baseline?.new).toBe(3);
  });

  it('does not fail on a new breach a waiver accepts', () => {
    const waiver = path('waive-new.json');
    writeFileSync(
      waiver,
      JSON.stringify([
        { standard: 'defaulted-visits-escalated', caseId: 'C005', reason: 'r', approvedBy: 'QA', expires: '2026-11-30' },
        { standard: 'child-seen', caseId: 'C040', recordId: 'V040-06', reason: 'r', approvedBy: 'QA', expires: '2026-11-30' },
      ]),
    );
    expect(runBuiltCli(['audit', EXPORT, ...AS_OF, '--baseline', september, '--fail-on', 'new', '--waivers', waiver]).status).toBe(0);
  });

  it('gives byte-identical JSON for the same inputs, waivers and baseline included', () => {
    const args = ['audit', EXPORT, ...AS_OF, '--baseline', september, '--waivers', WAIVERS, '-f', 'json'];
    const first = runBuiltCli(args);
    expect(first.stdout.length).toBeGreaterThan(0);
    expect(runBuiltCli(args).stdout).toBe(first.stdout);
  });

  it('refuses --fail-on new without a baseline, and a baseline of another schema version, with exit 2', () => {
    const noBaseline = runBuiltCli(['audit', EXPORT, ...AS_OF, '--fail-on', 'new']);
    expect(noBaseline.status).toBe(2);
    expect(noBaseline.stderr).toMatch(/^practice-audit: --fail-on new needs --baseline/);
    const future = path('future.json');
    writeFileSync(future, JSON.stringify({ ...readJson<object>(october), schemaVersion: 2 }));
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '--baseline', future]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^practice-audit: ${future}: baseline report has schemaVersion 2; .* reads schemaVersion 1 only`));
  });
});

describe('compare', () => {
  it('exits 0 and lists per standard and team then and now, and the new breaches', () => {
    const run = runBuiltCli(['compare', september, october, '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const comparison = JSON.parse(run.stdout) as {
      summary: { newBreaches: number; resolvedBreaches: number };
      standards: { id: string; before: { rate: number } | null; after: { rate: number } | null }[];
      teams: { team: string }[];
      newBreaches: { caseId: string; standard: string; recordId: string }[];
    };
    expect(comparison.summary).toMatchObject({ newBreaches: 3, newErrors: 2, resolvedBreaches: 0 });
    expect(comparison.newBreaches.map((f) => [f.caseId, f.standard, f.recordId])).toEqual([
      ['C005', 'defaulted-visits-escalated', 'V005-09'],
      ['C005', 'plan-review-date-set', 'P005-1'],
      ['C040', 'child-seen', 'V040-06'],
    ]);
    expect(comparison.standards.find((s) => s.id === 'defaulted-visits-escalated')).toMatchObject({
      before: { applicable: 7, compliant: 4 },
      after: { applicable: 8, compliant: 4 },
    });
    expect(comparison.teams.map((t) => t.team)).toEqual(['East', 'North', 'South', 'West', '(no team)']);
    expect(runBuiltCli(['compare', september, october, '-f', 'json']).stdout).toBe(run.stdout);
  });

  it('exits 1 with --fail-on new when the later report has new breaches, 0 when it has none', () => {
    expect(runBuiltCli(['compare', september, october, '--fail-on', 'new']).status).toBe(1);
    expect(runBuiltCli(['compare', october, october, '--fail-on', 'new']).status).toBe(0);
  });

  it('writes markdown to a file with -o', () => {
    const file = path('trend.md');
    expect(runBuiltCli(['compare', september, october, '-f', 'markdown', '-o', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Practice audit — 2026-09-30 to 2026-10-31\n/);
  });

  it('refuses reports given newest first, and a file that is not a report, with exit 2', () => {
    const swapped = runBuiltCli(['compare', october, september]);
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toContain('is later than');
    const notReport = runBuiltCli(['compare', WAIVERS, october]);
    expect(notReport.status).toBe(2);
    expect(notReport.stderr).toBe(
      `practice-audit: ${WAIVERS}: report is not a practice-audit JSON report (no schemaVersion) (expected a JSON report written by \`practice-audit audit -f json\`)\n`,
    );
  });
});

describe('several outputs from one run', () => {
  it('writes every -f/-o pair', () => {
    const dir = mkdtempSync(join(work, 'out-'));
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '-f', 'json', '-o', join(dir, 'a.json'), '-f', 'html', '-o', join(dir, 'b.html')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.html']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(october, 'utf8'));
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('exits 2 and leaves no file, whole or partial, when one -o path cannot be written', () => {
    const dir = mkdtempSync(join(work, 'out-'));
    const unwritable = join(dir, 'no-such-folder', 'b.html');
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '-f', 'json', '-o', join(dir, 'a.json'), '-f', 'html', '-o', unwritable]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^practice-audit: ${unwritable}: cannot write the report: its folder does not exist \\(expected `));
    expect(readdirSync(dir)).toEqual([]);
  });
});
