// What every standard reports: a finding, the evidence it rests on and where in the export it was read.
import type { IsoDate } from './dates.js';

export type Severity = 'error' | 'warning';

/** Where a row came from: the file (as given on the command line) and its 1-based line. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** A record (or a computed date such as a deadline) the finding relied on. */
export interface Evidence {
  /** A table of the input contract, or `deadline` for a date the standard computed. */
  readonly table: string;
  readonly id?: string;
  readonly date?: IsoDate;
  readonly note: string;
}

export type MessageData = Readonly<Record<string, string | number>>;

/** A breach of a standard by one record of one case. Wording comes from `meta.messages[messageId]`. */
export interface Finding {
  readonly standard: string;
  readonly caseId: string;
  readonly recordId: string | null;
  readonly date: IsoDate | null;
  /**
   * For a breach of a deadline (escalation, manager informed, incident reported, a report before its meeting): the
   * date it was due. An audit period places such a breach by this date (see src/report/period.ts).
   */
  readonly due?: IsoDate;
  readonly messageId: string;
  readonly data: MessageData;
  readonly evidence: readonly Evidence[];
  readonly source?: SourceRef;
}

/** A deadline that has not passed on the as-of date: reported, never a breach. */
export interface PendingItem extends Finding {
  readonly due: IsoDate;
}
