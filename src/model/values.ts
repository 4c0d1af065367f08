// Reads one cell (a CSV string or a JSON value) the way DATA.md spells each value kind, before zod checks its type.
// These run for every cell of every row, so the common spellings take a path that allocates nothing.
import { parseDate } from '../core/dates.js';

const SPACE = 32;
const DELETE = 127;

/**
 * A cell the export left empty (an empty or blank string, or JSON null) is undefined. Strings come back
 * trimmed; anything else passes through for the schema to judge its type.
 */
export function presentValue(raw: unknown): unknown {
  if (typeof raw === 'string') {
    const length = raw.length;
    if (length === 0) return undefined;
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(length - 1);
    if (first > SPACE && first < DELETE && last > SPACE && last < DELETE) return raw;
    const trimmed = raw.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return raw === null ? undefined : raw;
}

/**
 * V8 cuts a substring of 13 code units or more as a view into the string it came from (a sliced string). A cell
 * kept in a row that way keeps the whole block of the file it was read from alive: with a long id on every row
 * (a GUID), the export's whole text would stay in memory beside its rows.
 */
const VIEW_FROM = 13;

/** The string with characters of its own, never a view into the text it was cut from. */
export function ownCopy(value: string): string {
  // The one way to a flat copy that V8 does not short-cut to the same string (test/pipeline/retained.test.ts).
  return value.length < VIEW_FROM ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/**
 * A reader for one id column: a present value, and when it repeats the row before's (a case's rows come
 * together), that row's very string, so the rows of a case share one copy rather than each keeping its own.
 */
export function idReader(): (raw: unknown) => unknown {
  let previous: unknown;
  return (raw) => {
    const value = presentValue(raw);
    if (value === previous) return previous;
    previous = typeof value === 'string' ? ownCopy(value) : value;
    return previous;
  };
}

/**
 * Each distinct text held once, as its own copy: a text met again comes back as the copy held. Past `limit` texts
 * the pool starts afresh, so free text that never repeats cannot grow it without end.
 */
export function textPool(limit = Number.POSITIVE_INFINITY): (text: string) => string {
  const held = new Map<string, string>();
  return (text) => {
    const known = held.get(text);
    if (known !== undefined) return known;
    const own = ownCopy(text);
    if (held.size >= limit) held.clear();
    // Keyed by the copy: a view as the key would keep its file's text alive while it is held.
    held.set(own, own);
    return own;
  };
}

/** Texts held per column: a column's repeated values (relationships, roles, teams) are few. */
const TEXTS_HELD = 4096;

/**
 * A reader for one free-text column: a present value, held once per distinct text (a relationship, a team, a role
 * repeats on many rows) and never as a view into the file's text.
 */
export function textReader(): (raw: unknown) => unknown {
  const pooled = textPool(TEXTS_HELD);
  return (raw) => {
    const value = presentValue(raw);
    return typeof value !== 'string' || value.length < VIEW_FROM ? value : pooled(value);
  };
}

/** `Y`/`N`, `Yes`/`No`, `true`/`false`, `1`/`0` in any case, and JSON 1 and 0, become booleans. */
export function boolValue(raw: unknown): unknown {
  const value = presentValue(raw);
  switch (value) {
    case 'Y':
    case 'y':
    case 'Yes':
    case 'yes':
    case 'true':
    case 'True':
    case '1':
    case 1:
      return true;
    case 'N':
    case 'n':
    case 'No':
    case 'no':
    case 'false':
    case 'False':
    case '0':
    case 0:
      return false;
  }
  if (typeof value !== 'string') return value;
  switch (value.toLowerCase()) {
    case 'yes':
    case 'true':
      return true;
    case 'no':
    case 'false':
      return false;
  }
  return value;
}

const SPACES_AND_HYPHENS = /[\s-]+/g;

/**
 * A reader for one listed-value column: any case, runs of spaces and hyphens read as `_` (`No Access`
 * and `no-access` are `no_access`). A value still not on the list comes back as written, to be refused.
 */
export function enumReader(values: readonly string[]): (raw: unknown) => unknown {
  // Each listed value comes back as the contract's own string, one copy shared by every row that holds it.
  const canonical: ReadonlyMap<unknown, string> = new Map(values.map((value) => [value, value]));
  return (raw) => {
    const value = presentValue(raw);
    if (typeof value !== 'string') return value;
    const listed = canonical.get(value);
    if (listed !== undefined) return listed;
    return canonical.get(value.toLowerCase().replace(SPACES_AND_HYPHENS, '_')) ?? value;
  };
}

const WHOLE_NUMBER = /^-?\d+$/;

/** A string of digits (leading zeros allowed, a minus sign kept for the range check) becomes a number. */
export function intValue(raw: unknown): unknown {
  const value = presentValue(raw);
  if (typeof value === 'string' && WHOLE_NUMBER.test(value)) return Number(value);
  return value;
}

/** Dates recently read, by the text as written: an export's dates fall on few days, each then held once. */
const recentDates = new Map<string, string>();
const RECENT_DATES_HELD = 8192;

/** A date cell as an ISO date string, or as an UnreadableDate; other JSON types pass through. */
export function dateValue(raw: unknown): unknown {
  const value = presentValue(raw);
  if (typeof value !== 'string') return value;
  const known = recentDates.get(value);
  if (known !== undefined) return known;
  const parsed = parseDate(value);
  if (typeof parsed === 'string') {
    if (recentDates.size >= RECENT_DATES_HELD) recentDates.clear();
    recentDates.set(value, parsed);
  }
  return parsed;
}

