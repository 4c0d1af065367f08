// Standard: a split review (parents seen separately) produces two sets of minutes.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  minimumMinutesSets: z.int().min(2).max(100).default(2).describe('sets of minutes a split meeting must have'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'split-review-minutes',
  title: 'Every split review has two sets of minutes',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§4',
      quote:
        'Where split reviews are held there needs to be agreement regarding the disclosure of confidential information about one parent to the other, and this will require two sets of minutes.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['meetings'],
  reads: { meetings: ['meeting_id', 'date', 'type', 'split', 'minutes_sets'] },
  options,
  messages: {
    tooFewMinutes:
      'Split {{type}} {{meetingId}} on {{date}} has {{minutesSets}} set(s) of minutes; a split meeting needs {{minimum}}.',
    minutesNotRecorded:
      'Split {{type}} {{meetingId}} on {{date}} has no number of minutes sets recorded; a split meeting needs {{minimum}}.',
  },
  rule: 'For every meeting with `split` = Y, `minutes_sets` must be at least 2 (option `minimumMinutesSets`). An empty `minutes_sets` is not evidenced and is a breach. Cases with no split meeting are not applicable.',
  examples: {
    complies: 'Meeting M1 (cp_conference, split = Y) with minutes_sets = 2.',
    breaches: 'Meeting M2 (core_group, split = Y) with minutes_sets = 1, or with minutes_sets left empty.',
  },
};

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const minimum = ctx.options.minimumMinutesSets;
  for (const meeting of caseRecord.meetings) {
    if (meeting.split !== true) continue;
    outcome.applicable();
    if (meeting.minutes_sets !== undefined && meeting.minutes_sets >= minimum) continue;
    const data = { meetingId: meeting.meeting_id, type: meeting.type, date: meeting.date, minimum };
    outcome.breach({
      recordId: meeting.meeting_id,
      date: meeting.date,
      source: sourceOf(meeting),
      ...(meeting.minutes_sets === undefined
        ? { messageId: 'minutesNotRecorded', data }
        : { messageId: 'tooFewMinutes', data: { ...data, minutesSets: meeting.minutes_sets } }),
      evidence: [
        {
          table: 'meetings',
          id: meeting.meeting_id,
          date: meeting.date,
          note: `split ${meeting.type}, minutes_sets ${meeting.minutes_sets ?? 'not recorded'}`,
        },
      ],
    });
  }
  return outcome.done();
}
