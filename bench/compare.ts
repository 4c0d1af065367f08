// Times this tree's full audit against a base commit's build on the same export, alternately, and checks their reports match.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BaseBuild } from './base.js';
import type { BenchExport } from './export.js';
import { runMeasured } from './measure.js';
import { type Comparison, type Pair, ratioOf, reportWarning, type RunFigures } from './pairs.js';
import { CLI, OUT_FOLDER } from './paths.js';

export interface CompareOptions {
  readonly base: BaseBuild;
  readonly target: BenchExport;
  readonly pairs: number;
  readonly asOf: string;
  readonly currentLabel: string;
  readonly nproc: string;
  readonly log: (line: string) => void;
}

const WARMUPS = 1;

interface Side {
  readonly name: 'this tree' | 'base';
  readonly cli: string;
  readonly report: string;
  readonly hashes: Set<string>;
  findings: number | null;
}

function findingsIn(text: string): number | null {
  try {
    const report = JSON.parse(text) as { findings?: unknown };
    return Array.isArray(report.findings) ? report.findings.length : null;
  } catch {
    return null;
  }
}

async function auditOnce(side: Side, args: (report: string) => string[]): Promise<RunFigures> {
  // Exit 1 means the audit found breaches, which a realistic export always has.
  const run = await runMeasured(side.cli, args(side.report), { okExitCodes: [0, 1] });
  const bytes = readFileSync(side.report);
  side.hashes.add(createHash('sha256').update(bytes).digest('hex'));
  if (side.findings === null) side.findings = findingsIn(bytes.toString('utf8'));
  return { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakMb: run.peakMb };
}

const figures = (f: RunFigures): string =>
  `${f.wallSeconds.toFixed(2).padStart(6)} s ${f.cpuSeconds.toFixed(2).padStart(6)} s CPU ${f.peakMb.toFixed(0).padStart(5)} MB`;

/**
 * One warm-up run of each (the export and both bundles into the page cache), then `pairs` pairs, this tree first:
 * each pair's two runs are seconds apart, so their ratio holds when the machine's speed drifts over the minutes
 * the whole comparison takes. Every run's report is hashed, so a build that is not deterministic is caught too.
 */
export async function compareWithBase(options: CompareOptions): Promise<Comparison> {
  const { base, target, asOf, log } = options;
  const reports = join(OUT_FOLDER, 'reports');
  mkdirSync(reports, { recursive: true });
  const args = (report: string): string[] => ['audit', target.folder, '--as-of', asOf, '-f', 'json', '-o', report, '-q', '--jobs', '1'];
  const current: Side = { name: 'this tree', cli: CLI, report: join(reports, `compare-current-${target.cases}.json`), hashes: new Set(), findings: null };
  const old: Side = { name: 'base', cli: base.cli, report: join(reports, `compare-base-${target.cases}.json`), hashes: new Set(), findings: null };

  const loadBefore = loadavg()[0] ?? 0;
  for (let warmup = 1; warmup <= WARMUPS; warmup += 1) {
    for (const side of [current, old]) log(`warm-up     ${side.name.padEnd(9)} ${figures(await auditOnce(side, args))}`);
  }
  const pairs: Pair[] = [];
  for (let pair = 1; pair <= options.pairs; pair += 1) {
    const a = await auditOnce(current, args);
    const b = await auditOnce(old, args);
    const done: Pair = { pair, current: a, base: b };
    pairs.push(done);
    log(`pair ${String(pair).padStart(2)}/${options.pairs}  this tree ${figures(a)}`);
    log(
      `             base      ${figures(b)}   ratio wall ${ratioOf(done, 'wallSeconds').toFixed(3)}  ` +
        `CPU ${ratioOf(done, 'cpuSeconds').toFixed(3)}  peak ${ratioOf(done, 'peakMb').toFixed(3)}`,
    );
  }

  const [currentSha256 = '', ...currentOthers] = current.hashes;
  const [baseSha256 = '', ...baseOthers] = old.hashes;
  const comparison: Comparison = {
    ref: base.ref,
    commit: base.commit,
    subject: base.subject,
    currentLabel: options.currentLabel,
    cases: target.cases,
    rows: target.rows,
    args: args('<file>').map((arg) => (arg === target.folder ? '<dir>' : arg)),
    warmups: WARMUPS,
    pairs,
    reports: {
      currentSha256,
      baseSha256,
      currentStable: currentOthers.length === 0,
      baseStable: baseOthers.length === 0,
      currentFindings: current.findings,
      baseFindings: old.findings,
    },
    buildSeconds: base.buildSeconds,
    lockfileDiffers: base.lockfileDiffers,
    load: { before: loadBefore, after: loadavg()[0] ?? 0 },
    nproc: options.nproc,
  };
  const warning = reportWarning(comparison.reports);
  log(warning ?? `reports byte-identical (SHA-256 ${currentSha256.slice(0, 16)}…)`);
  return comparison;
}
