// RuleTester table for advocacy-info-shared.
import * as check from '../../checks/advocacy-info-shared.js';
import { caseOf, ruleTester } from './_tester.js';

const conference = { meeting_id: 'M1', type: 'cp_conference', date: '2026-03-02' } as const;
const coreGroup = { meeting_id: 'M2', type: 'core_group', date: '2026-04-06' } as const;
const mother = { meeting_id: 'M1', person_id: 'P1' } as const;
const father = { meeting_id: 'M1', person_id: 'P2' } as const;

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'invited father without PR whose PR agreement was declined: not owed advocacy information',
      case: caseOf({
        people: [{ person_id: 'P2', relationship: 'father', parent: true, resident: false, ...declined }],
        meetings: [conference],
        meeting_parents: [{ ...father, invited: true }],
      }),
      applicable: false,
    },
    { name: 'no meetings at all', case: caseOf(), applicable: false },
    { name: 'conference with no parent rows', case: caseOf({ meetings: [conference] }), applicable: false },
    {
      name: 'parent not invited',
      case: caseOf({ meetings: [conference], meeting_parents: [{ ...mother, invited: false, advocacy_info: false }] }),
      applicable: false,
    },
    {
      name: 'invitation not recorded is not counted',
      case: caseOf({ meetings: [conference], meeting_parents: [{ ...mother }] }),
      applicable: false,
    },
    {
      name: 'other meeting types do not count',
      case: caseOf({
        meetings: [coreGroup, { meeting_id: 'M3', type: 'cin_review', date: '2026-05-04' }],
        meeting_parents: [
          { meeting_id: 'M2', person_id: 'P1', invited: true, advocacy_info: false },
          { meeting_id: 'M3', person_id: 'P1', invited: true },
        ],
      }),
      applicable: false,
    },
    {
      name: 'every invited parent given advocacy information',
      case: caseOf({
        meetings: [conference],
        meeting_parents: [
          { ...mother, invited: true, advocacy_info: true },
          { ...father, invited: true, advocacy_info: true },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'PR agreement declined only after the conference does not exempt',
      case: caseOf({
        people: [{ person_id: 'P2', relationship: 'father', parent: true, resident: false, ...declined, pr_agreement_date: '2026-03-03' }],
        meetings: [conference],
        meeting_parents: [{ ...father, invited: true }],
      }),
      findings: [{ recordId: 'M1', messageId: 'notRecorded', data: { personId: 'P2' } }],
    },
    {
      name: 'invited parent not given advocacy information',
      case: caseOf({ meetings: [conference], meeting_parents: [{ ...mother, invited: true, advocacy_info: false }] }),
      findings: [
        {
          recordId: 'M1',
          messageId: 'notShared',
          date: '2026-03-02',
          data: { meetingId: 'M1', personId: 'P1', date: '2026-03-02' },
          evidence: [
            { table: 'meetings', id: 'M1', date: '2026-03-02', note: 'cp_conference' },
            { table: 'meeting_parents', id: 'M1/P1', note: 'advocacy_info N' },
          ],
        },
      ],
    },
    {
      name: 'advocacy_info not recorded is not evidenced',
      case: caseOf({ meetings: [conference], meeting_parents: [{ ...father, invited: true }] }),
      findings: [
        {
          recordId: 'M1',
          messageId: 'notRecorded',
          data: { personId: 'P2' },
          evidence: [{ table: 'meeting_parents', id: 'M1/P2', note: 'advocacy_info not recorded' }],
        },
      ],
    },
    {
      name: 'one finding per invited person per conference',
      case: caseOf({
        meetings: [conference, coreGroup, { meeting_id: 'M4', type: 'cp_conference', date: '2026-06-01' }],
        meeting_parents: [
          { ...mother, invited: true, advocacy_info: false },
          { ...father, invited: true, advocacy_info: true },
          { meeting_id: 'M2', person_id: 'P1', invited: true, advocacy_info: false },
          { meeting_id: 'M4', person_id: 'P1', invited: true, advocacy_info: true },
          { meeting_id: 'M4', person_id: 'P2', invited: true },
          { meeting_id: 'M4', person_id: 'P3', invited: false },
        ],
      }),
      findings: [
        { recordId: 'M1', messageId: 'notShared', data: { personId: 'P1' } },
        { recordId: 'M4', messageId: 'notRecorded', date: '2026-06-01', data: { personId: 'P2' } },
      ],
    },
  ],
});
