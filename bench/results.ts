// Turns the bench's measurements into bench/RESULTS.md (and the console summary), keeping the hand-written notes.
import { existsSync, readFileSync } from 'node:fs';
import type { BenchExport } from './export.js';
import type { Machine } from './machine.js';
import { renderComparison, type Comparison } from './pairs.js';
import { fitLine, median } from './stats.js';

export type Kind = 'floor' | 'audit' | 'loader' | 'phases' | 'workers';

interface PhaseTimes {
  readonly load: number;
  readonly engine: number;
  readonly format: number;
  readonly write: number;
}

export interface PhaseDetail {
  readonly seconds: PhaseTimes;
  readonly cpuSeconds: PhaseTimes;
  readonly retainedMb: {
    readonly baseline: number;
    readonly model: number;
    readonly modelAndReport: number;
    readonly withJson: number;
  };
  readonly findings: number;
  readonly pending: number;
}

export interface Sample {
  readonly kind: Kind;
  readonly cases: number;
  readonly round: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
  readonly phases?: PhaseDetail;
}

export interface BenchRun {
  readonly machine: Machine;
  readonly asOf: string;
  readonly runs: number;
  /** The export of the headline measurements, then the smaller ones the audit also ran on. */
  readonly main: BenchExport;
  readonly scaling: readonly BenchExport[];
  readonly samples: readonly Sample[];
  readonly findings: number | null;
  /** 1-minute load averages when the measurements started and ended: how busy the cores were. */
  readonly load: { readonly before: number; readonly after: number };
  /** The full audit against an earlier commit's build, when the run made one. */
  readonly comparison: Comparison | null;
}

export const NOTES_START = '<!-- notes:start (hand-written; `npm run bench` keeps everything between these markers) -->';
export const NOTES_END = '<!-- notes:end -->';

const LABELS: Readonly<Record<Exclude<Kind, 'phases'>, string>> = {
  floor: '(a) floor: bare csv-parse 7 stream, arrays, no cast, no info',
  audit: '(b) full audit: `practice-audit audit <dir> --as-of {asOf} -f json -o <file> -q --jobs 1`',
  loader: '(c) loader alone: `loadExport(<dir>)`',
  workers: '(d) full audit on two worker threads: (b) with `--jobs 2`',
};

const integer = (value: number): string => Math.round(value).toLocaleString('en-GB');
const seconds = (value: number): string => value.toFixed(2);
const ratio = (value: number): string => `${value.toFixed(2)}×`;
const megabytes = (value: number): string => value.toFixed(0);
const perMillionRows = (megabytesUsed: number, rows: number): number => megabytesUsed / (rows / 1e6);

function samplesOf(run: BenchRun, kind: Kind, cases: number): Sample[] {
  return run.samples.filter((sample) => sample.kind === kind && sample.cases === cases);
}

interface Summary {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
}

