// Standard: every plan in force has a review date set, and the date has not passed.
import { type IsoDate } from '../src/core/dates.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { isCaseOpenOn } from '../src/model/roles.js';
import { type CaseRecord, type PlanRow, type PlanType, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  setWithinWorkingDays: z
    .int()
    .min(0)
    .max(365)
    .default(5)
    .describe(
      'working days after a plan starts by which its review date must be set (a local choice: the guidance sets no timescale)',
    ),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'plan-review-date-set',
  title: 'Every plan in force has a review date set, and it has not passed',
  source: [
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§7.9',
      quote: 'Managers must ensure that children are seen, and timescales for reviewing progress of plans are set and monitored regularly.',
    },
    {
      file: '003_cbca143e51c92a67.txt',
      paragraph: '"Good Practice"',
      quote:
        "Any written multi-agency plan must be reviewed regularly e.g. Child's Plan, reviewed at regular multi-agency meetings or Child Protection Conference and use measurable objectives within timescales and specific outcomes, with a clearly stated contingency plan.",
    },
  ],
  defaultSeverity: 'warning',
  needs: ['plans'],
  reads: {
    cases: ['status', 'opened', 'closed'],
    plans: ['plan_id', 'type', 'start', 'end', 'review_due'],
  },
  clauses: [
    {
      id: 'set',
      requirement: 'a review date set within the deadline after the plan started',
      reads: { plans: ['review_due'] },
      messageIds: ['noReviewDate', 'awaitingReviewDate'],
    },
    {
      id: 'monitored',
      requirement: 'the review date set has not passed while the plan is in force',
      reads: { plans: ['review_due'] },
      messageIds: ['reviewDatePassed'],
    },
  ],
  options,
  messages: {
    noReviewDate:
      'The {{planType}} plan {{planId}}, in force since {{start}}, has no review date set (review_due not recorded); one was due to be set by {{due}} ({{setWithinWorkingDays}} working days after the start).',
    awaitingReviewDate:
      'The {{planType}} plan {{planId}}, in force since {{start}}, is to have its review date set by {{due}} ({{setWithinWorkingDays}} working days after the start).',
    reviewDatePassed:
      'The review date set for the {{planType}} plan {{planId}}, {{reviewDue}}, has passed while the plan is still in force: the review is not recorded as held, or the next review date was not set.',
  },
  rule: [
    'For every plan in force on the as-of date (`start` on or before it, `end` empty or on or after it) of a case open on that date, `review_due` (the date set for the plan’s next review) must be recorded, and must not have passed.',
    '**Set:** once `setWithinWorkingDays` (default 5) working days after `start` have passed (weekends and the region’s bank holidays are not working days), an empty `review_due` is a breach (`noReviewDate`, dated the plan’s `start`, with the due date); on or before the due date it is pending.',
    'The guidance sets no timescale for setting the date: 5 working days is a local choice, set by the option.',
    '**Monitored:** a `review_due` before the as-of date, while the plan is still in force, is a breach (`reviewDatePassed`, dated and due on `review_due`): either the review did not take place or the next review date was not set after it. A `review_due` on the as-of date or later complies; it is not reported as pending.',
    '`review_due` holds the date as it stands in the export (systems keep no history of it), so the standard is meaningful for an as-of date on or after the date the export was taken; audited as of an earlier date, a plan is judged by the review date set since.',
    'No review interval is checked: the guidance states none (the statutory intervals are in Working Together, not in these documents).',
    'A plan of a case closed on or before the as-of date is not in force, whatever its `end` says.',
    'One finding per plan: its record is the plan. A case with no plan in force is not applicable.',
    'Without the `review_due` column nothing is judged, and the report names the column.',
  ].join(' '),
  examples: {
    complies: 'CP plan P1 from 2026-06-08, no end; review_due 2026-12-07, after the as-of date 2026-10-31.',
    breaches:
      'CIN plan P2 from Monday 2026-09-07 with review_due empty after Monday 2026-09-14 (5 working days); or CIN plan P3 still in force on 2026-10-31 with review_due 2026-10-12.',
  },
};

const PLAN_NAMES: Readonly<Record<PlanType, string>> = { cin: 'CIN', cp: 'CP', lac: 'LAC' };

const byStart = (a: PlanRow, b: PlanRow): number => compareText(a.start, b.start) || compareText(a.plan_id, b.plan_id);

/** In force on the as-of date: started by then and not ended before it. */
const inForceOn = (plan: PlanRow, asOf: IsoDate): boolean => plan.start <= asOf && (plan.end === undefined || plan.end >= asOf);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  // Without review_due nothing can be judged: counting plans as complying would claim what the export cannot show.
  if (!ctx.judges('set') && !ctx.judges('monitored')) return outcome.done();
  if (caseRecord.plans.length === 0 || !isCaseOpenOn(caseRecord, ctx.asOf)) return outcome.done();
  const plans = caseRecord.plans.filter((plan) => inForceOn(plan, ctx.asOf)).sort(byStart);
  const { setWithinWorkingDays } = ctx.options;
  for (const plan of plans) {
    outcome.applicable();
    const planId = plan.plan_id;
    const planType = PLAN_NAMES[plan.type];
    const reviewDue = plan.review_due;
    const planNote = `${plan.type} plan from ${plan.start} to ${plan.end ?? 'current'}, in force on ${ctx.asOf}`;
    if (reviewDue === undefined) {
      const due = ctx.calendar.addWorkingDays(plan.start, setWithinWorkingDays);
      const report = {
        recordId: planId,
        date: plan.start,
        due,
        source: sourceOf(plan),
        data: { planId, planType, start: plan.start, due, setWithinWorkingDays },
        evidence: [
          { table: 'plans', id: planId, date: plan.start, note: `${planNote}; review_due not recorded` },
          { table: 'deadline', date: due, note: `review date to be set within ${setWithinWorkingDays} working day(s) of the start` },
        ] satisfies Evidence[],
      };
      if (ctx.asOf <= due) outcome.pending({ ...report, messageId: 'awaitingReviewDate' });
      else outcome.breach({ ...report, messageId: 'noReviewDate' });
      continue;
    }
    if (reviewDue >= ctx.asOf) continue;
    outcome.breach({
      recordId: planId,
      date: reviewDue,
      due: reviewDue,
      source: sourceOf(plan),
      messageId: 'reviewDatePassed',
      data: { planId, planType, start: plan.start, reviewDue },
      evidence: [
        { table: 'plans', id: planId, date: plan.start, note: planNote },
        { table: 'plans', id: planId, date: reviewDue, note: `review_due ${reviewDue}, before the as-of date ${ctx.asOf}` },
      ],
    });
  }
  return outcome.done();
}
