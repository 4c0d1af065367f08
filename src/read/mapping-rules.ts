// The mapping's row rules, compiled: null tokens, row conditions, keep-one-row-per-key and lookups in another file.
import { parseDate } from '../core/dates.js';

/**
 * Texts exports write for "no value": SQL Server Management Studio's `NULL`, and Excel's error values (a formula
 * that failed, a lookup that found nothing), which are never data.
 */
export const DEFAULT_NULL_TOKENS: readonly string[] = [
  'NULL',
  '#N/A',
  '#N/A N/A',
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];

/** Null tokens are matched trimmed and in any case: `NULL`, `null` and ` Null ` all mean no value. */
export const tokenKey = (text: string): string => text.trim().toUpperCase();

/** A set of null tokens; `isNull` is called on every cell of a mapped file, so it rejects most cells on their length. */
export class NullTokens {
  private readonly keys: ReadonlySet<string>;
  private readonly longest: number;

  constructor(tokens: readonly string[]) {
    this.keys = new Set(tokens.map(tokenKey).filter((key) => key !== ''));
    this.longest = Math.max(0, ...[...this.keys].map((key) => key.length));
  }

  get size(): number {
    return this.keys.size;
  }

  isNull(cell: string): boolean {
    return this.keys.size > 0 && cell.length <= this.longest + 8 && this.keys.has(tokenKey(cell));
  }

  with(tokens: readonly string[]): NullTokens {
    return new NullTokens([...this.keys, ...tokens]);
  }
}

/** A test on one cell of the export (its text trimmed, a null token read as empty). */
export interface CellCondition {
  /** The export's column, as the mapping writes it. */
  readonly header: string;
  /** Where it is in the mapping, for messages: `tables.meetings[1].where.cppr_cp_review_date`. */
  readonly where: string;
  test(cell: string): boolean;
}

const SLASHED = /^\/(.+)\/([a-z]*)$/s;

/** A value spelling written between slashes (`/^Clos/i`) is a pattern, not a value. */
export const isSlashedPattern = (text: string): boolean => SLASHED.test(text);

/** A mapping's pattern, `/^Clos/i` or `^Clos`: a regular expression, in any case unless written between slashes without `i`. */
export function patternOf(text: string): RegExp {
  const slashed = SLASHED.exec(text);
  if (slashed) return new RegExp(slashed[1] ?? '', (slashed[2] ?? '').replace(/[gy]/g, ''));
  return new RegExp(text, 'i');
}

/** Why a pattern written in the mapping is not a regular expression, or null. */
export function patternProblem(text: string): string | null {
  try {
    patternOf(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const sameText = (values: readonly string[]): ((cell: string) => boolean) => {
  const keys = new Set(values.map((value) => value.trim().toLowerCase()));
  return (cell) => keys.has(cell.toLowerCase());
};

/** A condition as the mapping writes it, compiled: a value or list (any case), `empty`, `matches` or `not`. */
export function compileCondition(
  header: string,
  where: string,
  condition: string | readonly string[] | { empty: boolean } | { matches: string } | { not: string | readonly string[] },
): CellCondition {
  let test: (cell: string) => boolean;
  if (typeof condition === 'string') test = sameText([condition]);
  else if ('empty' in condition) {
    const wanted = condition.empty;
    test = (cell) => (cell === '') === wanted;
  } else if ('matches' in condition) {
    const pattern = patternOf(condition.matches);
    test = (cell) => pattern.test(cell);
  } else if ('not' in condition) {
    const excluded = sameText(typeof condition.not === 'string' ? [condition.not] : condition.not);
    test = (cell) => !excluded(cell);
  } else {
    test = sameText(condition);
  }
  return { header, where, test };
}

/** Which row of several with one key is kept: an open one (its end cell empty), then the one with the latest date, then the last. */
export interface KeepRule {
  /** Where it is in the mapping, for messages. */
  readonly where: string;
  /** The export's columns whose values together make the key. */
  readonly per: readonly string[];
  /** An end-date column: rows with it empty are open and preferred. */
  readonly open: string | null;
  /** A date column: the row with the latest date is kept. */
  readonly latest: string | null;
}

/** A candidate row for a keep rule or a lookup: whether it is open, its date, its place in the file. */
export interface Candidate {
  readonly open: boolean;
  /** The latest column's date as YYYY-MM-DD, or '' when empty or unreadable. */
  readonly date: string;
  readonly order: number;
}

/** A date cell as YYYY-MM-DD for ordering, '' when empty or not a date (such a row sorts first). */
export function dayOf(cell: string): string {
  if (cell === '') return '';
  const day = parseDate(cell);
  return typeof day === 'string' ? day : '';
}

/** Whether candidate `a` is kept over `b` under the rule (open first, then the later date, then the later row). */
export function preferred(a: Candidate, b: Candidate): boolean {
  if (a.open !== b.open) return a.open;
  if (a.date !== b.date) return a.date > b.date;
  return a.order > b.order;
}

/** A canonical column filled from another file: the value of `column` in the row of that file whose key matches. */
export interface LookupSpec {
  /** Where it is in the mapping: `tables.visits[0].lookup.case_id`. */
  readonly where: string;
  /** The other file's name or pattern, as written. */
  readonly file: string;
  readonly filePattern: RegExp;
  readonly sheet: string | null;
  /** Pairs of (the other file's column, this file's column) that must be equal. */
  readonly match: readonly (readonly [string, string])[];
  /** The other file's column whose value is taken. */
  readonly column: string;
  readonly conditions: readonly CellCondition[];
  /** Which of several matching rows: open ones first (`open` empty), then the latest `latest`, then the last. */
  readonly open: string | null;
  readonly latest: string | null;
  /** The row in force on this file's `date`: `from` ≤ date ≤ `to` (`to` empty: still in force). */
  readonly at: { readonly date: string; readonly from: string; readonly to: string | null } | null;
  /** The header this column is known by in findings: `file:column`. */
  readonly label: string;
}

/** A file name or a pattern with `*` and `?`, matched against a file's name in any case. */
export const globToRegExp = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
