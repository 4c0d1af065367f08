// Wording and grouping shared by the human-readable formats, so every format labels things the same way.

import type { Evidence } from '../core/finding.js';
import type { GroupBy } from '../report/breakdown.js';
import type { Report, ReportFinding, ReportPending, StandardSummary, WaiverEntry } from '../core/report.js';
import type { FormatOptions } from './types.js';
import { compareText } from '../core/order.js';

/** Data-integrity findings about a row that belongs to no known case carry an empty case id. */
export const NO_CASE_LABEL = '(no case)';

export function groupByOf(options: FormatOptions): GroupBy {
  return options.groupBy ?? 'team';
}

export function caseLabel(caseId: string): string {
  return caseId === '' ? NO_CASE_LABEL : caseId;
}

/** One decimal place: 2 of 3 is 66.7%, never a misleading 67% next to 66%. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function standardRate(standard: StandardSummary): number | null {
  const judged = standard.status === 'assessed' || standard.status === 'partly-assessed';
  return !judged || standard.applicable === 0 ? null : standard.compliant / standard.applicable;
}

export function statusLabel(standard: StandardSummary): string {
  if (standard.status === 'assessed') return 'assessed';
  const label = standard.status === 'off' ? 'off' : standard.status === 'partly-assessed' ? 'partly assessed' : 'not assessed';
  return standard.reason === undefined || standard.reason === '' ? label : `${label}: ${standard.reason}`;
}

export function periodLabel(period: Report['period']): string {
  if (period.from === null && period.to === null) return 'all dates';
  if (period.from === null) return `up to ${period.to}`;
  if (period.to === null) return `from ${period.from}`;
  return `${period.from} to ${period.to}`;
}

/** The standards not fully assessed, in words, or null when every selected standard was. */
export function assessmentGapLine(report: Report): string | null {
  const { partlyAssessed, notAssessed } = report.summary;
  if (partlyAssessed === 0 && notAssessed === 0) return null;
  const plural = (n: number) => (n === 1 ? 'standard' : 'standards');
  return [
    ...(partlyAssessed > 0 ? [`${partlyAssessed} ${plural(partlyAssessed)} partly assessed`] : []),
    ...(notAssessed > 0 ? [`${notAssessed} ${plural(notAssessed)} not assessed`] : []),
  ].join(', ');
}

/** A mapping's constant, in words: what the audit assumed for every row. */
export function assumptionLine(assumption: Report['assumptions'][number]): string {
  return `${assumption.table}.${assumption.column} = ${assumption.value} for every row (set by the mapping, not recorded in the export)`;
}

export function evidenceLine(evidence: Evidence): string {
  const where = [evidence.table, evidence.id, evidence.date].filter((part) => part !== undefined && part !== '');
  return `${where.join(' ')}: ${evidence.note}`;
}

export function sourceLabel(item: ReportFinding | ReportPending): string {
  return item.source === null ? '' : `${item.source.file}:${item.source.line}`;
}

export function isDataIntegrity(standardId: string): boolean {
  return standardId.startsWith('data-');
}

export interface CaseItems {
  readonly caseId: string;
  readonly team: string | null;
  readonly worker: string | null;
  readonly findings: readonly ReportFinding[];
  readonly pending: readonly ReportPending[];
}

/** Findings and pending items per case, cases in id order, each list keeping the report's order. */
export function itemsByCase(report: Report): CaseItems[] {
  const caseResults = new Map(report.cases.map((caseResult) => [caseResult.caseId, caseResult]));
  const byCase = new Map<
    string,
    { team: string | null; worker: string | null; findings: ReportFinding[]; pending: ReportPending[] }
  >();
  const entry = (item: ReportFinding | ReportPending) => {
    const existing = byCase.get(item.caseId);
    if (existing !== undefined) return existing;
    const known = caseResults.get(item.caseId);
    const created = { team: known?.team ?? item.team, worker: known?.worker ?? item.worker, findings: [], pending: [] };
    byCase.set(item.caseId, created);
    return created;
  };
  for (const finding of report.findings) entry(finding).findings.push(finding);
  for (const pending of report.pending) entry(pending).pending.push(pending);
  return [...byCase.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([caseId, items]) => ({ caseId, ...items }));
}

/** Distinct non-empty values, sorted, for filter lists and legends. */
export function distinctSorted(values: Iterable<string | null>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value !== null && value !== '') set.add(value);
  return [...set].sort(compareText);
}

export function standardSeverities(report: Report): ReadonlyMap<string, StandardSummary['severity']> {
  return new Map(report.standards.map((standard) => [standard.id, standard.severity]));
}

export type RateBand = 'good' | 'fair' | 'poor' | 'none';

/** The lowest rate of each band, exported so every legend states the thresholds rateBand applies. */
export const RATE_BAND_THRESHOLDS = { good: 0.9, fair: 0.75 } as const;

/**
 * Colour bands for rates in the human formats. Presentation only: no threshold here is a standard of practice,
 * so the bands are wide and always shown next to the number.
 */
export function rateBand(rate: number | null): RateBand {
  if (rate === null) return 'none';
  if (rate >= RATE_BAND_THRESHOLDS.good) return 'good';
  if (rate >= RATE_BAND_THRESHOLDS.fair) return 'fair';
  return 'poor';
}

/** The bands in words, for a legend next to coloured rates: the same wording in every format. */
export function rateBandLegend(): readonly { readonly band: Exclude<RateBand, 'none'>; readonly text: string }[] {
  const percent = (rate: number) => `${Math.round(rate * 100)}%`;
  return [
    { band: 'good', text: `good: ${percent(RATE_BAND_THRESHOLDS.good)} or more` },
    { band: 'fair', text: `fair: ${percent(RATE_BAND_THRESHOLDS.fair)} to under ${percent(RATE_BAND_THRESHOLDS.good)}` },
    { band: 'poor', text: `poor: under ${percent(RATE_BAND_THRESHOLDS.fair)}` },
  ];
}

/**
 * One status per finding for the human formats: `waived` (accepted, never fails a run) before `new` and `known`
 * (against a baseline), and `breach` when the run had neither waivers nor a baseline to say more.
 */
export type FindingStatus = 'breach' | 'waived' | 'new' | 'known';

export function findingStatus(finding: ReportFinding): FindingStatus {
  if (finding.waiver !== undefined) return 'waived';
  return finding.baseline ?? 'breach';
}

/** Whether the run had waivers or a baseline, so a status column says something. */
export function showsFindingStatus(report: Report): boolean {
  return report.waivers !== undefined || report.baseline !== undefined;
}

/** The status with what it rests on: the waiver's expiry, or nothing more. */
export function findingStatusLabel(finding: ReportFinding): string {
  return finding.waiver === undefined ? findingStatus(finding) : `waived until ${finding.waiver.expires}`;
}

/** The waiver's own words, from the waiver file the QA team keeps. */
export function waiverLine(waiver: { readonly reason: string; readonly approvedBy: string; readonly expires: string }): string {
  return `waived until ${waiver.expires}, approved by ${waiver.approvedBy}: ${waiver.reason}`;
}

export function waiverEntryLine(entry: WaiverEntry): string {
  const record = entry.recordId === null ? 'all records' : `record ${entry.recordId}`;
  return `${entry.standard} · case ${caseLabel(entry.caseId)} · ${record} · expires ${entry.expires} · ${entry.approvedBy}: ${entry.reason}`;
}
