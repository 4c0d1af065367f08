// RuleTester table for pr-agreement-sought.
import * as check from '../../checks/pr-agreement-sought.js';
import type { PrAgreement } from '../../src/model/types.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true, parental_responsibility: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false, parental_responsibility: false } as const;
const review = { meeting_id: 'MT1', type: 'cin_review', date: '2026-03-16' } as const;
const laterReview = { meeting_id: 'MT2', type: 'cin_review', date: '2026-06-15' } as const;
const invited = (meeting_id = 'MT1') => ({ meeting_id, person_id: 'F1', invited: true }) as const;
/** The father without PR invited to the March review, with the PR agreement as given. */
const fatherAsked = (pr_agreement?: PrAgreement, pr_agreement_date?: string, extra: CaseInput = {}) =>
  caseOf({
    people: [
      mother,
      {
        ...father,
        ...(pr_agreement === undefined ? {} : { pr_agreement }),
        ...(pr_agreement_date === undefined ? {} : { pr_agreement_date }),
      },
    ],
    meetings: [review],
    meeting_parents: [invited()],
    ...extra,
  });

ruleTester(check, {
  valid: [
    {
      name: 'an export without pr_agreement: nothing can be judged and no case is applicable',
      case: fatherAsked(),
      absentColumns: ['people.pr_agreement', 'people.pr_agreement_date'],
      applicable: false,
    },
    { name: 'no people at all', case: caseOf(), applicable: false },
    { name: 'agreed before the first involvement', case: fatherAsked('agreed', '2026-03-02') },
    { name: 'agreed on the day of the first involvement', case: fatherAsked('agreed', '2026-03-16') },
    {
      name: 'declined before any involvement and never involved after: complies',
      case: fatherAsked('declined', '2026-03-16'),
    },
    {
      name: 'a parent with PR is not looked at',
      case: fatherAsked(undefined, undefined, { people: [mother, { ...father, parental_responsibility: true }] }),
      applicable: false,
    },
    {
      name: 'an empty parental_responsibility is not N',
      case: fatherAsked(undefined, undefined, { people: [mother, { ...father, parental_responsibility: undefined }] }),
      applicable: false,
    },
    {
      name: 'no other parent has PR: nobody to ask',
      case: fatherAsked(undefined, undefined, { people: [{ ...mother, parental_responsibility: undefined }, father] }),
      applicable: false,
    },
    {
      name: 'a parent without PR who was never involved',
      case: caseOf({ people: [mother, father], meetings: [review], meeting_parents: [{ ...invited(), invited: false }] }),
      applicable: false,
    },
    {
      name: 'an involvement after the as-of date is not on the record yet',
      case: fatherAsked(),
      asOf: '2026-03-15',
      applicable: false,
    },
    {
      name: 'an assessment in progress is not an involvement',
      case: caseOf({
        people: [mother, father],
        assessments: [{ assessment_id: 'A1', started: '2026-03-01' }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'F1', views_recorded: true }],
      }),
      applicable: false,
    },
    {
      name: 'views not recorded are not an involvement',
      case: caseOf({
        people: [mother, father],
        assessments: [{ assessment_id: 'A1', completed: '2026-03-10' }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'F1', views_recorded: false }],
      }),
      applicable: false,
    },
    {
      name: 'without meeting columns the invitation is left out and the letter is the first involvement',
      case: fatherAsked('agreed', '2026-03-20', { letters: [{ letter_id: 'L1', date: '2026-03-20', recipient: 'F1' }] }),
      absentColumns: ['meeting_parents.attended'],
    },
    {
      name: 'without pr_agreement_date only the asking itself is judged',
      case: fatherAsked('agreed'),
      absentColumns: ['people.pr_agreement_date'],
    },
  ],
  invalid: [
    {
      name: 'not asked: pr_agreement empty',
      case: fatherAsked(),
      findings: [
        {
          recordId: 'F1',
          messageId: 'notAsked',
          date: '2026-03-16',
          due: null,
          data: { personId: 'F1', involvement: 'invited to cin_review MT1', agreement: 'not recorded' },
          evidence: [
            { table: 'people', id: 'F1', note: 'parent(s) with PR: M1' },
            { table: 'meeting_parents', id: 'MT1/F1', date: '2026-03-16', note: 'the earliest involvement' },
          ],
        },
      ],
    },
    {
      name: 'not asked: pr_agreement not_asked, involved by an assessment',
      case: caseOf({
        people: [mother, { ...father, pr_agreement: 'not_asked' }],
        assessments: [{ assessment_id: 'A1', completed: '2026-02-27' }],
        assessment_views: [{ assessment_id: 'A1', person_id: 'F1', views_recorded: true }],
      }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'notAsked',
          date: '2026-02-27',
          data: { agreement: 'not_asked', involvement: 'views in assessment A1' },
          evidence: [{ table: 'assessment_views', id: 'A1/F1', date: '2026-02-27' }],
        },
      ],
    },
    {
      name: 'asked only after the as-of date: not asked yet',
      case: fatherAsked('agreed', '2026-04-01'),
      asOf: '2026-03-31',
      findings: [{ recordId: 'F1', messageId: 'notAsked', evidence: [{ table: 'people', id: 'F1', note: '(after the as-of date)' }] }],
    },
    {
      name: 'agreed, but the date is not recorded',
      case: fatherAsked('agreed'),
      findings: [{ recordId: 'F1', messageId: 'askedUndated', date: '2026-03-16', data: { agreement: 'agreed' } }],
    },
    {
      name: 'asked after the first involvement: the earliest involvement, a letter, is the date',
      case: fatherAsked('agreed', '2026-03-16', { letters: [{ letter_id: 'L1', date: '2026-03-05', recipient: 'F1' }] }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'askedAfterInvolvement',
          date: '2026-03-05',
          data: { asked: '2026-03-16', involvement: 'sent letter L1' },
          evidence: [{ table: 'letters', id: 'L1', date: '2026-03-05', note: 'before the parent with PR was asked on 2026-03-16' }],
        },
      ],
    },
    {
      name: 'attending without an invitation is an involvement',
      case: caseOf({
        people: [mother, father],
        meetings: [review],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', attended: true }],
      }),
      findings: [{ recordId: 'F1', messageId: 'notAsked', data: { involvement: 'attended cin_review MT1' } }],
    },
    {
      name: 'declined, and involved again after the decline',
      case: fatherAsked('declined', '2026-03-10', {
        meetings: [review, laterReview],
        meeting_parents: [invited(), invited('MT2')],
      }),
      findings: [
        {
          recordId: 'F1',
          messageId: 'involvedAfterDecline',
          date: '2026-03-16',
          data: { asked: '2026-03-10', involvement: 'invited to cin_review MT1' },
          evidence: [{ table: 'meeting_parents', id: 'MT1/F1', note: 'the first involvement after the decline of 2026-03-10' }],
        },
      ],
    },
    {
      name: 'one finding per parent, by person id, the first breach that applies',
      case: caseOf({
        people: [
          mother,
          { ...father, person_id: 'F2', pr_agreement: 'agreed' },
          { ...father, pr_agreement: 'agreed', pr_agreement_date: '2026-03-20' },
        ],
        meetings: [review],
        meeting_parents: [invited(), { meeting_id: 'MT1', person_id: 'F2', invited: true }],
      }),
      findings: [
        { recordId: 'F1', messageId: 'askedAfterInvolvement' },
        { recordId: 'F2', messageId: 'askedUndated' },
      ],
    },
  ],
});
