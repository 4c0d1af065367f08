// Standard: both parents' views are sought for every conference and review report.
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { hasRiskFlag, isParent, isPrDeclinedOn, isUncontactableOn, prDeclinedNote, uncontactableNote } from '../src/model/roles.js';
import { type CaseRecord, MEETING_TYPES, type MeetingParentRow, type MeetingRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  meetingTypes: z
    .array(z.enum(MEETING_TYPES))
    .min(1)
    .default(['cp_conference', 'cin_review'])
    .describe("meeting types whose report must seek every parent's views (the guidance's CP conferences and Me and My World reviews)"),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'parents-views-sought-for-review',
  title: "Both parents' views are sought for every conference and review report",
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§3',
      quote:
        "The views of both parents should be sought on the child's situation and the progress of work being carried out under the Child In Need or Child Protection Plan.",
    },
  ],
  defaultSeverity: 'warning',
  needs: ['meetings', 'meeting_parents', 'people'],
  reads: {
    people: ['person_id', 'parent', 'contactable', 'uncontactable_date'],
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'views_sought'],
  },
  // uncontactable_date only narrows the exemption: without it no breach is added, so the clause does not need it.
  clauses: [
    {
      id: 'sought',
      requirement: "every parent's views sought for every conference and review",
      reads: { meeting_parents: ['views_sought'], people: ['contactable'] },
      messageIds: ['viewsNotSought'],
    },
  ],
  options,
  messages: {
    viewsNotSought:
      'The views of parent {{personId}} are not recorded as sought for {{type}} {{meetingId}} on {{date}} ({{recorded}}); the views of both parents should be sought on the situation of the child and the progress of the plan.',
  },
  rule: [
    'For every meeting of type `cp_conference` or `cin_review` (option `meetingTypes`; a `cin_review` stands for the CIN "Me and My World Review" of the guidance) dated on or before the as-of date, and every parent of the case (`parent` = Y, resident or not), the `meeting_parents` row for that meeting and parent must have `views_sought` = Y.',
    'No row, `views_sought` = N, or an empty `views_sought` is a breach (`viewsNotSought`; the message says which).',
    'A parent excluded from the meeting, or with `risk_flag` = Y, is not exempt: views can be sought apart from the meeting (000 §4, "alternative ways of contributing").',
    'Un-contactable is a status in time: a parent marked `contactable` = N is exempt for meetings dated on or after their `uncontactable_date` (every meeting when no date is recorded); an earlier meeting is judged as for a contactable parent.',
    'Likewise a parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined) is exempt for meetings dated on or after `pr_agreement_date` (every meeting when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'Other people at the meeting (a step-parent, a carer: `parent` N) are not looked at. It is not a deadline: meetings after the as-of date are not audited.',
    'One finding per meeting and parent: its record is the meeting, its date the meeting’s date. A case with no such meeting, or no parent owed the request, is not applicable.',
    'Without the `views_sought` column nothing is judged, and the report names the column.',
  ].join(' '),
  examples: {
    complies: 'cin_review MT1 on 2026-06-02: mother M1 and father F1 each have a meeting_parents row with views_sought = Y, F1 although excluded from the meeting.',
    breaches: 'cp_conference MT2 on 2026-07-06: father F1 has views_sought = N or empty, or no meeting_parents row at all.',
  },
};

/** What the record says of the request for a parent's views at a meeting. */
function recordedOf(row: MeetingParentRow | undefined): string {
  if (row === undefined) return 'no meeting_parents row for the parent';
  return row.views_sought === false ? 'views_sought N' : 'views_sought not recorded';
}

const byDate = (a: MeetingRow, b: MeetingRow): number => compareText(a.date, b.date) || compareText(a.meeting_id, b.meeting_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  // Without views_sought nothing can be judged: counting parents as asked would claim what the export cannot show.
  if (!ctx.judges('sought')) return outcome.done();
  const parents = caseRecord.people.filter(isParent).sort((a, b) => compareText(a.person_id, b.person_id));
  if (parents.length === 0) return outcome.done();
  const meetings = caseRecord.meetings
    .filter((meeting) => meeting.date <= ctx.asOf && ctx.options.meetingTypes.includes(meeting.type))
    .sort(byDate);

  for (const meeting of meetings) {
    const meetingId = meeting.meeting_id;
    for (const parent of parents) {
      if (isUncontactableOn(parent, meeting.date) || isPrDeclinedOn(parent, meeting.date)) continue;
      outcome.applicable();
      const personId = parent.person_id;
      const row = caseRecord.meeting_parents.find((r) => r.meeting_id === meetingId && r.person_id === personId);
      if (row?.views_sought === true) continue;

      const recorded = recordedOf(row);
      const notes = [
        uncontactableNote(parent, meeting.date),
        prDeclinedNote(parent, meeting.date),
        hasRiskFlag(parent) ? 'risk flag: not an exemption, views can be sought apart from the meeting' : undefined,
      ].flatMap((note): Evidence[] => (note === undefined ? [] : [{ table: 'people', id: personId, note: `parent ${personId} ${note}` }]));
      const rowNote =
        row === undefined
          ? recorded
          : `${recorded}${row.excluded === true ? '; excluded from the meeting: not an exemption, views can be sought apart from it' : ''}`;
      outcome.breach({
        recordId: meetingId,
        date: meeting.date,
        source: sourceOf(meeting),
        messageId: 'viewsNotSought',
        data: { personId, meetingId, type: meeting.type, date: meeting.date, recorded },
        evidence: [
          { table: 'meetings', id: meetingId, date: meeting.date, note: meeting.type },
          ...notes,
          { table: 'meeting_parents', id: `${meetingId}/${personId}`, note: rowNote },
        ],
      });
    }
  }
  return outcome.done();
}
