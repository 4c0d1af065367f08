// RuleTester table for views-not-adopted-reasoned.
import * as check from '../../checks/views-not-adopted-reasoned.js';
import { caseOf, ruleTester } from './_tester.js';

const assessment = { assessment_id: 'A1', completed: '2026-03-02' } as const;
const fatherView = { assessment_id: 'A1', person_id: 'F1', views_recorded: true } as const;

ruleTester(check, {
  valid: [
    { name: 'no assessments at all', case: caseOf(), applicable: false },
    {
      name: 'views adopted',
      case: caseOf({ assessments: [{ ...assessment }], assessment_views: [{ ...fatherView, views_adopted: 'yes' }] }),
      applicable: false,
    },
    {
      name: 'views_adopted not recorded is not looked at',
      case: caseOf({ assessments: [{ ...assessment }], assessment_views: [{ ...fatherView }] }),
      applicable: false,
    },
    {
      name: 'assessment in progress is not looked at',
      case: caseOf({
        assessments: [{ assessment_id: 'A1', started: '2026-02-01' }],
        assessment_views: [{ ...fatherView, views_adopted: 'no' }],
      }),
      applicable: false,
    },
    {
      name: 'assessment completed after the as-of date is still in progress',
      case: caseOf({
        assessments: [{ assessment_id: 'A1', completed: '2026-11-01' }],
        assessment_views: [{ ...fatherView, views_adopted: 'no' }],
      }),
      applicable: false,
    },
    {
      name: 'not adopted with a reason',
      case: caseOf({
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, views_adopted: 'no', not_adopted_reason: 'inconsistent with evidence' }],
      }),
    },
    {
      name: 'partly adopted with a reason',
      case: caseOf({
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, views_adopted: 'partly', not_adopted_reason: 'see analysis' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'not adopted without a reason',
      case: caseOf({
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, views_adopted: 'no' }],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'reasonNotRecorded',
          date: '2026-03-02',
          data: { assessmentId: 'A1', personId: 'F1', viewsAdopted: 'no' },
          evidence: [
            { table: 'assessments', id: 'A1', date: '2026-03-02' },
            { table: 'assessment_views', id: 'A1/F1', note: 'views_adopted no' },
          ],
        },
      ],
    },
    {
      name: 'partly adopted with a blank reason',
      case: caseOf({
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, views_adopted: 'partly', not_adopted_reason: '   ' }],
      }),
      findings: [{ recordId: 'A1', messageId: 'reasonNotRecorded', data: { viewsAdopted: 'partly' } }],
    },
    {
      name: "a resident parent's views count too",
      case: caseOf({
        people: [{ person_id: 'M1', relationship: 'mother', parent: true, resident: true }],
        assessments: [{ ...assessment }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'M1', views_recorded: true, views_adopted: 'no' }],
      }),
      findings: [{ recordId: 'A1', messageId: 'reasonNotRecorded', data: { personId: 'M1' } }],
    },
    {
      name: 'completed on the as-of date counts',
      asOf: '2026-03-02',
      case: caseOf({
        assessments: [{ ...assessment }],
        assessment_views: [{ ...fatherView, views_adopted: 'no' }],
      }),
      findings: [{ recordId: 'A1', messageId: 'reasonNotRecorded' }],
    },
    {
      name: 'one finding per assessment and parent',
      case: caseOf({
        assessments: [{ ...assessment }, { assessment_id: 'A2', completed: '2026-06-01' }],
        assessment_views: [
          { ...fatherView, views_adopted: 'no' },
          { assessment_id: 'A1', person_id: 'M1', views_recorded: true, views_adopted: 'yes' },
          { assessment_id: 'A2', person_id: 'F1', views_recorded: true, views_adopted: 'partly', not_adopted_reason: 'r' },
          { assessment_id: 'A2', person_id: 'M1', views_recorded: true, views_adopted: 'partly' },
        ],
      }),
      findings: [
        { recordId: 'A1', messageId: 'reasonNotRecorded', data: { personId: 'F1' } },
        { recordId: 'A2', messageId: 'reasonNotRecorded', date: '2026-06-01', data: { personId: 'M1' } },
      ],
    },
  ],
});
