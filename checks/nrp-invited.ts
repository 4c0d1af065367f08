// Standard: every contactable non-resident parent is invited to every conference, core group and review.
import type { Evidence } from '../src/core/finding.js';
import { type IsoDate } from '../src/core/dates.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import {
  hasRiskFlag,
  isNonResidentParent,
  isPrDeclinedOn,
  isRecorded,
  isUncontactableOn,
  prDeclinedNote,
  uncontactableNote,
} from '../src/model/roles.js';
import { type CaseRecord, MEETING_TYPES, type MeetingParentRow, type MeetingRow, type PersonRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  meetingTypes: z
    .array(z.enum(MEETING_TYPES))
    .min(1)
    .default(['cp_conference', 'core_group', 'cin_review', 'lac_review'])
    .describe('meeting types every contactable non-resident parent must be invited to'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-invited',
  title: 'Every contactable non-resident parent is invited to every conference, core group and review',
  source: [
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 6',
      quote:
        'Non-resident parents will be invited to all meetings that involve their children as long as this does not present or create a risk to the child(ren) or the resident parent.',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§4',
      quote: 'In most cases the starting point should be that both parents have an equal right to attend reviews.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['people', 'meetings', 'meeting_parents'],
  reads: {
    people: ['person_id', 'parent', 'resident', 'contactable', 'uncontactable_date', 'risk_flag'],
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'invited', 'not_invited_reason', 'excluded'],
  },
  clauses: [
    {
      id: 'invited',
      requirement: 'every contactable non-resident parent invited',
      reads: { people: ['resident', 'contactable', 'risk_flag'], meeting_parents: ['invited', 'not_invited_reason', 'excluded'] },
      messageIds: ['noInvitationRecord', 'notInvited', 'invitationNotRecorded', 'riskReasonNotRecorded'],
    },
  ],
  options,
  messages: {
    noInvitationRecord:
      'Non-resident parent {{personId}} has no meeting_parents record for {{type}} {{meetingId}} on {{date}}: there is no evidence the parent was invited.',
    notInvited: 'Non-resident parent {{personId}} was not invited to {{type}} {{meetingId}} on {{date}}.',
    invitationNotRecorded:
      'Non-resident parent {{personId}} has no invited value for {{type}} {{meetingId}} on {{date}}: the invitation is not evidenced.',
    riskReasonNotRecorded:
      'Non-resident parent {{personId}} carries a risk flag but no not_invited_reason is recorded for {{type}} {{meetingId}} on {{date}}: the decision not to invite must be reasoned.',
  },
  rule: [
    'For every meeting of type `cp_conference`, `core_group`, `cin_review` or `lac_review` (option `meetingTypes`) and every non-resident parent of the case (`parent` = Y and `resident` = N) who was not un-contactable on the meeting date, there must be a `meeting_parents` row for (meeting, parent) with `invited` = Y.',
    'A missing row, `invited` = N, or an empty `invited` is a breach, with two exemptions that need positive evidence on the record:',
    'the row has `excluded` = Y (the exclusion itself is assessed by `exclusion-recorded` and `exclusion-kept-under-review`);',
    'or the parent has `risk_flag` = Y and the row records a `not_invited_reason`.',
    'A risk-flagged parent who was not invited and has no `not_invited_reason` is a breach of its own kind; an empty `risk_flag` is not a risk.',
    'A parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined) is not owed an invitation to meetings dated on or after `pr_agreement_date` (every meeting when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'Un-contactable is a status in time: a parent marked `contactable` = N is exempt for meetings dated on or after their `uncontactable_date`, and for every meeting when no date is recorded; a meeting before that date is judged as for a contactable parent. The risk flag is read as it stands on the record (the `people` table carries no history of it).',
    'One finding per meeting and parent; the finding\'s record is the meeting.',
    'A case with no meeting of those types, or with no contactable non-resident parent, is not applicable.',
  ].join(' '),
  examples: {
    complies:
      'cp_conference MT1 with a meeting_parents row for father F1 (non-resident) with invited = Y; or F1 has risk_flag = Y and the row has invited = N with a not_invited_reason.',
    breaches:
      'core_group MT2 with no meeting_parents row for non-resident mother M2, or a row with invited = N and no exclusion.',
  },
};

const yn = (value: boolean | undefined): string => (value === undefined ? 'not recorded' : value ? 'Y' : 'N');

type InvitationFailure = 'noInvitationRecord' | 'notInvited' | 'invitationNotRecorded' | 'riskReasonNotRecorded';

function invitationFailure(parent: PersonRow, row: MeetingParentRow | undefined): InvitationFailure | undefined {
  if (row?.invited === true || row?.excluded === true) return undefined;
  if (hasRiskFlag(parent)) return isRecorded(row?.not_invited_reason) ? undefined : 'riskReasonNotRecorded';
  if (row === undefined) return 'noInvitationRecord';
  return row.invited === false ? 'notInvited' : 'invitationNotRecorded';
}

/** The parent's un-contactable marking and declined PR agreement, where there are any, and what they meant for this meeting. */
function marking(parent: PersonRow, date: IsoDate): string {
  const notes = [uncontactableNote(parent, date), prDeclinedNote(parent, date)].filter((note) => note !== undefined);
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

function evidenceFor(meeting: MeetingRow, parent: PersonRow, row: MeetingParentRow | undefined): Evidence[] {
  return [
    { table: 'meetings', id: meeting.meeting_id, date: meeting.date, note: meeting.type },
    row === undefined
      ? { table: 'meeting_parents', note: `no row for ${parent.person_id} at ${meeting.meeting_id}` }
      : {
          table: 'meeting_parents',
          id: `${meeting.meeting_id}/${parent.person_id}`,
          note: `invited ${yn(row.invited)}, excluded ${yn(row.excluded)}, not_invited_reason ${isRecorded(row.not_invited_reason) ? 'recorded' : 'not recorded'}`,
        },
    {
      table: 'people',
      id: parent.person_id,
      note: `non-resident parent, contactable ${yn(parent.contactable)}${marking(parent, meeting.date)}, risk_flag ${yn(parent.risk_flag)}`,
    },
  ];
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const parents = caseRecord.people.filter(isNonResidentParent);
  if (parents.length === 0) return outcome.done();
  const audited = caseRecord.meetings.filter((m) => ctx.options.meetingTypes.includes(m.type));
  if (audited.length === 0) return outcome.done();
  const rowFor = (meeting: MeetingRow, parent: PersonRow): MeetingParentRow | undefined =>
    caseRecord.meeting_parents.find((mp) => mp.meeting_id === meeting.meeting_id && mp.person_id === parent.person_id);
  const meetings = audited.sort((a, b) => compareText(a.date, b.date) || compareText(a.meeting_id, b.meeting_id));
  for (const meeting of meetings) {
    for (const parent of parents) {
      // Contactability is judged on the meeting's date: a parent marked un-contactable later was owed this invitation.
      if (isUncontactableOn(parent, meeting.date) || isPrDeclinedOn(parent, meeting.date)) continue;
      outcome.applicable();
      const row = rowFor(meeting, parent);
      const failure = invitationFailure(parent, row);
      if (failure === undefined) continue;
      outcome.breach({
        recordId: meeting.meeting_id,
        date: meeting.date,
        source: sourceOf(meeting),
        messageId: failure,
        data: { meetingId: meeting.meeting_id, type: meeting.type, date: meeting.date, personId: parent.person_id },
        evidence: evidenceFor(meeting, parent, row),
      });
    }
  }
  return outcome.done();
}
