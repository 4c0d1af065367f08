// Standard: a parent's exclusion from meetings is kept under review, not left standing meeting after meeting.
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder, type Report } from './_outcome.js';
import { meetingById } from '../src/model/roles.js';
import { type CaseRecord, type MeetingParentRow, type MeetingRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  maxConsecutive: z
    .int()
    .min(1)
    .max(1000)
    .default(2)
    .describe('consecutive meetings a parent may be excluded from before the exclusion counts as not kept under review'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'exclusion-kept-under-review',
  title: "A parent's exclusion from meetings is kept under review, not repeated meeting after meeting",
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§7',
      quote: 'Exclusion from meetings should not be considered permanent and should be kept under review.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['meetings', 'meeting_parents'],
  reads: {
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'excluded', 'invited', 'attended'],
  },
  options,
  messages: {
    excludedTooLong:
      'Parent {{personId}} has been excluded from {{count}} consecutive meetings ({{firstDate}} to {{lastDate}}), more than {{maxConsecutive}}; the limit was passed at {{type}} {{meetingId}} on {{date}}. Exclusion should not be permanent: review it.',
  },
  rule: [
    'For every parent, the meetings of the case (any type) for which the parent has a `meeting_parents` row are taken in date order (same-day meetings by `meeting_id`).',
    'A row with `excluded` = Y continues a run of exclusions; a row with `excluded` not Y and `invited` = Y or `attended` = Y shows the parent was brought back in and ends the run.',
    'Any other row (not excluded, but neither invited nor attending, e.g. a professionals meeting) neither continues nor ends a run, and nor does a meeting with no row for the parent: neither shows the exclusion was reviewed.',
    'A run of more than 2 exclusions (option `maxConsecutive`) is a breach: one finding per run, whose record is the meeting at which the run passed the limit; the evidence lists every meeting of the run, including those after it.',
    'A case with no exclusion (`excluded` = Y) is not applicable.',
  ].join(' '),
  examples: {
    complies: 'Father F1 excluded from cp_conference MT1 and core_group MT2, then invited = Y and not excluded at core_group MT3.',
    breaches: 'Father F1 excluded from MT1, MT2 and MT3 in a row: one finding at MT3, listing MT1, MT2 and MT3.',
  },
};

interface Attendance {
  readonly meeting: MeetingRow;
  readonly row: MeetingParentRow;
}

const byMeetingOrder = (a: Attendance, b: Attendance): number =>
  compareText(a.meeting.date, b.meeting.date) || compareText(a.meeting.meeting_id, b.meeting.meeting_id);

/** Runs of consecutive exclusions: excluded rows extend a run, an invited or attending row ends it, others are skipped. */
function exclusionRuns(attendances: readonly Attendance[]): Attendance[][] {
  const runs: Attendance[][] = [];
  let current: Attendance[] = [];
  for (const attendance of attendances) {
    const { row } = attendance;
    if (row.excluded === true) {
      current.push(attendance);
    } else if (row.invited === true || row.attended === true) {
      if (current.length > 0) runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const meetings = meetingById(caseRecord);
  const byParent = new Map<string, Attendance[]>();
  let anyExcluded = false;
  for (const row of caseRecord.meeting_parents) {
    const meeting = meetings.get(row.meeting_id);
    if (meeting === undefined) continue;
    if (row.excluded === true) {
      outcome.applicable();
      anyExcluded = true;
    }
    const attendances = byParent.get(row.person_id);
    if (attendances) attendances.push({ meeting, row });
    else byParent.set(row.person_id, [{ meeting, row }]);
  }
  // Without a single exclusion there is no run to measure: skip sorting every parent's meetings.
  if (!anyExcluded) return outcome.done();
  const max = ctx.options.maxConsecutive;
  const reports: { readonly personId: string; readonly date: string; readonly report: Report }[] = [];
  for (const [personId, attendances] of byParent) {
    for (const exclusions of exclusionRuns(attendances.toSorted(byMeetingOrder))) {
      const passed = exclusions[max];
      const first = exclusions[0];
      const last = exclusions.at(-1);
      if (passed === undefined || first === undefined || last === undefined) continue;
      const report: Report = {
        recordId: passed.meeting.meeting_id,
        date: passed.meeting.date,
        source: sourceOf(passed.meeting),
        messageId: 'excludedTooLong',
        data: {
          personId,
          meetingId: passed.meeting.meeting_id,
          type: passed.meeting.type,
          date: passed.meeting.date,
          count: exclusions.length,
          maxConsecutive: max,
          firstDate: first.meeting.date,
          lastDate: last.meeting.date,
        },
        evidence: exclusions.map(({ meeting }, index) => ({
          table: 'meetings',
          id: meeting.meeting_id,
          date: meeting.date,
          note: `${meeting.type}: ${personId} excluded (${index + 1} of ${exclusions.length} in a row)`,
        })),
      };
      reports.push({ personId, date: passed.meeting.date, report });
    }
  }
  const inReportOrder = reports.toSorted((a, b) => compareText(a.date, b.date) || compareText(a.personId, b.personId));
  for (const { report } of inReportOrder) outcome.breach(report);
  return outcome.done();
}
