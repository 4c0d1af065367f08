// RuleTester table for defaulted-visit-followed-up.
import * as check from '../../checks/defaulted-visit-followed-up.js';
import type { VisitOutcome } from '../../src/model/types.js';
import { caseOf, ruleTester } from './_tester.js';

const visit = (n: number, date: string, outcome: VisitOutcome = 'completed') => ({
  visit_id: `V${n}`,
  date,
  type: 'home' as const,
  outcome,
});
// Friday 5 June defaulted: 5 working days run to Friday 12 June.
const defaulted = visit(1, '2026-06-05', 'defaulted');
const then = (date: string, outcome: VisitOutcome = 'completed', first = defaulted) =>
  caseOf({ visits: [first, visit(2, date, outcome)] });

ruleTester(check, {
  valid: [
    { name: 'no visits at all', case: caseOf(), applicable: false },
    {
      name: 'only completed visits and the service’s own cancellations',
      case: caseOf({ visits: [visit(1, '2026-06-01'), visit(2, '2026-06-03', 'cancelled_by_service')] }),
      applicable: false,
    },
    {
      name: 'a defaulted visit after the as-of date is not on the record yet',
      case: caseOf({ visits: [visit(1, '2026-11-02', 'defaulted')] }),
      applicable: false,
    },
    { name: 'followed up the next working day', case: then('2026-06-08') },
    { name: 'followed up exactly on the 5th working day', case: then('2026-06-12') },
    { name: 'a no-access default is followed up too', case: then('2026-06-09', 'completed', visit(1, '2026-06-05', 'no_access')) },
    {
      name: 'a follow-up that itself defaults is a follow-up, and is followed up in turn',
      case: caseOf({ visits: [defaulted, visit(2, '2026-06-10', 'cancelled_by_family'), visit(3, '2026-06-16')] }),
    },
    {
      name: 'Spring bank holiday: Friday 22 May is due Monday 1 June',
      case: then('2026-06-01', 'completed', visit(1, '2026-05-22', 'defaulted')),
    },
    {
      name: 'Easter: Wednesday 1 April is due Friday 10 April',
      case: then('2026-04-10', 'completed', visit(1, '2026-04-01', 'cancelled_by_family')),
    },
    {
      name: 'Scotland: Friday 31 July is due Monday 10 August',
      case: then('2026-08-10', 'completed', visit(1, '2026-07-31', 'defaulted')),
      region: 'scotland',
    },
    {
      name: 'Christmas and New Year: Thursday 24 December is due Tuesday 5 January',
      case: then('2027-01-05', 'completed', visit(1, '2026-12-24', 'defaulted')),
      asOf: '2027-01-31',
    },
    { name: 'a longer allowance is met', case: then('2026-06-16'), options: { workingDays: 7 } },
    {
      name: 'a closed case is judged like an open one: followed up before it closed',
      case: caseOf({ case: { status: 'closed', closed: '2026-06-30' }, visits: [defaulted, visit(2, '2026-06-11')] }),
    },
    {
      name: 'pending: the deadline has not passed on the as-of date',
      case: caseOf({ visits: [visit(1, '2026-10-26', 'defaulted')] }),
      pending: [
        {
          recordId: 'V1',
          messageId: 'followUpDue',
          date: '2026-10-26',
          due: '2026-11-02',
          data: { visitId: 'V1', outcome: 'defaulted', workingDays: 5 },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-10-26', note: 'defaulted visit' },
            { table: 'deadline', date: '2026-11-02' },
            { table: 'visits', note: 'no later visit attempted by the as-of date 2026-10-31' },
          ],
        },
      ],
    },
    {
      name: 'pending on the due date itself',
      case: caseOf({ visits: [defaulted] }),
      asOf: '2026-06-12',
      pending: [{ recordId: 'V1', messageId: 'followUpDue', due: '2026-06-12' }],
    },
    {
      name: 'pending: a follow-up dated after the as-of date is not on the record yet',
      case: then('2026-06-11'),
      asOf: '2026-06-10',
      pending: [{ recordId: 'V1', messageId: 'followUpDue', due: '2026-06-12' }],
    },
  ],
  invalid: [
    {
      name: 'no follow-up and the deadline passed',
      case: caseOf({ visits: [visit(0, '2026-06-01'), defaulted] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'notFollowedUp',
          date: '2026-06-05',
          due: '2026-06-12',
          data: { visitId: 'V1', date: '2026-06-05', outcome: 'defaulted', due: '2026-06-12', workingDays: 5 },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-06-05' },
            { table: 'deadline', date: '2026-06-12', note: 'within 5 working day(s)' },
            { table: 'visits', note: 'no later visit attempted' },
          ],
        },
      ],
    },
    {
      name: 'as-of the day after the due date: not followed up',
      case: caseOf({ visits: [defaulted] }),
      asOf: '2026-06-13',
      findings: [{ recordId: 'V1', messageId: 'notFollowedUp', due: '2026-06-12' }],
    },
    {
      name: 'followed up one working day late, across the weekend',
      case: then('2026-06-15'),
      findings: [
        {
          recordId: 'V1',
          messageId: 'followedUpLate',
          due: '2026-06-12',
          data: { nextVisitId: 'V2', nextDate: '2026-06-15', lateBy: 1 },
          evidence: [{ table: 'visits', id: 'V2', date: '2026-06-15', note: 'the follow-up, outcome completed, late by 1' }],
        },
      ],
    },
    {
      name: 'late on a Saturday is late by at least one working day',
      case: then('2026-06-13'),
      findings: [{ recordId: 'V1', messageId: 'followedUpLate', data: { lateBy: 1 } }],
    },
    {
      name: 'England and Wales: Friday 31 July is due Friday 7 August, so Monday 10 August is late',
      case: then('2026-08-10', 'completed', visit(1, '2026-07-31', 'defaulted')),
      findings: [{ recordId: 'V1', messageId: 'followedUpLate', due: '2026-08-07', data: { lateBy: 1 } }],
    },
    {
      name: 'Spring bank holiday: Tuesday 2 June is late by one working day',
      case: then('2026-06-02', 'completed', visit(1, '2026-05-22', 'defaulted')),
      findings: [{ recordId: 'V1', messageId: 'followedUpLate', due: '2026-06-01', data: { lateBy: 1 } }],
    },
    {
      name: 'a second attempt the same day is not a follow-up',
      case: caseOf({ visits: [defaulted, visit(2, '2026-06-05')] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'notFollowedUp',
          evidence: [{ table: 'visits', id: 'V2', date: '2026-06-05', note: 'same day, outcome completed: not a follow-up' }],
        },
      ],
    },
    {
      name: 'a visit cancelled by the service is not a follow-up',
      case: caseOf({ visits: [defaulted, visit(2, '2026-06-09', 'cancelled_by_service'), visit(3, '2026-06-17')] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'followedUpLate',
          data: { nextVisitId: 'V3', lateBy: 3 },
          evidence: [{ table: 'visits', id: 'V2', note: 'cancelled by the service: not a follow-up' }],
        },
      ],
    },
    {
      name: 'a follow-up that defaults needs its own follow-up',
      case: caseOf({ visits: [defaulted, visit(2, '2026-06-10', 'no_access')] }),
      findings: [{ recordId: 'V2', messageId: 'notFollowedUp', date: '2026-06-10', due: '2026-06-17', data: { outcome: 'no_access' } }],
    },
    {
      name: 'a closed case is judged like an open one: closing is not a follow-up',
      case: caseOf({ case: { status: 'closed', closed: '2026-06-08' }, visits: [defaulted] }),
      findings: [{ recordId: 'V1', messageId: 'notFollowedUp' }],
    },
    {
      name: 'workingDays 1: a visit on the 2nd working day is late',
      case: then('2026-06-09'),
      options: { workingDays: 1 },
      findings: [{ recordId: 'V1', messageId: 'followedUpLate', due: '2026-06-08', data: { lateBy: 1, workingDays: 1 } }],
    },
    {
      name: 'one finding per defaulted visit, in date order, beside a pending one',
      case: caseOf({
        visits: [
          visit(5, '2026-10-28', 'defaulted'),
          visit(3, '2026-07-01', 'cancelled_by_family'),
          visit(4, '2026-07-20'),
          defaulted,
          visit(2, '2026-06-09'),
        ],
      }),
      findings: [{ recordId: 'V3', messageId: 'followedUpLate', date: '2026-07-01', data: { nextVisitId: 'V4', lateBy: 8 } }],
      pending: [{ recordId: 'V5', messageId: 'followUpDue', due: '2026-11-04' }],
    },
  ],
});
