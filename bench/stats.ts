// The few statistics the bench reports: medians of repeated runs and a straight-line fit of memory against size.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface LineFit {
  readonly intercept: number;
  readonly slope: number;
  /** The largest distance of a point from the line, as a share of that point's value. */
  readonly worstDeviation: number;
}

/** Least-squares line y = intercept + slope·x through the points (at least two distinct x). */
export function fitLine(points: readonly { readonly x: number; readonly y: number }[]): LineFit {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const spread = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  if (n < 2 || spread === 0) throw new Error('a line needs points at two sizes at least');
  const slope = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / spread;
  const intercept = meanY - slope * meanX;
  const worstDeviation = Math.max(...points.map((p) => Math.abs(p.y - (intercept + slope * p.x)) / p.y));
  return { intercept, slope, worstDeviation };
}
