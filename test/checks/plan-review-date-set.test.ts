// RuleTester table for plan-review-date-set.
import * as check from '../../checks/plan-review-date-set.js';
import { caseOf, ruleTester } from './_tester.js';

// Started Monday 7 September 2026: 5 working days run to Monday 14 September.
const plan = (fields: { plan_id?: string; type?: 'cin' | 'cp' | 'lac'; start?: string; end?: string; review_due?: string } = {}) => ({
  plan_id: 'P1',
  type: 'cin' as const,
  start: '2026-09-07',
  ...fields,
});
const withPlans = (...plans: ReturnType<typeof plan>[]) => caseOf({ case: { opened: '2026-08-03' }, plans });

ruleTester(check, {
  valid: [
    {
      name: 'an export without review_due: nothing is judged',
      case: withPlans(plan()),
      absentColumns: ['plans.review_due'],
      applicable: false,
    },
    { name: 'no plans at all', case: caseOf(), applicable: false },
    { name: 'a review date set, after the as-of date', case: withPlans(plan({ review_due: '2026-11-30' })) },
    { name: 'a review date on the as-of date itself has not passed', case: withPlans(plan({ review_due: '2026-10-31' })) },
    {
      name: 'a plan that ended before the as-of date is not in force, whatever its review date',
      case: withPlans(plan({ end: '2026-10-30', review_due: '2026-10-12' }), plan({ plan_id: 'P0', start: '2026-01-05', end: '2026-03-01' })),
      applicable: false,
    },
    {
      name: 'a plan ending on the as-of date is still in force, and its review date on that day has not passed',
      case: withPlans(plan({ end: '2026-10-31', review_due: '2026-10-31' })),
    },
    {
      name: 'a plan starting after the as-of date is not looked at',
      case: withPlans(plan({ start: '2026-11-02' })),
      applicable: false,
    },
    {
      name: 'a closed case has no plan in force, even one with no end recorded',
      case: caseOf({ case: { status: 'closed', closed: '2026-10-01' }, plans: [plan({ review_due: '2026-10-12' })] }),
      applicable: false,
    },
    {
      name: 'a case closed after the as-of date is still open on it',
      case: caseOf({ case: { status: 'closed', closed: '2026-11-10' }, plans: [plan({ review_due: '2026-11-02' })] }),
    },
    {
      name: 'pending: no review date yet, 5 working days after the start not passed (started Monday 26 October, due Monday 2 November)',
      case: withPlans(plan({ start: '2026-10-26' })),
      pending: [
        {
          recordId: 'P1',
          messageId: 'awaitingReviewDate',
          date: '2026-10-26',
          due: '2026-11-02',
          data: { planId: 'P1', planType: 'CIN', setWithinWorkingDays: 5 },
          evidence: [
            { table: 'plans', id: 'P1', date: '2026-10-26', note: 'review_due not recorded' },
            { table: 'deadline', date: '2026-11-02' },
          ],
        },
      ],
    },
    {
      name: 'pending on the due date itself',
      case: withPlans(plan()),
      asOf: '2026-09-14',
      pending: [{ recordId: 'P1', messageId: 'awaitingReviewDate', due: '2026-09-14' }],
    },
    {
      name: 'a weekend is not working days: started Friday 23 October, due Friday 30 October, pending on it',
      case: withPlans(plan({ start: '2026-10-23' })),
      asOf: '2026-10-30',
      pending: [{ recordId: 'P1', messageId: 'awaitingReviewDate', due: '2026-10-30' }],
    },
    {
      name: 'Summer bank holiday: started Friday 28 August, due Monday 7 September, pending on it',
      case: withPlans(plan({ start: '2026-08-28' })),
      asOf: '2026-09-07',
      pending: [{ recordId: 'P1', messageId: 'awaitingReviewDate', due: '2026-09-07' }],
    },
    {
      name: 'Christmas and the Boxing Day substitute: started Tuesday 22 December, due Thursday 31 December',
      case: withPlans(plan({ start: '2026-12-22' })),
      asOf: '2026-12-31',
      pending: [{ recordId: 'P1', messageId: 'awaitingReviewDate', due: '2026-12-31' }],
    },
    {
      name: 'a longer allowance is pending where the default has passed',
      case: withPlans(plan()),
      asOf: '2026-09-16',
      options: { setWithinWorkingDays: 10 },
      pending: [{ recordId: 'P1', messageId: 'awaitingReviewDate', due: '2026-09-21', data: { setWithinWorkingDays: 10 } }],
    },
    {
      name: 'the un-contactable and declined-agreement markings of parents do not touch a plan',
      case: caseOf({
        people: [
          { person_id: 'F1', relationship: 'father', parent: true, resident: false, contactable: false },
          { person_id: 'F2', relationship: 'father', parent: true, resident: false, parental_responsibility: false, pr_agreement: 'declined' },
        ],
        plans: [plan({ review_due: '2026-11-16' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'no review date set and the deadline passed',
      case: withPlans(plan()),
      findings: [
        {
          recordId: 'P1',
          messageId: 'noReviewDate',
          date: '2026-09-07',
          due: '2026-09-14',
          data: { planId: 'P1', planType: 'CIN', start: '2026-09-07', due: '2026-09-14', setWithinWorkingDays: 5 },
          evidence: [
            { table: 'plans', id: 'P1', date: '2026-09-07', note: 'cin plan from 2026-09-07 to current' },
            { table: 'deadline', date: '2026-09-14', note: '5 working day(s)' },
          ],
        },
      ],
    },
    {
      name: 'as of the day after the due date: no review date',
      case: withPlans(plan()),
      asOf: '2026-09-15',
      findings: [{ recordId: 'P1', messageId: 'noReviewDate', due: '2026-09-14' }],
    },
    {
      name: 'as of the Saturday after a Friday due date: no review date',
      case: withPlans(plan({ start: '2026-10-23' })),
      findings: [{ recordId: 'P1', messageId: 'noReviewDate', due: '2026-10-30' }],
    },
    {
      name: 'Scotland: 31 August is a working day, so a plan started Friday 28 August is due Friday 4 September',
      case: withPlans(plan({ start: '2026-08-28' })),
      asOf: '2026-09-07',
      region: 'scotland',
      findings: [{ recordId: 'P1', messageId: 'noReviewDate', due: '2026-09-04' }],
    },
    {
      name: 'same-day option: due on the start date',
      case: withPlans(plan()),
      asOf: '2026-09-08',
      options: { setWithinWorkingDays: 0 },
      findings: [{ recordId: 'P1', messageId: 'noReviewDate', due: '2026-09-07', data: { setWithinWorkingDays: 0 } }],
    },
    {
      name: 'the review date has passed while the plan is in force',
      case: withPlans(plan({ type: 'cp', review_due: '2026-10-12' })),
      findings: [
        {
          recordId: 'P1',
          messageId: 'reviewDatePassed',
          date: '2026-10-12',
          due: '2026-10-12',
          data: { planId: 'P1', planType: 'CP', reviewDue: '2026-10-12' },
          evidence: [
            { table: 'plans', id: 'P1', date: '2026-09-07', note: 'in force on 2026-10-31' },
            { table: 'plans', id: 'P1', date: '2026-10-12', note: 'review_due 2026-10-12, before the as-of date 2026-10-31' },
          ],
        },
      ],
    },
    {
      name: 'a review date the day before the as-of date has passed',
      case: withPlans(plan({ review_due: '2026-10-30' })),
      findings: [{ recordId: 'P1', messageId: 'reviewDatePassed', date: '2026-10-30' }],
    },
    {
      name: 'a plan ending after the as-of date is in force: its passed review date is a breach',
      case: withPlans(plan({ end: '2026-11-20', review_due: '2026-10-12' })),
      findings: [{ recordId: 'P1', messageId: 'reviewDatePassed' }],
    },
    {
      name: 'audited as of an earlier date, a plan is judged by the review date in the export',
      case: withPlans(plan({ review_due: '2026-09-10' })),
      asOf: '2026-09-30',
      findings: [{ recordId: 'P1', messageId: 'reviewDatePassed', date: '2026-09-10' }],
    },
    {
      name: 'one finding per plan in force, by start date, beside a plan that complies',
      case: withPlans(
        plan({ plan_id: 'P3', type: 'lac', start: '2026-08-03' }),
        plan({ plan_id: 'P2', type: 'cp', start: '2026-06-01', review_due: '2026-12-01' }),
        plan({ plan_id: 'P1', start: '2026-03-02', review_due: '2026-09-28' }),
      ),
      findings: [
        { recordId: 'P1', messageId: 'reviewDatePassed' },
        { recordId: 'P3', messageId: 'noReviewDate', data: { planType: 'LAC' } },
      ],
    },
  ],
});
