// RuleTester table for exclusion-kept-under-review.
import * as check from '../../checks/exclusion-kept-under-review.js';
import { caseOf, ruleTester } from './_tester.js';

const meetings = [
  { meeting_id: 'MT1', type: 'cp_conference', date: '2026-02-02' },
  { meeting_id: 'MT2', type: 'core_group', date: '2026-03-02' },
  { meeting_id: 'MT3', type: 'core_group', date: '2026-04-01' },
  { meeting_id: 'MT4', type: 'cp_conference', date: '2026-05-05' },
  { meeting_id: 'MT5', type: 'core_group', date: '2026-06-01' },
  { meeting_id: 'MT6', type: 'core_group', date: '2026-07-01' },
  { meeting_id: 'MT7', type: 'cp_conference', date: '2026-08-03' },
] as const;

const excluded = (meetingId: string, personId = 'F1') =>
  ({ meeting_id: meetingId, person_id: personId, invited: false, excluded: true }) as const;
const included = (meetingId: string, personId = 'F1') =>
  ({ meeting_id: meetingId, person_id: personId, invited: true, excluded: false }) as const;

ruleTester(check, {
  valid: [
    { name: 'no meetings at all', case: caseOf(), applicable: false },
    {
      name: 'parents at meetings but never excluded',
      case: caseOf({ meetings: [...meetings], meeting_parents: [included('MT1'), included('MT2'), included('MT3')] }),
      applicable: false,
    },
    {
      name: 'exclusion row of a meeting not in the case is ignored',
      case: caseOf({ meetings: [meetings[0]], meeting_parents: [excluded('MT9')] }),
      applicable: false,
    },
    {
      name: 'two consecutive exclusions are within the limit',
      case: caseOf({ meetings: [...meetings], meeting_parents: [excluded('MT1'), excluded('MT2'), included('MT3')] }),
    },
    {
      name: 'an invited row between exclusions ends the run',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [excluded('MT1'), excluded('MT2'), included('MT3'), excluded('MT4'), excluded('MT5')],
      }),
    },
    {
      name: 'attending (invitation not recorded) ends the run',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [
          excluded('MT1'),
          excluded('MT2'),
          { meeting_id: 'MT3', person_id: 'F1', attended: true },
          excluded('MT4'),
        ],
      }),
    },
    {
      name: 'each parent counted separately',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [excluded('MT1'), excluded('MT2', 'M1'), excluded('MT3'), excluded('MT4', 'M1')],
      }),
    },
    {
      name: 'higher limit met',
      case: caseOf({ meetings: [...meetings], meeting_parents: [excluded('MT1'), excluded('MT2'), excluded('MT3')] }),
      options: { maxConsecutive: 3 },
    },
  ],
  invalid: [
    {
      name: 'three consecutive exclusions',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [included('MT1', 'M1'), excluded('MT1'), excluded('MT2'), excluded('MT3'), included('MT4')],
      }),
      findings: [
        {
          recordId: 'MT3',
          messageId: 'excludedTooLong',
          date: '2026-04-01',
          data: {
            personId: 'F1',
            meetingId: 'MT3',
            type: 'core_group',
            count: 3,
            maxConsecutive: 2,
            firstDate: '2026-02-02',
            lastDate: '2026-04-01',
          },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-02-02', note: 'F1 excluded (1 of 3' },
            { table: 'meetings', id: 'MT2', date: '2026-03-02' },
            { table: 'meetings', id: 'MT3', date: '2026-04-01', note: '(3 of 3' },
          ],
        },
      ],
    },
    {
      name: 'a long run gives one finding listing every meeting of the run',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [excluded('MT1'), excluded('MT2'), excluded('MT3'), excluded('MT4'), excluded('MT5')],
      }),
      findings: [
        {
          recordId: 'MT3',
          messageId: 'excludedTooLong',
          data: { count: 5, lastDate: '2026-06-01' },
          evidence: [
            { table: 'meetings', id: 'MT4', note: '(4 of 5' },
            { table: 'meetings', id: 'MT5', note: '(5 of 5' },
          ],
        },
      ],
    },
    {
      name: 'a meeting without a row for the parent does not end the run',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [excluded('MT1'), excluded('MT2'), included('MT3', 'M1'), excluded('MT4')],
      }),
      findings: [{ recordId: 'MT4', messageId: 'excludedTooLong', data: { count: 3, firstDate: '2026-02-02' } }],
    },
    {
      name: 'a row neither invited nor attending does not end the run',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [
          excluded('MT1'),
          excluded('MT2'),
          { meeting_id: 'MT3', person_id: 'F1', invited: false, excluded: false, attended: false },
          excluded('MT4'),
        ],
      }),
      findings: [{ recordId: 'MT4', messageId: 'excludedTooLong', data: { count: 3 } }],
    },
    {
      name: 'rows are walked in meeting date order, not file order',
      case: caseOf({
        meetings: [...meetings].reverse(),
        meeting_parents: [excluded('MT3'), included('MT4'), excluded('MT1'), excluded('MT2')],
      }),
      findings: [{ recordId: 'MT3', messageId: 'excludedTooLong', date: '2026-04-01' }],
    },
    {
      name: 'same-day meetings ordered by meeting id',
      case: caseOf({
        meetings: [
          { meeting_id: 'MB', type: 'core_group', date: '2026-03-02' },
          { meeting_id: 'MA', type: 'cp_conference', date: '2026-03-02' },
          { meeting_id: 'MC', type: 'core_group', date: '2026-03-02' },
        ],
        meeting_parents: [excluded('MC'), excluded('MB'), excluded('MA')],
      }),
      findings: [{ recordId: 'MC', messageId: 'excludedTooLong' }],
    },
    {
      name: 'two runs of the same parent give two findings',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [
          excluded('MT1'),
          excluded('MT2'),
          excluded('MT3'),
          included('MT4'),
          excluded('MT5'),
          excluded('MT6'),
          excluded('MT7'),
        ],
      }),
      findings: [
        { recordId: 'MT3', messageId: 'excludedTooLong', data: { count: 3 } },
        { recordId: 'MT7', messageId: 'excludedTooLong', data: { count: 3, firstDate: '2026-06-01' } },
      ],
    },
    {
      name: 'two parents each over the limit, in date order',
      case: caseOf({
        meetings: [...meetings],
        meeting_parents: [
          excluded('MT2'),
          excluded('MT3'),
          excluded('MT4'),
          excluded('MT1', 'M1'),
          excluded('MT2', 'M1'),
          excluded('MT3', 'M1'),
        ],
      }),
      findings: [
        { recordId: 'MT3', messageId: 'excludedTooLong', data: { personId: 'M1' } },
        { recordId: 'MT4', messageId: 'excludedTooLong', data: { personId: 'F1' } },
      ],
    },
    {
      name: 'lower limit',
      case: caseOf({ meetings: [...meetings], meeting_parents: [excluded('MT1'), excluded('MT2')] }),
      options: { maxConsecutive: 1 },
      findings: [{ recordId: 'MT2', messageId: 'excludedTooLong', data: { count: 2, maxConsecutive: 1 } }],
    },
  ],
});
