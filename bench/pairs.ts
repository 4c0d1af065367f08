// The A/B comparison against an earlier commit's build: per-pair ratios (this tree / base), their medians, the budget verdict and its text.
import { median } from './stats.js';

/** Issue 10's budget: the full audit within 10% of the base's time and memory. */
export const BUDGET = 1.1;

export interface RunFigures {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
}

/** One pair: this tree's build then the base's, back to back, so both see nearly the same machine. */
export interface Pair {
  readonly pair: number;
  readonly current: RunFigures;
  readonly base: RunFigures;
}

export type Figure = keyof RunFigures;
export const FIGURES: readonly Figure[] = ['wallSeconds', 'cpuSeconds', 'peakMb'];

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface FigureSummary {
  readonly current: number;
  readonly base: number;
  /** Of the pairs' own ratios, not the ratio of the medians: a pair shares the machine's state, two medians do not. */
  readonly ratio: Spread;
}

export interface ReportCheck {
  readonly currentSha256: string;
  readonly baseSha256: string;
  /** False when one build gave different reports on different runs of the same export. */
  readonly currentStable: boolean;
  readonly baseStable: boolean;
  readonly currentFindings: number | null;
  readonly baseFindings: number | null;
}

export interface Comparison {
  /** The ref as given (HEAD~1 by default) and the commit it named. */
  readonly ref: string;
  readonly commit: string;
  readonly subject: string;
  /** What "this tree" was: its commit, and whether bench-relevant files were edited since. */
  readonly currentLabel: string;
  readonly cases: number;
  readonly rows: number;
  readonly args: readonly string[];
  readonly warmups: number;
  readonly pairs: readonly Pair[];
  readonly reports: ReportCheck;
  readonly buildSeconds: number;
  /** The base was built against this tree's node_modules; a different lockfile makes that an approximation. */
  readonly lockfileDiffers: boolean;
  readonly load: { readonly before: number; readonly after: number };
  readonly nproc: string;
}

