// The audit report: what every formatter renders. Its JSON form is schema version 1 of the CLI contract.
import type { IsoDate } from './dates.js';
import type { Evidence, Severity, SourceRef } from './finding.js';

export interface InputSummary {
  /** A table of the input contract. */
  readonly table: string;
  readonly file: string;
  /** Data rows read from the file for this table (header excluded). */
  readonly rows: number;
  /** Rows reported as data-invalid-row, data-orphan-row or data-duplicate-id and left out of the audit. */
  readonly rejected: number;
  /** Rows audited with an optional cell read as not recorded, its bad value reported as data-invalid-row. */
  readonly keptWithRejectedCells: number;
  /** The file was reached through a symbolic link (absent otherwise, so reports of plain files are unchanged). */
  readonly symlink?: true;
  /** Rows the mapping's `where` left out, not counted in `rows` (absent when none). */
  readonly filtered?: number;
  /** Rows the mapping's `keep` replaced by another row of the same key, not counted in `rows` (absent when none). */
  readonly superseded?: number;
  /** How the file's encoding was found when it was not declared: `windows-1252 (detected)` (absent otherwise). */
  readonly encoding?: string;
  /** Columns some of whose values were replaced by pseudonyms (absent when none): names never reach a report. */
  readonly pseudonymised?: readonly string[];
}

/** An input file not read: not a type practice-audit reads, a lock file, one of its own reports, a workbook with no table. */
export interface SkippedInput {
  readonly file: string;
  readonly reason: string;
}

export type StandardStatus = 'assessed' | 'partly-assessed' | 'not-assessed' | 'off';

/** A column a mapping sets to one value for every row of its table: the export does not record it, the audit assumes it. */
export interface Assumption {
  /** A table of the input contract. */
  readonly table: string;
  readonly column: string;
  readonly value: string;
}

export interface StandardSummary {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity | 'off';
  readonly status: StandardStatus;
  /** Why the standard was not assessed (which tables are missing), partly assessed, or switched off. */
  readonly reason?: string;
  /** Partly assessed: the absent columns (`table.column`) whose clauses were not judged. */
  readonly absentColumns?: readonly string[];
  readonly applicable: number;
  readonly compliant: number;
  /** Findings (one per offending record), not cases. */
  readonly breaches: number;
  readonly pending: number;
}

/** What a listed breach and a pending deadline both carry. */
interface ListedItem {
  readonly standard: string;
  readonly caseId: string;
  readonly recordId: string | null;
  readonly date: IsoDate | null;
  readonly message: string;
  readonly messageId: string;
  readonly team: string | null;
  readonly worker: string | null;
  readonly source: SourceRef | null;
  readonly evidence: readonly Evidence[];
}

export interface ReportFinding extends ListedItem {
  readonly severity: Severity;
  /** On a breach of a deadline: the date it was due (the audit period places the breach by it). */
  readonly due?: IsoDate;
  /** Set when an unexpired waiver accepts this breach: it is reported but does not count toward the exit code. */
  readonly waiver?: FindingWaiver;
  /** Set when the run was given a baseline report: whether the baseline already held this breach. */
  readonly baseline?: BaselineStatus;
}

/** The waiver that accepts a finding, as written in the waiver file by the QA team. */
export interface FindingWaiver {
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: IsoDate;
}

export type BaselineStatus = 'new' | 'known';

export interface ReportPending extends ListedItem {
  readonly due: IsoDate;
}

/** Per case: which assessed standards applied and which of those it breached (for team/worker rates). */
export interface CaseResult {
  readonly caseId: string;
  readonly team: string | null;
  readonly worker: string | null;
  readonly applicable: readonly string[];
  readonly breached: readonly string[];
}

export interface ReportSummary {
  readonly cases: number;
  readonly casesWithBreaches: number;
  readonly errors: number;
  readonly warnings: number;
  readonly pending: number;
  /** Standards only partly assessed (a column a clause needs is absent). */
  readonly partlyAssessed: number;
  /** Standards not assessed (a table they need is absent). */
  readonly notAssessed: number;
  /** Findings accepted by a waiver (present only when waivers were given); errors and warnings exclude them. */
  readonly waived?: number;
}

/** A waiver as listed in the report (expired or stale). */
export interface WaiverEntry {
  readonly standard: string;
  readonly caseId: string;
  /** Null: the waiver covers every finding of the standard for the case. */
  readonly recordId: string | null;
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: IsoDate;
}

export interface WaiverOutcome {
  /** Waivers that accepted at least one finding. */
  readonly applied: number;
  /** Waivers whose date has passed on the as-of date: their findings count again. Sorted by case, standard, record. */
  readonly expired: readonly WaiverEntry[];
  /** Unexpired waivers of an assessed standard that matched no finding. Sorted by case, standard, record. */
  readonly stale: readonly WaiverEntry[];
}

/** A breach of the baseline (or older report) that the newer run no longer finds. */
export type ResolvedFinding = Pick<
  ReportFinding,
  'standard' | 'severity' | 'caseId' | 'recordId' | 'date' | 'due' | 'message' | 'messageId' | 'team' | 'worker'
>;

export interface BaselineOutcome {
  readonly asOf: IsoDate;
  readonly new: number;
  readonly known: number;
  /** Sorted like findings. */
  readonly resolved: readonly ResolvedFinding[];
  /** Baseline findings this run could not judge again (standard not assessed, case absent, date outside the period). */
  readonly notReassessed: number;
}

export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'practice-audit'; readonly version: string };
  readonly asOf: IsoDate;
  readonly period: { readonly from: IsoDate | null; readonly to: IsoDate | null };
  readonly region: string;
  readonly inputs: readonly InputSummary[];
  /** Input files found but not read, with why (absent when none, so other reports are unchanged). */
  readonly skipped?: readonly SkippedInput[];
  /** Columns set by the mapping to one value for every row, sorted by table and column. */
  readonly assumptions: readonly Assumption[];
  readonly summary: ReportSummary;
  /** Every standard in catalogue order (sorted by id), the data-integrity ones included. */
  readonly standards: readonly StandardSummary[];
  /** Sorted by case id, then standard, then date, then record id. */
  readonly findings: readonly ReportFinding[];
  readonly pending: readonly ReportPending[];
  /** Sorted by case id. */
  readonly cases: readonly CaseResult[];
  /** Present only when the run was given waivers. */
  readonly waivers?: WaiverOutcome;
  /** Present only when the run was given a baseline report. */
  readonly baseline?: BaselineOutcome;
}
