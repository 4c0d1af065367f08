// RuleTester table for confidential-address-removed.
import * as check from '../../checks/confidential-address-removed.js';
import { caseOf, ruleTester, type CaseInput } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true, confidential_address: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const conference = { meeting_id: 'MT1', type: 'cp_conference', date: '2026-06-08' } as const;
const review = { meeting_id: 'MT2', type: 'cp_conference', date: '2026-09-07' } as const;
const shared = (person_id: string, address_removed: boolean | null, report_shared = '2026-06-03', meeting_id = 'MT1', extra: object = {}) => ({
  meeting_id,
  person_id,
  invited: true,
  report_shared,
  ...(address_removed === null ? {} : { address_removed }),
  ...extra,
});
const withReports = (extra: CaseInput = {}): CaseInput => ({
  people: [{ ...mother }, { ...father }],
  meetings: [conference],
  meeting_parents: [shared('M1', null), shared('F1', true)],
  ...extra,
});

ruleTester(check, {
  valid: [
    {
      name: 'an export without address_removed: nothing is judged',
      case: caseOf(withReports({ meeting_parents: [shared('F1', null)] })),
      absentColumns: ['meeting_parents.address_removed'],
      applicable: false,
    },
    {
      name: 'an export without confidential_address: nothing is judged',
      case: caseOf(withReports({ meeting_parents: [shared('F1', null)] })),
      absentColumns: ['people.confidential_address'],
      applicable: false,
    },
    {
      name: 'nobody’s address is confidential',
      case: caseOf(withReports({ people: [{ ...mother, confidential_address: false }, { ...father }], meeting_parents: [shared('F1', null)] })),
      applicable: false,
    },
    {
      name: 'an empty confidential_address is not confidential',
      case: caseOf(withReports({ people: [{ ...mother, confidential_address: undefined }, { ...father }], meeting_parents: [shared('F1', null)] })),
      applicable: false,
    },
    {
      name: 'the report shared only with the person whose address is confidential',
      case: caseOf(withReports({ meeting_parents: [shared('M1', null)] })),
      applicable: false,
    },
    {
      name: 'a report withheld by agreement and not shared is not looked at',
      case: caseOf(
        withReports({ meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: true, report_withheld_agreed: true }] }),
      ),
      applicable: false,
    },
    {
      name: 'a report shared after the as-of date is not on the record yet',
      case: caseOf(withReports({ meeting_parents: [shared('F1', null, '2026-06-03')] })),
      asOf: '2026-06-02',
      applicable: false,
    },
    {
      name: 'a meeting after the as-of date is left out with its rows, even with the report already shared',
      case: caseOf(withReports({ meeting_parents: [shared('F1', null, '2026-06-03')] })),
      asOf: '2026-06-05',
      applicable: false,
    },
    { name: 'shared with the father, checked and the address removed', case: caseOf(withReports()) },
    {
      name: 'a recipient who is not a parent is covered too, and complies',
      case: caseOf(
        withReports({
          people: [{ ...mother }, { ...father }, { person_id: 'PGM1', relationship: 'paternal grandmother', parent: false }],
          meeting_parents: [shared('F1', true), shared('PGM1', true)],
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'shared with the father with address_removed N',
      case: caseOf(withReports({ meeting_parents: [shared('M1', null), shared('F1', false)] })),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'addressNotRemoved',
          date: '2026-06-08',
          due: null,
          data: { meetingId: 'MT1', type: 'cp_conference', meetingDate: '2026-06-08', personId: 'F1', shared: '2026-06-03', confidential: 'M1', removed: 'N' },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-06-08' },
            { table: 'people', id: 'M1', note: 'confidential_address Y' },
            { table: 'meeting_parents', id: 'MT1/F1', date: '2026-06-03', note: 'report_shared 2026-06-03, address_removed N' },
          ],
        },
      ],
    },
    {
      name: 'address_removed empty is not evidenced',
      case: caseOf(withReports({ meeting_parents: [shared('F1', null)] })),
      findings: [{ recordId: 'MT1', messageId: 'addressNotRemoved', data: { removed: 'not recorded' } }],
    },
    {
      name: 'shared on the day of the meeting, as of that day',
      case: caseOf(withReports({ meeting_parents: [shared('F1', null, '2026-06-08')] })),
      asOf: '2026-06-08',
      findings: [{ recordId: 'MT1', messageId: 'addressNotRemoved', date: '2026-06-08' }],
    },
    {
      name: 'a report shared after the meeting is dated when it was shared',
      case: caseOf(withReports({ meeting_parents: [shared('F1', false, '2026-06-12')] })),
      findings: [{ recordId: 'MT1', messageId: 'addressNotRemoved', date: '2026-06-12', data: { shared: '2026-06-12' } }],
    },
    {
      name: 'a father under a declined PR agreement is not exempt',
      case: caseOf(
        withReports({
          people: [{ ...mother }, { ...father, parental_responsibility: false, pr_agreement: 'declined', pr_agreement_date: '2026-05-01' }],
          meeting_parents: [shared('F1', false)],
        }),
      ),
      findings: [{ recordId: 'MT1', messageId: 'addressNotRemoved' }],
    },
    {
      name: 'an un-contactable father is not exempt',
      case: caseOf(withReports({ people: [{ ...mother }, { ...father, contactable: false }], meeting_parents: [shared('F1', false)] })),
      findings: [{ recordId: 'MT1', messageId: 'addressNotRemoved' }],
    },
    {
      name: 'the message names everyone else whose address is confidential, not the recipient',
      case: caseOf(
        withReports({
          people: [{ ...mother }, { ...father, confidential_address: true }, { person_id: 'MGM1', relationship: 'maternal grandmother', parent: false, confidential_address: true }],
          meeting_parents: [shared('F1', false)],
        }),
      ),
      findings: [{ recordId: 'MT1', messageId: 'addressNotRemoved', data: { confidential: 'M1, MGM1' } }],
    },
    {
      name: 'one finding per report shared, by the date it was shared, beside one checked; dated by the meeting when shared before it',
      case: caseOf(
        withReports({
          people: [{ ...mother }, { ...father }, { person_id: 'PGM1', relationship: 'paternal grandmother', parent: false }],
          meetings: [review, conference],
          meeting_parents: [shared('F1', null, '2026-09-02', 'MT2'), shared('PGM1', false), shared('F1', true)],
        }),
      ),
      findings: [
        { recordId: 'MT1', messageId: 'addressNotRemoved', data: { personId: 'PGM1' } },
        { recordId: 'MT2', messageId: 'addressNotRemoved', date: '2026-09-07', data: { personId: 'F1', shared: '2026-09-02' } },
      ],
    },
  ],
});
