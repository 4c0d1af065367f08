// RuleTester table for nrp-details-recorded.
import * as check from '../../checks/nrp-details-recorded.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;

ruleTester(check, {
  valid: [
    { name: 'no people at all', case: caseOf(), applicable: false },
    { name: 'only a resident parent', case: caseOf({ people: [{ ...mother }] }), applicable: false },
    {
      name: 'parent with residence not recorded is not a non-resident parent',
      case: caseOf({ people: [{ person_id: 'F1', relationship: 'father', parent: true }] }),
      applicable: false,
    },
    {
      name: 'non-resident relative who is not a parent',
      case: caseOf({
        people: [{ person_id: 'G1', relationship: 'maternal grandmother', parent: false, resident: false }],
      }),
      applicable: false,
    },
    {
      name: 'resident parent without details is out of scope',
      case: caseOf({ people: [{ ...mother, details_recorded: false }] }),
      applicable: false,
    },
    { name: 'non-resident parent with details recorded', case: caseOf({ people: [{ ...mother }, { ...father, details_recorded: true }] }) },
    {
      name: 'non-resident parent marked un-contactable without details',
      case: caseOf({ people: [{ ...father, details_recorded: false, contactable: false }] }),
    },
    {
      name: 'un-contactable non-resident parent with details not recorded either way',
      case: caseOf({ people: [{ ...father, contactable: false }] }),
    },
  ],
  invalid: [
    {
      name: 'details_recorded N',
      case: caseOf({ people: [{ ...mother }, { ...father, details_recorded: false, contactable: true }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'detailsNotRecorded',
          date: null,
          data: { personId: 'F1' },
          evidence: [{ table: 'people', id: 'F1', note: 'details_recorded N' }],
        },
      ],
    },
    {
      name: 'details_recorded empty is not evidenced',
      case: caseOf({ people: [{ ...father }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'detailsNotEvidenced',
          evidence: [{ table: 'people', id: 'F1', note: 'details_recorded not recorded, contactable not recorded' }],
        },
      ],
    },
    {
      name: 'empty contactable does not exempt',
      case: caseOf({ people: [{ ...father, details_recorded: false }] }),
      findings: [{ recordId: 'F1', messageId: 'detailsNotRecorded' }],
    },
    {
      name: 'one finding per non-resident parent lacking details',
      case: caseOf({
        people: [
          { ...father, details_recorded: false },
          { person_id: 'M2', relationship: 'mother', parent: true, resident: false, details_recorded: true },
          { person_id: 'F2', relationship: 'father', parent: true, resident: false },
        ],
      }),
      findings: [
        { recordId: 'F1', messageId: 'detailsNotRecorded' },
        { recordId: 'F2', messageId: 'detailsNotEvidenced' },
      ],
    },
  ],
});
