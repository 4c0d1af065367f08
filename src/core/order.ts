// The one string order of the project: by UTF-16 code units, never by locale, so output is the same on every machine.

/** By UTF-16 code units, never by locale: the same ids sort the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Null (no record id, no date) sorts first. */
export function compareNullable(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? -1 : b === null ? 1 : compareText(a, b);
}
