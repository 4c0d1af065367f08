// RuleTester table for joint-visit-where-risk.
import * as check from '../../checks/joint-visit-where-risk.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const partner = { person_id: 'P1', relationship: "mother's partner", parent: false, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const risky = [mother, { ...partner, violence_flag: true }];
const visit = { visit_id: 'V1', date: '2026-04-14', type: 'home', outcome: 'completed' } as const;

ruleTester(check, {
  valid: [
    { name: 'no people or visits', case: caseOf(), applicable: false },
    {
      name: 'no violence flag in the household',
      case: caseOf({ people: [mother, { ...partner, violence_flag: false }], visits: [visit] }),
      applicable: false,
    },
    {
      name: 'violence flag not recorded is no flag',
      case: caseOf({ people: [mother, partner], visits: [visit] }),
      applicable: false,
    },
    {
      name: 'only a non-resident person is flagged',
      case: caseOf({ people: [mother, { ...father, violence_flag: true }], visits: [visit] }),
      applicable: false,
    },
    {
      name: 'flagged person whose residence is not recorded',
      case: caseOf({ people: [mother, { ...partner, resident: undefined, violence_flag: true }], visits: [visit] }),
      applicable: false,
    },
    { name: 'flagged household but no visits', case: caseOf({ people: risky }), applicable: false },
    {
      name: 'office, school, other and untyped visits do not count',
      case: caseOf({
        people: risky,
        visits: [
          { ...visit, type: 'office' },
          { ...visit, visit_id: 'V2', type: 'school' },
          { ...visit, visit_id: 'V3', type: 'other' },
          { ...visit, visit_id: 'V4', type: undefined },
        ],
      }),
      applicable: false,
    },
    {
      name: 'cancelled home visits were not made',
      case: caseOf({
        people: risky,
        visits: [
          { ...visit, outcome: 'cancelled_by_family', joint: false },
          { ...visit, visit_id: 'V2', outcome: 'cancelled_by_service' },
        ],
      }),
      applicable: false,
    },
    { name: 'joint home visit', case: caseOf({ people: risky, visits: [{ ...visit, joint: true }] }) },
    {
      name: 'every counted outcome joint',
      case: caseOf({
        people: risky,
        visits: [
          { ...visit, joint: true },
          { ...visit, visit_id: 'V2', outcome: 'no_access', joint: true },
          { ...visit, visit_id: 'V3', outcome: 'defaulted', joint: true },
          { ...visit, visit_id: 'V4', outcome: 'cancelled_by_service', joint: false },
        ],
      }),
    },
    {
      name: 'option narrows the counted outcomes to completed visits',
      case: caseOf({
        people: risky,
        visits: [
          { ...visit, joint: true },
          { ...visit, visit_id: 'V2', outcome: 'no_access', joint: false },
        ],
      }),
      options: { visitOutcomes: ['completed'] },
    },
  ],
  invalid: [
    {
      name: 'sole-worker home visit',
      case: caseOf({ people: risky, visits: [{ ...visit, joint: false }] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'soleWorker',
          date: '2026-04-14',
          data: { visitId: 'V1', outcome: 'completed', flaggedPeople: 'P1' },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-04-14', note: 'joint N' },
            { table: 'people', id: 'P1', note: 'violence_flag Y' },
          ],
        },
      ],
    },
    {
      name: 'joint not recorded is not evidenced',
      case: caseOf({ people: risky, visits: [{ ...visit, outcome: 'no_access' }] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'jointNotRecorded',
          data: { outcome: 'no_access' },
          evidence: [{ table: 'visits', id: 'V1', note: 'joint not recorded' }],
        },
      ],
    },
    {
      name: 'a flagged resident parent counts too, and all flagged residents are named',
      case: caseOf({
        people: [{ ...mother, violence_flag: true }, { ...partner, violence_flag: true }, { ...father, violence_flag: true }],
        visits: [{ ...visit, outcome: 'defaulted', joint: false }],
      }),
      findings: [{ recordId: 'V1', messageId: 'soleWorker', data: { flaggedPeople: 'M1, P1' } }],
    },
    {
      name: 'the flag applies to every visit, early or late',
      case: caseOf({
        people: risky,
        visits: [
          { ...visit, date: '2025-01-06', joint: false },
          { ...visit, visit_id: 'V2', date: '2026-02-02', joint: true },
          { ...visit, visit_id: 'V3', date: '2026-10-30' },
        ],
      }),
      findings: [
        { recordId: 'V1', messageId: 'soleWorker', date: '2025-01-06' },
        { recordId: 'V3', messageId: 'jointNotRecorded', date: '2026-10-30' },
      ],
    },
    {
      name: 'option widens the counted outcomes to cancellations',
      case: caseOf({ people: risky, visits: [{ ...visit, outcome: 'cancelled_by_family', joint: false }] }),
      options: { visitOutcomes: ['completed', 'cancelled_by_family'] },
      findings: [{ recordId: 'V1', messageId: 'soleWorker', data: { outcome: 'cancelled_by_family' } }],
    },
  ],
});
