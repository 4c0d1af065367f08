// The contract every standard's module fulfils: its metadata, its context and the findings it returns.
import type { Finding, PendingItem, Severity } from '../src/core/finding.js';
import type { IsoDate } from '../src/core/dates.js';
import type { z } from 'zod';
import type { WorkingDayCalendar } from '../src/core/calendar.js';
import type { CaseRecord, TableName } from '../src/model/types.js';

export interface CheckOutcome {
  /** False when the case gives the standard nothing to look at. */
  readonly applicable: boolean;
  readonly findings: readonly Finding[];
  readonly pending: readonly PendingItem[];
}

export interface CheckContext<Options> {
  readonly asOf: IsoDate;
  readonly options: Options;
  readonly calendar: WorkingDayCalendar;
  /**
   * Whether the input has every column a clause of the rule reads (`meta.clauses`). A clause that cannot be judged
   * is left out: no breach may rest on a column the export does not have.
   */
  readonly judges: (clauseId: string) => boolean;
}

/** One clause of a standard's rule and the columns it cannot be judged without. */
export interface Clause {
  readonly id: string;
  /** What the clause requires, in a few words, for the report and `explain`. */
  readonly requirement: string;
  /** The columns the clause needs; an absent one (not merely empty in some rows) leaves the clause unjudged. */
  readonly reads: Partial<Record<TableName, readonly string[]>>;
  /**
   * Findings and pending items with these message ids rest on this clause alone, so the engine leaves them out
   * when it cannot be judged. A finding that names several clauses' elements is built by the check from
   * `ctx.judges` instead.
   */
  readonly messageIds?: readonly string[];
}

export interface GuidanceSource {
  /** File name under the guidance folder, e.g. `004_f16987ff627e63e9.txt`. */
  readonly file: string;
  /** Paragraph or heading as the catalogue cites it, e.g. `§7.9`. */
  readonly paragraph: string;
  /** The cited text, quoted verbatim from the guidance. */
  readonly quote: string;
}

export interface CheckMeta<Options> {
  readonly id: string;
  /** The requirement, phrased as what must be true. */
  readonly title: string;
  readonly source: readonly GuidanceSource[];
  readonly defaultSeverity: Severity;
  /** Tables without which the standard cannot be assessed. */
  readonly needs: readonly TableName[];
  /** Every column the check reads, per table. */
  readonly reads: Partial<Record<TableName, readonly string[]>>;
  /**
   * The rule's clauses and the columns each needs. Without them the rule is one clause that needs every column
   * of `reads` and owns every message.
   */
  readonly clauses?: readonly Clause[];
  /** Options with their defaults; `parse({})` yields the defaults. Unknown keys are rejected. */
  readonly options: z.ZodType<Options>;
  /** Message templates; `{{name}}` is replaced by the finding's `data.name`. */
  readonly messages: Readonly<Record<string, string>>;
  /** The exact rule, for `explain` and the docs. */
  readonly rule: string;
  readonly examples: { readonly complies: string; readonly breaches: string };
}

export interface CheckModule<Options = unknown> {
  readonly meta: CheckMeta<Options>;
  run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome;
}

/** Lets the registry hold checks whose option types differ. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheckModule = CheckModule<any>;

/**
 * A data-integrity standard: declared here like a check, but its findings are made where rows are read: invalid rows
 * by src/validate/, orphans and duplicates by src/assemble/.
 */
export interface IntegrityStandardMeta {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: Extract<Severity, 'error'>;
  /** Message templates; `{{name}}` is replaced by the finding's `data.name`. */
  readonly messages: Readonly<Record<string, string>>;
  /** The exact rule, in markdown. */
  readonly rule: string;
  readonly examples: { readonly complies: string; readonly breaches: string };
}

export interface IntegrityModule {
  readonly meta: IntegrityStandardMeta;
}
