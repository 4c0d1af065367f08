// Working-day arithmetic for deadlines: weekends and the configured region's bank holidays are not working days.
import type { IsoDate } from './dates.js';
import Holidays from 'date-holidays';

export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Region = (typeof REGIONS)[number];

// England and Wales share one set of bank holidays; date-holidays files it under ENG.
const HOLIDAY_STATE: Record<Region, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

export interface WorkingDayCalendar {
  readonly region: Region;
  isWorkingDay(date: IsoDate): boolean;
  /** The bank holiday's name on that date, if it is one. */
  bankHoliday(date: IsoDate): string | undefined;
  /** The date `n` working days after `date` (n = 0 gives `date` itself; a negative n counts back). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days d with `from` < d ≤ `to` (0 when `to` ≤ `from`). */
  workingDaysAfter(from: IsoDate, to: IsoDate): number;
}

const MS_PER_DAY = 86_400_000;

// Dates are calendar days, not instants: arithmetic on UTC day numbers can never be shifted by a
// time zone or a clock change, which local-time Date arithmetic can.
const dayNumber = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
// Deadlines fall on a few hundred distinct days per audit, computed again for every case: remember them.
const isoByDay = new Map<number, IsoDate>();
const dateOf = (day: number): IsoDate => {
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoByDay.set(day, iso);
  }
  return iso;
};

/** The date `n` calendar days after `date` (negative n: before). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return dateOf(dayNumber(date) + n);
}

export function createCalendar(region: Region = 'england-and-wales'): WorkingDayCalendar {
  const holidays = new Holidays('GB', HOLIDAY_STATE[region], { types: ['public', 'bank'] });
  const holidayNames = new Map<number, string>();
  const yearsLoaded = new Set<number>();
  const holidayOn = (day: number): string | undefined => {
    const year = new Date(day * MS_PER_DAY).getUTCFullYear();
    if (!yearsLoaded.has(year)) {
      yearsLoaded.add(year);
      for (const holiday of holidays.getHolidays(year)) holidayNames.set(dayNumber(holiday.date), holiday.name);
    }
    return holidayNames.get(day);
  };
  // 1970-01-01 (day 0) was a Thursday; (day + 4) % 7 gives 0 for Sunday … 6 for Saturday.
  const isWorkingDayNumber = (day: number): boolean => {
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6 && holidayOn(day) === undefined;
  };

  return {
    region,
    isWorkingDay: (date) => isWorkingDayNumber(dayNumber(date)),
    bankHoliday: (date) => holidayOn(dayNumber(date)),
    addWorkingDays(date, n) {
      const step = n < 0 ? -1 : 1;
      let day = dayNumber(date);
      for (let counted = 0; counted < Math.abs(n); ) {
        day += step;
        if (isWorkingDayNumber(day)) counted += 1;
      }
      return dateOf(day);
    },
    workingDaysAfter(from, to) {
      let count = 0;
      const last = dayNumber(to);
      for (let day = dayNumber(from) + 1; day <= last; day += 1) {
        if (isWorkingDayNumber(day)) count += 1;
      }
      return count;
    },
  };
}

/** How late an action done on `done` is against a deadline of `due`: the working days after it, at least 1 (a weekend counts as late too). */
export function workingDaysLate(calendar: WorkingDayCalendar, due: IsoDate, done: IsoDate): number {
  return Math.max(1, calendar.workingDaysAfter(due, done));
}
