// RuleTester table for nrp-office-appointment-offered.
import * as check from '../../checks/nrp-office-appointment-offered.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
// Completed Monday 2 March 2026: 10 working days run to Monday 16 March.
const assessment = (completed: string | null = '2026-03-02', assessment_id = 'A1') =>
  ({ assessment_id, started: '2026-02-09', ...(completed === null ? {} : { completed }) }) as const;
const views = (office_appointment_offered?: string, person_id = 'F1', assessment_id = 'A1') =>
  ({
    assessment_id,
    person_id,
    views_recorded: true,
    ...(office_appointment_offered === undefined ? {} : { office_appointment_offered }),
  }) as const;
const withFather = (extra: CaseInput = {}): CaseInput => ({
  people: [{ ...mother }, { ...father }],
  assessments: [assessment()],
  ...extra,
});

ruleTester(check, {
  valid: [
    {
      name: 'an export without office_appointment_offered: nothing is judged',
      case: caseOf(withFather()),
      absentColumns: ['assessment_views.office_appointment_offered'],
      applicable: false,
    },
    { name: 'no assessments at all', case: caseOf({ people: [{ ...mother }, { ...father }] }), applicable: false },
    {
      name: 'an assessment still in progress is not looked at',
      case: caseOf(withFather({ assessments: [assessment(null)] })),
      applicable: false,
    },
    {
      name: 'an assessment completed after the as-of date is not looked at',
      case: caseOf(withFather()),
      asOf: '2026-03-01',
      applicable: false,
    },
    {
      name: 'resident parents only: nobody is owed the offer',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, resident: true }] })),
      applicable: false,
    },
    {
      name: 'an empty resident does not make a parent non-resident',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, resident: undefined }] })),
      applicable: false,
    },
    {
      name: 'a relative who is not a parent is not owed the offer',
      case: caseOf(withFather({ people: [{ ...mother }, { person_id: 'PGM1', relationship: 'paternal grandmother', parent: false, resident: false }] })),
      applicable: false,
    },
    {
      name: 'a father with a risk flag is exempt, as the guidance says',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, risk_flag: true }] })),
      applicable: false,
    },
    {
      name: 'un-contactable with no date: exempt for every assessment',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, contactable: false }] })),
      applicable: false,
    },
    {
      name: 'un-contactable from the completion date itself: exempt',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-03-02' }] })),
      applicable: false,
    },
    {
      name: 'PR agreement declined before completion: exempt',
      case: caseOf(
        withFather({
          people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-02-20' }],
        }),
      ),
      applicable: false,
    },
    {
      name: 'PR agreement declined with no date: exempt for every assessment',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined' }] })),
      applicable: false,
    },
    { name: 'offered on the day the assessment was completed', case: caseOf(withFather({ assessment_views: [views('2026-03-02')] })) },
    { name: 'offered exactly on the 10th working day', case: caseOf(withFather({ assessment_views: [views('2026-03-16')] })) },
    { name: 'offered before completion, as the assessment was shared', case: caseOf(withFather({ assessment_views: [views('2026-02-27')] })) },
    {
      name: 'offered though the views were not recorded: the offer is owed either way, and was made',
      case: caseOf(withFather({ assessment_views: [{ ...views('2026-03-05'), views_recorded: false }] })),
    },
    {
      name: 'Easter: completed Thursday 2 April, Good Friday and Easter Monday skipped, due Monday 20 April',
      case: caseOf(withFather({ assessments: [assessment('2026-04-02')], assessment_views: [views('2026-04-20')] })),
    },
    {
      name: 'a longer allowance is met',
      case: caseOf(withFather({ assessment_views: [views('2026-03-20')] })),
      options: { workingDays: 15 },
    },
    {
      name: 'a father marked un-contactable with his views row and offer in time is judged and complies',
      case: caseOf(
        withFather({
          people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-06-01' }],
          assessment_views: [views('2026-03-04')],
        }),
      ),
    },
    {
      name: 'pending: completed Monday 19 October, due Monday 2 November, after the as-of date',
      case: caseOf(withFather({ assessments: [assessment('2026-10-19')] })),
      pending: [
        {
          recordId: 'A1',
          messageId: 'awaitingOffer',
          date: '2026-10-19',
          due: '2026-11-02',
          data: { assessmentId: 'A1', personId: 'F1', workingDays: 10 },
          evidence: [
            { table: 'assessments', id: 'A1', date: '2026-10-19' },
            { table: 'assessment_views', id: 'A1/F1', note: 'no views row for parent F1' },
            { table: 'deadline', date: '2026-11-02' },
          ],
        },
      ],
    },
    {
      name: 'pending on the due date itself',
      case: caseOf(withFather({ assessment_views: [views()] })),
      asOf: '2026-03-16',
      pending: [{ recordId: 'A1', messageId: 'awaitingOffer', due: '2026-03-16', evidence: [{ table: 'assessment_views', note: 'not recorded' }] }],
    },
    {
      name: 'pending: an offer dated after the as-of date is not on the record yet',
      case: caseOf(withFather({ assessment_views: [views('2026-03-12')] })),
      asOf: '2026-03-11',
      pending: [
        {
          recordId: 'A1',
          messageId: 'awaitingOffer',
          due: '2026-03-16',
          evidence: [{ table: 'assessment_views', id: 'A1/F1', note: '(after the as-of date: not recorded yet)' }],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'no views row for the father and the deadline passed',
      case: caseOf(withFather()),
      findings: [
        {
          recordId: 'A1',
          messageId: 'notOffered',
          date: '2026-03-02',
          due: '2026-03-16',
          data: { assessmentId: 'A1', personId: 'F1', completed: '2026-03-02', due: '2026-03-16', workingDays: 10 },
          evidence: [
            { table: 'assessments', id: 'A1', date: '2026-03-02' },
            { table: 'people', id: 'F1', note: 'non-resident parent, no risk flag' },
            { table: 'assessment_views', id: 'A1/F1', note: 'no views row for parent F1 in assessment A1' },
            { table: 'deadline', date: '2026-03-16', note: '10 working day(s)' },
          ],
        },
      ],
    },
    {
      name: 'a views row without the offer',
      case: caseOf(withFather({ assessment_views: [views()] })),
      findings: [
        { recordId: 'A1', messageId: 'notOffered', evidence: [{ table: 'assessment_views', id: 'A1/F1', note: 'office_appointment_offered not recorded' }] },
      ],
    },
    {
      name: 'as of the day after the due date: not offered',
      case: caseOf(withFather({ assessment_views: [views()] })),
      asOf: '2026-03-17',
      findings: [{ recordId: 'A1', messageId: 'notOffered', due: '2026-03-16' }],
    },
    {
      name: 'offered one working day late',
      case: caseOf(withFather({ assessment_views: [views('2026-03-17')] })),
      findings: [
        {
          recordId: 'A1',
          messageId: 'offeredLate',
          date: '2026-03-02',
          due: '2026-03-16',
          data: { offered: '2026-03-17', lateBy: 1 },
          evidence: [{ table: 'assessment_views', id: 'A1/F1', date: '2026-03-17', note: 'office_appointment_offered 2026-03-17' }],
        },
      ],
    },
    {
      name: 'offered on the Saturday after a Friday due date is late by at least one working day',
      case: caseOf(withFather({ assessment_views: [views('2026-03-14')] })),
      options: { workingDays: 9 },
      findings: [{ recordId: 'A1', messageId: 'offeredLate', due: '2026-03-13', data: { lateBy: 1 } }],
    },
    {
      name: 'Easter: completed Thursday 2 April, offered Tuesday 21 April is late by 1',
      case: caseOf(withFather({ assessments: [assessment('2026-04-02')], assessment_views: [views('2026-04-21')] })),
      findings: [{ recordId: 'A1', messageId: 'offeredLate', due: '2026-04-20', data: { lateBy: 1 } }],
    },
    {
      name: 'Scotland: Easter Monday is a working day, so the offer was due on Friday 17 April and Monday 20 is late',
      case: caseOf(withFather({ assessments: [assessment('2026-04-02')], assessment_views: [views('2026-04-20')] })),
      region: 'scotland',
      findings: [{ recordId: 'A1', messageId: 'offeredLate', due: '2026-04-17', data: { lateBy: 1 } }],
    },
    {
      name: 'same-day option: offered the next day is late',
      case: caseOf(withFather({ assessment_views: [views('2026-03-03')] })),
      options: { workingDays: 0 },
      findings: [{ recordId: 'A1', messageId: 'offeredLate', due: '2026-03-02', data: { lateBy: 1, workingDays: 0 } }],
    },
    {
      name: 'un-contactable only after the assessment was completed: judged as contactable',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-04-01' }] })),
      findings: [
        {
          recordId: 'A1',
          messageId: 'notOffered',
          evidence: [{ table: 'people', id: 'F1', note: 'marked un-contactable only from 2026-04-01, after this event of 2026-03-02: judged as contactable' }],
        },
      ],
    },
    {
      name: 'PR agreement declined only after completion: judged as for any parent',
      case: caseOf(
        withFather({
          people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-03-10' }],
        }),
      ),
      findings: [{ recordId: 'A1', messageId: 'notOffered', evidence: [{ table: 'people', id: 'F1', note: 'PR agreement declined only from 2026-03-10' }] }],
    },
    {
      name: 'a declined PR agreement exempts nobody whose parental responsibility is not recorded as N',
      case: caseOf(withFather({ people: [{ ...mother }, { ...father, pr_agreement: 'declined', pr_agreement_date: '2026-02-20' }] })),
      findings: [{ recordId: 'A1', messageId: 'notOffered' }],
    },
    {
      name: 'one finding per assessment and parent, by completion date and person id, beside offers in time',
      case: caseOf({
        people: [{ ...mother, resident: false }, { ...father }, { ...father, person_id: 'F2' }],
        assessments: [assessment('2026-06-01', 'A2'), assessment()],
        assessment_views: [views('2026-03-03', 'M1'), views('2026-06-02', 'F1', 'A2'), views('2026-06-03', 'F2', 'A2')],
      }),
      findings: [
        { recordId: 'A1', messageId: 'notOffered', data: { personId: 'F1' } },
        { recordId: 'A1', messageId: 'notOffered', data: { personId: 'F2' } },
        { recordId: 'A2', messageId: 'notOffered', data: { personId: 'M1' } },
      ],
    },
  ],
});
