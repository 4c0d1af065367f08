// The routine work on a case done properly (plans, conferences, reviews, letters, visits), shared by the samples and the generator.
import type { IsoDate } from '../src/core/dates.js';
import type { MeetingType } from '../src/model/types.js';
import { addDays, calendar, workingDayFrom, type CaseBuilder, type DocumentRow, type MeetingDraft } from './document.js';

export interface PlanSchedule {
  /** Last day anything is scheduled (the as-of date for an open case). */
  readonly until: IsoDate;
  /** The plan's end date, when it has ended. */
  readonly end?: IsoDate;
  /** Explicit meeting dates; otherwise the statutory rhythm from the start date. */
  readonly coreGroups?: readonly IsoDate[];
  readonly reviews?: readonly IsoDate[];
}

export interface PlanMeetings {
  readonly plan: DocumentRow<'plans'>;
  /** The initial conference (CP) followed by review conferences, or the reviews (CiN, LAC). */
  readonly reviews: MeetingDraft[];
  readonly coreGroups: MeetingDraft[];
}

/** Dates from `first` every `everyDays` (moved to the next working day) while on or before `until`. */
export function rhythm(first: IsoDate, everyDays: number, until: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let day = first; ; day = addDays(day, everyDays)) {
    const date = workingDayFrom(day);
    if (date > until) return dates;
    dates.push(date);
  }
}

function lastDay(schedule: PlanSchedule): IsoDate {
  return schedule.end !== undefined && schedule.end < schedule.until ? schedule.end : schedule.until;
}

/**
 * The plan's next review as the export records it (`review_due`, the current value): the rhythm's next date after
 * the last review, past `until`. A plan that has ended has none.
 */
function setNextReview(plan: DocumentRow<'plans'>, schedule: PlanSchedule, reviews: readonly MeetingDraft[], intervals: readonly number[]): void {
  if (schedule.end !== undefined) return;
  const held = reviews.length;
  const last = reviews[held - 1]?.date ?? plan.start;
  const every = (index: number): number => intervals[Math.min(index, intervals.length - 1)] ?? 182;
  let next = workingDayFrom(addDays(last, every(held)));
  for (let i = held + 1; next <= schedule.until; i += 1) next = workingDayFrom(addDays(next, every(i)));
  plan.review_due = next;
}

function reviewWithLetter(c: CaseBuilder, type: MeetingType, date: IsoDate): MeetingDraft {
  const meeting = c.meetingWithParents(type, date);
  c.letterAfter(meeting);
  return meeting;
}

/**
 * A Child Protection plan: the initial conference on the start date, the first core group within
 * ten working days and then every six weeks, a review conference after three months and then every
 * six months; the conference letter goes to every parent it should.
 */
export function cpPlan(c: CaseBuilder, start: IsoDate, schedule: PlanSchedule): PlanMeetings {
  const plan = c.plan('cp', start, schedule.end);
  const last = lastDay(schedule);
  const reviewDates = schedule.reviews ?? [start, ...rhythm(addDays(start, 91), 182, last)];
  const coreGroupDates = schedule.coreGroups ?? rhythm(calendar.addWorkingDays(start, 10), 42, last);
  const reviews: MeetingDraft[] = [];
  const coreGroups: MeetingDraft[] = [];
  // Created in date order so that meeting ids follow the calendar.
  for (const [date, kind] of mergeDates(reviewDates, coreGroupDates)) {
    if (kind === 'first') reviews.push(reviewWithLetter(c, 'cp_conference', date));
    else coreGroups.push(c.meetingWithParents('core_group', date));
  }
  // After the initial conference (reviews[0]), the first review is three months on, then every six months.
  setNextReview(plan, schedule, reviews.slice(1), [91, 182]);
  return { plan, reviews, coreGroups };
}

/** A Child in Need plan: a review six weeks in and then every twelve weeks, each with its letter. */
export function cinPlan(c: CaseBuilder, start: IsoDate, schedule: PlanSchedule): PlanMeetings {
  const plan = c.plan('cin', start, schedule.end);
  const dates = schedule.reviews ?? rhythm(addDays(start, 42), 84, lastDay(schedule));
  const reviews = dates.map((date) => reviewWithLetter(c, 'cin_review', date));
  setNextReview(plan, schedule, reviews, [42, 84]);
  return { plan, reviews, coreGroups: [] };
}

/** A Looked After plan: the first review within twenty working days, the second three months on, then every six months. */
export function lacPlan(c: CaseBuilder, start: IsoDate, schedule: PlanSchedule): PlanMeetings {
  const plan = c.plan('lac', start, schedule.end);
  const last = lastDay(schedule);
  const first = calendar.addWorkingDays(start, 20);
  const dates =
    schedule.reviews ??
    [first, ...rhythm(addDays(first, 91), 182, last)].filter((date) => date <= last);
  const reviews = dates.map((date) => reviewWithLetter(c, 'lac_review', date));
  // The first review within twenty working days (about four weeks), the second three months on, then every six months.
  setNextReview(plan, schedule, reviews, [28, 91, 182]);
  return { plan, reviews, coreGroups: [] };
}

function mergeDates(first: readonly IsoDate[], second: readonly IsoDate[]): [IsoDate, 'first' | 'second'][] {
  const tagged: [IsoDate, 'first' | 'second'][] = [
    ...first.map((d): [IsoDate, 'first'] => [d, 'first']),
    ...second.map((d): [IsoDate, 'second'] => [d, 'second']),
  ];
  return tagged.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] === 'first' ? -1 : 1));
}

const UPDATE_TOPICS = ['school', 'health', 'key_issue'] as const;

/**
 * Updating information for a parent without contact (000 §5): a letter every 25 working days after `from` (inside
 * nrp-updates-provided's 30) while on or before `until`, on school, health and key issues in turn.
 */
export function keepUpdated(c: CaseBuilder, personId: string, from: IsoDate, until: IsoDate, everyWorkingDays = 25): void {
  let turn = 0;
  for (let date = calendar.addWorkingDays(from, everyWorkingDays); date <= until; date = calendar.addWorkingDays(date, everyWorkingDays)) {
    c.update({ person_id: personId, date, topic: UPDATE_TOPICS[turn++ % UPDATE_TOPICS.length], method: 'letter' });
  }
}
