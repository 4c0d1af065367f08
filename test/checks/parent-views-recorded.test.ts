// RuleTester table for parent-views-recorded.
import * as check from '../../checks/parent-views-recorded.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const grandmother = { person_id: 'G1', relationship: 'maternal grandmother', parent: false } as const;
const assessment = { assessment_id: 'A1', started: '2026-02-01', completed: '2026-03-02' } as const;
const viewsOf = (personId: string, views_recorded: boolean, assessment_id = 'A1') => ({ assessment_id, person_id: personId, views_recorded });

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'father without PR whose PR agreement was declined before the assessment was completed: exempt from it',
      case: caseOf({
        people: [mother, { ...father, ...declined, pr_agreement_date: '2026-02-15' }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
    },
    {
      name: 'a declined PR agreement with no date is taken to cover every assessment',
      case: caseOf({ people: [mother, { ...father, ...declined }], assessments: [assessment], assessment_views: [viewsOf('M1', true)] }),
    },
    {
      name: 'father marked un-contactable before the assessment was completed: exempt from it',
      case: caseOf({
        people: [mother, { ...father, contactable: false, uncontactable_date: '2026-02-15' }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
    },
    {
      name: 'father marked un-contactable on the completion date itself: exempt from it',
      case: caseOf({
        people: [mother, { ...father, contactable: false, uncontactable_date: '2026-03-02' }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
    },
    {
      name: 'father marked un-contactable with no date: the marking covers every assessment',
      case: caseOf({
        people: [mother, { ...father, contactable: false }],
        assessments: [assessment, { assessment_id: 'A2', completed: '2026-09-01' }],
        assessment_views: [viewsOf('M1', true), viewsOf('M1', true, 'A2')],
      }),
    },
    { name: 'no assessments at all', case: caseOf({ people: [mother, father] }), applicable: false },
    {
      name: 'assessment in progress (no completed date)',
      case: caseOf({ people: [mother, father], assessments: [{ assessment_id: 'A1', started: '2026-02-01' }] }),
      applicable: false,
    },
    {
      name: 'assessment completed after the as-of date is still in progress',
      case: caseOf({ people: [mother, father], assessments: [assessment] }),
      asOf: '2026-03-01',
      applicable: false,
    },
    {
      name: 'no parent in the case',
      case: caseOf({ people: [grandmother], assessments: [assessment] }),
      applicable: false,
    },
    {
      name: 'both parents have views recorded',
      case: caseOf({
        people: [mother, father],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', true)],
      }),
    },
    {
      name: 'completed on the as-of date counts, and complies',
      case: caseOf({
        people: [mother, father],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', true)],
      }),
      asOf: '2026-03-02',
    },
    {
      name: 'un-contactable parent is exempt',
      case: caseOf({
        people: [mother, { ...father, contactable: false, uncontactable_date: '2026-02-10' }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
    },
    {
      name: 'every parent un-contactable: applicable, nothing owed',
      case: caseOf({
        people: [
          { ...mother, contactable: false },
          { ...father, contactable: false },
        ],
        assessments: [assessment],
      }),
    },
    {
      name: 'non-parents need no views',
      case: caseOf({
        people: [mother, father, grandmother],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', true)],
      }),
    },
    {
      name: 'an in-progress assessment alongside a complete one is not looked at',
      case: caseOf({
        people: [mother, father],
        assessments: [assessment, { assessment_id: 'A2', started: '2026-09-01' }],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', true)],
      }),
    },
  ],
  invalid: [
    {
      name: 'PR agreement declined only after the assessment was completed: judged as for any parent',
      case: caseOf({
        people: [mother, { ...father, ...declined, pr_agreement_date: '2026-04-01' }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'noViewsRow',
          data: { personId: 'F1' },
          evidence: [{ table: 'people', id: 'F1', note: 'PR agreement declined only from 2026-04-01, after this event of 2026-03-02' }],
        },
      ],
    },
    {
      name: 'a declined agreement exempts only a parent recorded without PR, and only when declined',
      case: caseOf({
        people: [
          mother,
          { ...father, ...declined, parental_responsibility: true },
          { ...father, person_id: 'F2', pr_agreement: 'declined' },
          { ...father, person_id: 'F3', parental_responsibility: false, pr_agreement: 'agreed' },
        ],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
      findings: [
        { recordId: 'A1', messageId: 'noViewsRow', data: { personId: 'F1' } },
        { recordId: 'A1', messageId: 'noViewsRow', data: { personId: 'F2' } },
        { recordId: 'A1', messageId: 'noViewsRow', data: { personId: 'F3' } },
      ],
    },
    {
      name: 'father marked un-contactable in July: May\'s assessment without his views is still a breach, September\'s is exempt',
      case: caseOf({
        people: [mother, { ...father, contactable: false, uncontactable_date: '2026-07-01' }],
        assessments: [
          { assessment_id: 'A1', completed: '2026-05-11' },
          { assessment_id: 'A2', completed: '2026-09-01' },
        ],
        assessment_views: [viewsOf('M1', true), viewsOf('M1', true, 'A2')],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'noViewsRow',
          date: '2026-05-11',
          data: { personId: 'F1' },
          evidence: [
            {
              table: 'people',
              id: 'F1',
              note: 'marked un-contactable only from 2026-07-01, after this event of 2026-05-11: judged as contactable',
            },
          ],
        },
      ],
    },
    {
      name: 'no views row for the father',
      case: caseOf({
        people: [mother, father],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'noViewsRow',
          date: '2026-03-02',
          data: { assessmentId: 'A1', personId: 'F1', completed: '2026-03-02' },
          evidence: [
            { table: 'assessments', id: 'A1', date: '2026-03-02' },
            { table: 'assessment_views', id: 'A1/M1', note: 'views_recorded Y' },
            { table: 'assessment_views', id: 'A1/F1', note: 'no views row' },
          ],
        },
      ],
    },
    {
      name: 'views_recorded N',
      case: caseOf({
        people: [mother, father],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', false)],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'viewsNotRecorded',
          data: { personId: 'F1', viewsRecorded: 'N' },
          evidence: [{ table: 'assessment_views', id: 'A1/F1', note: 'views_recorded N' }],
        },
      ],
    },
    {
      name: 'contactable empty is not an exemption',
      case: caseOf({
        people: [mother, { ...father, contactable: undefined }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
      findings: [{ recordId: 'A1', messageId: 'noViewsRow', data: { personId: 'F1' } }],
    },
    {
      name: 'contactable Y is not an exemption',
      case: caseOf({
        people: [mother, { ...father, contactable: true }],
        assessments: [assessment],
        assessment_views: [viewsOf('M1', true)],
      }),
      findings: [{ recordId: 'A1', messageId: 'noViewsRow', data: { personId: 'F1' } }],
    },
    {
      name: 'a views row of another assessment does not count',
      case: caseOf({
        people: [mother, father],
        assessments: [assessment, { assessment_id: 'A2', completed: '2026-06-15' }],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', true), viewsOf('M1', true, 'A2')],
      }),
      findings: [{ recordId: 'A2', messageId: 'noViewsRow', date: '2026-06-15', data: { personId: 'F1' } }],
    },
    {
      name: 'one finding per assessment and parent',
      case: caseOf({
        people: [mother, father, { person_id: 'F2', relationship: 'father', parent: true, resident: false }],
        assessments: [assessment, { assessment_id: 'A2', completed: '2026-06-15' }],
        assessment_views: [viewsOf('M1', true), viewsOf('F1', false), viewsOf('M1', true, 'A2')],
      }),
      findings: [
        { recordId: 'A1', messageId: 'viewsNotRecorded', data: { personId: 'F1' } },
        { recordId: 'A1', messageId: 'noViewsRow', data: { personId: 'F2' } },
        { recordId: 'A2', messageId: 'noViewsRow', data: { personId: 'F1' } },
        { recordId: 'A2', messageId: 'noViewsRow', data: { personId: 'F2' } },
      ],
    },
    {
      name: 'the exempt parent is shown in the evidence of the other parent’s finding',
      case: caseOf({
        people: [mother, { ...father, contactable: false }],
        assessments: [assessment],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'noViewsRow',
          data: { personId: 'M1' },
          evidence: [{ table: 'people', id: 'F1', note: 'un-contactable' }],
        },
      ],
    },
  ],
});
