// Standard: a parent excluded from a meeting was first told by a manager of the concerns about their behaviour.
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy, meetingById, personById } from '../src/model/roles.js';
import { type CaseRecord, type MeetingParentRow, type MeetingRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'behaviour-concerns-explained',
  title: 'A parent is told by a manager of the concerns about their behaviour before being excluded',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§7',
      quote:
        'There may be exceptions to this policy if the parent behaves in an aggressive or abusive way to staff or family members, meaning that their attendance at meetings is not appropriate. Parents should be informed of concerns about their behaviour and the consequences of it from a manager.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['meetings', 'meeting_parents', 'people'],
  reads: {
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'excluded'],
    people: ['person_id', 'manager_warning'],
  },
  clauses: [
    {
      id: 'informed',
      requirement: 'an excluded person told by a manager of the concerns about their behaviour by the meeting date',
      reads: { meeting_parents: ['excluded'], people: ['manager_warning'] },
      messageIds: ['notInformed', 'informedAfterExclusion'],
    },
  ],
  options,
  messages: {
    notInformed:
      '{{personId}} was excluded from {{type}} {{meetingId}} on {{date}} with no record that a manager told them of the concerns about their behaviour and the consequences (manager_warning not recorded).',
    informedAfterExclusion:
      '{{personId}} was excluded from {{type}} {{meetingId}} on {{date}} but a manager told them of the concerns about their behaviour only on {{warned}}, after the meeting.',
  },
  rule: [
    'For every `meeting_parents` row with `excluded` = Y at a meeting dated on or before the as-of date, the excluded person’s `people.manager_warning` (the date a manager told them of the concerns about their behaviour and the consequences) must be on or before the meeting’s `date`.',
    'An empty `manager_warning`, or one after the as-of date (not yet on the record), is a breach (`notInformed`); one after the meeting date is a breach (`informedAfterExclusion`). A warning on the meeting day itself complies.',
    '`manager_warning` holds one date per person (the latest record of the warning), so a person warned before the first of several exclusions complies for all of them.',
    'One finding per exclusion: its record is the meeting, its date the meeting’s date. A case with no exclusion is not applicable.',
    'Without the `manager_warning` column nothing is judged, and the report names the column.',
  ].join(' '),
  examples: {
    complies: 'Father F1 excluded from cp_conference MT1 on 2026-06-08; people.manager_warning 2026-06-03.',
    breaches: 'Father F1 excluded from core_group MT2 on 2026-06-22 with manager_warning empty, or 2026-06-25.',
  },
};

const byMeeting = (a: { meeting: MeetingRow; row: MeetingParentRow }, b: { meeting: MeetingRow; row: MeetingParentRow }): number =>
  compareText(a.meeting.date, b.meeting.date) ||
  compareText(a.meeting.meeting_id, b.meeting.meeting_id) ||
  compareText(a.row.person_id, b.row.person_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const meetings = meetingById(caseRecord);
  const people = personById(caseRecord);
  const exclusions = caseRecord.meeting_parents
    .flatMap((row) => {
      const meeting = row.excluded === true ? meetings.get(row.meeting_id) : undefined;
      return meeting !== undefined && meeting.date <= ctx.asOf ? [{ meeting, row }] : [];
    })
    .sort(byMeeting);
  for (const { meeting, row } of exclusions) {
    outcome.applicable();
    const person = people.get(row.person_id);
    const recorded = person?.manager_warning;
    const warned = dateRecordedBy(recorded, ctx.asOf);
    if (warned !== undefined && warned <= meeting.date) continue;

    const data = { personId: row.person_id, meetingId: meeting.meeting_id, type: meeting.type, date: meeting.date };
    const evidence: Evidence[] = [
      { table: 'meetings', id: meeting.meeting_id, date: meeting.date, note: meeting.type },
      { table: 'meeting_parents', id: `${meeting.meeting_id}/${row.person_id}`, note: 'excluded Y' },
      {
        table: 'people',
        id: row.person_id,
        ...(recorded === undefined ? {} : { date: recorded }),
        note: `manager_warning ${recorded ?? 'not recorded'}${recorded !== undefined && warned === undefined ? ' (after the as-of date: not recorded yet)' : ''}`,
      },
    ];
    const report = { recordId: meeting.meeting_id, date: meeting.date, source: sourceOf(meeting), evidence };
    if (warned === undefined) outcome.breach({ ...report, messageId: 'notInformed', data });
    else outcome.breach({ ...report, messageId: 'informedAfterExclusion', data: { ...data, warned } });
  }
  return outcome.done();
}
