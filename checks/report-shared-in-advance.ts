// Standard: the report for a conference or review reaches every invited parent before the meeting day.
import { type IsoDate } from '../src/core/dates.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { addCalendarDays, type WorkingDayCalendar } from '../src/core/calendar.js';
import { dateRecordedBy, isParent, isPrDeclinedOn, meetingById, personById, type RowsById } from '../src/model/roles.js';
import { type CaseRecord, MEETING_TYPES, type MeetingParentRow, type MeetingRow, type MeetingType, type PersonRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  meetingTypes: z
    .array(z.enum(MEETING_TYPES))
    .min(1)
    .default(['cp_conference', 'cin_review', 'lac_review'])
    .describe('meeting types whose report must be shared with every invited parent in advance'),
  minimumDaysBefore: z
    .int()
    .min(1)
    .max(365)
    .default(1)
    .describe('how many days before the meeting date the report must have been shared at the latest'),
  dayCount: z
    .enum(['calendar', 'working'])
    .default('calendar')
    .describe(
      'whether minimumDaysBefore counts calendar days or working days (weekends and bank holidays of the region skipped)',
    ),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'report-shared-in-advance',
  title: 'The report for a conference or review is shared with every invited parent before the meeting',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§3',
      quote:
        'Review reports for Child Protection Conferences or Me and My World Review should be shared with both parents in advance for comments, unless there is agreement from a senior manager and the CPRO/IRO not to do so.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['meetings', 'meeting_parents', 'people'],
  reads: {
    people: ['person_id', 'parent'],
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'invited', 'report_shared', 'report_withheld_agreed'],
  },
  options,
  messages: {
    reportNotShared:
      'The report for {{type}} {{meetingId}} on {{date}} is not recorded as shared with invited parent {{personId}}; it was due by {{due}}, unless withholding it was agreed.',
    reportLate:
      'The report for {{type}} {{meetingId}} on {{date}} was shared with invited parent {{personId}} on {{reportShared}}; it was due by {{due}} ({{minimumDaysBefore}} {{dayCount}} day(s) before the meeting).',
  },
  rule: [
    'For every meeting of type `cp_conference`, `cin_review` or `lac_review` (option `meetingTypes`; a `cin_review` stands for the CIN "Me and My World Review" of the guidance) and every `meeting_parents` row of it with `invited` = Y, `report_shared` must be a date at least 1 day before the meeting date (options `minimumDaysBefore` and `dayCount`).',
    'By default that is any day before the meeting day, since the guidance asks only for "in advance for comments"; where local procedure sets a notice period (commonly a number of working days before a conference), set `dayCount` to `working` and `minimumDaysBefore` accordingly: the report is then due by the N-th working day before the meeting date, skipping weekends and the region\'s bank holidays.',
    'Exempt only when the row has `report_withheld_agreed` = Y (a senior manager and the CPRO/IRO agreed not to share it).',
    'An empty `report_shared`, or one later than the as-of date, is not recorded and is a breach; a `report_shared` after the due date is a breach ("late").',
    'Every invited parent (`people.parent` = Y) is covered, resident or not, and including a parent later excluded from the meeting (sharing the report is one way of contributing).',
    'Other invitees (a step-parent, a carer, a grandparent: `parent` N or empty) are not owed the report by this standard, which the guidance states for "both parents".',
    'Parents not invited, or whose `invited` is empty, are not looked at here (`nrp-invited` covers invitations).',
    'A parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined: the parent with PR did not agree to the Local Authority discussing the child with them) is exempt for meetings dated on or after `pr_agreement_date` (every meeting when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'Meetings after the as-of date are not audited, so this standard never has a pending deadline.',
    'One finding per meeting and parent; the finding\'s record is the meeting.',
    'A case with no invited parent at a meeting of those types is not applicable.',
  ].join(' '),
  examples: {
    complies: 'cp_conference MT1 on 2026-05-05: father F1 invited = Y, report_shared 2026-04-30; or report_withheld_agreed = Y.',
    breaches: 'cin_review MT2 on 2026-06-02: mother M1 invited = Y, report_shared 2026-06-02 (the meeting day) or left empty.',
  },
};

