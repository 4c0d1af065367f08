// RuleTester table for defaulted-visits-escalated: the walk, CP versus other cases, and the working-day edges.
import * as check from '../../checks/defaulted-visits-escalated.js';
import type { MeetingType, VisitOutcome } from '../../src/model/types.js';
import { caseOf, ruleTester } from './_tester.js';

const cpPlan = { plan_id: 'P1', type: 'cp', start: '2026-01-10' } as const;

/** Visits V<first>, V<first+1>... on the given dates, all with the same outcome. */
const visitsOn = (dates: readonly string[], first = 1, outcome: VisitOutcome = 'defaulted') =>
  dates.map((date, index) => ({ visit_id: `V${first + index}`, date, type: 'home' as const, outcome }));

const meeting = (meeting_id: string, type: MeetingType, date: string) => ({ meeting_id, type, date });

// Four defaults whose 4th (the trigger) is Friday 6 March 2026. CP deadline Wed 11 March; otherwise Tue 17 March.
const fourToFriday = visitsOn(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06']);
// Four defaults whose 4th is Friday 1 May 2026; Monday 4 May is the Early May bank holiday (England and Wales).
const fourToMayDay = visitsOn(['2026-04-20', '2026-04-22', '2026-04-27', '2026-05-01']);
// Triggers on Fridays before the Scottish (3 August) and English (31 August) summer bank holidays.
const fourToJuly31 = visitsOn(['2026-07-20', '2026-07-22', '2026-07-27', '2026-07-31']);
const fourToAugust28 = visitsOn(['2026-08-17', '2026-08-19', '2026-08-24', '2026-08-28']);

ruleTester(check, {
  valid: [
    { name: 'no visits at all', case: caseOf({ meetings: [meeting('M1', 'core_group', '2026-03-01')] }), applicable: false },
    {
      name: 'only completed visits',
      case: caseOf({ visits: visitsOn(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'], 1, 'completed') }),
      applicable: false,
    },
    { name: 'three defaults: nothing', case: caseOf({ visits: fourToFriday.slice(0, 3) }), applicable: false },
    {
      name: 'a visit cancelled by the service is not a default',
      case: caseOf({
        visits: [...fourToFriday.slice(0, 3), ...visitsOn(['2026-03-06'], 4, 'cancelled_by_service')],
      }),
      applicable: false,
    },
    {
      name: 'a multi-agency meeting between defaults resets the count',
      case: caseOf({
        visits: fourToFriday,
        meetings: [meeting('M1', 'professionals', '2026-03-03')],
      }),
      applicable: false,
    },
    {
      name: 'a default on the day of a meeting is considered by it',
      case: caseOf({
        visits: [...fourToFriday.slice(0, 3), ...visitsOn(['2026-03-09', '2026-03-10', '2026-03-11'], 4)],
        meetings: [meeting('M1', 'strategy', '2026-03-04')],
      }),
      applicable: false,
    },
    {
      name: 'not on a CP plan: multi-agency meeting exactly on the 7th working day',
      case: caseOf({ visits: fourToFriday, meetings: [meeting('M1', 'multi_agency', '2026-03-17')] }),
    },
    {
      name: 'not on a CP plan: any multi-agency type escalates (cin_review)',
      case: caseOf({ visits: fourToFriday, meetings: [meeting('M1', 'cin_review', '2026-03-10')] }),
    },
    {
      name: 'CP plan: core group exactly on the deadline (trigger Friday, deadline Wednesday)',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday, meetings: [meeting('M1', 'core_group', '2026-03-11')] }),
    },
    {
      name: 'CP plan: a CP conference also escalates',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday, meetings: [meeting('M1', 'cp_conference', '2026-03-09')] }),
    },
    {
      name: 'meeting on the trigger day counts, and consumes that day’s default',
      case: caseOf({
        plans: [cpPlan],
        visits: [...fourToFriday, ...visitsOn(['2026-03-09', '2026-03-10', '2026-03-11'], 5)],
        meetings: [meeting('M1', 'core_group', '2026-03-06')],
      }),
    },
    {
      name: 'CP deadline across the Early May bank holiday: Thursday 7 May complies',
      case: caseOf({ plans: [cpPlan], visits: fourToMayDay, meetings: [meeting('M1', 'core_group', '2026-05-07')] }),
    },
    {
      name: 'non-CP deadline across the Early May bank holiday: Wednesday 13 May complies',
      case: caseOf({ visits: fourToMayDay, meetings: [meeting('M1', 'multi_agency', '2026-05-13')] }),
    },
    {
      name: 'Scotland: 3 August is a bank holiday, so Thursday 6 August is on time',
      case: caseOf({ plans: [cpPlan], visits: fourToJuly31, meetings: [meeting('M1', 'core_group', '2026-08-06')] }),
      region: 'scotland',
    },
    {
      name: 'England: 31 August is a bank holiday, so Thursday 3 September is on time',
      case: caseOf({ plans: [cpPlan], visits: fourToAugust28, meetings: [meeting('M1', 'core_group', '2026-09-03')] }),
    },
    {
      name: 'CP plan ended before the trigger: 7 working days and any multi-agency type',
      case: caseOf({
        plans: [{ ...cpPlan, end: '2026-03-01' }],
        visits: fourToFriday,
        meetings: [meeting('M1', 'professionals', '2026-03-17')],
      }),
    },
    {
      name: 'CP plan starting after the trigger does not apply',
      case: caseOf({
        plans: [{ ...cpPlan, start: '2026-03-09' }],
        visits: fourToFriday,
        meetings: [meeting('M1', 'multi_agency', '2026-03-16')],
      }),
    },
    {
      name: 'pending: deadline not passed on the as-of date',
      case: caseOf({ visits: visitsOn(['2026-10-19', '2026-10-21', '2026-10-26', '2026-10-28']) }),
      pending: [
        {
          recordId: 'V4',
          messageId: 'escalationDue',
          date: '2026-10-28',
          due: '2026-11-06',
          data: { deadline: '2026-11-06', workingDays: 7, required: 'multi-agency meeting' },
          evidence: [
            { table: 'visits', id: 'V4', note: '4th defaulted visit (trigger)' },
            { table: 'deadline', date: '2026-11-06', note: 'multi-agency meeting due (7 working days)' },
            { table: 'meetings', note: 'no multi-agency meeting yet' },
          ],
        },
      ],
    },
    {
      name: 'pending on the deadline day itself',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday }),
      asOf: '2026-03-11',
      pending: [{ recordId: 'V4', messageId: 'escalationDue', due: '2026-03-11' }],
    },
    {
      name: 'pending under CP with a cin_review already held: it does not escalate',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday, meetings: [meeting('M1', 'cin_review', '2026-03-09')] }),
      asOf: '2026-03-10',
      pending: [
        {
          recordId: 'V4',
          messageId: 'escalationDue',
          due: '2026-03-11',
          evidence: [{ table: 'meetings', id: 'M1', note: 'cin_review: not a core group or CP conference' }],
        },
      ],
    },
    {
      name: 'two triggers, each escalated in time',
      case: caseOf({
        visits: [...fourToFriday, ...visitsOn(['2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24'], 5)],
        meetings: [meeting('M1', 'multi_agency', '2026-03-12'), meeting('M2', 'professionals', '2026-03-30')],
      }),
    },
    {
      name: 'threshold 5: five defaults are tolerated',
      case: caseOf({ visits: [...fourToFriday, ...visitsOn(['2026-03-09'], 5)] }),
      options: { threshold: 5 },
      applicable: false,
    },
    {
      name: 'cpWorkingDays 5: a core group on the 4th working day is on time',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday, meetings: [meeting('M1', 'core_group', '2026-03-12')] }),
      options: { cpWorkingDays: 5 },
    },
  ],
  invalid: [
    {
      name: 'CP plan: core group one working day late',
      case: caseOf({
        plans: [cpPlan],
        visits: [...fourToFriday.slice(0, 2), ...visitsOn(['2026-03-04'], 3, 'no_access'), ...visitsOn(['2026-03-06'], 4, 'cancelled_by_family')],
        meetings: [meeting('M1', 'core_group', '2026-03-12')],
      }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'escalatedLate',
          date: '2026-03-06',
          data: {
            visitId: 'V4',
            count: 4,
            ordinal: '4th',
            deadline: '2026-03-11',
            workingDays: 3,
            required: 'core group or CP conference',
            meetingId: 'M1',
            meetingType: 'core_group',
            meetingDate: '2026-03-12',
            lateBy: 1,
          },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-03-02', note: '1st defaulted visit' },
            { table: 'visits', id: 'V2', date: '2026-03-03', note: '2nd defaulted visit' },
            { table: 'visits', id: 'V3', date: '2026-03-04', note: '3rd defaulted visit, outcome no_access' },
            { table: 'visits', id: 'V4', date: '2026-03-06', note: '4th defaulted visit (trigger), outcome cancelled_by_family' },
            { table: 'plans', id: 'P1', note: 'on CP plan P1' },
            { table: 'deadline', date: '2026-03-11', note: 'core group due (3 working days)' },
            { table: 'meetings', id: 'M1', date: '2026-03-12', note: 'core_group: the escalation, late by 1' },
          ],
        },
      ],
    },
    {
      name: 'not on a CP plan: multi-agency meeting one working day late',
      case: caseOf({ visits: fourToFriday, meetings: [meeting('M1', 'multi_agency', '2026-03-18')] }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'escalatedLate',
          data: { deadline: '2026-03-17', workingDays: 7, lateBy: 1 },
          evidence: [
            { table: 'plans', note: 'not on a CP plan' },
            { table: 'deadline', date: '2026-03-17', note: 'multi-agency meeting due (7 working days)' },
          ],
        },
      ],
    },
    {
      name: 'no meeting at all: not escalated',
      case: caseOf({ visits: fourToFriday }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'notEscalated',
          date: '2026-03-06',
          data: { deadline: '2026-03-17', asOf: '2026-10-31' },
          evidence: [{ table: 'meetings', note: 'no multi-agency meeting came by the as-of date 2026-10-31' }],
        },
      ],
    },
    {
      name: 'as-of the day after the CP deadline: not escalated',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday }),
      asOf: '2026-03-12',
      findings: [{ recordId: 'V4', messageId: 'notEscalated', due: '2026-03-11', data: { deadline: '2026-03-11' } }],
    },
    {
      name: 'CP deadline across the Early May bank holiday: late by 4 working days',
      case: caseOf({ plans: [cpPlan], visits: fourToMayDay, meetings: [meeting('M1', 'core_group', '2026-05-13')] }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'escalatedLate',
          date: '2026-05-01',
          data: { deadline: '2026-05-07', lateBy: 4 },
          evidence: [{ table: 'deadline', date: '2026-05-07' }],
        },
      ],
    },
    {
      name: 'England: 3 August is a working day, so Thursday 6 August is one day late',
      case: caseOf({ plans: [cpPlan], visits: fourToJuly31, meetings: [meeting('M1', 'core_group', '2026-08-06')] }),
      findings: [{ recordId: 'V4', messageId: 'escalatedLate', due: '2026-08-05', data: { deadline: '2026-08-05', lateBy: 1 } }],
    },
    {
      name: 'Scotland: 31 August is a working day, so Thursday 3 September is one day late',
      case: caseOf({ plans: [cpPlan], visits: fourToAugust28, meetings: [meeting('M1', 'core_group', '2026-09-03')] }),
      region: 'scotland',
      findings: [{ recordId: 'V4', messageId: 'escalatedLate', data: { deadline: '2026-09-02', lateBy: 1 } }],
    },
    {
      name: 'CP plan ending on the trigger date still applies',
      case: caseOf({
        plans: [{ ...cpPlan, end: '2026-03-06' }],
        visits: fourToFriday,
        meetings: [meeting('M1', 'multi_agency', '2026-03-10')],
      }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'notEscalated',
          data: { deadline: '2026-03-11', required: 'core group or CP conference' },
          evidence: [{ table: 'meetings', id: 'M1', note: 'multi_agency: not a core group or CP conference' }],
        },
      ],
    },
    {
      name: 'CP plan ended before the trigger: 7 working days, one day late',
      case: caseOf({
        plans: [{ ...cpPlan, end: '2026-03-01' }],
        visits: fourToFriday,
        meetings: [meeting('M1', 'core_group', '2026-03-18')],
      }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'escalatedLate',
          data: { deadline: '2026-03-17', workingDays: 7, lateBy: 1 },
          evidence: [{ table: 'plans', id: 'P1', date: '2026-03-01', note: 'not on a CP plan on the trigger date' }],
        },
      ],
    },
    {
      name: 'CP: a cin_review resets the count but does not escalate; a later trigger is escalated in time',
      case: caseOf({
        plans: [cpPlan],
        visits: [
          ...fourToFriday,
          ...visitsOn(['2026-03-10', '2026-03-11'], 5),
          ...visitsOn(['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19'], 7),
        ],
        meetings: [
          meeting('M1', 'cin_review', '2026-03-09'),
          meeting('M2', 'core_group', '2026-03-12'),
          meeting('M3', 'cp_conference', '2026-03-24'),
        ],
      }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'escalatedLate',
          data: { deadline: '2026-03-11', meetingId: 'M2', lateBy: 1 },
          evidence: [
            { table: 'meetings', id: 'M1', date: '2026-03-09', note: 'cin_review: not a core group or CP conference' },
            { table: 'meetings', id: 'M2', note: 'core_group: the escalation' },
          ],
        },
      ],
    },
    {
      name: 'defaults before the reset make no new trigger; a second trigger after it does',
      case: caseOf({
        visits: [
          ...visitsOn(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']),
          ...visitsOn(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'], 5),
          ...visitsOn(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'], 9),
        ],
        meetings: [meeting('M1', 'multi_agency', '2026-03-20')],
      }),
      findings: [
        {
          recordId: 'V4',
          messageId: 'escalatedLate',
          date: '2026-03-05',
          data: { deadline: '2026-03-16', meetingDate: '2026-03-20', lateBy: 4 },
        },
        {
          recordId: 'V12',
          messageId: 'notEscalated',
          date: '2026-03-26',
          evidence: [
            { table: 'visits', id: 'V9', note: '1st defaulted visit' },
            { table: 'visits', id: 'V12', note: '4th defaulted visit (trigger)' },
          ],
        },
      ],
    },
    {
      name: 'a lac_review or family group conference neither resets nor escalates',
      case: caseOf({
        visits: fourToFriday,
        meetings: [meeting('M1', 'lac_review', '2026-03-03'), meeting('M2', 'family_group_conference', '2026-03-09')],
      }),
      findings: [{ recordId: 'V4', messageId: 'notEscalated' }],
    },
    {
      name: 'a meeting before the trigger is not its escalation',
      case: caseOf({
        visits: [...visitsOn(['2026-02-23']), ...visitsOn(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06'], 2)],
        meetings: [meeting('M1', 'core_group', '2026-02-23')],
      }),
      findings: [{ recordId: 'V5', messageId: 'notEscalated', data: { count: 4 } }],
    },
    {
      name: 'same-day defaults are taken in visit id order',
      case: caseOf({ visits: visitsOn(['2026-03-02', '2026-03-03', '2026-03-06', '2026-03-06']).reverse() }),
      findings: [{ recordId: 'V4', messageId: 'notEscalated', date: '2026-03-06' }],
    },
    {
      name: 'threshold 2: the 3rd default triggers',
      case: caseOf({ visits: fourToFriday.slice(0, 3) }),
      options: { threshold: 2 },
      findings: [
        {
          recordId: 'V3',
          messageId: 'notEscalated',
          data: { count: 3, ordinal: '3rd' },
          evidence: [{ table: 'visits', id: 'V3', note: '3rd defaulted visit (trigger)' }],
        },
      ],
    },
    {
      name: 'otherWorkingDays 5: Friday deadline, meeting on the Saturday after is late by 1',
      case: caseOf({ visits: fourToFriday, meetings: [meeting('M1', 'multi_agency', '2026-03-14')] }),
      options: { otherWorkingDays: 5 },
      findings: [{ recordId: 'V4', messageId: 'escalatedLate', data: { deadline: '2026-03-13', workingDays: 5, lateBy: 1 } }],
    },
    {
      name: 'cpWorkingDays 1: a core group on the 2nd working day is late',
      case: caseOf({ plans: [cpPlan], visits: fourToFriday, meetings: [meeting('M1', 'core_group', '2026-03-10')] }),
      options: { cpWorkingDays: 1 },
      findings: [{ recordId: 'V4', messageId: 'escalatedLate', data: { deadline: '2026-03-09', workingDays: 1, lateBy: 1 } }],
    },
  ],
});
