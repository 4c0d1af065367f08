// End to end: the built CLI on samples/ — stdout, the JSON report, stderr and the exit status for 0, 1 and 2.
import { STANDARD_IDS } from '../../checks/index.js';
import { SCENARIOS } from '../../samples/scenarios.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { ROOT, runBuiltCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-10-31'];
const ANSI_ESCAPE = String.fromCharCode(27) + '[';
const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const auditJson = (...args: string[]) => runBuiltCli(['audit', ...args, ...AS_OF, '-f', 'json']);
const parse = (stdout: string) => JSON.parse(stdout) as Report;
/** A finding's identity, independent of which file form it was read from. */
const findingKey = (f: Report['findings'][number]) =>
  JSON.stringify([f.caseId, f.standard, f.date, f.recordId, f.messageId, f.message, f.evidence]);

describe('audit of the sample export', () => {
  const csv = auditJson('samples/monthly-export');
  const report = parse(csv.stdout);

  it('exits 1 because the sample has breaches, with nothing on stderr', () => {
    expect(csv.status).toBe(1);
    expect(csv.stderr).toBe('');
  });

  it('writes schema version 1 as CLI.md describes', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'practice-audit', version: '0.1.0' });
    expect(report.asOf).toBe('2026-10-31');
    expect(report.period).toEqual({ from: null, to: null });
    expect(report.summary.cases).toBe(40);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.standards.map((s) => s.id)).toEqual([...STANDARD_IDS].sort());
    for (const standard of report.standards) expect(standard.status).toBe('assessed');
  });

  it('accounts for every file and table of the export', () => {
    const files = readdirSync('samples/monthly-export').filter((f) => f.endsWith('.csv'));
    expect(report.inputs.map((i) => i.file).sort()).toEqual(files.map((f) => `samples/monthly-export/${f}`).sort());
    for (const input of report.inputs) expect(input.rejected).toBe(0);
  });

  it('sorts findings by case, standard and date', () => {
    const keys = report.findings.map((f) => [f.caseId, f.standard, f.date ?? ''].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
  });

  it('gives every finding a message, a source line and its evidence', () => {
    for (const finding of report.findings) {
      expect(finding.message).not.toMatch(/\{\{/);
      expect(finding.source?.file).toMatch(/^samples\/monthly-export\//);
      expect(finding.source?.line).toBeGreaterThan(1);
      expect(finding.evidence.length).toBeGreaterThan(0);
    }
  });

  it('is byte-identical when run again', () => {
    expect(auditJson('samples/monthly-export').stdout).toBe(csv.stdout);
  });

  it('finds the same things in the JSON and NDJSON forms of the same export', () => {
    const fromJson = parse(auditJson('samples/monthly-export.json').stdout);
    const fromNdjson = parse(auditJson('samples/monthly-export.ndjson').stdout);
    expect(fromJson.findings.map(findingKey)).toEqual(report.findings.map(findingKey));
    expect(fromNdjson.findings.map(findingKey)).toEqual(report.findings.map(findingKey));
    expect(fromJson.standards).toEqual(report.standards);
    expect(fromJson.pending.map((p) => [p.caseId, p.standard, p.due])).toEqual(
      report.pending.map((p) => [p.caseId, p.standard, p.due]),
    );
  });

  it('reports pending deadlines without counting them as breaches', () => {
    expect(report.pending.length).toBeGreaterThan(0);
    for (const item of report.pending) expect(item.due >= '2026-10-31').toBe(true);
  });

  it('exits 0 with --fail-on never, and 1 with --fail-on warning', () => {
    expect(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '--fail-on', 'never']).status).toBe(0);
    expect(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '--fail-on', 'warning']).status).toBe(1);
  });

  it('runs only the standards named by --only', () => {
    const only = parse(auditJson('samples/monthly-export', '--only', 'split-review-minutes,child-seen').stdout);
    const checkFindings = only.findings.filter((f) => !f.standard.startsWith('data-'));
    expect(new Set(checkFindings.map((f) => f.standard))).toEqual(new Set(['split-review-minutes', 'child-seen']));
    const assessed = only.standards.filter((s) => s.status === 'assessed').map((s) => s.id);
    expect(assessed).toEqual(['child-seen', 'data-duplicate-id', 'data-invalid-row', 'data-orphan-row', 'split-review-minutes']);
  });

  it('restricts findings to the audit period', () => {
    const october = parse(auditJson('samples/monthly-export', '--from', '2026-10-01', '--to', '2026-10-31').stdout);
    expect(october.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.findings.length).toBeLessThan(report.findings.length);
    for (const finding of october.findings) {
      // A deadline breach belongs to the period of its due date (or, due on the day before it, of the next day).
      const placed = finding.due !== undefined && (finding.date === null || finding.due > finding.date) ? finding.due : finding.date;
      if (placed !== null) expect(placed >= '2026-09-30' && placed <= '2026-10-31', JSON.stringify(finding)).toBe(true);
      if (placed === '2026-09-30') expect(finding.due).toBe('2026-09-30');
    }
  });
});

