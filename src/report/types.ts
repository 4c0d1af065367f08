// The audit report: what every formatter renders. Its JSON form is schema version 1 of the CLI contract.
import type { Evidence, Severity } from '../../checks/types.js';
import type { IsoDate, SourceRef, TableName } from '../model/types.js';

export interface InputSummary {
  readonly table: TableName;
  readonly file: string;
  /** Data rows read from the file for this table (header excluded). */
  readonly rows: number;
  /** Rows reported as data-invalid-row, data-orphan-row or data-duplicate-id and left out of the audit. */
  readonly rejected: number;
}

export type StandardStatus = 'assessed' | 'not-assessed' | 'off';

export interface StandardSummary {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity | 'off';
  readonly status: StandardStatus;
  /** Why the standard was not assessed (which tables are missing) or switched off. */
  readonly reason?: string;
  readonly applicable: number;
  readonly compliant: number;
  /** Findings (one per offending record), not cases. */
  readonly breaches: number;
  readonly pending: number;
}

export interface ReportFinding {
  readonly standard: string;
  readonly severity: Severity;
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

export interface ReportPending {
  readonly standard: string;
  readonly caseId: string;
  readonly recordId: string | null;
  readonly date: IsoDate | null;
  readonly due: IsoDate;
  readonly message: string;
  readonly messageId: string;
  readonly team: string | null;
  readonly worker: string | null;
  readonly source: SourceRef | null;
  readonly evidence: readonly Evidence[];
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
}

export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'practice-audit'; readonly version: string };
  readonly asOf: IsoDate;
  readonly period: { readonly from: IsoDate | null; readonly to: IsoDate | null };
  readonly region: string;
  readonly inputs: readonly InputSummary[];
  readonly summary: ReportSummary;
  /** Every standard in catalogue order (sorted by id), the data-integrity ones included. */
  readonly standards: readonly StandardSummary[];
  /** Sorted by case id, then standard, then date, then record id. */
  readonly findings: readonly ReportFinding[];
  readonly pending: readonly ReportPending[];
  /** Sorted by case id. */
  readonly cases: readonly CaseResult[];
}
