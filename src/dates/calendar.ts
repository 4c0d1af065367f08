// Working-day arithmetic for deadlines: weekends and the configured region's bank holidays are not working days.
import Holidays from 'date-holidays';
import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate } from '../model/types.js';

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
  /** The date `n` working days after `date` (n ≥ 0; n = 0 gives `date` itself). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days d with `from` < d ≤ `to` (0 when `to` ≤ `from`). */
  workingDaysAfter(from: IsoDate, to: IsoDate): number;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return format(addDays(parseISO(date), n), 'yyyy-MM-dd');
}

function isWeekend(date: IsoDate): boolean {
  const day = parseISO(date).getDay();
  return day === 0 || day === 6;
}

export function createCalendar(region: Region = 'england-and-wales'): WorkingDayCalendar {
  const holidays = new Holidays('GB', HOLIDAY_STATE[region], { types: ['public', 'bank'] });
  const byYear = new Map<number, Map<IsoDate, string>>();
  const holidaysOf = (year: number): Map<IsoDate, string> => {
    let dates = byYear.get(year);
    if (!dates) {
      dates = new Map(holidays.getHolidays(year).map((h) => [h.date.slice(0, 10), h.name]));
      byYear.set(year, dates);
    }
    return dates;
  };
  const bankHoliday = (date: IsoDate): string | undefined => holidaysOf(Number(date.slice(0, 4))).get(date);
  const isWorkingDay = (date: IsoDate): boolean => !isWeekend(date) && bankHoliday(date) === undefined;

  return {
    region,
    isWorkingDay,
    bankHoliday,
    addWorkingDays(date, n) {
      let current = date;
      for (let added = 0; added < n; ) {
        current = addCalendarDays(current, 1);
        if (isWorkingDay(current)) added += 1;
      }
      return current;
    },
    workingDaysAfter(from, to) {
      let count = 0;
      for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
        if (isWorkingDay(d)) count += 1;
      }
      return count;
    },
  };
}
