// RuleTester table for uncontactable-justified.
import * as check from '../../checks/uncontactable-justified.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = {
  person_id: 'F1',
  relationship: 'father',
  parent: true,
  resident: false,
  contactable: false,
  uncontactable_date: '2026-04-10',
} as const;
const grandmother = { person_id: 'G1', relationship: 'maternal grandmother', parent: false } as const;
const uncle = { person_id: 'U1', relationship: 'paternal uncle', parent: false } as const;
const asked = (attempt_id: string, asked_person_id: string, date: string, person_id = 'F1') => ({
  attempt_id,
  person_id,
  asked_person_id,
  date,
  outcome: 'no_details' as const,
});

ruleTester(check, {
  valid: [
    { name: 'no parent marked un-contactable', case: caseOf({ people: [mother, { ...father, contactable: true }] }), applicable: false },
    {
      name: 'contactable empty is not un-contactable',
      case: caseOf({ people: [mother, { ...father, contactable: undefined }, grandmother] }),
      applicable: false,
    },
    {
      name: 'a non-parent marked un-contactable is not looked at',
      case: caseOf({ people: [mother, { ...grandmother, contactable: false }] }),
      applicable: false,
    },
    {
      name: 'everyone else asked before the date',
      case: caseOf({
        people: [mother, father, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-04-01'), asked('CA2', 'G1', '2026-04-03')],
      }),
    },
    {
      name: 'asked on the uncontactable date itself counts',
      case: caseOf({
        people: [mother, father, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-04-10'), asked('CA2', 'G1', '2026-04-10')],
      }),
    },
    {
      name: 'with no uncontactable_date any attempt counts',
      case: caseOf({
        people: [mother, { ...father, uncontactable_date: undefined }, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-06-01'), asked('CA2', 'G1', '2026-07-01')],
      }),
    },
    {
      name: 'people who are themselves un-contactable need not be asked',
      case: caseOf({
        people: [mother, father, { ...uncle, contactable: false }],
        contact_attempts: [asked('CA1', 'M1', '2026-04-01')],
      }),
    },
    {
      name: 'two un-contactable parents, each sought from the rest',
      case: caseOf({
        people: [{ ...mother, contactable: false, uncontactable_date: '2026-05-01' }, father, grandmother],
        contact_attempts: [asked('CA1', 'G1', '2026-04-01'), asked('CA2', 'G1', '2026-04-20', 'M1')],
      }),
    },
  ],
  invalid: [
    {
      name: 'grandmother not asked',
      case: caseOf({
        people: [mother, father, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-04-01')],
      }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'notAllAsked',
          date: '2026-04-10',
          data: { personId: 'F1', notAsked: 'G1', notAskedCount: 1, uncontactableDate: '2026-04-10' },
          evidence: [
            { table: 'people', id: 'F1', date: '2026-04-10' },
            { table: 'contact_attempts', id: 'CA1', date: '2026-04-01', note: 'asked M1' },
            { table: 'people', id: 'G1', note: 'not asked' },
          ],
        },
      ],
    },
    {
      name: 'asked only after the uncontactable date does not count',
      case: caseOf({
        people: [mother, father, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-04-01'), asked('CA2', 'G1', '2026-04-11')],
      }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'notAllAsked',
          data: { notAsked: 'G1' },
          evidence: [
            { table: 'contact_attempts', id: 'CA2', date: '2026-04-11', note: 'after the uncontactable_date: does not count' },
            { table: 'people', id: 'G1' },
          ],
        },
      ],
    },
    {
      name: 'nobody asked: everyone named, sorted by id',
      case: caseOf({ people: [uncle, father, mother, grandmother] }),
      findings: [{ recordId: 'F1', messageId: 'notAllAsked', data: { notAsked: 'G1, M1, U1', notAskedCount: 3 } }],
    },
    {
      name: 'an attempt for another parent does not count for this one',
      case: caseOf({
        people: [{ ...mother, contactable: false }, { ...father, contactable: true, uncontactable_date: undefined }, grandmother],
        contact_attempts: [asked('CA1', 'F1', '2026-04-01', 'M1'), asked('CA2', 'G1', '2026-04-02', 'F1')],
      }),
      findings: [
        {
          recordId: 'M1',
          messageId: 'notAllAsked',
          date: null,
          data: { notAsked: 'G1' },
          evidence: [{ table: 'contact_attempts', id: 'CA1', note: 'asked F1' }],
        },
      ],
    },
    {
      name: 'both parents un-contactable: neither need be asked about the other, the rest must be',
      case: caseOf({
        people: [{ ...mother, contactable: false }, father, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-04-01'), asked('CA2', 'G1', '2026-04-02', 'M1')],
      }),
      findings: [{ recordId: 'F1', messageId: 'notAllAsked', data: { notAsked: 'G1' } }],
    },
    {
      name: 'no one else in the case to ask',
      case: caseOf({ people: [father] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'noOneToAsk',
          date: '2026-04-10',
          data: { personId: 'F1' },
          evidence: [{ table: 'people', id: 'F1' }],
        },
      ],
    },
    {
      name: 'everyone else un-contactable leaves no one to ask',
      case: caseOf({ people: [father, { ...mother, contactable: false, uncontactable_date: '2026-03-01' }] }),
      findings: [
        { recordId: 'F1', messageId: 'noOneToAsk' },
        { recordId: 'M1', messageId: 'noOneToAsk', date: '2026-03-01' },
      ],
    },
    {
      name: 'without an uncontactable date the finding is undated',
      case: caseOf({ people: [mother, { ...father, uncontactable_date: undefined }] }),
      findings: [
        { recordId: 'F1', messageId: 'notAllAsked', date: null, data: { notAsked: 'M1', uncontactableDate: 'not recorded' } },
      ],
    },
    {
      name: 'an uncontactable date after the as-of date is not recorded yet',
      case: caseOf({
        people: [mother, { ...father, uncontactable_date: '2026-11-20' }, grandmother],
        contact_attempts: [asked('CA1', 'M1', '2026-10-01')],
      }),
      findings: [{ recordId: 'F1', messageId: 'notAllAsked', date: null, data: { notAsked: 'G1' } }],
    },
  ],
});
