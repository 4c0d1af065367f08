// RuleTester table for incident-reported.
import * as check from '../../checks/incident-reported.js';
import { caseOf, ruleTester } from './_tester.js';

const flaggedFather = { person_id: 'F1', relationship: 'father', parent: true, resident: false, violence_flag: true } as const;
const people = [flaggedFather];
// Wednesday 2026-06-03: the report is due by Thursday 2026-06-04.
const complete = {
  incident_id: 'I1',
  person_id: 'F1',
  date: '2026-06-03',
  type: 'threat',
  reported_to_manager: '2026-06-04',
  agencies_alerted: true,
} as const;
const reportedOn = (date: string, reported_to_manager: string | undefined) =>
  caseOf({ people, incidents: [{ ...complete, date, reported_to_manager }] });

ruleTester(check, {
  valid: [
    {
      name: 'an export without agencies_alerted or violence_flag: only the report deadline is judged, and it was met',
      case: caseOf({ people: [{ ...flaggedFather, violence_flag: undefined }], incidents: [{ ...complete, agencies_alerted: undefined }] }),
      absentColumns: ['incidents.agencies_alerted', 'people.violence_flag'],
    },
    { name: 'no incidents at all', case: caseOf({ people }), applicable: false },
    { name: 'reported exactly on the deadline, agencies alerted, person flagged', case: caseOf({ people, incidents: [complete] }) },
    { name: 'reported the same day', case: reportedOn('2026-06-03', '2026-06-03') },
    { name: 'Friday incident reported on Monday', case: reportedOn('2026-06-05', '2026-06-08') },
    { name: 'Friday before Spring bank holiday reported on Tuesday', case: reportedOn('2026-05-22', '2026-05-26') },
    { name: 'Friday before Early May bank holiday reported on Tuesday', case: reportedOn('2026-05-01', '2026-05-05') },
    {
      name: 'Scotland: Friday before the August bank holiday reported on Tuesday',
      case: reportedOn('2026-07-31', '2026-08-04'),
      region: 'scotland',
    },
    { name: 'a longer allowance is met', case: reportedOn('2026-06-03', '2026-06-05'), options: { workingDays: 2 } },
    {
      name: 'every incident type is held to the same standard',
      case: caseOf({
        people,
        incidents: [
          complete,
          { ...complete, incident_id: 'I2', type: 'violence' },
          { ...complete, incident_id: 'I3', type: 'verbal_abuse' },
          { ...complete, incident_id: 'I4', type: 'intimidation' },
          { ...complete, incident_id: 'I5', type: undefined },
        ],
      }),
    },
    {
      name: 'pending: report not yet due, everything else in place',
      case: reportedOn('2026-10-30', undefined),
      pending: [
        {
          recordId: 'I1',
          messageId: 'reportDue',
          date: '2026-10-30',
          due: '2026-11-02',
          data: { incidentId: 'I1', personId: 'F1' },
          evidence: [{ table: 'deadline', date: '2026-11-02' }],
        },
      ],
    },
    {
      name: 'pending: a report dated after the as-of date is not recorded yet',
      case: reportedOn('2026-10-30', '2026-11-02'),
      pending: [{ recordId: 'I1', messageId: 'reportDue', due: '2026-11-02' }],
    },
  ],
  invalid: [
    {
      name: 'an export without agencies_alerted: a late report is still a breach, the alert is not judged',
      case: caseOf({ people, incidents: [{ ...complete, reported_to_manager: '2026-06-08', agencies_alerted: undefined }] }),
      absentColumns: ['incidents.agencies_alerted'],
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          due: '2026-06-04',
          data: { missing: 'reported to the team manager on 2026-06-08, late by 2 working day(s) (due by 2026-06-04)' },
        },
      ],
    },
    {
      name: 'reported in time but agencies not alerted: no deadline missed, so the finding carries no due date',
      case: caseOf({ people, incidents: [{ ...complete, agencies_alerted: false }] }),
      findings: [{ recordId: 'I1', messageId: 'incomplete', date: '2026-06-03', due: null }],
    },
    {
      name: 'last Friday of the month, never reported: the breach is due on the next month\'s first working day',
      // Friday 2026-10-30: the report was due by Monday 2026-11-02.
      case: reportedOn('2026-10-30', undefined),
      asOf: '2026-11-30',
      findings: [{ recordId: 'I1', messageId: 'incomplete', date: '2026-10-30', due: '2026-11-02' }],
    },
    {
      name: 'reported one working day late',
      case: reportedOn('2026-06-03', '2026-06-05'),
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          date: '2026-06-03',
          data: {
            incidentId: 'I1',
            due: '2026-06-04',
            lateBy: 1,
            missing: 'reported to the team manager on 2026-06-05, late by 1 working day(s) (due by 2026-06-04)',
          },
          evidence: [
            { table: 'incidents', id: 'I1', date: '2026-06-03', note: 'reported_to_manager 2026-06-05' },
            { table: 'deadline', date: '2026-06-04' },
            { table: 'people', id: 'F1', note: 'violence_flag Y' },
          ],
        },
      ],
    },
    {
      name: 'Spring bank holiday: lateness counts working days only',
      case: reportedOn('2026-05-21', '2026-05-26'),
      findings: [{ recordId: 'I1', messageId: 'incomplete', due: '2026-05-22', data: { due: '2026-05-22', lateBy: 1 } }],
    },
    {
      name: 'Scotland: St Andrew’s Day is not a working day',
      case: reportedOn('2026-11-26', '2026-12-01'),
      region: 'scotland',
      asOf: '2026-12-31',
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { due: '2026-11-27', lateBy: 1 } }],
    },
    {
      name: 'Christmas: incident on Wednesday 23rd is due on Thursday 24th',
      case: reportedOn('2026-12-23', '2026-12-29'),
      asOf: '2026-12-31',
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { due: '2026-12-24', lateBy: 1 } }],
    },
    {
      name: 'not reported with the deadline passed',
      case: reportedOn('2026-06-03', undefined),
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          data: { missing: 'no report to the team manager recorded (due by 2026-06-04)' },
        },
      ],
    },
    {
      name: 'reported only after the as-of date while the deadline has passed',
      case: reportedOn('2026-10-28', '2026-11-02'),
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          data: { missing: 'no report to the team manager recorded (due by 2026-10-29)' },
          evidence: [{ table: 'incidents', id: 'I1', note: '(not counted: after the as-of date or before the incident)' }],
        },
      ],
    },
    {
      name: 'a report dated before the incident evidences nothing about it',
      case: reportedOn('2026-06-03', '2026-06-01'),
      findings: [
        { recordId: 'I1', messageId: 'incomplete', data: { missing: 'no report to the team manager recorded (due by 2026-06-04)' } },
      ],
    },
    {
      name: 'agencies not alerted',
      case: caseOf({ people, incidents: [{ ...complete, agencies_alerted: false }] }),
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { missing: 'agencies_alerted is N, not Y' } }],
    },
    {
      name: 'agencies_alerted not recorded is not evidenced',
      case: caseOf({ people, incidents: [{ ...complete, agencies_alerted: undefined }] }),
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { missing: 'agencies_alerted is not recorded, not Y' } }],
    },
    {
      name: 'person involved not flagged',
      case: caseOf({ people: [{ ...flaggedFather, violence_flag: false }], incidents: [complete] }),
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          data: { personId: 'F1', missing: 'F1 does not carry violence_flag = Y' },
          evidence: [{ table: 'people', id: 'F1', note: 'violence_flag N' }],
        },
      ],
    },
    {
      name: 'violence_flag not recorded is not a flag',
      case: caseOf({ people: [{ ...flaggedFather, violence_flag: undefined }], incidents: [complete] }),
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { missing: 'F1 does not carry violence_flag = Y' } }],
    },
    {
      name: 'person involved not recorded is not evidenced',
      case: caseOf({ people, incidents: [{ ...complete, person_id: undefined }] }),
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          data: { missing: 'the person involved (person_id) is not recorded' },
          evidence: [{ table: 'incidents', id: 'I1', note: 'person_id not recorded' }],
        },
      ],
    },
    {
      name: 'one finding names every missing element',
      case: caseOf({
        people: [{ ...flaggedFather, violence_flag: false }],
        incidents: [{ ...complete, reported_to_manager: '2026-06-08', agencies_alerted: false }],
      }),
      findings: [
        {
          recordId: 'I1',
          messageId: 'incomplete',
          data: {
            lateBy: 2,
            missing:
              'reported to the team manager on 2026-06-08, late by 2 working day(s) (due by 2026-06-04); agencies_alerted is N, not Y; F1 does not carry violence_flag = Y',
          },
        },
      ],
    },
    {
      name: 'report pending but other elements already missing',
      case: caseOf({ people, incidents: [{ ...complete, date: '2026-10-30', reported_to_manager: undefined, agencies_alerted: false }] }),
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { missing: 'agencies_alerted is N, not Y' } }],
      pending: [{ recordId: 'I1', messageId: 'reportDue', due: '2026-11-02' }],
    },
    {
      name: 'same-day option: next day is late',
      case: caseOf({ people, incidents: [complete] }),
      options: { workingDays: 0 },
      findings: [{ recordId: 'I1', messageId: 'incomplete', data: { due: '2026-06-03', lateBy: 1 } }],
    },
    {
      name: 'one finding per offending incident',
      case: caseOf({
        people,
        incidents: [
          complete,
          { ...complete, incident_id: 'I2', date: '2026-07-06', reported_to_manager: undefined },
          { ...complete, incident_id: 'I3', date: '2026-08-10', reported_to_manager: '2026-08-10', agencies_alerted: false },
        ],
      }),
      findings: [
        { recordId: 'I2', messageId: 'incomplete', date: '2026-07-06' },
        { recordId: 'I3', messageId: 'incomplete', date: '2026-08-10' },
      ],
    },
  ],
});
