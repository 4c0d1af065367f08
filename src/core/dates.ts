// The one date parser of the project: export cells, command-line dates, configuration and waivers are read alike.
import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD`; plain string comparison orders dates correctly. */
export type IsoDate = string;

/** A date cell that could not be read: the text as written and why, for the schema to report. */
export class UnreadableDate {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {}
}

export const DATE_FORMS = 'YYYY-MM-DD or DD/MM/YYYY, optionally followed by a time';

// The time after a date: H:MM or HH:MM, optional seconds, optional AM/PM and fraction, optional zone (Z or ±HH:MM). The date is
// taken as written; a zone never moves it to another day, since exports record local dates.
const TIME =
  '(?:[T ]([01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?: ?[AaPp][Mm])?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?)?';
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`);
const UK_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const isRealDate = (year: number, month: number, day: number) =>
  year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const ZERO = 48;

/** The number written by `length` ASCII digits from `start`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
const isoOf = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;

/**
 * A date cell as an ISO `YYYY-MM-DD` string, or why it is not a date. `DD/MM/YYYY` is always day first
 * (`03/04/2026` is 3 April) and may drop leading zeros; a US-ordered date such as `12/25/2026` is
 * refused, never swapped.
 */
export function parseDate(text: string): string | UnreadableDate {
  // The plain forms, checked by character code: an ISO date is returned as the very string it came in.
  if (text.length === 10) {
    const separator = text.charCodeAt(4);
    if (separator === 45 && text.charCodeAt(7) === 45) {
      const year = digitsAt(text, 0, 4);
      const month = digitsAt(text, 5, 2);
      const day = digitsAt(text, 8, 2);
      if (year >= 0 && month >= 0 && day >= 0 && isRealDate(year, month, day)) return text;
    } else if (text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47) {
      const day = digitsAt(text, 0, 2);
      const month = digitsAt(text, 3, 2);
      const year = digitsAt(text, 6, 4);
      if (year >= 0 && month >= 0 && day >= 0 && isRealDate(year, month, day)) return isoOf(year, month, day);
    }
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return calendarDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]), false);
  const uk = UK_DATE.exec(text);
  if (uk) return calendarDate(text, Number(uk[3]), Number(uk[2]), Number(uk[1]), true);
  return new UnreadableDate(text, `not a date in the form ${DATE_FORMS}`);
}

function calendarDate(text: string, year: number, month: number, day: number, dayFirst: boolean): string | UnreadableDate {
  if (year < 1) return new UnreadableDate(text, 'year 0000 does not exist');
  if (month < 1 || month > 12) {
    const usOrder = dayFirst && month > 12 && day >= 1 && day <= 12;
    return new UnreadableDate(
      text,
      usOrder ? `month ${month} does not exist: dates are read as DD/MM/YYYY, never in US order` : `month ${month} does not exist`,
    );
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return new UnreadableDate(text, `not a real calendar date (day ${day} of month ${month} of ${year})`);
  }
  return isoOf(year, month, day);
}

/** A date in a configuration or waiver file, read as every date of the tool is: YYYY-MM-DD or UK DD/MM/YYYY, a real calendar day. */
export const dateSetting = z.string().transform((value, context): IsoDate => {
  const date = parseDate(value.trim());
  if (date instanceof UnreadableDate) {
    context.addIssue({ code: 'custom', message: `"${value}" is not a date (${date.reason}); expected YYYY-MM-DD or DD/MM/YYYY` });
    return z.NEVER;
  }
  return date;
});
