// Standard: a report shared while someone's address is confidential was checked and the address removed.
import type { Evidence } from '../src/core/finding.js';
import { type IsoDate } from '../src/core/dates.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy, meetingById } from '../src/model/roles.js';
import { type CaseRecord, type MeetingParentRow, type MeetingRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'confidential-address-removed',
  title: 'A report shared while an address is confidential was checked and the address removed',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§3',
      quote:
        'If placement or home addresses are confidential then the reports must be checked to ensure these are not automatically generated and are removed.',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§4',
      quote:
        "In cases involving potentially serious Domestic Abuse there may be a need to protect the children's whereabouts, including address and school, from the abusive parent.",
    },
  ],
  defaultSeverity: 'error',
  needs: ['meetings', 'meeting_parents', 'people'],
  reads: {
    people: ['person_id', 'confidential_address'],
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'report_shared', 'address_removed'],
  },
  clauses: [
    {
      id: 'removed',
      requirement: 'a report shared while another person’s address is confidential checked and the address removed',
      reads: { people: ['confidential_address'], meeting_parents: ['report_shared', 'address_removed'] },
      messageIds: ['addressNotRemoved'],
    },
  ],
  options,
  messages: {
    addressNotRemoved:
      'The report for {{type}} {{meetingId}} on {{meetingDate}} was shared with {{personId}} on {{shared}} while the address of {{confidential}} is confidential, with no record that the report was checked and the address removed (address_removed {{removed}}).',
  },
  rule: [
    'For every `meeting_parents` row with a `report_shared` date on or before the as-of date, where another person of the case (not the recipient) has `confidential_address` = Y, the row must have `address_removed` = Y: the report was checked and the confidential placement or home address removed.',
    '`address_removed` = N or empty is a breach (`addressNotRemoved`); the message names whose address is confidential.',
    'A report not shared (`report_shared` empty, withheld by agreement or not), or shared only after the as-of date, is not looked at. A meeting dated after the as-of date is left out with its rows, even where its report was already shared; the next audit judges it.',
    '`confidential_address` is read as it stands on the record (the `people` table has no history of it). Any recipient is covered, parent or not, and no exemption applies: a declined PR agreement or an un-contactable marking does not make sending an address any safer.',
    'It is not a deadline. One finding per report shared: its record is the meeting; its date the `report_shared` date, or the meeting’s date when the report was shared before it (the audit can see the breach only once the meeting is on the record, so an audit period places it there and month-by-month audits lose none); the person is in the message and evidence. A case with no report shared while someone else’s address is confidential is not applicable.',
    'Without the `address_removed` or `confidential_address` column nothing is judged, and the report names the column.',
  ].join(' '),
  examples: {
    complies:
      'Mother M1 has confidential_address Y; the report for cp_conference MT1 on 2026-06-08 was shared with father F1 on 2026-06-03 with address_removed Y.',
    breaches: 'The same report shared with father F1 on 2026-06-03 with address_removed N or empty.',
  },
};

interface Shared {
  readonly row: MeetingParentRow;
  readonly meeting: MeetingRow;
  readonly shared: IsoDate;
}

const byShared = (a: Shared, b: Shared): number =>
  compareText(a.shared, b.shared) || compareText(a.meeting.meeting_id, b.meeting.meeting_id) || compareText(a.row.person_id, b.row.person_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  // Without the columns nothing can be judged: counting reports as checked would claim what the export cannot show.
  if (!ctx.judges('removed')) return outcome.done();
  const confidential = caseRecord.people
    .filter((p) => p.confidential_address === true)
    .map((p) => p.person_id)
    .sort(compareText);
  if (confidential.length === 0) return outcome.done();
  const meetings = meetingById(caseRecord);
  const reports = caseRecord.meeting_parents
    .flatMap((row): Shared[] => {
      const shared = dateRecordedBy(row.report_shared, ctx.asOf);
      const meeting = shared === undefined ? undefined : meetings.get(row.meeting_id);
      return shared === undefined || meeting === undefined || meeting.date > ctx.asOf ? [] : [{ row, meeting, shared }];
    })
    .sort(byShared);

  for (const { row, meeting, shared } of reports) {
    const others = confidential.filter((id) => id !== row.person_id);
    if (others.length === 0) continue;
    outcome.applicable();
    if (row.address_removed === true) continue;
    const removed = row.address_removed === false ? 'N' : 'not recorded';
    const meetingId = meeting.meeting_id;
    outcome.breach({
      recordId: meetingId,
      // Seen only once both the report and its meeting are on the record: the later date places the breach.
      date: shared > meeting.date ? shared : meeting.date,
      source: sourceOf(meeting),
      messageId: 'addressNotRemoved',
      data: {
        meetingId,
        type: meeting.type,
        meetingDate: meeting.date,
        personId: row.person_id,
        shared,
        confidential: others.join(', '),
        removed,
      },
      evidence: [
        { table: 'meetings', id: meetingId, date: meeting.date, note: meeting.type },
        ...others.map((id): Evidence => ({ table: 'people', id, note: 'confidential_address Y' })),
        {
          table: 'meeting_parents',
          id: `${meetingId}/${row.person_id}`,
          date: shared,
          note: `report_shared ${shared}, address_removed ${removed}`,
        },
      ],
    });
  }
  return outcome.done();
}
