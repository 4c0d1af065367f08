// RuleTester table for nrp-updates-provided.
import * as check from '../../checks/nrp-updates-provided.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false, child_contact: false } as const;
const update = (date: string, update_id = `U${date}`, person_id = 'F1') => ({ update_id, person_id, date }) as const;
// Opened Monday 2 March 2026: 30 working days, Good Friday and Easter Monday skipped, run to Wednesday 15 April.
const opened = (extra: CaseInput = {}): CaseInput => ({
  case: { opened: '2026-03-02' },
  people: [{ ...mother }, { ...father }],
  ...extra,
});

ruleTester(check, {
  valid: [
    { name: 'a case with no opened date: the clock has no start', case: caseOf({ people: [{ ...mother }, { ...father }] }), applicable: false },
    { name: 'an export without cases.opened: nothing is judged', case: caseOf(opened()), absentColumns: ['cases.opened'], applicable: false },
    { name: 'an export without people.child_contact: nothing is judged', case: caseOf(opened()), absentColumns: ['people.child_contact'], applicable: false },
    { name: 'a father who has contact with the child is not owed updates here', case: caseOf(opened({ people: [{ ...mother }, { ...father, child_contact: true }] })), applicable: false },
    { name: 'an empty child_contact is not "no contact"', case: caseOf(opened({ people: [{ ...mother }, { ...father, child_contact: undefined }] })), applicable: false },
    { name: 'a father with a risk flag is exempt (000 §7)', case: caseOf(opened({ people: [{ ...mother }, { ...father, risk_flag: true }] })), applicable: false },
    { name: 'un-contactable with no date: not applicable', case: caseOf(opened({ people: [{ ...mother }, { ...father, contactable: false }] })), applicable: false },
    {
      name: 'PR agreement declined with no date: not applicable',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined' }] })),
      applicable: false,
    },
    { name: 'a closed case with no closed date: nothing can be placed', case: caseOf(opened({ case: { opened: '2026-03-02', status: 'closed' } })), applicable: false },
    {
      name: 'un-contactable from before the opening: the period ends before it starts',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-02-01' }] })),
      applicable: false,
    },
    { name: 'opened after the as-of date', case: caseOf(opened()), asOf: '2026-03-01', applicable: false },
    {
      name: 'the case closed on or before the first due date: nothing more is owed',
      case: caseOf(opened({ case: { opened: '2026-03-02', status: 'closed', closed: '2026-04-15' } })),
    },
    {
      name: 'marked un-contactable before the due date: nothing more is owed',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, contactable: false, uncontactable_date: '2026-04-01' }] })),
    },
    {
      name: 'PR agreement declined before the due date: nothing more is owed',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-03-20' }] })),
    },
    {
      name: 'updated exactly on the 30th working day (Easter skipped), then pending across both May bank holidays',
      case: caseOf(opened({ updates: [update('2026-04-15')] })),
      asOf: '2026-05-20',
      pending: [
        {
          recordId: 'F1',
          messageId: 'awaitingUpdate',
          date: '2026-04-15',
          due: '2026-05-29',
          data: { personId: 'F1', from: '2026-04-15', due: '2026-05-29', intervalWorkingDays: 30 },
          evidence: [
            { table: 'cases', date: '2026-03-02', note: 'no no_contact_since recorded' },
            { table: 'updates', id: 'U2026-04-15', date: '2026-04-15', note: 'the previous update' },
            { table: 'updates', note: 'no update to parent F1 after 2026-04-15' },
            { table: 'deadline', date: '2026-05-29' },
          ],
        },
      ],
    },
    {
      name: 'an update on the start date itself counts',
      case: caseOf(opened({ updates: [update('2026-03-02')] })),
      asOf: '2026-04-10',
      pending: [{ recordId: 'F1', messageId: 'awaitingUpdate', date: '2026-03-02', due: '2026-04-15' }],
    },
    {
      name: 'pending on the due date itself',
      case: caseOf(opened()),
      asOf: '2026-04-15',
      pending: [{ recordId: 'F1', messageId: 'awaitingUpdate', date: '2026-03-02', due: '2026-04-15' }],
    },
    {
      name: 'no contact only since a later date: the clock starts then',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, no_contact_since: '2026-09-14' }] })),
      pending: [
        {
          recordId: 'F1',
          messageId: 'awaitingUpdate',
          date: '2026-09-14',
          due: '2026-10-26',
          evidence: [{ table: 'people', id: 'F1', date: '2026-09-14', note: 'no contact since this date' }],
        },
      ],
      asOf: '2026-10-20',
    },
    {
      name: 'a longer interval is met',
      case: caseOf(opened({ updates: [update('2026-04-20')] })),
      asOf: '2026-04-30',
      options: { intervalWorkingDays: 35 },
      pending: [{ recordId: 'F1', messageId: 'awaitingUpdate', date: '2026-04-20', due: '2026-06-10' }],
    },
  ],
  invalid: [
    {
      name: 'never updated, the first due date long passed',
      case: caseOf(opened()),
      findings: [
        {
          recordId: 'F1',
          messageId: 'noUpdate',
          date: '2026-03-02',
          due: '2026-04-15',
          data: { personId: 'F1', from: '2026-03-02', due: '2026-04-15', intervalWorkingDays: 30 },
          evidence: [
            { table: 'cases', date: '2026-03-02' },
            { table: 'people', id: 'F1', note: 'non-resident parent, child_contact N, no risk flag' },
            { table: 'updates', note: 'no update to parent F1 after 2026-03-02' },
            { table: 'deadline', date: '2026-04-15', note: '30 working day(s)' },
          ],
        },
      ],
    },
    {
      name: 'as of the day after the due date',
      case: caseOf(opened()),
      asOf: '2026-04-16',
      findings: [{ recordId: 'F1', messageId: 'noUpdate', due: '2026-04-15' }],
    },
    {
      name: 'updated one working day late, then not again: one finding per gap',
      case: caseOf(opened({ updates: [update('2026-04-16')] })),
      asOf: '2026-06-30',
      findings: [
        {
          recordId: 'F1',
          messageId: 'updateLate',
          date: '2026-03-02',
          due: '2026-04-15',
          data: { updated: '2026-04-16', updateId: 'U2026-04-16', lateBy: 1 },
          evidence: [{ table: 'updates', id: 'U2026-04-16', date: '2026-04-16', note: 'next update to parent F1' }],
        },
        { recordId: 'F1', messageId: 'noUpdate', date: '2026-04-16', due: '2026-06-01' },
      ],
    },
    {
      name: 'the case closed after the due date: the gap was owed',
      case: caseOf(opened({ case: { opened: '2026-03-02', status: 'closed', closed: '2026-05-01' } })),
      findings: [
        { recordId: 'F1', messageId: 'noUpdate', due: '2026-04-15', evidence: [{ table: 'cases', date: '2026-05-01', note: 'the case closed on 2026-05-01' }] },
      ],
    },
    {
      name: 'an update before the start of the owed period is ignored',
      case: caseOf(opened({ people: [{ ...mother }, { ...father, no_contact_since: '2026-06-01' }], updates: [update('2026-05-20')] })),
      asOf: '2026-08-01',
      findings: [{ recordId: 'F1', messageId: 'noUpdate', date: '2026-06-01', due: '2026-07-13' }],
    },
    {
      name: "an update to the mother is not the father's",
      case: caseOf(opened({ updates: [update('2026-03-20', 'U1', 'M1')] })),
      findings: [{ recordId: 'F1', messageId: 'noUpdate', due: '2026-04-15' }],
    },
    {
      name: 'a shorter interval, by option: an update on the 21st working day is late',
      case: caseOf(opened({ updates: [update('2026-03-31')] })),
      asOf: '2026-04-10',
      options: { intervalWorkingDays: 20 },
      findings: [{ recordId: 'F1', messageId: 'updateLate', due: '2026-03-30', data: { lateBy: 1 } }],
      pending: [{ recordId: 'F1', messageId: 'awaitingUpdate', date: '2026-03-31', due: '2026-04-30' }],
    },
  ],
});