function summarize(samples: readonly Sample[]): Summary | undefined {
  if (samples.length === 0) return undefined;
  return {
    wallSeconds: median(samples.map((s) => s.wallSeconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    peakMb: median(samples.map((s) => s.peakMb)),
  };
}

function headline(run: BenchRun): string[] {
  const { rows, cases } = run.main;
  if (run.samples.length === 0) return [];
  const floor = summarize(samplesOf(run, 'floor', cases));
  const lines = [
    `## Speed and peak memory: ${integer(cases)} cases, ${integer(rows)} rows`,
    '',
    `Median of ${run.runs} interleaved runs (a, b, c, a, b, c, …), each in its own node process. Wall time is from spawn to exit (node's start-up included); CPU is the child's user + system time over all its threads; peak memory is the child's peak resident set (VmHWM); MB = 2^20 bytes. Load average ${run.load.before.toFixed(1)} before, ${run.load.after.toFixed(1)} after, on ${run.machine.nproc} cores: above the core count, wall times include waiting for a core, and CPU times are the steadier comparison.`,
    '',
    '| measurement | wall s | CPU s | rows/s (wall) | × floor (wall) | × floor (CPU) | peak MB | MB per million rows |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const kind of ['floor', 'audit', 'loader', 'workers'] as const) {
    const summary = summarize(samplesOf(run, kind, cases));
    if (!summary) continue;
    const wallTimes = floor ? ratio(summary.wallSeconds / floor.wallSeconds) : '—';
    const cpuTimes = floor ? ratio(summary.cpuSeconds / floor.cpuSeconds) : '—';
    lines.push(
      `| ${LABELS[kind].replace('{asOf}', run.asOf)} | ${seconds(summary.wallSeconds)} | ${seconds(summary.cpuSeconds)} | ${integer(rows / summary.wallSeconds)} | ${wallTimes} | ${cpuTimes} | ${megabytes(summary.peakMb)} | ${megabytes(perMillionRows(summary.peakMb, rows))} |`,
    );
  }
  const audit = summarize(samplesOf(run, 'audit', cases));
  if (floor && audit) {
    const achieved = audit.wallSeconds / floor.wallSeconds;
    lines.push(
      '',
      `Target: the full audit within 1.5× of the floor. Measured: **${ratio(achieved)}** in wall time (${achieved <= 1.5 ? 'met' : 'not met'}), ${ratio(audit.cpuSeconds / floor.cpuSeconds)} in CPU time.`,
    );
  }
  if (run.findings !== null) lines.push('', `The audit reported ${integer(run.findings)} findings.`);
  return lines;
}

function scaling(run: BenchRun): string[] {
  const sizes = [...run.scaling, run.main].sort((a, b) => a.cases - b.cases);
  const points = sizes.flatMap((size) => {
    const summary = summarize(samplesOf(run, 'audit', size.cases));
    return summary ? [{ size, summary }] : [];
  });
  if (points.length < 2) return [];
  const lines = [
    '## Memory against the size of the export (full audit)',
    '',
    '| cases | rows | wall s | CPU s | rows/s (wall) | peak MB | MB per million rows |',
    '|--:|--:|--:|--:|--:|--:|--:|',
    ...points.map(
      ({ size, summary }) =>
        `| ${integer(size.cases)} | ${integer(size.rows)} | ${seconds(summary.wallSeconds)} | ${seconds(summary.cpuSeconds)} | ${integer(size.rows / summary.wallSeconds)} | ${megabytes(summary.peakMb)} | ${megabytes(perMillionRows(summary.peakMb, size.rows))} |`,
    ),
  ];
  const fit = fitLine(points.map(({ size, summary }) => ({ x: size.rows / 1e6, y: summary.peakMb })));
  lines.push(
    '',
    `Least-squares line through the peaks: **${megabytes(fit.intercept)} MB + ${megabytes(fit.slope)} MB per million rows**; ` +
      `no size is more than ${(fit.worstDeviation * 100).toFixed(1)}% off the line. ` +
      'The fixed part is node, the modules and the report machinery; MB per million rows falls towards the slope as the export grows.',
  );
  return lines;
}

function phases(run: BenchRun): string[] {
  const details = samplesOf(run, 'phases', run.main.cases).flatMap((sample) => (sample.phases ? [sample.phases] : []));
  if (details.length === 0) return [];
  const medians = (pick: (detail: PhaseDetail) => PhaseTimes): PhaseTimes => ({
    load: median(details.map((d) => pick(d).load)),
    engine: median(details.map((d) => pick(d).engine)),
    format: median(details.map((d) => pick(d).format)),
    write: median(details.map((d) => pick(d).write)),
  });
  const wall = medians((d) => d.seconds);
  const cpu = medians((d) => d.cpuSeconds);
  const total = wall.load + wall.engine + wall.format + wall.write;
  const retained = {
    baseline: median(details.map((d) => d.retainedMb.baseline)),
    model: median(details.map((d) => d.retainedMb.model)),
    modelAndReport: median(details.map((d) => d.retainedMb.modelAndReport)),
    withJson: median(details.map((d) => d.retainedMb.withJson)),
  };
  const { rows } = run.main;
  const share = (value: number) => `${((value / total) * 100).toFixed(0)}%`;
  return [
    '## Where the full audit\'s time and memory go',
    '',
    `The same pipeline as (b) in one process (\`bench/phases.ts\`, run with \`--expose-gc\`), each phase timed apart; median of ${details.length}.`,
    '',
    '| phase | wall s | share of wall | CPU s |',
    '|---|--:|--:|--:|',
    ...(
      [
        ['load: read, parse, validate, assemble cases (`loadExport`)', 'load'],
        ['engine: as-of, every check, messages, tallies, sorting (`runAudit`)', 'engine'],
        ['JSON report text (`formatJson`)', 'format'],
        ['writing the file (`writeAllWhole`)', 'write'],
      ] as const
    ).map(([label, phase]) => `| ${label} | ${seconds(wall[phase])} | ${share(wall[phase])} | ${seconds(cpu[phase])} |`),
    '',
    'Heap still reachable after a full garbage collection, at each point:',
    '',
    '| after | heap MB | MB per million rows |',
    '|---|--:|--:|',
    `| start (modules loaded) | ${megabytes(retained.baseline)} | — |`,
    `| loading: the case model | ${megabytes(retained.model)} | ${megabytes(perMillionRows(retained.model - retained.baseline, rows))} |`,
    `| the engine: case model + report | ${megabytes(retained.modelAndReport)} | ${megabytes(perMillionRows(retained.modelAndReport - retained.baseline, rows))} |`,
    `| formatting: + the JSON text | ${megabytes(retained.withJson)} | ${megabytes(perMillionRows(retained.withJson - retained.baseline, rows))} |`,
  ];
}

function machine(run: BenchRun): string[] {
  const { machine: m } = run;
  const edited =
    m.uncommitted.length === 0 ? '' : ` plus uncommitted changes to ${m.uncommitted.map((file) => `\`${file}\``).join(', ')}`;
  return [
    '## Machine',
    '',
    `- date: ${m.date}`,
    `- project: commit ${m.commit}${edited}`,
    `- \`nproc\`: ${m.nproc}`,
    `- CPU: ${m.cpuModel}`,
    `- node: ${m.node}`,
    '- `free -h`:',
    '',
    '```',
    m.memory,
    '```',
  ];
}