/** The latest date the report could be shared: N calendar days, or the N-th working day, before the meeting. */
function latestShareDate(meetingDate: IsoDate, options: Options, calendar: WorkingDayCalendar): IsoDate {
  if (options.dayCount === 'calendar') return addCalendarDays(meetingDate, -options.minimumDaysBefore);
  return calendar.addWorkingDays(meetingDate, -options.minimumDaysBefore);
}

/** The people and meetings of one case, looked up by id. */
interface Lookups {
  readonly people: RowsById<PersonRow>;
  readonly meetings: RowsById<MeetingRow>;
}

/** The meeting of an invited parent's row when that meeting is of an audited type. */
const isAudited = (
  row: MeetingParentRow,
  { people, meetings }: Lookups,
  meetingTypes: readonly MeetingType[],
): MeetingRow | undefined => {
  if (row.invited !== true) return undefined;
  const person = people.get(row.person_id);
  if (person === undefined || !isParent(person)) return undefined;
  const meeting = meetings.get(row.meeting_id);
  if (meeting === undefined || !meetingTypes.includes(meeting.type)) return undefined;
  return isPrDeclinedOn(person, meeting.date) ? undefined : meeting;
};

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  if (caseRecord.meeting_parents.length === 0) return outcome.done();
  const lookups: Lookups = { people: personById(caseRecord), meetings: meetingById(caseRecord) };
  const rows = caseRecord.meeting_parents
    .flatMap((row) => {
      const meeting = isAudited(row, lookups, ctx.options.meetingTypes);
      return meeting === undefined ? [] : [{ row, meeting }];
    })
    .sort(
      (a, b) =>
        compareText(a.meeting.date, b.meeting.date) ||
        compareText(a.row.meeting_id, b.row.meeting_id) ||
        compareText(a.row.person_id, b.row.person_id),
    );
  // The rows come in meeting-date order and the due date depends on the date alone: one per date, not per parent.
  let dueFor: IsoDate | undefined;
  let due: IsoDate = '';
  for (const { row, meeting } of rows) {
    outcome.applicable();
    if (row.report_withheld_agreed === true) continue;
    if (meeting.date !== dueFor) {
      dueFor = meeting.date;
      due = latestShareDate(meeting.date, ctx.options, ctx.calendar);
    }
    const shared = dateRecordedBy(row.report_shared, ctx.asOf);
    if (shared !== undefined && shared <= due) continue;
    const data = {
      meetingId: meeting.meeting_id,
      type: meeting.type,
      date: meeting.date,
      personId: row.person_id,
      due,
      minimumDaysBefore: ctx.options.minimumDaysBefore,
      dayCount: ctx.options.dayCount,
    };
    const withheld = row.report_withheld_agreed === false ? 'N' : 'not recorded';
    const sharedNote =
      shared ?? (row.report_shared === undefined ? 'not recorded' : `${row.report_shared} (after the as-of date)`);
    outcome.breach({
      recordId: meeting.meeting_id,
      date: meeting.date,
      due,
      source: sourceOf(meeting),
      ...(shared === undefined
        ? { messageId: 'reportNotShared', data }
        : { messageId: 'reportLate', data: { ...data, reportShared: shared } }),
      evidence: [
        { table: 'meetings', id: meeting.meeting_id, date: meeting.date, note: meeting.type },
        {
          table: 'meeting_parents',
          id: `${meeting.meeting_id}/${row.person_id}`,
          ...(shared === undefined ? {} : { date: shared }),
          note: `invited Y, report_shared ${sharedNote}, report_withheld_agreed ${withheld}`,
        },
        {
          table: 'deadline',
          date: due,
          note: `report due ${ctx.options.minimumDaysBefore} ${ctx.options.dayCount} day(s) before the meeting`,
        },
      ],
    });
  }
  return outcome.done();
}
