// Which listed items an audit period (--from/--to) keeps: events by their date, deadlines by their due date.
import type { IsoDate } from '../core/dates.js';
import { addCalendarDays } from '../core/calendar.js';

export interface Period {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

/** What the period needs of a finding: its event date and, for a deadline, the date it was due. */
export interface Dated {
  readonly date: IsoDate | null;
  readonly due?: IsoDate | null | undefined;
}

const within = (date: IsoDate, period: Period): boolean =>
  (period.from === null || date >= period.from) && (period.to === null || date <= period.to);

/**
 * The date by which a period places a breach. A deadline becomes a breach once its due date has passed, so it
 * belongs to the period of that date, not of the event that started the clock (a visit late in one month whose
 * manager consultation was due early in the next is a breach of the next month). Where the deadline falls before
 * the event that reveals it (a report due before its meeting), the breach cannot be seen until that event, and
 * the later date places it.
 */
export function periodDate(item: Dated): IsoDate | null {
  const { date, due } = item;
  if (due === undefined || due === null) return date;
  return date !== null && date > due ? date : due;
}

/**
 * Whether the period keeps a breach. Undated findings (the state of a record, not an event) are always kept.
 * A deadline due on the day before the period starts is kept too: an audit as of that day (the previous month's
 * end) saw it still pending, so without this the month-by-month audits would lose it.
 */
export function periodKeepsFinding(item: Dated, period: Period): boolean {
  const placed = periodDate(item);
  if (placed === null) return true;
  if (within(placed, period)) return true;
  const { due } = item;
  return due !== undefined && due !== null && period.from !== null && placed === due && addCalendarDays(due, 1) === period.from;
}

/**
 * Whether the period keeps a pending deadline: one running during the period, its clock started on or before the
 * period's end and its due date on or after the period's start.
 */
export function periodKeepsPending(item: { readonly date: IsoDate | null; readonly due: IsoDate }, period: Period): boolean {
  if (period.from !== null && item.due < period.from) return false;
  return period.to === null || item.date === null || item.date <= period.to;
}
