// Orderings shared by the report steps, so waivers, baselines and comparisons sort exactly as the engine does.

import { compareNullable, compareText } from '../core/order.js';

export { compareNullable, compareText };

export interface FindingLike {
  readonly standard: string;
  readonly caseId: string;
  readonly recordId: string | null;
  readonly date: string | null;
  readonly messageId: string;
}

/** The report's finding order: case, standard, date, record, message id. */
export function compareFindingLike(a: FindingLike, b: FindingLike): number {
  return (
    compareText(a.caseId, b.caseId) ||
    compareText(a.standard, b.standard) ||
    compareNullable(a.date, b.date) ||
    compareNullable(a.recordId, b.recordId) ||
    compareText(a.messageId, b.messageId)
  );
}
