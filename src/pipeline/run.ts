// The pipeline driver: an export read, validated, assembled and audited (in parts with --jobs), then its known breaches applied.
import type { Report, WaiverEntry } from '../core/report.js';
import { applyBaseline } from '../report/baseline.js';
import type { SavedReport } from '../report/saved-report.js';
import { applyWaivers } from '../report/waivers.js';
import { loadAndAudit, type AuditJob, type ProgressListener } from './parallel.js';

export interface PipelineRun {
  readonly job: AuditJob;
  /** How many parts the cases are audited in, each on its own worker thread; 1: this thread alone. */
  readonly parts: number;
  /** Passes over disjoint sets of cases, one after another (1: one pass): bounded memory for a large CSV export. */
  readonly passes?: number;
  readonly waivers: readonly WaiverEntry[] | null;
  readonly baseline: SavedReport | null;
  readonly onProgress?: ProgressListener | undefined;
  readonly onPhase?: ((phase: string) => void) | undefined;
}

/** The report of one audit: files → records → typed rows → cases → findings → report, waivers and baseline applied. */
export async function runPipeline({ job, parts, passes = 1, waivers, baseline, onProgress, onPhase }: PipelineRun): Promise<Report> {
  const audited = await loadAndAudit(job, parts, onProgress, onPhase, passes);
  const waived = waivers === null ? audited : applyWaivers(audited, waivers);
  return baseline === null ? waived : applyBaseline(waived, baseline);
}
