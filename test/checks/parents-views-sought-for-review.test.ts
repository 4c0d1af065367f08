// RuleTester table for parents-views-sought-for-review.
import * as check from '../../checks/parents-views-sought-for-review.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const review = { meeting_id: 'MT1', type: 'cin_review', date: '2026-06-02' } as const;
const conference = { meeting_id: 'MT2', type: 'cp_conference', date: '2026-07-06' } as const;
const sought = (person_id: string, views_sought: boolean | null = true, meeting_id = 'MT1', extra: object = {}) => ({
  meeting_id,
  person_id,
  invited: true,
  ...(views_sought === null ? {} : { views_sought }),
  ...extra,
});
const atReview = (extra: CaseInput = {}): CaseInput => ({
  people: [{ ...mother }, { ...father }],
  meetings: [review],
  meeting_parents: [sought('M1'), sought('F1')],
  ...extra,
});

ruleTester(check, {
  valid: [
    {
      name: 'an export without views_sought: nothing is judged',
      case: caseOf(atReview({ meeting_parents: [sought('M1', null), sought('F1', null)] })),
      absentColumns: ['meeting_parents.views_sought'],
      applicable: false,
    },
    { name: 'no meetings at all', case: caseOf({ people: [{ ...mother }] }), applicable: false },
    {
      name: 'a core group is not a conference or review by default',
      case: caseOf(atReview({ meetings: [{ ...review, type: 'core_group' }], meeting_parents: [] })),
      applicable: false,
    },
    {
      name: 'a looked-after review is not one of the default types',
      case: caseOf(atReview({ meetings: [{ ...review, type: 'lac_review' }], meeting_parents: [] })),
      applicable: false,
    },
    {
      name: 'a meeting after the as-of date is not looked at',
      case: caseOf(atReview({ meeting_parents: [] })),
      asOf: '2026-06-01',
      applicable: false,
    },
    { name: 'both parents’ views sought', case: caseOf(atReview()) },
    {
      name: 'a carer who is not a parent is not owed the request',
      case: caseOf(
        atReview({
          people: [{ ...mother }, { ...father }, { person_id: 'FC1', relationship: 'foster carer', parent: false, resident: true }],
        }),
      ),
    },
    {
      name: 'a father excluded from the meeting whose views were sought apart from it complies',
      case: caseOf(atReview({ meeting_parents: [sought('M1'), sought('F1', true, 'MT1', { invited: false, excluded: true })] })),
    },
    {
      name: 'un-contactable with no date: exempt for every meeting',
      case: caseOf(atReview({ people: [{ ...mother }, { ...father, contactable: false }], meeting_parents: [sought('M1')] })),
    },
    {
      name: 'un-contactable from the meeting date itself: exempt',
      case: caseOf(
        atReview({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-06-02' }], meeting_parents: [sought('M1')] }),
      ),
    },
    {
      name: 'PR agreement declined before the meeting: exempt',
      case: caseOf(
        atReview({
          people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-05-20' }],
          meeting_parents: [sought('M1')],
        }),
      ),
    },
    {
      name: 'the only parent un-contactable: nothing to look at',
      case: caseOf({ people: [{ ...father, contactable: false }], meetings: [review] }),
      applicable: false,
    },
    {
      name: 'the option adds looked-after reviews',
      case: caseOf(atReview({ meetings: [{ ...review, type: 'lac_review' }] })),
      options: { meetingTypes: ['lac_review'] },
    },
  ],
  invalid: [
    {
      name: 'the father has no row for the review',
      case: caseOf(atReview({ meeting_parents: [sought('M1')] })),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'viewsNotSought',
          date: '2026-06-02',
          due: null,
          data: { personId: 'F1', meetingId: 'MT1', type: 'cin_review', date: '2026-06-02', recorded: 'no meeting_parents row for the parent' },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-06-02', note: 'cin_review' },
            { table: 'meeting_parents', id: 'MT1/F1', note: 'no meeting_parents row for the parent' },
          ],
        },
      ],
    },
    {
      name: 'views_sought N',
      case: caseOf(atReview({ meeting_parents: [sought('M1'), sought('F1', false)] })),
      findings: [{ recordId: 'MT1', messageId: 'viewsNotSought', data: { recorded: 'views_sought N' } }],
    },
    {
      name: 'views_sought empty is not evidenced',
      case: caseOf(atReview({ meeting_parents: [sought('M1', null), sought('F1')] })),
      findings: [{ recordId: 'MT1', messageId: 'viewsNotSought', data: { personId: 'M1', recorded: 'views_sought not recorded' } }],
    },
    {
      name: 'an excluded father is not exempt',
      case: caseOf(atReview({ meeting_parents: [sought('M1'), sought('F1', false, 'MT1', { invited: false, excluded: true })] })),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'viewsNotSought',
          evidence: [{ table: 'meeting_parents', id: 'MT1/F1', note: 'excluded from the meeting: not an exemption' }],
        },
      ],
    },
    {
      name: 'a father with a risk flag is not exempt',
      case: caseOf(atReview({ people: [{ ...mother }, { ...father, risk_flag: true }], meeting_parents: [sought('M1')] })),
      findings: [{ recordId: 'MT1', messageId: 'viewsNotSought', evidence: [{ table: 'people', id: 'F1', note: 'risk flag: not an exemption' }] }],
    },
    {
      name: 'un-contactable only after the meeting: judged as contactable',
      case: caseOf(
        atReview({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-06-03' }], meeting_parents: [sought('M1')] }),
      ),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'viewsNotSought',
          evidence: [{ table: 'people', id: 'F1', note: 'marked un-contactable only from 2026-06-03, after this event of 2026-06-02' }],
        },
      ],
    },
    {
      name: 'PR agreement declined only after the meeting: judged as for any parent',
      case: caseOf(
        atReview({
          people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-06-10' }],
          meeting_parents: [sought('M1')],
        }),
      ),
      findings: [{ recordId: 'MT1', messageId: 'viewsNotSought', evidence: [{ table: 'people', id: 'F1', note: 'PR agreement declined only from 2026-06-10' }] }],
    },
    {
      name: 'a declined PR agreement exempts nobody whose parental responsibility is not recorded as N',
      case: caseOf(
        atReview({ people: [{ ...mother }, { ...father, pr_agreement: 'declined', pr_agreement_date: '2026-05-20' }], meeting_parents: [sought('M1')] }),
      ),
      findings: [{ recordId: 'MT1', messageId: 'viewsNotSought' }],
    },
    {
      name: 'one finding per meeting and parent, by meeting date and person id, beside views sought',
      case: caseOf({
        people: [{ ...mother }, { ...father }],
        meetings: [conference, review],
        meeting_parents: [sought('F1', false, 'MT2'), sought('M1', null, 'MT2'), sought('M1')],
      }),
      findings: [
        { recordId: 'MT1', messageId: 'viewsNotSought', data: { personId: 'F1' } },
        { recordId: 'MT2', messageId: 'viewsNotSought', data: { personId: 'F1', type: 'cp_conference' } },
        { recordId: 'MT2', messageId: 'viewsNotSought', data: { personId: 'M1' } },
      ],
    },
  ],
});
