// The one order of the project: strings by UTF-16 code units, never by locale; findings as the report lists them.

/** By UTF-16 code units, never by locale: the same ids sort the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Null (no record id, no date) sorts first. */
export function compareNullable(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? -1 : b === null ? 1 : compareText(a, b);
}

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
