// RuleTester table for no-contact-reason.
import * as check from '../../checks/no-contact-reason.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const noContact = { ...father, child_contact: false } as const;

ruleTester(check, {
  valid: [
    { name: 'no people at all', case: caseOf(), applicable: false },
    {
      name: 'closed case is not looked at',
      case: caseOf({ case: { status: 'closed', closed: '2026-05-01' }, people: [{ ...noContact }] }),
      applicable: false,
    },
    {
      name: 'closed case without a closed date is taken as closed',
      case: caseOf({ case: { status: 'closed' }, people: [{ ...noContact }] }),
      applicable: false,
    },
    {
      name: 'case opened after the as-of date is not yet open',
      case: caseOf({ case: { status: 'open', opened: '2026-11-02' }, people: [{ ...noContact }] }),
      applicable: false,
    },
    {
      name: 'non-resident parent in contact with the child',
      case: caseOf({ people: [{ ...mother }, { ...father, child_contact: true }] }),
      applicable: false,
    },
    {
      name: 'child_contact not recorded is not looked at',
      case: caseOf({ people: [{ ...father }] }),
      applicable: false,
    },
    {
      name: 'resident parent without contact is out of scope',
      case: caseOf({ people: [{ ...mother, child_contact: false }] }),
      applicable: false,
    },
    { name: 'court order', case: caseOf({ people: [{ ...noContact, no_contact_reason: 'court_order' }] }) },
    {
      name: 'child and parent decline',
      case: caseOf({ people: [{ ...noContact, no_contact_reason: 'child_and_parent_decline' }] }),
    },
    { name: 'other reason', case: caseOf({ people: [{ ...noContact, no_contact_reason: 'other' }] }) },
    {
      name: 'cp concerns with evidence',
      case: caseOf({
        people: [{ ...noContact, no_contact_reason: 'cp_concerns', no_contact_evidence: 'RA-2026-014' }],
      }),
    },
    {
      name: 'case opened on the as-of date',
      asOf: '2026-03-02',
      case: caseOf({ case: { opened: '2026-03-02' }, people: [{ ...noContact, no_contact_reason: 'court_order' }] }),
    },
  ],
  invalid: [
    {
      name: 'no reason recorded',
      case: caseOf({ people: [{ ...mother }, { ...noContact }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'reasonNotRecorded',
          date: null,
          data: { personId: 'F1' },
          evidence: [
            { table: 'cases', id: 'C1', note: 'status open' },
            { table: 'people', id: 'F1', note: 'child_contact N, no_contact_reason not recorded' },
          ],
        },
      ],
    },
    {
      name: 'parental disagreement is not a reason',
      case: caseOf({ people: [{ ...noContact, no_contact_reason: 'parental_disagreement' }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'parentalDisagreement',
          data: { personId: 'F1', reason: 'parental_disagreement' },
          evidence: [{ table: 'people', id: 'F1', note: 'no_contact_reason parental_disagreement' }],
        },
      ],
    },
    {
      name: 'cp concerns without evidence',
      case: caseOf({ people: [{ ...noContact, no_contact_reason: 'cp_concerns' }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'evidenceNotRecorded',
          data: { reason: 'cp_concerns' },
          evidence: [{ table: 'people', id: 'F1', note: 'no_contact_evidence not recorded' }],
        },
      ],
    },
    {
      name: 'cp concerns with blank evidence',
      case: caseOf({ people: [{ ...noContact, no_contact_reason: 'cp_concerns', no_contact_evidence: '  ' }] }),
      findings: [{ recordId: 'F1', messageId: 'evidenceNotRecorded' }],
    },
    {
      name: 'case closed after the as-of date was open on it',
      case: caseOf({ case: { status: 'closed', closed: '2026-11-20' }, people: [{ ...noContact }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'reasonNotRecorded',
          evidence: [{ table: 'cases', id: 'C1', date: '2026-11-20', note: 'closed after the as-of date' }],
        },
      ],
    },
    {
      name: 'un-contactable parent still needs a reason',
      case: caseOf({ people: [{ ...noContact, contactable: false }] }),
      findings: [{ recordId: 'F1', messageId: 'reasonNotRecorded' }],
    },
    {
      name: 'one finding per parent, each with its own message',
      case: caseOf({
        people: [
          { ...noContact, no_contact_reason: 'parental_disagreement' },
          { person_id: 'M2', relationship: 'mother', parent: true, resident: false, child_contact: false },
          {
            person_id: 'F2',
            relationship: 'father',
            parent: true,
            resident: false,
            child_contact: false,
            no_contact_reason: 'court_order',
          },
          {
            person_id: 'F3',
            relationship: 'father',
            parent: true,
            resident: false,
            child_contact: false,
            no_contact_reason: 'cp_concerns',
          },
        ],
      }),
      findings: [
        { recordId: 'F1', messageId: 'parentalDisagreement' },
        { recordId: 'M2', messageId: 'reasonNotRecorded' },
        { recordId: 'F3', messageId: 'evidenceNotRecorded' },
      ],
    },
  ],
});
