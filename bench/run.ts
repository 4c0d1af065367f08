// `npm run bench`: generates (or reuses) a seeded export, then times the floor, the full audit (one thread and two workers) and the loader in child processes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ensureExport, type BenchExport } from './export.js';
import { describeMachine } from './machine.js';
import { runMeasured } from './measure.js';
import { BENCH_FOLDER, CLI, compiled, OUT_FOLDER } from './paths.js';
import { keptNotes, renderResultsFile, renderSummary, type BenchRun, type Kind, type PhaseDetail, type Sample } from './results.js';

const DEFAULT_CASES = 50_000;
/** The as-of date the generator plants its deadlines around (as for the samples). */
const AS_OF = '2026-10-31';
/** The smaller exports the full audit also runs on, as shares of the main one: 10,000 and 25,000 by default. */
const SCALING_SHARES = [0.2, 0.5] as const;

interface Options {
  readonly cases: number;
  readonly seed: string;
  readonly runs: number;
  readonly scaling: boolean;
  readonly results?: string;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}

function parseOptions(argv: readonly string[]): Options {
  return new Command('bench')
    .description('Measure the floor (a bare CSV parse), the full audit and the loader on a generated export.')
    .option('--cases <n>', 'cases in the export (about 29 rows each)', wholeNumber, DEFAULT_CASES)
    .option('--seed <seed>', 'generator seed (number or text)', '1')
    .option('--runs <n>', 'interleaved rounds; medians are reported', wholeNumber, 3)
    .option('--no-scaling', 'skip the full audit at 1/5 and 1/2 of the size')
    .option(
      '--results <file>',
      `where to write the results (default bench/RESULTS.md at ${DEFAULT_CASES} cases, else bench/out/RESULTS-<n>-cases.md)`,
    )
    .parse(argv, { from: 'node' })
    .opts<Options>();
}

const log = (line: string): void => console.log(line);

function checkRows(kind: Kind, counted: number, expected: BenchExport): void {
  if (counted !== expected.rows) {
    throw new Error(`${kind} counted ${counted} rows in ${expected.folder}; the generator wrote ${expected.rows}`);
  }
}

function rowsInReport(file: string): { rows: number; findings: number } {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { inputs: { rows: number }[]; findings: unknown[] };
  return { rows: report.inputs.reduce((sum, input) => sum + input.rows, 0), findings: report.findings.length };
}

interface Task {
  readonly kind: Kind;
  readonly target: BenchExport;
}

async function measure(task: Task, round: number, firstOfItsKind: boolean): Promise<{ sample: Sample; findings?: number }> {
  const { kind, target } = task;
  const reports = join(OUT_FOLDER, 'reports');
  mkdirSync(reports, { recursive: true });
  const base = { kind, cases: target.cases, round };
  switch (kind) {
    case 'floor': {
      const run = await runMeasured(compiled('floor'), [target.folder]);
      checkRows(kind, (JSON.parse(run.stdout) as { rows: number }).rows, target);
      return { sample: { ...base, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakMb: run.peakMb } };
    }
    case 'loader': {
      const run = await runMeasured(compiled('load'), [target.folder]);
      checkRows(kind, (JSON.parse(run.stdout) as { rows: number }).rows, target);
      return { sample: { ...base, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakMb: run.peakMb } };
    }
    case 'phases': {
      const report = join(reports, `phases-${target.cases}.json`);
      const run = await runMeasured(compiled('phases'), [target.folder, report, AS_OF], { nodeFlags: ['--expose-gc'] });
      const detail = JSON.parse(run.stdout) as PhaseDetail & { rows: number };
      checkRows(kind, detail.rows, target);
      const phases: PhaseDetail = {
        seconds: detail.seconds,
        cpuSeconds: detail.cpuSeconds,
        retainedMb: detail.retainedMb,
        findings: detail.findings,
        pending: detail.pending,
      };
      return { sample: { ...base, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakMb: run.peakMb, phases } };
    }
    case 'audit':
    case 'workers': {
      const report = join(reports, `${kind}-${target.cases}.json`);
      const args = ['audit', target.folder, '--as-of', AS_OF, '-f', 'json', '-o', report, '-q', '--jobs', kind === 'workers' ? '2' : '1'];
      // Exit 1 means the audit found breaches, which a realistic export always has.
      const run = await runMeasured(CLI, args, { okExitCodes: [0, 1] });
      const sample = { ...base, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakMb: run.peakMb };
      if (!firstOfItsKind) return { sample };
      // Worker threads must give the very report one thread gives (the audit ran just before, same round).
      if (kind === 'workers' && !readFileSync(report).equals(readFileSync(join(reports, `audit-${target.cases}.json`)))) {
        throw new Error(`the report with --jobs 2 differs from the one-thread report for ${target.folder}`);
      }
      const { rows, findings } = rowsInReport(report);
      checkRows(kind, rows, target);
      return { sample, findings };
    }
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const machine = describeMachine();
  const main = await ensureExport(options.cases, options.seed, log);
  const scalingSizes = options.scaling
    ? [...new Set(SCALING_SHARES.map((share) => Math.max(1, Math.round(options.cases * share))))].filter((n) => n !== options.cases)
    : [];
  const scaling: BenchExport[] = [];
  for (const cases of scalingSizes) scaling.push(await ensureExport(cases, options.seed, log));
  log(
    `export: ${main.cases.toLocaleString('en-GB')} cases, ${main.rows.toLocaleString('en-GB')} rows${main.reused ? ' (reused)' : ''}; ` +
      `${options.runs} rounds`,
  );

  const tasks: Task[] = [
    { kind: 'floor', target: main },
    { kind: 'audit', target: main },
    { kind: 'loader', target: main },
    { kind: 'workers', target: main },
    { kind: 'phases', target: main },
    ...scaling.map((target): Task => ({ kind: 'audit', target })),
  ];
  const samples: Sample[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  let findings: number | null = null;
  for (let round = 1; round <= options.runs; round += 1) {
    for (const task of tasks) {
      const { sample, findings: found } = await measure(task, round, round === 1);
      samples.push(sample);
      if (found !== undefined && task.target === main) findings = found;
      log(
        `round ${round}/${options.runs}  ${task.kind.padEnd(6)} ${task.target.cases.toLocaleString('en-GB').padStart(7)} cases  ` +
          `${sample.wallSeconds.toFixed(2).padStart(6)} s  ${sample.cpuSeconds.toFixed(2).padStart(6)} s CPU  ${sample.peakMb.toFixed(0).padStart(5)} MB`,
      );
    }
  }

  const load = { before: loadBefore, after: loadavg()[0] ?? 0 };
  const run: BenchRun = { machine, asOf: AS_OF, runs: options.runs, main, scaling, samples, findings, load };
  const resultsFile =
    options.results ??
    (options.cases === DEFAULT_CASES ? join(BENCH_FOLDER, 'RESULTS.md') : join(OUT_FOLDER, `RESULTS-${options.cases}-cases.md`));
  writeFileSync(resultsFile, renderResultsFile(run, keptNotes(join(BENCH_FOLDER, 'RESULTS.md'))));
  writeFileSync(join(OUT_FOLDER, `results-${options.cases}-cases.json`), `${JSON.stringify(run, null, 2)}\n`);
  log('');
  log(renderSummary(run));
  log('');
  log(`written to ${resultsFile}`);
}

await main(process.argv);
