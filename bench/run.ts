// `npm run bench`: generates (or reuses) a seeded export, times the floor, the full audit (one thread and two workers) and the loader in child processes, then the audit against an earlier commit's build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildBase, removeBase, resolveRef, type BaseBuild } from './base.js';
import { compareWithBase } from './compare.js';
import { ensureExport, type BenchExport } from './export.js';
import { describeMachine, type Machine } from './machine.js';
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
  /** The commit to compare against; false (--no-base, BENCH_BASE=none) for no comparison. */
  readonly base: string | false;
  readonly pairs: number;
  readonly compareOnly?: boolean;
}

/** Issue 10 asks for the previous commit; a shallow clone without one skips the comparison rather than failing. */
const DEFAULT_BASE = 'HEAD~1';

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}

function parseOptions(argv: readonly string[]): Options {
  const options = new Command('bench')
    .description(
      'Measure the floor (a bare CSV parse), the full audit and the loader on a generated export, ' +
        'then the full audit against an earlier commit\'s build, alternately.',
    )
    .addOption(
      new Option('--cases <n>', 'cases in the export (about 29 rows each)').argParser(wholeNumber).default(DEFAULT_CASES).env('BENCH_CASES'),
    )
    .option('--seed <seed>', 'generator seed (number or text)', '1')
    .option('--runs <n>', 'interleaved rounds; medians are reported', wholeNumber, 3)
    .option('--no-scaling', 'skip the full audit at 1/5 and 1/2 of the size')
    .addOption(
      new Option('--base <ref>', 'commit whose build the full audit is compared with, in pairs ("none": no comparison)')
        .default(DEFAULT_BASE)
        .env('BENCH_BASE'),
    )
    .option('--no-base', 'no comparison with an earlier commit')
    .addOption(new Option('--pairs <n>', 'pairs of runs (this tree, base) in the comparison').argParser(wholeNumber).default(5).env('BENCH_PAIRS'))
    .addOption(new Option('--compare-only', 'only the comparison with the base (set the variable to 1)').env('BENCH_COMPARE_ONLY'))
    .option(
      '--results <file>',
      `where to write the results (default bench/RESULTS.md at ${DEFAULT_CASES} cases, else bench/out/RESULTS-<n>-cases.md; ` +
        'with --compare-only bench/out/COMPARE-<n>-cases.md)',
    )
    .parse(argv, { from: 'node' })
    .opts<Options>();
  const base = options.base === false || options.base.trim() === '' || options.base.trim() === 'none' ? false : options.base.trim();
  if (options.compareOnly === true && base === false) throw new Error('bench: --compare-only needs a base to compare with');
  return { ...options, base };
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

/** The base's build, or undefined when there is none to compare with; the default ref may be missing, a given one may not. */
async function prepareBase(options: Options): Promise<BaseBuild | undefined> {
  if (options.base === false) return undefined;
  if (options.base === DEFAULT_BASE && (await resolveRef(DEFAULT_BASE)) === undefined) {
    log(`no ${DEFAULT_BASE} in this clone: the comparison with the previous commit is skipped (give --base <ref>)`);
    return undefined;
  }
  return buildBase(options.base, log);
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const machine = describeMachine();
  // Built first: a base that does not build should stop the run before minutes of measuring, not after.
  const base = await prepareBase(options);
  try {
    await measureAll(options, machine, base);
  } finally {
    if (base) removeBase(base.folder);
  }
}

async function measureAll(options: Options, machine: Machine, base: BaseBuild | undefined): Promise<void> {
  const compareOnly = options.compareOnly === true;
  const main = await ensureExport(options.cases, options.seed, log);
  const scalingSizes =
    options.scaling && !compareOnly
      ? [...new Set(SCALING_SHARES.map((share) => Math.max(1, Math.round(options.cases * share))))].filter((n) => n !== options.cases)
      : [];
  const scaling: BenchExport[] = [];
  for (const cases of scalingSizes) scaling.push(await ensureExport(cases, options.seed, log));
  log(
    `export: ${main.cases.toLocaleString('en-GB')} cases, ${main.rows.toLocaleString('en-GB')} rows${main.reused ? ' (reused)' : ''}; ` +
      (compareOnly ? '' : `${options.runs} rounds`) +
      (base ? `${compareOnly ? '' : ', then '}${options.pairs} pairs against ${base.ref} (${base.commit})` : ''),
  );

  const tasks: Task[] = compareOnly
    ? []
    : [
        { kind: 'floor', target: main },
        { kind: 'audit', target: main },
        { kind: 'loader', target: main },
        { kind: 'workers', target: main },
        { kind: 'phases', target: main },
        ...scaling.map((target): Task => ({ kind: 'audit', target })),
      ];
  const runs = compareOnly ? 0 : options.runs;
  const samples: Sample[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  let findings: number | null = null;
  for (let round = 1; round <= runs; round += 1) {
    for (const task of tasks) {
      const { sample, findings: found } = await measure(task, round, round === 1);
      samples.push(sample);
      if (found !== undefined && task.target === main) findings = found;
      log(
        `round ${round}/${runs}  ${task.kind.padEnd(6)} ${task.target.cases.toLocaleString('en-GB').padStart(7)} cases  ` +
          `${sample.wallSeconds.toFixed(2).padStart(6)} s  ${sample.cpuSeconds.toFixed(2).padStart(6)} s CPU  ${sample.peakMb.toFixed(0).padStart(5)} MB`,
      );
    }
  }
  const load = { before: loadBefore, after: loadavg()[0] ?? 0 };

  const currentLabel = `commit ${machine.commit}${machine.uncommitted.length > 0 ? ' plus uncommitted changes' : ''}`;
  const comparison = base
    ? await compareWithBase({ base, target: main, pairs: options.pairs, asOf: AS_OF, currentLabel, nproc: machine.nproc, log })
    : null;

  const run: BenchRun = { machine, asOf: AS_OF, runs, main, scaling, samples, findings, load, comparison };
  const stem = compareOnly ? 'COMPARE' : 'RESULTS';
  const resultsFile =
    options.results ??
    (options.cases === DEFAULT_CASES && !compareOnly
      ? join(BENCH_FOLDER, 'RESULTS.md')
      : join(OUT_FOLDER, `${stem}-${options.cases}-cases.md`));
  writeFileSync(resultsFile, renderResultsFile(run, keptNotes(join(BENCH_FOLDER, 'RESULTS.md'))));
  writeFileSync(join(OUT_FOLDER, `${stem.toLowerCase()}-${options.cases}-cases.json`), `${JSON.stringify(run, null, 2)}\n`);
  log('');
  log(renderSummary(run));
  log('');
  log(`written to ${resultsFile}`);
}

await main(process.argv);
