// The bench's A/B arithmetic and wording: pair ratios, their medians, the budget verdict and the report-hash warning (no timing here).
import { describe, expect, it } from 'vitest';
import {
  BUDGET,
  noisy,
  ratioOf,
  renderComparison,
  reportWarning,
  shortSubject,
  spreadOf,
  summarizeFigure,
  type Comparison,
  type Pair,
  type ReportCheck,
} from '../../bench/pairs.js';

const pair = (n: number, current: [number, number, number], base: [number, number, number]): Pair => ({
  pair: n,
  current: { wallSeconds: current[0], cpuSeconds: current[1], peakMb: current[2] },
  base: { wallSeconds: base[0], cpuSeconds: base[1], peakMb: base[2] },
});

const SAME = 'a'.repeat(64);
const identical: ReportCheck = {
  currentSha256: SAME,
  baseSha256: SAME,
  currentStable: true,
  baseStable: true,
  currentFindings: 10,
  baseFindings: 10,
};

const comparison = (pairs: Pair[], reports: ReportCheck = identical): Comparison => ({
  ref: 'HEAD~1',
  commit: 'f2467b5',
  subject: 'Structure: one folder per stage',
  currentLabel: 'commit 851fffb',
  cases: 10_000,
  rows: 290_642,
  args: ['audit', '<dir>', '--as-of', '2026-10-31', '-f', 'json', '-o', '<file>', '-q', '--jobs', '1'],
  warmups: 1,
  pairs,
  reports,
  buildSeconds: 30,
  lockfileDiffers: false,
  load: { before: 1, after: 1 },
  nproc: '2',
});

describe('pair ratios', () => {
  it('divides this tree by the base, figure by figure', () => {
    const p = pair(1, [2, 3, 150], [1, 4, 100]);
    expect(ratioOf(p, 'wallSeconds')).toBe(2);
    expect(ratioOf(p, 'cpuSeconds')).toBe(0.75);
    expect(ratioOf(p, 'peakMb')).toBe(1.5);
  });

  it('quotes the median of the pairs\' ratios, not the ratio of the medians', () => {
    // Medians 2 / 2 would say 1.00×; pair by pair this tree is slower every time but once.
    const pairs = [pair(1, [1, 1, 1], [0.5, 1, 1]), pair(2, [2, 1, 1], [1.6, 1, 1]), pair(3, [4, 1, 1], [4, 1, 1])];
    const wall = summarizeFigure(pairs, 'wallSeconds');
    expect(wall.current).toBe(2);
    expect(wall.base).toBe(1.6);
    expect(wall.ratio).toEqual({ median: 1.25, min: 1, max: 2 });
  });

  it('takes the mean of the middle two for an even number of pairs', () => {
    expect(spreadOf([1.2, 0.9, 1.0, 1.1])).toEqual({ median: 1.05, min: 0.9, max: 1.2 });
  });

  it('refuses to summarize no pairs', () => {
    expect(() => summarizeFigure([], 'peakMb')).toThrow();
  });
});

describe('the comparison section', () => {
  it('meets the budget at 10% and says so', () => {
    const text = renderComparison(comparison([pair(1, [1.1, 1, 110], [1, 1, 100])])).join('\n');
    expect(BUDGET).toBe(1.1);
    expect(text).toContain('**met**');
    expect(text).toContain('| wall time (s) | 1.10 | 1.00 | **1.100×** | 1.100×–1.100× | within budget |');
    expect(text).toContain('JSON reports byte-identical');
  });

  it('is not met when either wall time or peak memory is over', () => {
    const text = renderComparison(comparison([pair(1, [1, 1, 111], [1, 1, 100])])).join('\n');
    expect(text).toContain('**not met**');
    expect(text).toContain('| peak memory (MB) | 111 | 100 | **1.110×** | 1.110×–1.110× | over budget |');
  });

  it('marks a median within budget whose pairs straddle it', () => {
    const pairs = [pair(1, [1, 1, 1], [1, 1, 1]), pair(2, [1.2, 1, 1], [1, 1, 1]), pair(3, [1, 1, 1], [1, 1, 1])];
    expect(renderComparison(comparison(pairs)).join('\n')).toContain('within budget (some pairs over)');
  });

  it('lists every pair with its own ratios', () => {
    const lines = renderComparison(comparison([pair(1, [2, 3, 150], [1, 4, 100]), pair(2, [1, 1, 100], [1, 1, 100])]));
    expect(lines).toContain('| 1 | 2.00 / 1.00 | 2.000× | 3.00 / 4.00 | 0.750× | 150 / 100 | 1.500× |');
    expect(lines).toContain('| 2 | 1.00 / 1.00 | 1.000× | 1.00 / 1.00 | 1.000× | 100 / 100 | 1.000× |');
  });
});

describe('report check', () => {
  it('is silent when both builds wrote the same bytes every time', () => {
    expect(reportWarning(identical)).toBeUndefined();
  });

  it('warns, with both findings counts, when the reports differ', () => {
    const warning = reportWarning({ ...identical, baseSha256: 'b'.repeat(64), baseFindings: 12_345 });
    expect(warning).toMatch(/^WARNING: the JSON reports differ \(10 findings against 12,345\)/);
    expect(renderComparison(comparison([pair(1, [1, 1, 1], [1, 1, 1])], { ...identical, baseSha256: 'b'.repeat(64) })).join('\n')).toContain(
      'WARNING: the JSON reports differ',
    );
  });

  it('warns when one build is not deterministic', () => {
    expect(reportWarning({ ...identical, baseStable: false })).toMatch(/^WARNING: the base wrote different JSON reports/);
  });
});

describe('commit subjects', () => {
  it('keeps a short subject and cuts a long one', () => {
    expect(shortSubject('Mend: the loader')).toBe('Mend: the loader');
    const cut = shortSubject('x'.repeat(300));
    expect(cut).toHaveLength(100);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('noise', () => {
  it('flags wall ratios spread wider than the budget either side', () => {
    const calm = [pair(1, [1.05, 1, 1], [1, 1, 1]), pair(2, [0.95, 1, 1], [1, 1, 1])];
    const busy = [pair(1, [1.31, 1, 1], [1, 1, 1]), pair(2, [1, 1, 1], [1, 1, 1])];
    expect(noisy(summarizeFigure(calm, 'wallSeconds'))).toBe(false);
    expect(noisy(summarizeFigure(busy, 'wallSeconds'))).toBe(true);
    expect(renderComparison(comparison(busy)).join('\n')).toContain('the machine was busy');
    expect(renderComparison(comparison(calm)).join('\n')).not.toContain('the machine was busy');
  });
});
