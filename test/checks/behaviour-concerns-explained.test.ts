// RuleTester table for behaviour-concerns-explained.
import * as check from '../../checks/behaviour-concerns-explained.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const conference = { meeting_id: 'MT1', type: 'cp_conference', date: '2026-06-08' } as const;
const coreGroup = { meeting_id: 'MT2', type: 'core_group', date: '2026-06-22' } as const;
const excluded = (meeting_id = 'MT1', person_id = 'F1') => ({ meeting_id, person_id, invited: false, excluded: true }) as const;
const warned = (manager_warning?: string) =>
  caseOf({
    people: [mother, { ...father, ...(manager_warning === undefined ? {} : { manager_warning }) }],
    meetings: [conference],
    meeting_parents: [excluded()],
  });

ruleTester(check, {
  valid: [
    {
      name: 'an export without manager_warning: nothing is judged',
      case: warned(),
      absentColumns: ['people.manager_warning'],
    },
    { name: 'no meetings at all', case: caseOf({ people: [father] }), applicable: false },
    {
      name: 'a parent not excluded is not looked at',
      case: caseOf({
        people: [father],
        meetings: [conference],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', invited: true, excluded: false }],
      }),
      applicable: false,
    },
    {
      name: 'an exclusion from a meeting after the as-of date is not looked at',
      case: warned(),
      asOf: '2026-06-07',
      applicable: false,
    },
    { name: 'warned by a manager before the meeting', case: warned('2026-06-03') },
    { name: 'warned on the day of the meeting', case: warned('2026-06-08') },
    {
      name: 'one warning before the first exclusion covers the later ones',
      case: caseOf({
        people: [{ ...father, manager_warning: '2026-06-01' }],
        meetings: [conference, coreGroup],
        meeting_parents: [excluded(), excluded('MT2')],
      }),
    },
  ],
  invalid: [
    {
      name: 'no warning recorded',
      case: warned(),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'notInformed',
          date: '2026-06-08',
          due: null,
          data: { personId: 'F1', meetingId: 'MT1', type: 'cp_conference' },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-06-08' },
            { table: 'meeting_parents', id: 'MT1/F1', note: 'excluded Y' },
            { table: 'people', id: 'F1', note: 'manager_warning not recorded' },
          ],
        },
      ],
    },
    {
      name: 'warned only after the meeting',
      case: warned('2026-06-09'),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'informedAfterExclusion',
          data: { warned: '2026-06-09' },
          evidence: [{ table: 'people', id: 'F1', date: '2026-06-09', note: 'manager_warning 2026-06-09' }],
        },
      ],
    },
    {
      name: 'a warning dated after the as-of date is not on the record yet',
      case: warned('2026-07-01'),
      asOf: '2026-06-30',
      findings: [{ recordId: 'MT1', messageId: 'notInformed', evidence: [{ table: 'people', id: 'F1', note: '(after the as-of date' }] }],
    },
    {
      name: 'warned between two exclusions: only the first is a breach, one finding per exclusion in date order',
      case: caseOf({
        people: [mother, { ...father, manager_warning: '2026-06-15' }],
        meetings: [coreGroup, conference],
        meeting_parents: [excluded('MT2'), excluded(), excluded('MT1', 'M1')],
      }),
      findings: [
        { recordId: 'MT1', messageId: 'informedAfterExclusion', data: { personId: 'F1' } },
        { recordId: 'MT1', messageId: 'notInformed', data: { personId: 'M1' } },
      ],
    },
  ],
});
