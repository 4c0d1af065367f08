// RuleTester table for nrp-met-in-person.
import * as check from '../../checks/nrp-met-in-person.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const assessment = { assessment_id: 'A1', completed: '2026-03-02' } as const;
const fatherView = { assessment_id: 'A1', person_id: 'F1', views_recorded: true } as const;

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'father without PR whose PR agreement was declined (no date): his phone views are not judged',
      case: caseOf({
        people: [{ ...father, ...declined }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'phone' }],
      }),
      applicable: false,
    },
    { name: 'no assessments at all', case: caseOf({ people: [{ ...father }] }), applicable: false },
    {
      name: 'resident parent seen by phone is out of scope',
      case: caseOf({
        people: [{ ...mother }],
        assessments: [{ ...assessment }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'M1', views_recorded: true, method: 'phone' }],
      }),
      applicable: false,
    },
    {
      name: 'assessment in progress is not looked at',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ assessment_id: 'A1', started: '2026-02-01' }],
        assessment_views: [{ ...fatherView, method: 'phone' }],
      }),
      applicable: false,
    },
    {
      name: 'assessment completed after the as-of date is still in progress',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ assessment_id: 'A1', completed: '2026-11-02' }],
        assessment_views: [{ ...fatherView, method: 'phone' }],
      }),
      applicable: false,
    },
    {
      name: 'no views taken (method none) is left to parent-views-recorded',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'F1', views_recorded: false, method: 'none' }],
      }),
      applicable: false,
    },
    {
      name: 'no method and no views recorded is left to parent-views-recorded',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'F1', views_recorded: false }],
      }),
      applicable: false,
    },
    {
      name: 'met in person',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'in_person' }],
      }),
    },
    {
      name: 'phone with an exceptional reason',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'phone', exceptional_reason: 'lives abroad' }],
      }),
    },
    {
      name: 'written with an exceptional reason',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'written', exceptional_reason: 'in custody' }],
      }),
    },
    {
      name: 'no method but an exceptional reason recorded',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, exceptional_reason: 'declined to meet' }],
      }),
    },
    {
      name: 'written views accepted when the option lists only phone',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'written' }],
      }),
      options: { remoteMethods: ['phone'] },
    },
    {
      name: 'completed on the as-of date counts',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ assessment_id: 'A1', completed: '2026-10-31' }],
        assessment_views: [{ ...fatherView, method: 'in_person' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'PR agreement declined only after the assessment: phone views without a reason are still a breach',
      case: caseOf({
        people: [{ ...father, ...declined, pr_agreement_date: '2026-04-01' }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'phone' }],
      }),
      findings: [{ recordId: 'A1', messageId: 'noExceptionalReason' }],
    },
    {
      name: 'phone without an exceptional reason',
      case: caseOf({
        people: [{ ...mother }, { ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [
          { assessment_id: 'A1', person_id: 'M1', views_recorded: true, method: 'phone' },
          { ...fatherView, method: 'phone', exceptional_reason: ' ' },
        ],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'noExceptionalReason',
          date: '2026-03-02',
          data: { assessmentId: 'A1', personId: 'F1', method: 'phone' },
          evidence: [
            { table: 'assessments', id: 'A1', date: '2026-03-02' },
            { table: 'assessment_views', id: 'A1/F1', note: 'method phone' },
            { table: 'people', id: 'F1' },
          ],
        },
      ],
    },
    {
      name: 'written without an exceptional reason',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, method: 'written' }],
      }),
      findings: [{ recordId: 'A1', messageId: 'noExceptionalReason', data: { method: 'written' } }],
    },
    {
      name: 'views recorded without a method are not evidenced as met in person',
      case: caseOf({
        people: [{ ...father }],
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView }],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'methodNotRecorded',
          evidence: [{ table: 'assessment_views', id: 'A1/F1', note: 'method not recorded, views_recorded Y' }],
        },
      ],
    },
    {
      name: 'one finding per assessment and non-resident parent',
      case: caseOf({
        people: [{ ...father }, { person_id: 'M2', relationship: 'mother', parent: true, resident: false }],
        assessments: [{ ...assessment }, { assessment_id: 'A2', completed: '2026-06-01' }],
        assessment_views: [
          { ...fatherView, method: 'phone' },
          { assessment_id: 'A1', person_id: 'M2', views_recorded: true, method: 'in_person' },
          { assessment_id: 'A2', person_id: 'F1', views_recorded: true, method: 'in_person' },
          { assessment_id: 'A2', person_id: 'M2', views_recorded: true, method: 'written' },
        ],
      }),
      findings: [
        { recordId: 'A1', messageId: 'noExceptionalReason', data: { personId: 'F1' } },
        { recordId: 'A2', messageId: 'noExceptionalReason', date: '2026-06-01', data: { personId: 'M2' } },
      ],
    },
  ],
});
