// RuleTester table for no-access-manager-consulted.
import * as check from '../../checks/no-access-manager-consulted.js';
import { caseOf, ruleTester } from './_tester.js';

// Wednesday 2026-06-03: the deadline is Thursday 2026-06-04.
const noAccess = { visit_id: 'V1', date: '2026-06-03', type: 'home', outcome: 'no_access' } as const;
const visits = (manager_informed?: string, date: string = noAccess.date) =>
  caseOf({ visits: [{ ...noAccess, date, ...(manager_informed ? { manager_informed } : {}) }] });

ruleTester(check, {
  valid: [
    {
      name: 'an export without manager_informed: no consultation can be judged, so nothing is reported',
      case: caseOf({ visits: [{ visit_id: 'V1', date: '2026-06-03', type: 'home', outcome: 'no_access' }] }),
      absentColumns: ['visits.manager_informed'],
    },
    { name: 'no visits at all', case: caseOf(), applicable: false },
    {
      name: 'only visits with other outcomes',
      case: caseOf({
        visits: [
          { ...noAccess, outcome: 'completed' },
          { ...noAccess, visit_id: 'V2', outcome: 'defaulted' },
          { ...noAccess, visit_id: 'V3', outcome: 'cancelled_by_family' },
        ],
      }),
      applicable: false,
    },
    { name: 'manager informed the same day', case: visits('2026-06-03') },
    { name: 'manager informed exactly on the deadline', case: visits('2026-06-04') },
    { name: 'Friday visit: deadline after the weekend', case: visits('2026-06-08', '2026-06-05') },
    { name: 'Friday before Spring bank holiday: deadline Tuesday', case: visits('2026-05-26', '2026-05-22') },
    { name: 'Friday before Summer bank holiday: deadline Tuesday', case: visits('2026-09-01', '2026-08-28') },
    { name: 'Christmas: Thursday 24th is due on Tuesday 29th', case: visits('2026-12-29', '2026-12-24'), asOf: '2026-12-31' },
    {
      name: 'Scotland: Friday before the August bank holiday is due on Tuesday',
      case: visits('2026-08-04', '2026-07-31'),
      region: 'scotland',
    },
    {
      name: 'Scotland: St Andrew’s Day moves the deadline',
      case: visits('2026-12-01', '2026-11-27'),
      region: 'scotland',
      asOf: '2026-12-31',
    },
    { name: 'a longer allowance is met', case: visits('2026-06-05'), options: { workingDays: 2 } },
    { name: 'visit of any type counts', case: caseOf({ visits: [{ ...noAccess, type: 'school', manager_informed: '2026-06-04' }] }) },
    {
      name: 'pending: deadline not passed on the as-of date',
      case: visits(undefined, '2026-10-30'),
      pending: [
        {
          recordId: 'V1',
          messageId: 'awaitingManager',
          due: '2026-11-02',
          date: '2026-10-30',
          evidence: [{ table: 'deadline', date: '2026-11-02' }],
        },
      ],
    },
    {
      name: 'pending: a manager_informed date after the as-of date is not recorded yet',
      case: visits('2026-11-02', '2026-10-30'),
      pending: [{ recordId: 'V1', messageId: 'awaitingManager', due: '2026-11-02' }],
    },
    {
      name: 'pending on the deadline day itself',
      case: visits(undefined, '2026-10-29'),
      asOf: '2026-10-30',
      pending: [{ recordId: 'V1', messageId: 'awaitingManager', due: '2026-10-30' }],
    },
  ],
  invalid: [
    {
      name: 'manager informed one working day late',
      case: visits('2026-06-05'),
      findings: [
        {
          recordId: 'V1',
          messageId: 'informedLate',
          date: '2026-06-03',
          data: { visitId: 'V1', informed: '2026-06-05', due: '2026-06-04', lateBy: 1 },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-06-03', note: 'manager_informed 2026-06-05' },
            { table: 'deadline', date: '2026-06-04' },
          ],
        },
      ],
    },
    {
      name: 'late across a weekend counts working days only',
      case: visits('2026-06-08'),
      findings: [{ recordId: 'V1', messageId: 'informedLate', data: { lateBy: 2 } }],
    },
    {
      name: 'late on a Saturday is late by at least one working day',
      case: visits('2026-06-06', '2026-06-04'),
      findings: [{ recordId: 'V1', messageId: 'informedLate', due: '2026-06-05', data: { due: '2026-06-05', lateBy: 1 } }],
    },
    {
      name: 'England and Wales: lateness counts the first Monday of August as a working day',
      case: visits('2026-08-04', '2026-07-30'),
      findings: [{ recordId: 'V1', messageId: 'informedLate', data: { due: '2026-07-31', lateBy: 2 } }],
    },
    {
      name: 'Scotland: lateness skips the August bank holiday',
      case: visits('2026-08-04', '2026-07-30'),
      region: 'scotland',
      findings: [{ recordId: 'V1', messageId: 'informedLate', data: { due: '2026-07-31', lateBy: 1 } }],
    },
    {
      name: 'England and Wales: St Andrew’s Day is a working day, so Tuesday is late',
      case: visits('2026-12-01', '2026-11-27'),
      asOf: '2026-12-31',
      findings: [{ recordId: 'V1', messageId: 'informedLate', data: { due: '2026-11-30', lateBy: 1 } }],
    },
    {
      name: 'Early May bank holiday: informed on Wednesday is late',
      case: visits('2026-05-06', '2026-05-01'),
      findings: [{ recordId: 'V1', messageId: 'informedLate', data: { due: '2026-05-05', lateBy: 1 } }],
    },
    {
      name: 'not informed and the deadline passed',
      case: visits(),
      findings: [
        {
          recordId: 'V1',
          messageId: 'notInformed',
          data: { due: '2026-06-04' },
          evidence: [{ table: 'visits', id: 'V1', note: 'manager_informed not recorded' }],
        },
      ],
    },
    {
      name: 'informed only after the as-of date while the deadline has passed',
      case: visits('2026-11-02', '2026-10-28'),
      findings: [
        {
          recordId: 'V1',
          messageId: 'notInformed',
          data: { due: '2026-10-29' },
          evidence: [{ table: 'visits', id: 'V1', note: '(after the as-of date)' }],
        },
      ],
    },
    {
      name: 'manager_informed before the visit evidences nothing about it',
      case: visits('2026-06-01'),
      findings: [{ recordId: 'V1', messageId: 'informedBeforeVisit', data: { informed: '2026-06-01' } }],
    },
    {
      name: 'same-day option: next day is late',
      case: visits('2026-06-04'),
      options: { workingDays: 0 },
      findings: [{ recordId: 'V1', messageId: 'informedLate', data: { due: '2026-06-03', lateBy: 1 } }],
    },
    {
      name: 'one finding per offending visit, alongside a pending one',
      case: caseOf({
        visits: [
          { ...noAccess, manager_informed: '2026-06-04' },
          { ...noAccess, visit_id: 'V2', date: '2026-07-01' },
          { ...noAccess, visit_id: 'V3', date: '2026-07-08', outcome: 'completed' },
          { ...noAccess, visit_id: 'V4', date: '2026-09-14', manager_informed: '2026-09-17' },
          { ...noAccess, visit_id: 'V5', date: '2026-10-30' },
        ],
      }),
      findings: [
        { recordId: 'V2', messageId: 'notInformed', date: '2026-07-01' },
        { recordId: 'V4', messageId: 'informedLate', date: '2026-09-14', data: { lateBy: 2 } },
      ],
      pending: [{ recordId: 'V5', messageId: 'awaitingManager', due: '2026-11-02' }],
    },
  ],
});
