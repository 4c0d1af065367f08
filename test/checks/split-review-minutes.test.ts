// RuleTester table for split-review-minutes.
import * as check from '../../checks/split-review-minutes.js';
import { caseOf, ruleTester } from './_tester.js';

const meeting = { meeting_id: 'M1', type: 'cp_conference', date: '2026-05-04' } as const;

ruleTester(check, {
  valid: [
    { name: 'no meetings at all', case: caseOf(), applicable: false },
    { name: 'meeting not split', case: caseOf({ meetings: [{ ...meeting, split: false }] }), applicable: false },
    { name: 'split not recorded is not split', case: caseOf({ meetings: [{ ...meeting }] }), applicable: false },
    { name: 'split with two sets', case: caseOf({ meetings: [{ ...meeting, split: true, minutes_sets: 2 }] }) },
    { name: 'split with three sets', case: caseOf({ meetings: [{ ...meeting, split: true, minutes_sets: 3 }] }) },
    {
      name: 'higher minimum met',
      case: caseOf({ meetings: [{ ...meeting, split: true, minutes_sets: 3 }] }),
      options: { minimumMinutesSets: 3 },
    },
  ],
  invalid: [
    {
      name: 'split with one set',
      case: caseOf({ meetings: [{ ...meeting, split: true, minutes_sets: 1 }] }),
      findings: [
        {
          recordId: 'M1',
          messageId: 'tooFewMinutes',
          date: '2026-05-04',
          data: { minutesSets: 1, minimum: 2 },
          evidence: [{ table: 'meetings', id: 'M1', date: '2026-05-04' }],
        },
      ],
    },
    {
      name: 'split with minutes not recorded',
      case: caseOf({ meetings: [{ ...meeting, split: true }] }),
      findings: [{ recordId: 'M1', messageId: 'minutesNotRecorded' }],
    },
    {
      name: 'one finding per offending meeting',
      case: caseOf({
        meetings: [
          { ...meeting, split: true, minutes_sets: 0 },
          { meeting_id: 'M2', type: 'core_group', date: '2026-06-01', split: true, minutes_sets: 2 },
          { meeting_id: 'M3', type: 'cin_review', date: '2026-07-01', split: true, minutes_sets: 1 },
        ],
      }),
      findings: [
        { recordId: 'M1', messageId: 'tooFewMinutes' },
        { recordId: 'M3', messageId: 'tooFewMinutes' },
      ],
    },
    {
      name: 'higher minimum not met',
      case: caseOf({ meetings: [{ ...meeting, split: true, minutes_sets: 2 }] }),
      options: { minimumMinutesSets: 3 },
      findings: [{ recordId: 'M1', messageId: 'tooFewMinutes', data: { minimum: 3 } }],
    },
  ],
});