function exportSection(run: BenchRun): string[] {
  const { main } = run;
  const tables = Object.entries(main.rowsByTable)
    .map(([table, rows]) => `${table} ${integer(rows)}`)
    .join(', ');
  const others = run.scaling.map((size) => `${integer(size.cases)} cases (${integer(size.rows)} rows)`).join(' and ');
  return [
    '## The export',
    '',
    `${integer(main.cases)} cases from \`samples/generate.ts\` (seed \`${main.seed}\`, a folder of CSV files): ${integer(main.rows)} data rows, ${(main.bytes / 2 ** 20).toFixed(1)} MB. Rows per table: ${tables}.` +
      (others ? ` The full audit also ran on ${others} from the same seed.` : ''),
    '',
    'Rows are data rows (headers excluded); every measurement counted the same number, checked on each run.',
  ];
}

function everyRun(run: BenchRun): string[] {
  if (run.samples.length === 0) return [];
  return [
    '## Every run',
    '',
    '| round | measurement | cases | wall s | CPU s | peak MB |',
    '|--:|---|--:|--:|--:|--:|',
    ...run.samples.map(
      (s) =>
        `| ${s.round} | ${s.kind} | ${integer(s.cases)} | ${seconds(s.wallSeconds)} | ${seconds(s.cpuSeconds)} | ${megabytes(s.peakMb)} |`,
    ),
  ];
}

const joinSections = (sections: readonly string[][]): string =>
  sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n');

/** The measurements, as the console shows them at the end of a run. */
export function renderSummary(run: BenchRun): string {
  return joinSections([headline(run), run.comparison ? renderComparison(run.comparison) : [], scaling(run), phases(run)]);
}

/** What was measured on what: the export, the machine and every single run. */
export function renderDetails(run: BenchRun): string {
  return joinSections([exportSection(run), machine(run), everyRun(run)]);
}

/** The notes region of an existing results file, markers included, or an empty one. */
export function keptNotes(file: string): string {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf(NOTES_START);
    const end = text.indexOf(NOTES_END);
    if (start !== -1 && end > start) return text.slice(start, end + NOTES_END.length);
  }
  return `${NOTES_START}\n${NOTES_END}`;
}

export function renderResultsFile(run: BenchRun, notes: string): string {
  return [
    '# Benchmark: speed and memory of the audit',
    '',
    '<!-- Written by `npm run bench` (bench/run.ts) on every run: edit only between the notes markers, the rest is overwritten. -->',
    '',
    renderSummary(run),
    '',
    notes,
    '',
    renderDetails(run),
    '',
  ].join('\n');
}
