// RuleTester table for nrp-details-sought.
import * as check from '../../checks/nrp-details-sought.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const grandmother = { person_id: 'MGM1', relationship: 'maternal grandmother', parent: false } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false, details_recorded: false } as const;
// Opened Monday 2 March 2026: 10 working days run to Monday 16 March.
const opened = '2026-03-02';
const asked = (date: string, asked_person_id = 'M1', attempt_id = 'CA1') =>
  ({ attempt_id, person_id: 'F1', asked_person_id, date }) as const;
const withFather = (extra: CaseInput = {}, openedOn: string | null = opened): CaseInput => ({
  case: openedOn === null ? {} : { opened: openedOn },
  people: [{ ...mother }, { ...grandmother }, { ...father }],
  ...extra,
});

ruleTester(check, {
  valid: [
    {
      name: 'an export without cases.opened: the clock has no start, nothing is judged',
      case: caseOf(withFather()),
      absentColumns: ['cases.opened'],
    },
    { name: 'no people at all', case: caseOf({ case: { opened } }), applicable: false },
    {
      name: 'details recorded: nothing to seek',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, details_recorded: true }] })),
      applicable: false,
    },
    {
      name: 'details_recorded empty is nrp-details-recorded’s finding, not this one',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, details_recorded: undefined }] })),
      applicable: false,
    },
    {
      name: 'a resident parent is not a non-resident parent',
      case: caseOf(withFather({ people: [{ ...mother, details_recorded: false }] })),
      applicable: false,
    },
    {
      name: 'an empty resident does not make a parent non-resident',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, resident: undefined }] })),
      applicable: false,
    },
    {
      name: 'marked un-contactable with no date: judged by uncontactable-justified instead',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, contactable: false }] })),
      applicable: false,
    },
    {
      name: 'marked un-contactable on the as-of date itself',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-10-31' }] })),
      applicable: false,
    },
    {
      name: 'a case with no opened date: the clock has no start',
      case: caseOf(withFather({}, null)),
      applicable: false,
    },
    {
      name: 'a case opened after the as-of date',
      case: caseOf(withFather({}, '2026-11-02')),
      applicable: false,
    },
    { name: 'asked on the day the case opened', case: caseOf(withFather({ contact_attempts: [asked(opened)] })) },
    {
      name: 'asked exactly on the 10th working day',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-16', 'MGM1')] })),
    },
    {
      name: 'asked at referral, before the case opened',
      case: caseOf(withFather({ contact_attempts: [asked('2026-02-20')] })),
    },
    {
      name: 'the outcome of the attempt does not matter: asking is the duty',
      case: caseOf(withFather({ contact_attempts: [{ ...asked('2026-03-05'), outcome: 'no_response' }] })),
    },
    {
      name: 'Early May bank holiday: opened Friday 1 May, due Monday 18 May',
      case: caseOf(withFather({ contact_attempts: [asked('2026-05-18')] }, '2026-05-01')),
    },
    {
      name: 'Summer bank holiday and weekends: opened Friday 21 August, due Monday 7 September',
      case: caseOf(withFather({ contact_attempts: [asked('2026-09-07')] }, '2026-08-21')),
    },
    {
      name: 'a longer allowance is met',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-20')] })),
      options: { workingDays: 15 },
    },
    {
      name: 'pending: opened Monday 19 October, due Monday 2 November, after the as-of date',
      case: caseOf(withFather({}, '2026-10-19')),
      pending: [
        {
          recordId: 'F1',
          messageId: 'awaitingAttempt',
          date: '2026-10-19',
          due: '2026-11-02',
          data: { personId: 'F1', workingDays: 10 },
          evidence: [
            { table: 'cases', id: 'C1', date: '2026-10-19' },
            { table: 'deadline', date: '2026-11-02' },
          ],
        },
      ],
    },
    {
      name: 'pending on the due date itself',
      case: caseOf(withFather()),
      asOf: '2026-03-16',
      pending: [{ recordId: 'F1', messageId: 'awaitingAttempt', due: '2026-03-16' }],
    },
    {
      name: 'pending: an attempt dated after the as-of date is not on the record yet',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-12')] })),
      asOf: '2026-03-11',
      pending: [{ recordId: 'F1', messageId: 'awaitingAttempt', due: '2026-03-16' }],
    },
    {
      name: 'a father marked un-contactable only after the as-of date is judged as contactable, and was asked in time',
      case: caseOf(
        withFather({
          people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-11-05' }],
          contact_attempts: [asked('2026-03-03')],
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'no one asked and the deadline passed',
      case: caseOf(withFather()),
      findings: [
        {
          recordId: 'F1',
          messageId: 'notSought',
          date: '2026-03-02',
          due: '2026-03-16',
          data: { personId: 'F1', date: '2026-03-02', due: '2026-03-16', workingDays: 10 },
          evidence: [
            { table: 'people', id: 'F1', note: 'details_recorded N' },
            { table: 'cases', id: 'C1', date: '2026-03-02' },
            { table: 'deadline', date: '2026-03-16', note: '10 working day(s)' },
            { table: 'contact_attempts', note: 'no attempt asking another person by the as-of date 2026-10-31' },
          ],
        },
      ],
    },
    {
      name: 'as-of the day after the due date: not sought',
      case: caseOf(withFather()),
      asOf: '2026-03-17',
      findings: [{ recordId: 'F1', messageId: 'notSought', due: '2026-03-16' }],
    },
    {
      name: 'asked one working day late',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-17', 'MGM1')] })),
      findings: [
        {
          recordId: 'F1',
          messageId: 'soughtLate',
          date: '2026-03-02',
          due: '2026-03-16',
          data: { asked: '2026-03-17', askedPersonId: 'MGM1', attemptId: 'CA1', lateBy: 1 },
          evidence: [{ table: 'contact_attempts', id: 'CA1', date: '2026-03-17', note: 'late by 1 working day(s)' }],
        },
      ],
    },
    {
      name: 'the first attempt is the one judged, not a later one',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-25', 'MGM1', 'CA2'), asked('2026-03-20', 'M1', 'CA1')] })),
      findings: [{ recordId: 'F1', messageId: 'soughtLate', data: { attemptId: 'CA1', lateBy: 4 } }],
    },
    {
      name: 'Early May bank holiday: opened Friday 1 May, asked Tuesday 19 May is late by 1',
      case: caseOf(withFather({ contact_attempts: [asked('2026-05-19')] }, '2026-05-01')),
      findings: [{ recordId: 'F1', messageId: 'soughtLate', due: '2026-05-18', data: { lateBy: 1 } }],
    },
    {
      name: 'late on a Saturday is late by at least one working day',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-14')] })),
      options: { workingDays: 9 },
      findings: [{ recordId: 'F1', messageId: 'soughtLate', due: '2026-03-13', data: { lateBy: 1 } }],
    },
    {
      name: 'Scotland: 31 August is a working day, so Friday 4 September is the due date and Monday 7 is late',
      case: caseOf(withFather({ contact_attempts: [asked('2026-09-07')] }, '2026-08-21')),
      region: 'scotland',
      findings: [{ recordId: 'F1', messageId: 'soughtLate', due: '2026-09-04', data: { lateBy: 1 } }],
    },
    {
      name: 'asking the parent themselves does not count',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-03', 'F1')] })),
      findings: [{ recordId: 'F1', messageId: 'notSought' }],
    },
    {
      name: 'an attempt about another parent does not count',
      case: caseOf(
        withFather({
          people: [{ ...mother }, { ...father }, { ...father, person_id: 'F2' }],
          contact_attempts: [{ attempt_id: 'CA1', person_id: 'F2', asked_person_id: 'M1', date: '2026-03-03' }],
        }),
      ),
      findings: [{ recordId: 'F1', messageId: 'notSought' }],
    },
    {
      name: 'a father marked un-contactable only after the as-of date is still owed the search',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-11-05' }] })),
      findings: [{ recordId: 'F1', messageId: 'notSought' }],
    },
    {
      name: 'same-day option: asked the next day is late',
      case: caseOf(withFather({ contact_attempts: [asked('2026-03-03')] })),
      options: { workingDays: 0 },
      findings: [{ recordId: 'F1', messageId: 'soughtLate', due: '2026-03-02', data: { lateBy: 1, workingDays: 0 } }],
    },
    {
      name: 'one finding per parent, by person id, beside a parent asked in time',
      case: caseOf(
        withFather({
          people: [
            { ...mother },
            { ...father, person_id: 'F3' },
            { ...father, person_id: 'F2' },
            { ...father },
          ],
          contact_attempts: [{ attempt_id: 'CA1', person_id: 'F1', asked_person_id: 'M1', date: '2026-03-04' }],
        }),
      ),
      findings: [
        { recordId: 'F2', messageId: 'notSought' },
        { recordId: 'F3', messageId: 'notSought' },
      ],
    },
  ],
});
