// RuleTester table for repeat-cancellations-manager-consulted.
import * as check from '../../checks/repeat-cancellations-manager-consulted.js';
import { addCalendarDays } from '../../src/core/calendar.js';
import type { VisitOutcome } from '../../src/model/types.js';
import { caseOf, ruleTester } from './_tester.js';

const visit = (n: number, date: string, outcome: VisitOutcome, manager_informed?: string) => ({
  visit_id: `V${n}`,
  date,
  type: 'home' as const,
  outcome,
  ...(manager_informed === undefined ? {} : { manager_informed }),
});
// A default two days before the trigger; by default Monday 1 June, then the trigger on Wednesday 3 June, due Thursday 4 June.
const pair = (manager_informed?: string, second = '2026-06-03', secondOutcome: VisitOutcome = 'cancelled_by_family') =>
  caseOf({ visits: [visit(1, addCalendarDays(second, -2), 'defaulted'), visit(2, second, secondOutcome, manager_informed)] });

ruleTester(check, {
  valid: [
    {
      name: 'an export without manager_informed: no consultation can be judged, so nothing is reported',
      case: pair(),
      absentColumns: ['visits.manager_informed'],
    },
    { name: 'no visits at all', case: caseOf(), applicable: false },
    {
      name: 'a single family cancellation is not "repeatedly"',
      case: caseOf({ visits: [visit(1, '2026-06-01', 'defaulted'), visit(2, '2026-06-08', 'completed')] }),
      applicable: false,
    },
    {
      name: 'a completed visit between two cancellations ends the run',
      case: caseOf({
        visits: [visit(1, '2026-06-01', 'defaulted'), visit(2, '2026-06-02', 'completed'), visit(3, '2026-06-03', 'cancelled_by_family')],
      }),
      applicable: false,
    },
    {
      name: 'no-access and service cancellations are not family cancellations',
      case: caseOf({
        visits: [visit(1, '2026-06-01', 'no_access', '2026-06-01'), visit(2, '2026-06-02', 'cancelled_by_service'), visit(3, '2026-06-03', 'no_access', '2026-06-03')],
      }),
      applicable: false,
    },
    {
      name: 'a cancellation after the as-of date is not on the record yet',
      case: pair(undefined, '2026-11-02'),
      applicable: false,
    },
    { name: 'manager consulted the same day as the trigger', case: pair('2026-06-03') },
    { name: 'manager consulted exactly on the deadline', case: pair('2026-06-04') },
    { name: 'two defaulted visits in a row also trigger', case: pair('2026-06-04', '2026-06-03', 'defaulted') },
    {
      name: 'a no-access visit between two cancellations neither counts nor ends the run',
      case: caseOf({
        visits: [visit(1, '2026-06-01', 'defaulted'), visit(2, '2026-06-02', 'no_access', '2026-06-02'), visit(3, '2026-06-03', 'defaulted', '2026-06-03')],
      }),
    },
    {
      name: 'a service cancellation between two cancellations neither counts nor ends the run',
      case: caseOf({
        visits: [visit(1, '2026-06-01', 'defaulted'), visit(2, '2026-06-02', 'cancelled_by_service'), visit(3, '2026-06-03', 'cancelled_by_family', '2026-06-04')],
      }),
    },
    { name: 'Friday trigger: consulted the next Monday', case: pair('2026-06-08', '2026-06-05') },
    { name: 'Friday before the Spring bank holiday: Tuesday complies', case: pair('2026-05-26', '2026-05-22') },
    {
      name: 'Scotland: Friday before the August bank holiday, due Tuesday',
      case: pair('2026-08-04', '2026-07-31'),
      region: 'scotland',
    },
    { name: 'a longer allowance is met', case: pair('2026-06-05'), options: { workingDays: 2 } },
    {
      name: 'threshold 3: two in a row are tolerated',
      case: pair(),
      options: { threshold: 3 },
      applicable: false,
    },
    {
      name: 'same-day cancellations are taken in visit id order: the second id is the trigger',
      case: caseOf({ visits: [visit(2, '2026-06-03', 'defaulted', '2026-06-03'), visit(1, '2026-06-03', 'defaulted')] }),
    },
    {
      name: 'pending: the deadline has not passed on the as-of date',
      case: pair(undefined, '2026-10-30'),
      pending: [
        {
          recordId: 'V2',
          messageId: 'consultationDue',
          date: '2026-10-30',
          due: '2026-11-02',
          data: { visitId: 'V2', count: 2, ordinal: '2nd', outcome: 'cancelled_by_family' },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-10-28', note: '1st family cancellation in a row, outcome defaulted' },
            { table: 'visits', id: 'V2', note: '2nd family cancellation in a row (trigger)' },
            { table: 'deadline', date: '2026-11-02' },
          ],
        },
      ],
    },
    {
      name: 'pending on the due date itself',
      case: pair(undefined, '2026-06-03'),
      asOf: '2026-06-04',
      pending: [{ recordId: 'V2', messageId: 'consultationDue', due: '2026-06-04' }],
    },
    {
      name: 'pending: a manager_informed after the as-of date is not recorded yet',
      case: pair('2026-06-04', '2026-06-03'),
      asOf: '2026-06-03',
      pending: [
        {
          recordId: 'V2',
          messageId: 'consultationDue',
          due: '2026-06-04',
          evidence: [{ table: 'visits', id: 'V2', note: '(after the as-of date: not recorded yet)' }],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'not consulted and the deadline passed',
      case: pair(),
      findings: [
        {
          recordId: 'V2',
          messageId: 'notConsulted',
          date: '2026-06-03',
          due: '2026-06-04',
          data: { visitId: 'V2', date: '2026-06-03', due: '2026-06-04', ordinal: '2nd', outcome: 'cancelled_by_family' },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-06-01', note: 'outcome defaulted' },
            { table: 'visits', id: 'V2', date: '2026-06-03', note: 'manager_informed not recorded' },
            { table: 'deadline', date: '2026-06-04', note: 'within 1 working day(s)' },
          ],
        },
      ],
    },
    {
      name: 'as-of the day after the due date: not consulted',
      case: pair(),
      asOf: '2026-06-05',
      findings: [{ recordId: 'V2', messageId: 'notConsulted', due: '2026-06-04' }],
    },
    {
      name: 'consulted one working day late',
      case: pair('2026-06-05'),
      findings: [
        {
          recordId: 'V2',
          messageId: 'consultedLate',
          due: '2026-06-04',
          data: { informed: '2026-06-05', lateBy: 1, due: '2026-06-04' },
          evidence: [{ table: 'visits', id: 'V2', note: 'manager_informed 2026-06-05' }],
        },
      ],
    },
    {
      name: 'late across a weekend counts working days only',
      case: pair('2026-06-08'),
      findings: [{ recordId: 'V2', messageId: 'consultedLate', data: { lateBy: 2 } }],
    },
    {
      name: 'late on a Saturday is late by at least one working day',
      case: pair('2026-06-06', '2026-06-04'),
      findings: [{ recordId: 'V2', messageId: 'consultedLate', due: '2026-06-05', data: { lateBy: 1 } }],
    },
    {
      name: 'Early May bank holiday: Friday 1 May is due Tuesday 5 May, so Wednesday is late',
      case: pair('2026-05-06', '2026-05-01'),
      findings: [{ recordId: 'V2', messageId: 'consultedLate', due: '2026-05-05', data: { lateBy: 1 } }],
    },
    {
      name: 'England and Wales: the first Monday of August is a working day, so Tuesday is late',
      case: pair('2026-08-04', '2026-07-31'),
      findings: [{ recordId: 'V2', messageId: 'consultedLate', due: '2026-08-03', data: { lateBy: 1 } }],
    },
    {
      name: 'a manager_informed before the trigger visit cannot be about the repetition',
      case: pair('2026-06-02'),
      findings: [
        {
          recordId: 'V2',
          messageId: 'notConsulted',
          evidence: [{ table: 'visits', id: 'V2', note: '(before the visit: not about the repetition)' }],
        },
      ],
    },
    {
      name: 'a consultation recorded only on the first visit of the run does not count',
      case: caseOf({ visits: [visit(1, '2026-06-01', 'defaulted', '2026-06-01'), visit(2, '2026-06-03', 'defaulted')] }),
      findings: [{ recordId: 'V2', messageId: 'notConsulted' }],
    },
    {
      name: 'a long run triggers at the 2nd and 4th cancellation, not the 3rd',
      case: caseOf({
        visits: [
          visit(1, '2026-06-01', 'defaulted'),
          visit(2, '2026-06-03', 'defaulted', '2026-06-03'),
          visit(3, '2026-06-05', 'cancelled_by_family'),
          visit(4, '2026-06-09', 'defaulted'),
          visit(5, '2026-06-11', 'completed'),
          visit(6, '2026-06-15', 'defaulted'),
        ],
      }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'notConsulted',
          date: '2026-06-09',
          data: { count: 4, ordinal: '4th' },
          evidence: [
            { table: 'visits', id: 'V3', note: '3rd family cancellation in a row' },
            { table: 'visits', id: 'V4', note: '4th family cancellation in a row (trigger)' },
          ],
        },
      ],
    },
    {
      name: 'threshold 3: the 3rd cancellation in a row triggers',
      case: caseOf({
        visits: [visit(1, '2026-06-01', 'defaulted'), visit(2, '2026-06-03', 'cancelled_by_family'), visit(3, '2026-06-05', 'defaulted')],
      }),
      options: { threshold: 3 },
      findings: [{ recordId: 'V3', messageId: 'notConsulted', data: { ordinal: '3rd' } }],
    },
    {
      name: 'same-day option: the next day is late',
      case: pair('2026-06-04'),
      options: { workingDays: 0 },
      findings: [{ recordId: 'V2', messageId: 'consultedLate', due: '2026-06-03', data: { lateBy: 1 } }],
    },
    {
      name: 'one finding per trigger, beside one consulted in time and one pending',
      case: caseOf({
        visits: [
          visit(1, '2026-06-01', 'defaulted'),
          visit(2, '2026-06-03', 'defaulted', '2026-06-03'),
          visit(3, '2026-07-01', 'completed'),
          visit(4, '2026-07-06', 'cancelled_by_family'),
          visit(5, '2026-07-08', 'cancelled_by_family', '2026-07-13'),
          visit(6, '2026-09-01', 'completed'),
          visit(7, '2026-10-28', 'defaulted'),
          visit(8, '2026-10-30', 'defaulted'),
        ],
      }),
      findings: [{ recordId: 'V5', messageId: 'consultedLate', date: '2026-07-08', data: { lateBy: 2 } }],
      pending: [{ recordId: 'V8', messageId: 'consultationDue', due: '2026-11-02' }],
    },
  ],
});
