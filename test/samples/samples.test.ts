// The committed samples: what samples/build.ts writes, and audited they give exactly the findings the scenarios plant.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamples, invalidRowFaults } from '../../samples/build.js';
import { SAMPLE_AS_OF, SCENARIOS, STANDARD_IDS } from '../../samples/scenarios.js';
import { runCli } from '../../src/cli/main.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'practice-audit-samples-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

interface JsonReport {
  readonly standards: readonly { id: string; status: string; applicable: number; compliant: number; breaches: number }[];
  readonly findings: readonly { standard: string; caseId: string; source: { file: string; line: number } | null }[];
  readonly pending: readonly { standard: string; caseId: string }[];
  readonly cases: readonly { caseId: string; applicable: readonly string[]; breached: readonly string[] }[];
  readonly inputs: readonly { rejected: number }[];
}

async function audit(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['audit', ...args], {
    stdout: { write: (chunk) => (stdout += String(chunk)) },
    stderr: { write: (chunk) => (stderr += String(chunk)) },
    env: {},
    today: () => SAMPLE_AS_OF,
  });
  return { status, stdout, stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** "case standard" → number of entries. */
function tally(entries: readonly { caseId: string; standard: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { caseId, standard } of entries) counts[`${caseId} ${standard}`] = (counts[`${caseId} ${standard}`] ?? 0) + 1;
  return counts;
}

function planted(pick: 'breaches' | 'pending'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const scenario of SCENARIOS) {
    for (const [standard, count] of Object.entries(scenario[pick])) counts[`${scenario.document.case_id} ${standard}`] = count;
  }
  return counts;
}

describe('the committed samples', () => {
  it('are byte for byte what samples/build.ts writes (run `npm run build && npm run samples` after a change)', async () => {
    cpSync(join(SAMPLES, 'README.md'), join(workspace, 'README.md'));
    await buildSamples(workspace);
    const built = filesUnder(workspace).map((path) => relative(workspace, path));
    expect(built.length).toBeGreaterThan(12);
    for (const file of built) {
      expect(readFileSync(join(workspace, file), 'utf8'), file).toBe(readFileSync(join(SAMPLES, file), 'utf8'));
    }
  });
});

describe.each(['monthly-export', 'monthly-export.json', 'monthly-export.ndjson'])('auditing samples/%s', (input) => {
  let run: Awaited<ReturnType<typeof audit>>;
  let report: JsonReport;
  beforeAll(async () => {
    run = await audit(join(SAMPLES, input), '--as-of', SAMPLE_AS_OF, '--format', 'json');
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('reads every row and exits 1 because the export has breaches', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(report.inputs.every((i) => i.rejected === 0)).toBe(true);
  });

  it('reports exactly the planted findings and pending deadlines, case by case', () => {
    expect(tally(report.findings)).toEqual(planted('breaches'));
    expect(tally(report.pending)).toEqual(planted('pending'));
  });

  it('finds every case planted to meet a standard applicable and compliant', () => {
    const results = new Map(report.cases.map((c) => [c.caseId, c]));
    for (const scenario of SCENARIOS) {
      const result = results.get(scenario.document.case_id);
      for (const standard of scenario.meets) {
        expect(result?.applicable, `${scenario.document.case_id} ${standard}`).toContain(standard);
        expect(result?.breached, `${scenario.document.case_id} ${standard}`).not.toContain(standard);
      }
    }
  });

  it('has every standard both breached and met somewhere', () => {
    const assessed = report.standards.filter((s) => !s.id.startsWith('data-'));
    expect(assessed.map((s) => s.id).sort()).toEqual([...STANDARD_IDS]);
    for (const standard of assessed) {
      expect(standard.status, standard.id).toBe('assessed');
      expect(standard.breaches, standard.id).toBeGreaterThan(0);
      expect(standard.compliant, standard.id).toBeGreaterThan(0);
    }
  });
});

describe('the broken samples', () => {
  it('samples/invalid-rows: every planted fault is reported at its file and line, and the audit exits 1', async () => {
    const run = await audit(join(SAMPLES, 'invalid-rows'), '--as-of', SAMPLE_AS_OF, '--format', 'json');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(run.status).toBe(1);
    const integrity = report.findings
      .filter((f) => f.standard.startsWith('data-'))
      .map((f) => `${f.standard} ${basename(f.source?.file ?? '')}:${f.source?.line ?? 0}`)
      .sort();
    const faults = invalidRowFaults()
      .map((fault) => `${fault.reportedAs} ${fault.file}:${fault.line}`)
      .sort();
    expect(integrity).toEqual(faults);
  });

  it('samples/broken/unclosed-quote: the whole file is unreadable, one message names it and its line, exit 2', async () => {
    const run = await audit(join(SAMPLES, 'broken', 'unclosed-quote'), '--as-of', SAMPLE_AS_OF);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/visits\.csv:3\b/);
  });
});
