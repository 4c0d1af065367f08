// Baselines: which findings an earlier report already held (known), which are new, and which breaches were resolved.
import type { IsoDate } from '../core/dates.js';
import { lstatSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

import { compareFindingLike, type FindingLike } from '../core/order.js';
import { periodKeepsFinding } from '../engine/period.js';
import { readSavedReport, type SavedFinding, type SavedReport } from './saved-report.js';
import type { BaselineStatus, Report, ReportFinding, ResolvedFinding } from '../core/report.js';

/**
 * What identifies "the same breach" across runs: standard, case, record and the kind of message. Not the wording
 * (templates may be reworded), not the date (an as-of change can move a deadline) and not the source line (rows
 * are added to exports every day).
 */
export function findingKey(finding: Pick<FindingLike, 'standard' | 'caseId' | 'recordId' | 'messageId'>): string {
  return JSON.stringify([finding.standard, finding.caseId, finding.recordId, finding.messageId]);
}

/** What the later run could judge again: only there can the absence of an earlier breach mean it was resolved. */
export interface ReassessScope {
  readonly assessedStandards: ReadonlySet<string>;
  readonly casesNow: ReadonlySet<string>;
  readonly casesBefore: ReadonlySet<string>;
  readonly period: { readonly from: IsoDate | null; readonly to: IsoDate | null };
}

export function reassessScope(
  later: { readonly standards: readonly { id: string; status: string }[]; readonly cases: readonly { caseId: string }[]; readonly period: ReassessScope['period'] },
  earlier: { readonly cases: readonly { caseId: string }[] },
): ReassessScope {
  return {
    assessedStandards: new Set(later.standards.filter((s) => s.status === 'assessed').map((s) => s.id)),
    casesNow: new Set(later.cases.map((c) => c.caseId)),
    casesBefore: new Set(earlier.cases.map((c) => c.caseId)),
    period: later.period,
  };
}

function reassessed(finding: SavedFinding, scope: ReassessScope): boolean {
  if (!scope.assessedStandards.has(finding.standard)) return false;
  // A case audited before and absent now left the export (closed, transferred): its breaches were not re-judged.
  // Rows of no known case (orphans, unreadable rows) were never in either case list and are judged again.
  if (scope.casesBefore.has(finding.caseId) && !scope.casesNow.has(finding.caseId)) return false;
  return periodKeepsFinding(finding, scope.period);
}

export interface FindingsDiff {
  /** Parallel to the later findings. */
  readonly status: readonly BaselineStatus[];
  /** Earlier findings the later run judged again and no longer found, sorted like findings. */
  readonly resolved: readonly SavedFinding[];
  readonly notReassessed: number;
}

/**
 * Matches findings as multisets of keys: when a key occurs twice before and three times now, two are known and one
 * is new. Both lists are in report order, so the pairing is deterministic.
 */
export function diffFindings(earlier: readonly SavedFinding[], later: readonly FindingLike[], scope: ReassessScope): FindingsDiff {
  const totals = new Map<string, number>();
  for (const finding of earlier) {
    const key = findingKey(finding);
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  const unmatched = new Map(totals);
  const status = later.map((finding): BaselineStatus => {
    const key = findingKey(finding);
    const left = unmatched.get(key) ?? 0;
    if (left === 0) return 'new';
    unmatched.set(key, left - 1);
    return 'known';
  });

  const matchedSoFar = new Map<string, number>();
  const resolved: SavedFinding[] = [];
  let notReassessed = 0;
  for (const finding of earlier) {
    const key = findingKey(finding);
    const matched = (totals.get(key) ?? 0) - (unmatched.get(key) ?? 0);
    const seen = matchedSoFar.get(key) ?? 0;
    matchedSoFar.set(key, seen + 1);
    if (seen < matched) continue;
    if (reassessed(finding, scope)) resolved.push(finding);
    else notReassessed += 1;
  }
  return { status, resolved: resolved.sort(compareFindingLike), notReassessed };
}

export function toResolved(finding: SavedFinding): ResolvedFinding {
  return {
    standard: finding.standard,
    severity: finding.severity,
    caseId: finding.caseId,
    recordId: finding.recordId,
    date: finding.date,
    ...(typeof finding.due === 'string' ? { due: finding.due } : {}),
    message: finding.message,
    messageId: finding.messageId,
    team: finding.team,
    worker: finding.worker,
  };
}

/** Marks each finding new or known against the baseline and lists the baseline's breaches resolved since. */
export function applyBaseline(report: Report, baseline: SavedReport): Report {
  const diff = diffFindings(baseline.findings, report.findings, reassessScope(report, baseline));
  const findings = report.findings.map((finding, index): ReportFinding => ({ ...finding, baseline: diff.status[index] ?? 'new' }));
  return {
    ...report,
    findings,
    baseline: {
      asOf: baseline.asOf,
      new: diff.status.filter((status) => status === 'new').length,
      known: diff.status.filter((status) => status === 'known').length,
      resolved: diff.resolved.map(toResolved),
      notReassessed: diff.notReassessed,
    },
  };
}

export function readBaselineFile(file: string): SavedReport {
  // The first night of a scheduled job has no earlier report: say how to make one rather than only that it is missing.
  if (lstatSync(file, { throwIfNoEntry: false }) === undefined) {
    throw new ConfigError(
      'no baseline report at this path (--baseline)',
      { file },
      'a JSON report of an earlier run; on the first night, run without --baseline (and --fail-on new) and keep its -f json report as the next baseline',
    );
  }
  return readSavedReport(file, 'baseline report', ConfigError);
}
