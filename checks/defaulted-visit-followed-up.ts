// Standard: every defaulted visit is followed up by another visit attempt within a few working days.
import { workingDaysLate } from '../src/core/calendar.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { type CaseRecord, type VisitOutcome, type VisitRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  workingDays: z
    .int()
    .min(1)
    .max(365)
    .default(5)
    .describe(
      'working days after a defaulted visit by which another visit must be attempted (a local choice: the guidance says "rigorously" and sets no number)',
    ),
});

type Options = z.output<typeof options>;

/** The definition of `defaulted-visits-escalated`: the family was not seen because of the family. */
const DEFAULTED_OUTCOMES: ReadonlySet<VisitOutcome> = new Set(['defaulted', 'no_access', 'cancelled_by_family']);

export const meta: CheckMeta<Options> = {
  id: 'defaulted-visit-followed-up',
  title: 'Every defaulted visit is followed by another visit attempt within five working days',
  source: [
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§7.9',
      quote: 'Defaulted visits and appointments should be rigorously followed up',
    },
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§2',
      quote:
        'The research reported that parental non-cooperation and closure by the family, lead in some cases to the ending of involvement, and de-registration, rather than a trigger for multi-agency assessment/intervention.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['visits'],
  reads: { visits: ['visit_id', 'date', 'outcome'] },
  clauses: [
    {
      id: 'followed-up',
      requirement: 'another visit attempted within the deadline after every defaulted visit',
      reads: { visits: ['date', 'outcome'] },
      messageIds: ['notFollowedUp', 'followedUpLate', 'followUpDue'],
    },
  ],
  options,
  messages: {
    notFollowedUp:
      'Visit {{visitId}} on {{date}} did not take place ({{outcome}}) and no further visit was attempted; one was due by {{due}} ({{workingDays}} working days).',
    followedUpLate:
      'Visit {{visitId}} on {{date}} did not take place ({{outcome}}); the next visit, {{nextVisitId}}, was on {{nextDate}}, late by {{lateBy}} working day(s) (due by {{due}}).',
    followUpDue:
      'Visit {{visitId}} on {{date}} did not take place ({{outcome}}); another visit is to be attempted by {{due}} ({{workingDays}} working days).',
  },
  rule: [
    'A **defaulted visit** is a visit with `outcome` `defaulted`, `no_access` or `cancelled_by_family` (as for `defaulted-visits-escalated`).',
    'Every defaulted visit dated on or before the as-of date must be followed by another visit of the case, with any `outcome` except `cancelled_by_service`, dated on a later day (a second attempt the same day does not count) and on or before the due date: `workingDays` (default 5) working days after the defaulted visit, weekends and the region’s bank holidays excluded.',
    'The guidance says "rigorously followed up" and sets no number: 5 working days is a local choice, set by the option.',
    'A follow-up that itself defaults is a follow-up, and needs its own. A visit dated after the as-of date is not on the record yet.',
    'No follow-up with the deadline passed on the as-of date is a breach (`notFollowedUp`); none with the deadline not passed (the due date itself included) is pending; a first follow-up after the due date is a breach, late by the working days after it, at least 1 (`followedUpLate`).',
    'Closing the case is not a follow-up: a closed case is judged like an open one (004 §2 names closure after non-co-operation as a risk).',
    'One finding per defaulted visit: its record is the visit, its date the visit’s date, with the due date. A case with no defaulted visit is not applicable.',
  ].join(' '),
  examples: {
    complies: 'Visit V1 on Friday 2026-06-05 defaulted; visit V2 on Friday 2026-06-12 (the 5th working day) completed, or itself defaulted and followed up in turn.',
    breaches:
      'Visit V1 on 2026-06-05 defaulted; the next visit, V2, on 2026-06-15 (late by 1 working day), or only a visit cancelled by the service, or none at all.',
  },
};

const byDateThenId = (a: VisitRow, b: VisitRow): number => compareText(a.date, b.date) || compareText(a.visit_id, b.visit_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const visits = caseRecord.visits.filter((visit) => visit.date <= ctx.asOf).sort(byDateThenId);
  const { workingDays } = ctx.options;
  for (const visit of visits) {
    if (!DEFAULTED_OUTCOMES.has(visit.outcome)) continue;
    outcome.applicable();
    const due = ctx.calendar.addWorkingDays(visit.date, workingDays);
    // Sorted by date, so the first later visit that is not the service's own cancellation is the follow-up.
    const next = visits.find((other) => other.date > visit.date && other.outcome !== 'cancelled_by_service');
    if (next !== undefined && next.date <= due) continue;

    const passedOver = visits.filter(
      (other) =>
        other !== visit &&
        other.date >= visit.date &&
        other.date <= (next?.date ?? ctx.asOf) &&
        (other.date === visit.date || other.outcome === 'cancelled_by_service'),
    );
    const evidence: Evidence[] = [
      { table: 'visits', id: visit.visit_id, date: visit.date, note: `defaulted visit, outcome ${visit.outcome}` },
      { table: 'deadline', date: due, note: `another visit to be attempted within ${workingDays} working day(s)` },
      ...passedOver.map(
        (other): Evidence => ({
          table: 'visits',
          id: other.visit_id,
          date: other.date,
          note:
            other.date === visit.date
              ? `same day, outcome ${other.outcome}: not a follow-up`
              : 'cancelled by the service: not a follow-up',
        }),
      ),
    ];
    const data = { visitId: visit.visit_id, date: visit.date, outcome: visit.outcome, due, workingDays };
    const report = { recordId: visit.visit_id, date: visit.date, due, source: sourceOf(visit) };
    if (next !== undefined) {
      const lateBy = workingDaysLate(ctx.calendar, due, next.date);
      outcome.breach({
        ...report,
        messageId: 'followedUpLate',
        data: { ...data, nextVisitId: next.visit_id, nextDate: next.date, lateBy },
        evidence: [
          ...evidence,
          {
            table: 'visits',
            id: next.visit_id,
            date: next.date,
            note: `the follow-up, outcome ${next.outcome}, late by ${lateBy} working day(s)`,
          },
        ],
      });
    } else {
      const none: Evidence = { table: 'visits', note: `no later visit attempted by the as-of date ${ctx.asOf}` };
      if (ctx.asOf <= due) outcome.pending({ ...report, messageId: 'followUpDue', data, evidence: [...evidence, none] });
      else outcome.breach({ ...report, messageId: 'notFollowedUp', data, evidence: [...evidence, none] });
    }
  }
  return outcome.done();
}
