// The working-day calendar: weekends, each region's bank holidays, counting forward and back.
import { describe, expect, it } from 'vitest';
import { addCalendarDays, createCalendar } from '../../src/core/calendar.js';

const england = createCalendar('england-and-wales');
const scotland = createCalendar('scotland');
const northernIreland = createCalendar('northern-ireland');

describe('working days', () => {
  it('skips weekends', () => {
    expect(england.isWorkingDay('2026-10-30')).toBe(true); // Friday
    expect(england.isWorkingDay('2026-10-31')).toBe(false); // Saturday
    expect(england.isWorkingDay('2026-11-01')).toBe(false); // Sunday
    expect(england.addWorkingDays('2026-10-30', 1)).toBe('2026-11-02');
    expect(england.addWorkingDays('2026-10-30', 3)).toBe('2026-11-04');
  });

  it("skips each region's bank holidays, substitute days included", () => {
    expect(england.bankHoliday('2026-08-31')).toMatch(/Summer/);
    expect(england.isWorkingDay('2026-08-03')).toBe(true);
    expect(scotland.isWorkingDay('2026-08-03')).toBe(false);
    expect(scotland.isWorkingDay('2026-08-31')).toBe(true);
    expect(scotland.isWorkingDay('2026-11-30')).toBe(false); // St Andrew's Day
    expect(northernIreland.isWorkingDay('2026-03-17')).toBe(false); // St Patrick's Day
    expect(northernIreland.isWorkingDay('2026-07-13')).toBe(false); // Boyne, substitute Monday
    expect(england.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(england.addWorkingDays('2026-05-01', 1)).toBe('2026-05-05'); // over the Early May bank holiday
    expect(england.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(england.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Good Friday and Easter Monday
  });

  it('counts back with a negative n, and n = 0 is the day itself', () => {
    expect(england.addWorkingDays('2026-05-05', -1)).toBe('2026-05-01');
    expect(england.addWorkingDays('2026-11-02', -1)).toBe('2026-10-30');
    expect(england.addWorkingDays('2026-10-31', 0)).toBe('2026-10-31');
  });

  it('counts the working days after a date up to another', () => {
    expect(england.workingDaysAfter('2026-10-30', '2026-11-04')).toBe(3);
    expect(england.workingDaysAfter('2026-10-30', '2026-10-31')).toBe(0);
    expect(england.workingDaysAfter('2026-11-04', '2026-10-30')).toBe(0);
    expect(england.workingDaysAfter('2026-12-23', '2027-01-04')).toBe(5); // 24, 29, 30, 31 Dec and 4 Jan; 25, 28 Dec and 1 Jan are holidays
  });

  it('does calendar-day arithmetic across months, years and clock changes', () => {
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
