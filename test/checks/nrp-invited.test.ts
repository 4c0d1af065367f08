// RuleTester table for nrp-invited.
import * as check from '../../checks/nrp-invited.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const conference = { meeting_id: 'MT1', type: 'cp_conference', date: '2026-05-05' } as const;
const coreGroup = { meeting_id: 'MT2', type: 'core_group', date: '2026-06-02' } as const;
const invitedFather = { meeting_id: 'MT1', person_id: 'F1', invited: true } as const;

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'father without PR whose PR agreement was declined before the conference: not owed the invitation',
      case: caseOf({
        people: [{ ...mother }, { ...father, ...declined, pr_agreement_date: '2026-04-20' }],
        meetings: [{ ...conference }],
      }),
      applicable: false,
    },
    {
      name: 'father marked un-contactable before the conference: not owed the invitation',
      case: caseOf({
        people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-04-20' }],
        meetings: [{ ...conference }],
      }),
      applicable: false,
    },
    { name: 'no meetings at all', case: caseOf({ people: [{ ...father }] }), applicable: false },
    {
      name: 'only meeting types outside the standard',
      case: caseOf({
        people: [{ ...father }],
        meetings: [
          { meeting_id: 'MT1', type: 'strategy', date: '2026-05-05' },
          { meeting_id: 'MT2', type: 'professionals', date: '2026-05-06' },
        ],
      }),
      applicable: false,
    },
    {
      name: 'no non-resident parent',
      case: caseOf({ people: [{ ...mother }], meetings: [{ ...conference }] }),
      applicable: false,
    },
    {
      name: 'only non-resident parent is un-contactable',
      case: caseOf({ people: [{ ...father, contactable: false }], meetings: [{ ...conference }] }),
      applicable: false,
    },
    {
      name: 'meeting type switched off by option',
      case: caseOf({ people: [{ ...father }], meetings: [{ ...conference }] }),
      options: { meetingTypes: ['core_group'] },
      applicable: false,
    },
    {
      name: 'non-resident parent invited to every meeting',
      case: caseOf({
        people: [{ ...mother }, { ...father }],
        meetings: [{ ...conference }, { ...coreGroup }],
        meeting_parents: [{ ...invitedFather }, { meeting_id: 'MT2', person_id: 'F1', invited: true, attended: false }],
      }),
    },
    {
      name: 'resident parent not invited is out of scope',
      case: caseOf({
        people: [{ ...mother }, { ...father }],
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather }, { meeting_id: 'MT1', person_id: 'M1', invited: false }],
      }),
    },
    {
      name: 'excluded parent is exempt',
      case: caseOf({
        people: [{ ...father }],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: false, excluded: true }],
      }),
    },
    {
      name: 'risk-flagged parent not invited with a reason is exempt',
      case: caseOf({
        people: [{ ...father, risk_flag: true }],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: false, not_invited_reason: 'risk to mother' }],
      }),
    },
    {
      name: 'empty contactable counts as contactable and the parent was invited',
      case: caseOf({
        people: [{ ...father, contactable: undefined }],
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather }],
      }),
    },
  ],
  invalid: [
    {
      name: 'PR agreement declined on 20 May: the May conference was still owed, the June core group not',
      case: caseOf({
        people: [{ ...mother }, { ...father, ...declined, pr_agreement_date: '2026-05-20' }],
        meetings: [{ ...conference }, { ...coreGroup }],
      }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'noInvitationRecord',
          evidence: [{ table: 'people', id: 'F1', note: 'PR agreement declined only from 2026-05-20, after this event of 2026-05-05' }],
        },
      ],
    },
    {
      name: 'a declined agreement on a parent with PR does not exempt',
      case: caseOf({ people: [{ ...father, ...declined, parental_responsibility: true }], meetings: [{ ...conference }] }),
      findings: [{ recordId: 'MT1', messageId: 'noInvitationRecord' }],
    },
    {
      name: 'father marked un-contactable in July: June\'s core group without an invitation is still a breach',
      case: caseOf({
        people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-07-01' }],
        meetings: [{ ...coreGroup }, { meeting_id: 'MT3', type: 'core_group', date: '2026-07-14' }],
      }),
      findings: [
        {
          recordId: 'MT2',
          messageId: 'noInvitationRecord',
          date: '2026-06-02',
          evidence: [{ table: 'people', id: 'F1', note: 'marked un-contactable only from 2026-07-01, after this event of 2026-06-02' }],
        },
      ],
    },
    {
      name: 'no meeting_parents row for the parent',
      case: caseOf({ people: [{ ...mother }, { ...father }], meetings: [{ ...conference }] }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'noInvitationRecord',
          date: '2026-05-05',
          data: { meetingId: 'MT1', type: 'cp_conference', personId: 'F1' },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-05-05' },
            { table: 'meeting_parents', note: 'no row for F1 at MT1' },
            { table: 'people', id: 'F1' },
          ],
        },
      ],
    },
    {
      name: 'invited N',
      case: caseOf({
        people: [{ ...father }],
        meetings: [{ ...coreGroup }],
        meeting_parents: [{ meeting_id: 'MT2', person_id: 'F1', invited: false, excluded: false }],
      }),
      findings: [
        {
          recordId: 'MT2',
          messageId: 'notInvited',
          data: { personId: 'F1', type: 'core_group' },
          evidence: [{ table: 'meeting_parents', id: 'MT2/F1', note: 'invited N, excluded N' }],
        },
      ],
    },
    {
      name: 'invited empty is not evidenced',
      case: caseOf({
        people: [{ ...father }],
        meetings: [{ meeting_id: 'MT3', type: 'cin_review', date: '2026-07-01' }],
        meeting_parents: [{ meeting_id: 'MT3', person_id: 'F1', attended: false }],
      }),
      findings: [{ recordId: 'MT3', messageId: 'invitationNotRecorded', date: '2026-07-01' }],
    },
    {
      name: 'a not_invited_reason without a risk flag does not exempt',
      case: caseOf({
        people: [{ ...father }],
        meetings: [{ meeting_id: 'MT4', type: 'lac_review', date: '2026-07-01' }],
        meeting_parents: [{ meeting_id: 'MT4', person_id: 'F1', invited: false, not_invited_reason: 'not known' }],
      }),
      findings: [{ recordId: 'MT4', messageId: 'notInvited' }],
    },
    {
      name: 'risk-flagged parent not invited without a reason',
      case: caseOf({
        people: [{ ...father, risk_flag: true }],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: false, not_invited_reason: '  ' }],
      }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'riskReasonNotRecorded',
          evidence: [
            { table: 'meeting_parents', id: 'MT1/F1', note: 'not_invited_reason not recorded' },
            { table: 'people', id: 'F1', note: 'risk_flag Y' },
          ],
        },
      ],
    },
    {
      name: 'risk-flagged parent with no row at all',
      case: caseOf({ people: [{ ...father, risk_flag: true }], meetings: [{ ...conference }] }),
      findings: [{ recordId: 'MT1', messageId: 'riskReasonNotRecorded' }],
    },
    {
      name: 'empty risk flag does not exempt a reasoned non-invitation',
      case: caseOf({
        people: [{ ...father, risk_flag: undefined }],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: false, not_invited_reason: 'risk' }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'notInvited' }],
    },
    {
      name: 'excluded N does not exempt',
      case: caseOf({
        people: [{ ...father }],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', excluded: false }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'invitationNotRecorded' }],
    },
    {
      name: 'one finding per meeting and parent, in meeting date order',
      case: caseOf({
        people: [
          { ...mother },
          { ...father },
          { person_id: 'F2', relationship: 'father', parent: true, resident: false },
          { person_id: 'F3', relationship: 'father', parent: true, resident: false, contactable: false },
        ],
        meetings: [{ ...coreGroup }, { ...conference }],
        meeting_parents: [{ ...invitedFather }, { meeting_id: 'MT2', person_id: 'F2', invited: true }],
      }),
      findings: [
        { recordId: 'MT1', messageId: 'noInvitationRecord', data: { personId: 'F2' } },
        { recordId: 'MT2', messageId: 'noInvitationRecord', data: { personId: 'F1' } },
      ],
    },
    {
      name: 'option adds a meeting type',
      case: caseOf({
        people: [{ ...father }],
        meetings: [{ meeting_id: 'MT5', type: 'family_group_conference', date: '2026-08-03' }],
      }),
      options: { meetingTypes: ['family_group_conference'] },
      findings: [{ recordId: 'MT5', messageId: 'noInvitationRecord', data: { type: 'family_group_conference' } }],
    },
  ],
});