// The planted breaches of samples/README.md, as (standard, cases) — one entry per finding.
/** The breaches samples/scenarios.ts plants, by standard: each case as many times as it is planted, in case order. */
const PLANTED_BREACHES: readonly (readonly [string, readonly string[]])[] = (() => {
  const byStandard = new Map<string, string[]>();
  for (const scenario of [...SCENARIOS].sort((x, y) => (x.document.case_id < y.document.case_id ? -1 : 1))) {
    for (const [standard, count] of Object.entries(scenario.breaches)) {
      byStandard.set(standard, [...(byStandard.get(standard) ?? []), ...Array.from({ length: count }, () => scenario.document.case_id)]);
    }
  }
  return [...byStandard.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
})();

describe('the complete set of findings on the sample export', () => {
  const report = parse(auditJson('samples/monthly-export').stdout);

  it('finds exactly the planted (standard, case) breaches', () => {
    const found = new Map<string, string[]>();
    for (const finding of report.findings) found.set(finding.standard, [...(found.get(finding.standard) ?? []), finding.caseId]);
    expect([...found.entries()].sort()).toEqual(PLANTED_BREACHES.map(([id, cases]) => [id, [...cases]]));
  });

  it('reports exactly the planted pending deadlines', () => {
    expect(report.pending.map((p) => [p.standard, p.caseId, p.recordId, p.due])).toEqual([
      ['defaulted-visit-followed-up', 'C007', 'V007-08', '2026-11-04'],
      ['defaulted-visits-escalated', 'C007', 'V007-08', '2026-11-06'],
      ['nrp-updates-provided', 'C033', 'F1', '2026-12-10'],
      ['nrp-updates-provided', 'C034', 'F1', '2026-11-30'],
      ['defaulted-visit-followed-up', 'C037', 'V037-14', '2026-11-06'],
      ['no-access-manager-consulted', 'C037', 'V037-14', '2026-11-02'],
    ]);
  });

  it('counts only cases with a trigger as applicable to defaulted-visits-escalated, a pending one as compliant', () => {
    expect(report.standards.find((s) => s.id === 'defaulted-visits-escalated')).toMatchObject({
      applicable: 8,
      compliant: 4,
      breaches: 4,
      pending: 1,
    });
  });
});

describe('exit 0', () => {
  it('on an export with no breach', () => {
    const run = runBuiltCli(['audit', 'test/fixtures/e2e/clean', ...AS_OF]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('No breaches found.');
  });

  it('reports standards whose tables are absent as not assessed, naming the tables', () => {
    const report = parse(runBuiltCli(['audit', 'test/fixtures/e2e/clean', ...AS_OF, '-f', 'json']).stdout);
    const visits = report.standards.find((s) => s.id === 'defaulted-visits-escalated');
    expect(visits?.status).toBe('not-assessed');
    expect(visits?.reason).toMatch(/visits/);
    expect(report.standards.find((s) => s.id === 'split-review-minutes')?.status).toBe('assessed');
  });
});

describe('the table report', () => {
  it('has no colour codes when stdout is not a terminal, and none with NO_COLOR', () => {
    const plain = runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF]);
    expect(plain.stdout).not.toContain(ANSI_ESCAPE);
    expect(plain.stdout).toContain('defaulted-visits-escalated');
    expect(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF], { NO_COLOR: '1' }).stdout).not.toContain(ANSI_ESCAPE);
  });
});

