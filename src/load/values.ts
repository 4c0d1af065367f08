// Reads one cell (a CSV string or a JSON value) the way DATA.md spells each value kind, before zod checks its type.

/**
 * A cell the export left empty: an empty or blank string, or JSON null. Strings come back trimmed;
 * anything else is passed through so the schema can reject its type.
 */
export function presentValue(raw: unknown): unknown {
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return raw === null ? undefined : raw;
}

const BOOL_SPELLINGS: ReadonlyMap<string, boolean> = new Map([
  ['y', true],
  ['yes', true],
  ['true', true],
  ['1', true],
  ['n', false],
  ['no', false],
  ['false', false],
  ['0', false],
]);

/** `Y`/`N`, `Yes`/`No`, `true`/`false`, `1`/`0` in any case become booleans; JSON 1 and 0 read as `1`/`0`. */
export function boolValue(raw: unknown): unknown {
  const value = presentValue(raw);
  if (typeof value === 'string') return BOOL_SPELLINGS.get(value.toLowerCase()) ?? value;
  if (value === 1 || value === 0) return value === 1;
  return value;
}

const SPACES_AND_HYPHENS = /[\s-]+/g;

/** Any case, with runs of spaces and hyphens read as `_`: `No Access` and `no-access` are `no_access`. */
export function enumValue(raw: unknown): unknown {
  const value = presentValue(raw);
  if (typeof value !== 'string') return value;
  return value.toLowerCase().replace(SPACES_AND_HYPHENS, '_');
}

const WHOLE_NUMBER = /^-?\d+$/;

/** A string of digits (leading zeros allowed, a minus sign kept for the range check) becomes a number. */
export function intValue(raw: unknown): unknown {
  const value = presentValue(raw);
  if (typeof value === 'string' && WHOLE_NUMBER.test(value)) return Number(value);
  return value;
}

/** Why a date cell could not be read; the schema turns it into the row's reason. */
export class UnreadableDate {
  constructor(readonly reason: string) {}
}

export const DATE_FORMS = 'YYYY-MM-DD or DD/MM/YYYY, optionally followed by a time';

// The time after a date: HH:MM, optional seconds and fraction, optional zone (Z or ±HH:MM). The date is
// taken as written; a zone never moves it to another day, since exports record local dates.
const TIME = '(?:[T ]([01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?)?';
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`);
const UK_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * A date cell as an ISO `YYYY-MM-DD` string, or why it is not a date. `DD/MM/YYYY` is always day
 * first (`03/04/2026` is 3 April); a US-ordered date such as `12/25/2026` is refused, never swapped.
 */
export function parseDate(text: string): string | UnreadableDate {
  const iso = ISO_DATE.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), false);
  const uk = UK_DATE.exec(text);
  if (uk) return calendarDate(Number(uk[3]), Number(uk[2]), Number(uk[1]), true);
  return new UnreadableDate(`not a date in the form ${DATE_FORMS}`);
}

function calendarDate(year: number, month: number, day: number, dayFirst: boolean): string | UnreadableDate {
  if (year < 1) return new UnreadableDate('year 0000 does not exist');
  if (month < 1 || month > 12) {
    const usOrder = dayFirst && month > 12 && day >= 1 && day <= 12;
    return new UnreadableDate(
      usOrder
        ? `month ${month} does not exist: dates are read as DD/MM/YYYY, never in US order`
        : `month ${month} does not exist`,
    );
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return new UnreadableDate(`not a real calendar date (day ${day} of month ${month} of ${year})`);
  }
  return isoDate(year, month, day);
}
