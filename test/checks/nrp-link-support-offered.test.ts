// RuleTester table for nrp-link-support-offered.
import * as check from '../../checks/nrp-link-support-offered.js';
import type { ReferralType } from '../../src/model/types.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false, child_contact: false } as const;
const referral = (date: string, type: ReferralType = 'mediation', person_id = 'F1', referral_id = `R${date}`) => ({ referral_id, person_id, type, date }) as const;
// Opened Monday 2 March 2026: 20 working days run to Monday 30 March.
const opened = (extra: CaseInput = {}): CaseInput => ({
  case: { opened: '2026-03-02' },
  people: [{ ...mother }, { ...father }],
  ...extra,
});
const fgc = (date: string, invited = true) => ({
  meetings: [{ meeting_id: 'MT1', type: 'family_group_conference' as const, date }],
  meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited }],
});

ruleTester(check, {
  valid: [
    { name: 'a case with no opened date: the clock has no start', case: caseOf({ people: [{ ...mother }, { ...father }] }), applicable: false },
    { name: 'an export without cases.opened: nothing is judged', case: caseOf(opened()), absentColumns: ['cases.opened'], applicable: false },
    { name: 'a father who has contact with the child', case: caseOf(opened({ people: [{ ...mother }, { ...father, child_contact: true }] })), applicable: false },
    ...(['cp_concerns', 'court_order', 'child_and_parent_decline'] as const).map((no_contact_reason) => ({
      name: `no contact for ${no_contact_reason}: re-establishing links is not appropriate (000 §6)`,
      case: caseOf(opened({ people: [{ ...mother }, { ...father, no_contact_reason }] })),
      applicable: false,
    })),
    { name: 'a father with a risk flag', case: caseOf(opened({ people: [{ ...mother }, { ...father, risk_flag: true }] })), applicable: false },
    {
      name: 'un-contactable on the as-of date',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-05-01' }] })),
      applicable: false,
    },
    {
      name: 'PR agreement declined by the as-of date',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-05-01' }] })),
      applicable: false,
    },
    { name: 'opened after the as-of date', case: caseOf(opened()), asOf: '2026-03-01', applicable: false },
    { name: 'referred for mediation within 20 working days', case: caseOf(opened({ referrals: [referral('2026-03-20')] })) },
    { name: 'referred for legal advice on the due date itself', case: caseOf(opened({ referrals: [referral('2026-03-30', 'legal_advice')] })) },
    { name: 'referred before the clock started (at referral) counts', case: caseOf(opened({ referrals: [referral('2026-02-20', 'family_group_conference')] })) },
    { name: 'invited to a family group conference in time', case: caseOf(opened(fgc('2026-03-25'))) },
    { name: 'no contact for parental disagreement is owed support, and got it', case: caseOf(opened({ people: [{ ...mother }, { ...father, no_contact_reason: 'parental_disagreement' }], referrals: [referral('2026-03-05')] })) },
    {
      name: 'pending on the due date itself',
      case: caseOf(opened()),
      asOf: '2026-03-30',
      pending: [{ recordId: 'F1', messageId: 'awaitingOffer', date: '2026-03-02', due: '2026-03-30', data: { personId: 'F1', start: '2026-03-02', workingDays: 20 } }],
    },
    {
      name: 'no contact only since 5 October: due Monday 2 November, after the as-of date',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, no_contact_since: '2026-10-05' }] })),
      pending: [
        {
          recordId: 'F1',
          messageId: 'awaitingOffer',
          date: '2026-10-05',
          due: '2026-11-02',
          evidence: [{ table: 'people', id: 'F1', date: '2026-10-05', note: 'no contact since this date' }],
        },
      ],
    },
    {
      name: 'Easter: opened Friday 27 March, Good Friday and Easter Monday skipped, a referral on Tuesday 28 April is in time',
      case: caseOf(opened({ case: { opened: '2026-03-27' }, referrals: [referral('2026-04-28')] })),
    },
  ],
  invalid: [
    {
      name: 'no referral and no invitation, the deadline passed',
      case: caseOf(opened()),
      findings: [
        {
          recordId: 'F1',
          messageId: 'notOffered',
          date: '2026-03-02',
          due: '2026-03-30',
          data: { personId: 'F1', start: '2026-03-02', due: '2026-03-30', workingDays: 20 },
          evidence: [
            { table: 'cases', date: '2026-03-02', note: 'no no_contact_since recorded' },
            { table: 'people', id: 'F1' },
            { table: 'referrals', note: 'no family group conference, mediation or legal advice referral' },
            { table: 'deadline', date: '2026-03-30', note: '20 working day(s)' },
          ],
        },
      ],
    },
    { name: 'as of the day after the due date', case: caseOf(opened()), asOf: '2026-03-31', findings: [{ recordId: 'F1', messageId: 'notOffered', due: '2026-03-30' }] },
    { name: 'a referral of type other is not support to re-establish links', case: caseOf(opened({ referrals: [referral('2026-03-10', 'other')] })), findings: [{ recordId: 'F1', messageId: 'notOffered' }] },
    { name: "a referral for the mother is not the father's", case: caseOf(opened({ referrals: [referral('2026-03-10', 'mediation', 'M1')] })), findings: [{ recordId: 'F1', messageId: 'notOffered' }] },
    {
      name: 'referred one working day late',
      case: caseOf(opened({ referrals: [referral('2026-03-31')] })),
      findings: [
        {
          recordId: 'F1',
          messageId: 'offeredLate',
          due: '2026-03-30',
          data: { offered: '2026-03-31', what: 'referral R2026-03-31, mediation', lateBy: 1 },
          evidence: [{ table: 'referrals', id: 'R2026-03-31', date: '2026-03-31' }],
        },
      ],
    },
    {
      name: 'Easter: opened Friday 27 March, a referral on Wednesday 29 April is one working day late',
      case: caseOf(opened({ case: { opened: '2026-03-27' }, referrals: [referral('2026-04-29')] })),
      findings: [{ recordId: 'F1', messageId: 'offeredLate', due: '2026-04-28', data: { lateBy: 1 } }],
    },
    { name: 'present at a family group conference but not invited', case: caseOf(opened(fgc('2026-03-25', false))), findings: [{ recordId: 'F1', messageId: 'notOffered' }] },
    {
      name: 'invited to a family group conference after the due date',
      case: caseOf(opened(fgc('2026-04-02'))),
      findings: [{ recordId: 'F1', messageId: 'offeredLate', data: { what: 'invited to family group conference MT1', lateBy: 3 } }],
    },
    {
      name: 'un-contactable only after the as-of date is judged as contactable',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-11-20' }] })),
      findings: [{ recordId: 'F1', messageId: 'notOffered' }],
    },
    {
      name: 'a shorter allowance, by option',
      case: caseOf(opened({ referrals: [referral('2026-03-20')] })),
      options: { workingDays: 10 },
      findings: [{ recordId: 'F1', messageId: 'offeredLate', due: '2026-03-16', data: { lateBy: 4 } }],
    },
  ],
});
