// RuleTester table for nrp-copied-into-letters.
import * as check from '../../checks/nrp-copied-into-letters.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const secondFather = { person_id: 'F2', relationship: 'father', parent: true, resident: false } as const;
const grandmother = { person_id: 'G1', relationship: 'maternal grandmother', parent: false, resident: true } as const;
const toMother = { letter_id: 'L1', date: '2026-03-02', recipient: 'M1' } as const;
const toFather = { letter_id: 'L1', date: '2026-03-02', recipient: 'F1' } as const;

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'father without PR whose PR agreement was declined before the letter: not owed a copy',
      case: caseOf({ people: [mother, { ...father, ...declined, pr_agreement_date: '2026-02-01' }], letters: [toMother] }),
    },
    {
      name: 'father marked un-contactable before the letter: not owed a copy',
      case: caseOf({ people: [mother, { ...father, contactable: false, uncontactable_date: '2026-02-01' }], letters: [toMother] }),
    },
    { name: 'no letters at all', case: caseOf({ people: [mother, father] }), applicable: false },
    {
      name: 'no non-resident parent in the case',
      case: caseOf({ people: [mother], letters: [toMother] }),
      applicable: false,
    },
    {
      name: 'letter to the non-resident parent only',
      case: caseOf({ people: [mother, father], letters: [toFather] }),
      applicable: false,
    },
    {
      name: 'letter to a resident relative who is not a parent',
      case: caseOf({ people: [mother, father, grandmother], letters: [{ ...toMother, recipient: 'G1' }] }),
      applicable: false,
    },
    {
      name: 'a parent whose residence is not recorded is not a resident parent',
      case: caseOf({
        people: [{ ...mother, resident: undefined }, father],
        letters: [toMother],
      }),
      applicable: false,
    },
    { name: 'letter to both parents', case: caseOf({ people: [mother, father], letters: [toMother, toFather] }) },
    {
      name: 'non-resident parent with risk flag is exempt',
      case: caseOf({ people: [mother, { ...father, risk_flag: true }], letters: [toMother] }),
    },
    {
      name: 'un-contactable non-resident parent is exempt',
      case: caseOf({ people: [mother, { ...father, contactable: false }], letters: [toMother] }),
    },
    {
      name: 'every non-resident parent copied',
      case: caseOf({
        people: [mother, father, secondFather],
        letters: [toMother, toFather, { ...toMother, recipient: 'F2' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'PR agreement declined only after the letter: still owed a copy',
      case: caseOf({ people: [mother, { ...father, ...declined, pr_agreement_date: '2026-03-03' }], letters: [toMother] }),
      findings: [
        {
          recordId: 'L1',
          messageId: 'notCopied',
          evidence: [{ table: 'people', id: 'F1', note: 'PR agreement declined only from 2026-03-03, after this event of 2026-03-02' }],
        },
      ],
    },
    {
      name: 'father marked un-contactable after the letter: he was owed a copy when it was sent',
      case: caseOf({ people: [mother, { ...father, contactable: false, uncontactable_date: '2026-07-01' }], letters: [toMother] }),
      findings: [
        {
          recordId: 'L1',
          messageId: 'notCopied',
          date: '2026-03-02',
          data: { notCopied: 'F1' },
          evidence: [{ table: 'people', id: 'F1', note: 'marked un-contactable only from 2026-07-01, after this event of 2026-03-02' }],
        },
      ],
    },
    {
      name: 'letter to the resident parent only',
      case: caseOf({ people: [mother, { ...father, contactable: true }], letters: [toMother] }),
      findings: [
        {
          recordId: 'L1',
          messageId: 'notCopied',
          date: '2026-03-02',
          data: { letterId: 'L1', residentParents: 'M1', notCopied: 'F1', notCopiedCount: 1 },
          evidence: [
            { table: 'letters', id: 'L1', date: '2026-03-02', note: 'sent to M1 (resident parent)' },
            { table: 'people', id: 'F1', note: 'non-resident parent not sent the letter; contactable Y, risk_flag not recorded' },
          ],
        },
      ],
    },
    {
      name: 'risk flag N or empty does not exempt, nor does an empty contactable',
      case: caseOf({ people: [mother, { ...father, risk_flag: false }, secondFather], letters: [toMother] }),
      findings: [{ recordId: 'L1', messageId: 'notCopied', data: { notCopied: 'F1, F2', notCopiedCount: 2 } }],
    },
    {
      name: 'names only the parents not copied and shows the exempt ones',
      case: caseOf({
        people: [mother, father, grandmother, { ...secondFather, risk_flag: true }, { ...secondFather, person_id: 'F3' }],
        letters: [toMother, toFather, { ...toMother, recipient: 'G1' }],
      }),
      findings: [
        {
          recordId: 'L1',
          messageId: 'notCopied',
          data: { notCopied: 'F3', residentParents: 'M1' },
          evidence: [
            { table: 'letters', id: 'L1', note: 'sent to F1' },
            { table: 'letters', id: 'L1', note: 'sent to G1' },
            { table: 'people', id: 'F2', note: 'exempt: risk_flag Y' },
            { table: 'people', id: 'F3', note: 'non-resident parent not sent the letter' },
          ],
        },
      ],
    },
    {
      name: 'letter to two resident parents',
      case: caseOf({
        people: [mother, { ...mother, person_id: 'S1', relationship: 'stepfather' }, father],
        letters: [toMother, { ...toMother, recipient: 'S1' }],
      }),
      findings: [{ recordId: 'L1', messageId: 'notCopied', data: { residentParents: 'M1, S1', notCopied: 'F1' } }],
    },
    {
      name: 'one finding per letter, dated by its earliest row',
      case: caseOf({
        people: [mother, father],
        letters: [
          toMother,
          toFather,
          { letter_id: 'L2', date: '2026-04-08', recipient: 'M1' },
          { letter_id: 'L3', date: '2026-05-12', recipient: 'M1' },
          { letter_id: 'L2', date: '2026-04-07', recipient: 'G1' },
        ],
      }),
      findings: [
        { recordId: 'L2', messageId: 'notCopied', date: '2026-04-07', data: { date: '2026-04-07' } },
        { recordId: 'L3', messageId: 'notCopied', date: '2026-05-12' },
      ],
    },
  ],
});