describe('exit 2: the run could not be done', () => {
  const expectOneLine = (run: ReturnType<typeof runBuiltCli>, pattern: RegExp) => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it('on a CSV with an unclosed quote, naming the file and line', () => {
    expectOneLine(runBuiltCli(['audit', 'samples/broken/unclosed-quote', ...AS_OF]), /visits\.csv:\d+: .*quote/);
  });

  it('on a path that does not exist', () => {
    expectOneLine(runBuiltCli(['audit', 'no/such/export', ...AS_OF]), /no\/such\/export/);
  });

  it('on an unknown option', () => {
    expectOneLine(runBuiltCli(['audit', 'samples/monthly-export', '--bogus']), /unknown option '--bogus'/);
  });

  it('on a bad --as-of date', () => {
    expectOneLine(runBuiltCli(['audit', 'samples/monthly-export', '--as-of', '31/02/2026']), /--as-of "31\/02\/2026"/);
  });

  it('on an unknown format', () => {
    expectOneLine(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'pdf']), /--format "pdf"/);
  });

  it('on an unknown standard in --only', () => {
    expectOneLine(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '--only', 'nope']), /unknown standard nope/);
  });

  it('on a config naming an unknown standard', () => {
    expectOneLine(
      runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-c', 'test/fixtures/e2e/bad-config.json']),
      /bad-config\.json: unknown standard "no-such-standard"/,
    );
  });

  it('on a config with a bad option value, naming the option', () => {
    expectOneLine(
      runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-c', 'test/fixtures/e2e/bad-option.json']),
      /bad-option\.json: standards\.defaulted-visits-escalated\.threshold/,
    );
  });

  it('on an output path that cannot be written, leaving no partial file', () => {
    const target = join(scratch, 'missing-dir', 'report.json');
    expectOneLine(runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'json', '-o', target]), /report\.json/);
    expect(existsSync(target)).toBe(false);
  });

  it('on no command at all, printing the usage on stderr', () => {
    const run = runBuiltCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: practice-audit/);
  });

  it('on an unknown standard for explain', () => {
    expectOneLine(runBuiltCli(['explain', 'nope']), /unknown standard "nope"/);
  });
});

describe('exit 1 on data-integrity errors', () => {
  it('reports invalid, orphan and duplicate rows with file and line, and accounts for them', () => {
    const run = auditJson('samples/invalid-rows');
    expect(run.status).toBe(1);
    const report = parse(run.stdout);
    const kinds = new Set(report.findings.map((f) => f.standard));
    for (const kind of ['data-invalid-row', 'data-orphan-row', 'data-duplicate-id']) expect(kinds).toContain(kind);
    const integrity = report.findings.filter((f) => f.standard.startsWith('data-'));
    for (const finding of integrity) expect(finding.source?.line).toBeGreaterThan(1);
    const rejected = report.inputs.reduce((sum, input) => sum + input.rejected, 0);
    expect(rejected).toBe(integrity.length);
  });
});

describe('-o writes the report file', () => {
  it('in the default table format when the extension names no format', () => {
    const target = join(scratch, 'audit.log');
    expect(runBuiltCli(['audit', 'test/fixtures/e2e/clean', ...AS_OF, '-o', target]).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('No breaches found.');
  });

  it('writes the same bytes as stdout', () => {
    const target = join(scratch, 'report.json');
    const run = runBuiltCli(['audit', 'samples/monthly-export', ...AS_OF, '-f', 'json', '-o', target]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(auditJson('samples/monthly-export').stdout);
  });
});

describe('standards and explain', () => {
  it('lists every standard of the registry, the data-integrity ones included', () => {
    const run = runBuiltCli(['standards', '--json']);
    expect(run.status).toBe(0);
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((s) => s.id);
    expect([...ids].sort()).toEqual([...STANDARD_IDS].sort());
    expect(ids).toContain('defaulted-visits-escalated');
    expect(ids).toContain('data-orphan-row');
  });

  it('explains a standard with its rule, quoted source, data and options', () => {
    const run = runBuiltCli(['explain', 'defaulted-visits-escalated']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## Rule');
    expect(run.stdout).toContain('any more than three defaulted visits');
    expect(run.stdout).toContain('`visits`');
    expect(run.stdout).toContain('`threshold`');
    expect(run.stdout).toContain('Breaches:');
  });
});

describe('a reader that stops early', () => {
  it('ends quietly when the pipe closes (practice-audit … | head), keeping the exit code', async () => {
    const child = spawn(process.execPath, ['bin/practice-audit.js', 'audit', 'samples/monthly-export', ...AS_OF, '-f', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader goes away before the report is written, as `| head -c 0` does.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(status).toBe(1);
  });
});
