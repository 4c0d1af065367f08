// Collects one case's findings and pending deadlines for a check, filling in the standard and case ids.
import type { Evidence, Finding, MessageData, PendingItem, SourceRef } from '../src/core/finding.js';
import type { IsoDate } from '../src/core/dates.js';
import type { CaseRecord } from '../src/model/types.js';
import type { CheckOutcome } from './types.js';

export interface Report {
  readonly recordId: string | null;
  readonly date: IsoDate | null;
  /** The due date, on a breach of a deadline. */
  readonly due?: IsoDate;
  readonly messageId: string;
  readonly data?: MessageData;
  readonly evidence?: readonly Evidence[];
  readonly source?: SourceRef;
}

// Most cases breach nothing and have nothing pending: their outcomes share these instead of two new arrays each.
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const NO_PENDING: readonly PendingItem[] = Object.freeze([]);

export class OutcomeBuilder {
  private applicableCase = false;
  private findings: Finding[] | undefined;
  private pendingItems: PendingItem[] | undefined;

  constructor(
    private readonly standard: string,
    private readonly caseRecord: CaseRecord,
  ) {}

  /** Marks the case as one the standard has something to look at. */
  applicable(): this {
    this.applicableCase = true;
    return this;
  }

  breach(report: Report): this {
    this.applicableCase = true;
    (this.findings ??= []).push(this.finding(report));
    return this;
  }

  pending(report: Report & { readonly due: IsoDate }): this {
    this.applicableCase = true;
    (this.pendingItems ??= []).push({ ...this.finding(report), due: report.due });
    return this;
  }

  done(): CheckOutcome {
    return { applicable: this.applicableCase, findings: this.findings ?? NO_FINDINGS, pending: this.pendingItems ?? NO_PENDING };
  }

  private finding(report: Report): Finding {
    return {
      standard: this.standard,
      caseId: this.caseRecord.case.case_id,
      recordId: report.recordId,
      date: report.date,
      ...(report.due !== undefined ? { due: report.due } : {}),
      messageId: report.messageId,
      data: report.data ?? {},
      evidence: report.evidence ?? [],
      ...(report.source ? { source: report.source } : {}),
    };
  }
}
