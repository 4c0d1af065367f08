// RuleTester table for report-shared-in-advance.
import * as check from '../../checks/report-shared-in-advance.js';
import { caseOf, type CaseInput, ruleTester } from './_tester.js';

// Tuesday 2026-05-05 follows the Early May bank holiday (Monday 2026-05-04).
const conference = { meeting_id: 'MT1', type: 'cp_conference', date: '2026-05-05' } as const;
const invitedFather = { meeting_id: 'MT1', person_id: 'F1', invited: true } as const;
const working = { dayCount: 'working' } as const;

const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const parents = [father, mother];
/** The standard judges parents only: every case here has its two parents unless it says otherwise. */
const withParents = (input: CaseInput = {}) => caseOf({ people: parents, ...input });
const stepfather = { person_id: 'SF1', relationship: 'stepfather', parent: false, resident: true };

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'father without PR whose PR agreement was declined before the conference: not owed the report',
      case: caseOf({
        people: [{ ...father, ...declined, pr_agreement_date: '2026-04-01' }, mother],
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather }],
      }),
      applicable: false,
    },
    { name: 'no meetings at all', case: withParents(), applicable: false },
    {
      name: 'meeting without any parent row',
      case: withParents({ meetings: [{ ...conference }] }),
      applicable: false,
    },
    {
      name: 'core group is not covered by default',
      case: withParents({
        meetings: [{ meeting_id: 'MT1', type: 'core_group', date: '2026-05-05' }],
        meeting_parents: [{ ...invitedFather }],
      }),
      applicable: false,
    },
    {
      name: 'parent not invited is not looked at',
      case: withParents({ meetings: [{ ...conference }], meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: false }] }),
      applicable: false,
    },
    {
      name: 'an invited step-parent is not a parent: not owed the report by this standard',
      case: withParents({
        people: [...parents, stepfather],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'SF1', invited: true }],
      }),
      applicable: false,
    },
    {
      name: 'an invited carer with parent empty is not judged, an invited parent beside them is',
      case: withParents({
        people: [...parents, { person_id: 'GM1', relationship: 'grandmother', parent: false }],
        meetings: [{ ...conference }],
        meeting_parents: [
          { meeting_id: 'MT1', person_id: 'GM1', invited: true },
          { ...invitedFather, report_shared: '2026-04-28' },
        ],
      }),
    },
    {
      name: 'invitation not recorded is not looked at',
      case: withParents({ meetings: [{ ...conference }], meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1' }] }),
      applicable: false,
    },
    {
      name: 'meeting type switched off by option',
      case: withParents({ meetings: [{ ...conference }], meeting_parents: [{ ...invitedFather }] }),
      options: { meetingTypes: ['lac_review'] },
      applicable: false,
    },
    {
      name: 'report shared days before the meeting',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-04-28' }],
      }),
    },
    {
      name: 'shared the day before the meeting (on the due date)',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-04' }],
      }),
    },
    {
      name: 'withholding agreed',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_withheld_agreed: true }],
      }),
    },
    {
      name: 'cin and lac reviews with reports shared',
      case: withParents({
        meetings: [
          { meeting_id: 'MT2', type: 'cin_review', date: '2026-06-02' },
          { meeting_id: 'MT3', type: 'lac_review', date: '2026-07-07' },
        ],
        meeting_parents: [
          { meeting_id: 'MT2', person_id: 'M1', invited: true, report_shared: '2026-05-29' },
          { meeting_id: 'MT3', person_id: 'M1', invited: true, report_shared: '2026-07-01' },
        ],
      }),
    },
    {
      name: 'working days: shared on the working day before, over the weekend',
      // Monday 2026-06-01: one working day before is Friday 2026-05-29.
      case: withParents({
        meetings: [{ meeting_id: 'MT2', type: 'cin_review', date: '2026-06-01' }],
        meeting_parents: [{ meeting_id: 'MT2', person_id: 'M1', invited: true, report_shared: '2026-05-29' }],
      }),
      options: working,
    },
    {
      name: 'working days: bank holiday skipped when counting back',
      // Tuesday 2026-05-26 after the Spring bank holiday: two working days before is Thursday 2026-05-21.
      case: withParents({
        meetings: [{ meeting_id: 'MT2', type: 'cin_review', date: '2026-05-26' }],
        meeting_parents: [{ meeting_id: 'MT2', person_id: 'M1', invited: true, report_shared: '2026-05-21' }],
      }),
      options: { dayCount: 'working', minimumDaysBefore: 2 },
    },
    {
      name: 'working days in England and Wales: Scottish summer holiday is a working day',
      case: withParents({
        meetings: [{ meeting_id: 'MT4', type: 'cp_conference', date: '2026-08-04' }],
        meeting_parents: [{ meeting_id: 'MT4', person_id: 'F1', invited: true, report_shared: '2026-08-03' }],
      }),
      options: working,
    },
    {
      name: 'meeting on the as-of date with the report shared before',
      asOf: '2026-05-05',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-01' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'PR agreement declined the day after the conference: the report was still owed',
      case: caseOf({
        people: [{ ...father, ...declined, pr_agreement_date: '2026-05-06' }, mother],
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'reportNotShared', data: { personId: 'F1' } }],
    },
    {
      name: 'an invited parent without the report beside an invited step-parent without it: one finding, the parent\'s',
      case: withParents({
        people: [...parents, stepfather],
        meetings: [{ ...conference }],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'SF1', invited: true }, { ...invitedFather }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'reportNotShared', due: '2026-05-04', data: { personId: 'F1' } }],
    },
    {
      name: 'report not recorded as shared',
      case: withParents({ meetings: [{ ...conference }], meeting_parents: [{ ...invitedFather }] }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'reportNotShared',
          date: '2026-05-05',
          due: '2026-05-04',
          data: { meetingId: 'MT1', type: 'cp_conference', personId: 'F1', due: '2026-05-04' },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-05-05' },
            { table: 'meeting_parents', id: 'MT1/F1', note: 'report_shared not recorded, report_withheld_agreed not recorded' },
            { table: 'deadline', date: '2026-05-04' },
          ],
        },
      ],
    },
    {
      name: 'shared on the meeting day',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-05' }],
      }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'reportLate',
          data: { reportShared: '2026-05-05', due: '2026-05-04', minimumDaysBefore: 1, dayCount: 'calendar' },
          evidence: [{ table: 'meeting_parents', id: 'MT1/F1', date: '2026-05-05' }],
        },
      ],
    },
    {
      name: 'shared after the meeting',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-12' }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'reportLate', data: { reportShared: '2026-05-12' } }],
    },
    {
      name: 'report_shared after the as-of date counts as not shared',
      asOf: '2026-05-08',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-12' }],
      }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'reportNotShared',
          evidence: [{ table: 'meeting_parents', note: '2026-05-12 (after the as-of date)' }],
        },
      ],
    },
    {
      name: 'withholding not agreed does not exempt',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_withheld_agreed: false }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'reportNotShared' }],
    },
    {
      name: 'more calendar days required: one day late',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-04' }],
      }),
      options: { minimumDaysBefore: 2 },
      findings: [{ recordId: 'MT1', messageId: 'reportLate', data: { due: '2026-05-03', minimumDaysBefore: 2 } }],
    },
    {
      name: 'working days: shared on the bank holiday before the meeting is late',
      case: withParents({
        meetings: [{ ...conference }],
        meeting_parents: [{ ...invitedFather, report_shared: '2026-05-04' }],
      }),
      options: working,
      findings: [
        {
          recordId: 'MT1',
          messageId: 'reportLate',
          data: { due: '2026-05-01', dayCount: 'working' },
          evidence: [{ table: 'deadline', date: '2026-05-01', note: '1 working day(s)' }],
        },
      ],
    },
    {
      name: 'working days: shared on the Saturday before a Monday meeting is late',
      case: withParents({
        meetings: [{ meeting_id: 'MT2', type: 'cin_review', date: '2026-06-01' }],
        meeting_parents: [{ meeting_id: 'MT2', person_id: 'M1', invited: true, report_shared: '2026-05-30' }],
      }),
      options: working,
      findings: [{ recordId: 'MT2', messageId: 'reportLate', data: { due: '2026-05-29' } }],
    },
    {
      name: 'working days in Scotland: summer bank holiday skipped',
      region: 'scotland',
      case: withParents({
        meetings: [{ meeting_id: 'MT4', type: 'cp_conference', date: '2026-08-04' }],
        meeting_parents: [{ meeting_id: 'MT4', person_id: 'F1', invited: true, report_shared: '2026-08-03' }],
      }),
      options: working,
      findings: [{ recordId: 'MT4', messageId: 'reportLate', data: { due: '2026-07-31' } }],
    },
    {
      name: 'every invited parent, one finding each, in meeting order',
      case: withParents({
        meetings: [{ meeting_id: 'MT2', type: 'cin_review', date: '2026-06-02' }, { ...conference }],
        meeting_parents: [
          { meeting_id: 'MT2', person_id: 'M1', invited: true },
          { meeting_id: 'MT2', person_id: 'F1', invited: true, excluded: true },
          { ...invitedFather, report_shared: '2026-05-01' },
          { meeting_id: 'MT1', person_id: 'M1', invited: true, report_shared: '2026-05-05' },
        ],
      }),
      findings: [
        { recordId: 'MT1', messageId: 'reportLate', data: { personId: 'M1' } },
        { recordId: 'MT2', messageId: 'reportNotShared', data: { personId: 'F1' } },
        { recordId: 'MT2', messageId: 'reportNotShared', data: { personId: 'M1' } },
      ],
    },
    {
      name: 'option adds core groups',
      case: withParents({
        meetings: [{ meeting_id: 'MT5', type: 'core_group', date: '2026-06-02' }],
        meeting_parents: [{ meeting_id: 'MT5', person_id: 'F1', invited: true }],
      }),
      options: { meetingTypes: ['core_group'] },
      findings: [{ recordId: 'MT5', messageId: 'reportNotShared', data: { type: 'core_group' } }],
    },
  ],
});
