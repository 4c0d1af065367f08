// Compares two saved JSON reports: compliance then and now per standard and per team, breaches resolved and new.

import type { IsoDate } from '../core/dates.js';
import { complianceByGroup, groupOf, UNASSIGNED_LABEL } from './breakdown.js';
import { diffFindings, reassessScope } from './baseline.js';
import { compareFindingLike, compareText } from '../core/order.js';
import type { SavedFinding, SavedReport } from './saved-report.js';

export interface RateSnapshot {
  readonly applicable: number;
  readonly compliant: number;
  /** compliant / applicable, or null when nothing applied. */
  readonly rate: number | null;
}

export interface StandardTrend {
  readonly id: string;
  readonly title: string;
  /** Null when the standard was not assessed in that report. */
  readonly before: (RateSnapshot & { readonly breaches: number }) | null;
  readonly after: (RateSnapshot & { readonly breaches: number }) | null;
  readonly newBreaches: number;
  readonly resolvedBreaches: number;
}

export interface TeamTrend {
  readonly team: string;
  /** Null when the team had no audited case in that report. */
  readonly before: (RateSnapshot & { readonly cases: number }) | null;
  readonly after: (RateSnapshot & { readonly cases: number }) | null;
  readonly newBreaches: number;
  readonly resolvedBreaches: number;
}

export interface ComparedFinding {
  readonly standard: string;
  readonly severity: 'error' | 'warning';
  readonly caseId: string;
  readonly recordId: string | null;
  readonly date: IsoDate | null;
  readonly messageId: string;
  readonly message: string;
  /** Team label, `(no team)` when the export left it empty. */
  readonly team: string;
  /** Accepted by a waiver in the report it comes from. */
  readonly waived: boolean;
}

export interface ReportIdentity {
  readonly file: string;
  readonly asOf: IsoDate;
  readonly period: { readonly from: IsoDate | null; readonly to: IsoDate | null };
}

export interface Comparison {
  readonly before: ReportIdentity;
  readonly after: ReportIdentity;
  readonly summary: {
    readonly newBreaches: number;
    /** New, error severity and not waived: what `--fail-on new` fails on. */
    readonly newErrors: number;
    readonly knownBreaches: number;
    readonly resolvedBreaches: number;
    /** Earlier breaches the later report could not judge again (standard not assessed, case gone, outside the period). */
    readonly notReassessed: number;
  };
  /** Sorted by standard id. */
  readonly standards: readonly StandardTrend[];
  /** Sorted by team name, the unassigned group last. */
  readonly teams: readonly TeamTrend[];
  /** Sorted by case, standard, date, record. */
  readonly newBreaches: readonly ComparedFinding[];
  readonly resolved: readonly ComparedFinding[];
}

function snapshot(applicable: number, compliant: number): RateSnapshot {
  return { applicable, compliant, rate: applicable === 0 ? null : compliant / applicable };
}

function compared(finding: SavedFinding): ComparedFinding {
  return {
    standard: finding.standard,
    severity: finding.severity,
    caseId: finding.caseId,
    recordId: finding.recordId,
    date: finding.date,
    messageId: finding.messageId,
    message: finding.message,
    team: groupOf(finding, 'team'),
    waived: finding.waiver !== undefined,
  };
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

function standardTrends(before: SavedReport, after: SavedReport, news: readonly ComparedFinding[], resolved: readonly ComparedFinding[]): StandardTrend[] {
  const titles = new Map<string, string>();
  for (const standard of [...before.standards, ...after.standards]) titles.set(standard.id, standard.title);
  const side = (report: SavedReport, id: string) => {
    const standard = report.standards.find((s) => s.id === id);
    if (standard === undefined || standard.status !== 'assessed') return null;
    return { ...snapshot(standard.applicable, standard.compliant), breaches: standard.breaches };
  };
  const newCounts = countBy(news, (f) => f.standard);
  const resolvedCounts = countBy(resolved, (f) => f.standard);
  return [...titles.keys()].sort(compareText).map((id) => ({
    id,
    title: titles.get(id) ?? id,
    before: side(before, id),
    after: side(after, id),
    newBreaches: newCounts.get(id) ?? 0,
    resolvedBreaches: resolvedCounts.get(id) ?? 0,
  }));
}

function teamTrends(before: SavedReport, after: SavedReport, news: readonly ComparedFinding[], resolved: readonly ComparedFinding[]): TeamTrend[] {
  const sides = [before, after].map(
    (report) =>
      new Map(
        complianceByGroup(report.cases, 'team').map((group) => [
          group.group,
          { ...snapshot(group.overall.applicable, group.overall.compliant), cases: group.cases },
        ]),
      ),
  );
  const [then, now] = sides as [Map<string, RateSnapshot & { cases: number }>, Map<string, RateSnapshot & { cases: number }>];
  const newCounts = countBy(news, (f) => f.team);
  const resolvedCounts = countBy(resolved, (f) => f.team);
  const unassigned = UNASSIGNED_LABEL.team;
  const teams = new Set([...then.keys(), ...now.keys(), ...newCounts.keys(), ...resolvedCounts.keys()]);
  return [...teams]
    .sort((a, b) => (a === unassigned ? 1 : b === unassigned ? -1 : compareText(a, b)))
    .map((team) => ({
      team,
      before: then.get(team) ?? null,
      after: now.get(team) ?? null,
      newBreaches: newCounts.get(team) ?? 0,
      resolvedBreaches: resolvedCounts.get(team) ?? 0,
    }));
}

function compareCompared(a: ComparedFinding, b: ComparedFinding): number {
  return compareFindingLike(a, b) || compareText(a.message, b.message);
}

/** The difference between an earlier and a later report of the same export (matching findings as `--baseline` does). */
export function compareReports(before: SavedReport, after: SavedReport, files: { before: string; after: string }): Comparison {
  const diff = diffFindings(before.findings, after.findings, reassessScope(after, before));
  const news = after.findings.filter((_, index) => diff.status[index] === 'new').map(compared).sort(compareCompared);
  const resolved = diff.resolved.map(compared).sort(compareCompared);
  const identity = (report: SavedReport, file: string): ReportIdentity => ({
    file,
    asOf: report.asOf,
    period: { from: report.period.from, to: report.period.to },
  });
  return {
    before: identity(before, files.before),
    after: identity(after, files.after),
    summary: {
      newBreaches: news.length,
      newErrors: news.filter((f) => f.severity === 'error' && !f.waived).length,
      knownBreaches: diff.status.filter((status) => status === 'known').length,
      resolvedBreaches: resolved.length,
      notReassessed: diff.notReassessed,
    },
    standards: standardTrends(before, after, news, resolved),
    teams: teamTrends(before, after, news, resolved),
    newBreaches: news,
    resolved,
  };
}
