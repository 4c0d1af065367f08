// Compliance rates per standard, per team and per worker, computed from the report's per-case results.
import type { CaseResult } from '../core/report.js';
import { compareText } from '../core/order.js';

export type GroupBy = 'team' | 'worker';

/** Label of the group holding cases whose team (or worker) the export left empty. */
export const UNASSIGNED_LABEL: Readonly<Record<GroupBy, string>> = {
  team: '(no team)',
  worker: '(no worker)',
};

export interface ComplianceRate {
  /** Case × standard pairs where the standard applied. */
  readonly applicable: number;
  readonly breached: number;
  readonly compliant: number;
  /** compliant / applicable, or null when nothing applied. */
  readonly rate: number | null;
}

export interface StandardCompliance extends ComplianceRate {
  readonly standard: string;
}

export interface GroupCompliance {
  readonly group: string;
  readonly cases: number;
  readonly casesWithBreaches: number;
  /** Every applicable case × standard pair of the group's cases. */
  readonly overall: ComplianceRate;
  /** Sorted by standard id; only standards that applied to at least one of the group's cases. */
  readonly byStandard: readonly StandardCompliance[];
}

export function complianceRate(applicable: number, breached: number): ComplianceRate {
  const compliant = applicable - breached;
  return { applicable, breached, compliant, rate: applicable === 0 ? null : compliant / applicable };
}

/** The standards a case was assessed against: a breach implies the standard applied, even if the list omits it. */
function applicableStandards(caseResult: CaseResult): ReadonlySet<string> {
  return new Set([...caseResult.applicable, ...caseResult.breached]);
}

function tallyByStandard(cases: readonly CaseResult[]): StandardCompliance[] {
  const tally = new Map<string, { applicable: number; breached: number }>();
  for (const caseResult of cases) {
    const breached = new Set(caseResult.breached);
    for (const standard of applicableStandards(caseResult)) {
      const counts = tally.get(standard) ?? { applicable: 0, breached: 0 };
      counts.applicable += 1;
      if (breached.has(standard)) counts.breached += 1;
      tally.set(standard, counts);
    }
  }
  return [...tally.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([standard, counts]) => ({ standard, ...complianceRate(counts.applicable, counts.breached) }));
}

/** Per standard across all cases, sorted by standard id. */
export function complianceByStandard(cases: readonly CaseResult[]): StandardCompliance[] {
  return tallyByStandard(cases);
}

/** Across all cases and standards: the share of applicable case × standard pairs that complied. */
export function overallCompliance(cases: readonly CaseResult[]): ComplianceRate {
  const perStandard = tallyByStandard(cases);
  return complianceRate(
    perStandard.reduce((sum, s) => sum + s.applicable, 0),
    perStandard.reduce((sum, s) => sum + s.breached, 0),
  );
}

export function groupOf(caseResult: Pick<CaseResult, 'team' | 'worker'>, groupBy: GroupBy): string {
  const value = groupBy === 'team' ? caseResult.team : caseResult.worker;
  return value === null || value === '' ? UNASSIGNED_LABEL[groupBy] : value;
}

/**
 * Per team (or worker), sorted by name with the unassigned group last so it never hides among real names.
 */
export function complianceByGroup(cases: readonly CaseResult[], groupBy: GroupBy): GroupCompliance[] {
  const members = new Map<string, CaseResult[]>();
  for (const caseResult of cases) {
    const group = groupOf(caseResult, groupBy);
    const list = members.get(group) ?? [];
    list.push(caseResult);
    members.set(group, list);
  }
  const unassigned = UNASSIGNED_LABEL[groupBy];
  return [...members.entries()]
    .sort(([a], [b]) => (a === unassigned ? 1 : b === unassigned ? -1 : compareText(a, b)))
    .map(([group, groupCases]) => ({
      group,
      cases: groupCases.length,
      casesWithBreaches: groupCases.filter((c) => c.breached.length > 0).length,
      overall: overallCompliance(groupCases),
      byStandard: tallyByStandard(groupCases),
    }));
}