export function spreadOf(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function ratioOf(pair: Pair, figure: Figure): number {
  return pair.current[figure] / pair.base[figure];
}

export function summarizeFigure(pairs: readonly Pair[], figure: Figure): FigureSummary {
  if (pairs.length === 0) throw new Error('no pairs to summarize');
  return {
    current: median(pairs.map((p) => p.current[figure])),
    base: median(pairs.map((p) => p.base[figure])),
    ratio: spreadOf(pairs.map((p) => ratioOf(p, figure))),
  };
}

export const reportsIdentical = (check: ReportCheck): boolean =>
  check.currentSha256 === check.baseSha256 && check.currentStable && check.baseStable;

/** Set as a warning, not a failure: a commit may change the report on purpose. */
export function reportWarning(check: ReportCheck): string | undefined {
  if (!check.currentStable || !check.baseStable) {
    const which = [check.currentStable ? '' : 'this tree', check.baseStable ? '' : 'the base'].filter(Boolean).join(' and ');
    return `WARNING: ${which} wrote different JSON reports on different runs of the same export: the report is not deterministic.`;
  }
  if (check.currentSha256 !== check.baseSha256) {
    const counts =
      check.currentFindings !== null && check.baseFindings !== null
        ? ` (${integer(check.currentFindings)} findings against ${integer(check.baseFindings)})`
        : '';
    return (
      `WARNING: the JSON reports differ${counts}: SHA-256 ${check.currentSha256.slice(0, 16)}… against ${check.baseSha256.slice(0, 16)}…. ` +
      'Expected only if a commit in between changes behaviour on purpose; a behaviour-preserving change must give the same bytes.'
    );
  }
  return undefined;
}

const integer = (value: number): string => Math.round(value).toLocaleString('en-GB');
const fixed = (value: number, digits: number): string => value.toFixed(digits);
export const formatRatio = (value: number): string => `${value.toFixed(3)}×`;

const LABELS: Readonly<Record<Figure, { readonly name: string; readonly unit: string; readonly digits: number }>> = {
  wallSeconds: { name: 'wall time', unit: 's', digits: 2 },
  cpuSeconds: { name: 'CPU time', unit: 's', digits: 2 },
  peakMb: { name: 'peak memory', unit: 'MB', digits: 0 },
};

/** "within" or "over" for one figure; the spread says whether the machine's noise could tip it. */
function verdict(summary: FigureSummary): string {
  const within = summary.ratio.median <= BUDGET;
  const straddles = summary.ratio.min <= BUDGET && summary.ratio.max > BUDGET;
  return `${within ? 'within' : 'over'} budget${straddles ? ' (some pairs over)' : ''}`;
}

// This project's commit subjects run to paragraphs: the start names the commit well enough beside its hash.
const SUBJECT_LIMIT = 100;
export const shortSubject = (subject: string): string =>
  subject.length <= SUBJECT_LIMIT ? subject : `${subject.slice(0, SUBJECT_LIMIT - 1).trimEnd()}…`;

/** Pairs whose ratios spread wider than the budget on both sides cannot tell a 10% change from the machine's noise. */
export const noisy = (summary: FigureSummary): boolean => summary.ratio.max - summary.ratio.min > 2 * (BUDGET - 1);

const noiseNote = (summary: FigureSummary): string =>
  `The wall-time ratios spread from ${formatRatio(summary.ratio.min)} to ${formatRatio(summary.ratio.max)}, wider than the budget either side: ` +
  'the machine was busy, so read the verdict with care (more pairs, or a quieter machine, narrow it; the CPU ratio is steadier).';

/** The section of the results file (and the console) for one comparison. */
export function renderComparison(c: Comparison): string[] {
  const summaries = FIGURES.map((figure) => ({ figure, summary: summarizeFigure(c.pairs, figure) }));
  const wall = summarizeFigure(c.pairs, 'wallSeconds');
  const peak = summarizeFigure(c.pairs, 'peakMb');
  const met = wall.ratio.median <= BUDGET && peak.ratio.median <= BUDGET;
  const warning = reportWarning(c.reports);
  const lines = [
    `## Against ${c.ref} (${c.commit}): the full audit, this tree's build / the base's build`,
    '',
    `This tree (${c.currentLabel}) against ${c.commit} ("${shortSubject(c.subject)}"), built from \`git archive\` in a temporary folder with this tree's node_modules (in ${c.buildSeconds.toFixed(0)} s)` +
      `${c.lockfileDiffers ? ' (**package-lock.json differs between them**: the base ran with this tree\'s dependencies)' : ''}. ` +
      `Both ran \`practice-audit ${c.args.join(' ')}\` on the same export (${integer(c.cases)} cases, ${integer(c.rows)} rows), ` +
      `${c.warmups} warm-up run of each, then ${c.pairs.length} pairs, this tree first in each (A B A B …). ` +
      `Ratios are this tree / base, pair by pair; the median of the pairs' ratios is quoted. ` +
      `Load average ${c.load.before.toFixed(1)} before, ${c.load.after.toFixed(1)} after, on ${c.nproc} cores.`,
    '',
    '| figure | this tree (median) | base (median) | ratio median | ratio min–max | budget ≤ 1.10× |',
    '|---|--:|--:|--:|--:|---|',
    ...summaries.map(({ figure, summary }) => {
      const { name, unit, digits } = LABELS[figure];
      return `| ${name} (${unit}) | ${fixed(summary.current, digits)} | ${fixed(summary.base, digits)} | **${formatRatio(summary.ratio.median)}** | ${formatRatio(summary.ratio.min)}–${formatRatio(summary.ratio.max)} | ${figure === 'cpuSeconds' ? 'not budgeted: steadier under load' : verdict(summary)} |`;
    }),
    '',
    `Budget (issue 10, wall time and peak memory within 10%): **${met ? 'met' : 'not met'}** — wall ${formatRatio(wall.ratio.median)}, peak memory ${formatRatio(peak.ratio.median)}.` +
      (noisy(wall) ? ` ${noiseNote(wall)}` : ''),
    '',
    warning ?? `JSON reports byte-identical: SHA-256 \`${c.reports.currentSha256}\` from both builds on every run.`,
    '',
    '| pair | wall s (this / base) | wall ratio | CPU s (this / base) | CPU ratio | peak MB (this / base) | peak ratio |',
    '|--:|--:|--:|--:|--:|--:|--:|',
    ...c.pairs.map(
      (p) =>
        `| ${p.pair} | ${fixed(p.current.wallSeconds, 2)} / ${fixed(p.base.wallSeconds, 2)} | ${formatRatio(ratioOf(p, 'wallSeconds'))} | ` +
        `${fixed(p.current.cpuSeconds, 2)} / ${fixed(p.base.cpuSeconds, 2)} | ${formatRatio(ratioOf(p, 'cpuSeconds'))} | ` +
        `${fixed(p.current.peakMb, 0)} / ${fixed(p.base.peakMb, 0)} | ${formatRatio(ratioOf(p, 'peakMb'))} |`,
    ),
  ];
  return lines;
}
