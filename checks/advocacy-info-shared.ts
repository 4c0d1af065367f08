// Standard: every parent invited to a child protection conference is given information about advocacy.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isPrDeclinedOn, meetingById, personById } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'advocacy-info-shared',
  title: 'Every parent invited to a child protection conference is given advocacy information',
  source: [
    {
      file: '002_aa42d365639e64d7.txt',
      paragraph: '"Advocacy support"',
      quote:
        'Government statutory guidance says that the child’s social worker should share information about advocacy agencies with the family. And should explain that the parents or carers may bring an advocate (who may be a solicitor) or supporter to the conference (see Working Together 2018 at page 48).',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['meetings', 'meeting_parents'],
  reads: {
    meetings: ['meeting_id', 'type', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'invited', 'advocacy_info'],
  },
  options,
  messages: {
    notShared: '{{personId}} was invited to cp_conference {{meetingId}} on {{date}} but was not given advocacy information (advocacy_info = N).',
    notRecorded:
      '{{personId}} was invited to cp_conference {{meetingId}} on {{date}} with no record that advocacy information was given.',
  },
  rule: [
    'For every meeting of `type` = `cp_conference` and every `meeting_parents` row of that meeting with `invited` = Y, `advocacy_info` must be Y.',
    '`advocacy_info` = N is a breach; an empty `advocacy_info` is not evidenced and is a breach too. Every invited person counts, parent or carer, as the guidance speaks of "parents or carers".',
    'A parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined: the parent with PR did not agree to the Local Authority discussing the child with them) is exempt for conferences dated on or after `pr_agreement_date` (every conference when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody. (This reads `people` where the export has it; an export without `people` is judged as before.)',
    'A person whose `invited` is N or empty is not counted here (whether they should have been invited is `nrp-invited`\'s concern). Other meeting types are not counted.',
    'A case with no invited person at any `cp_conference` is not applicable. One finding per invited person per conference; its record is the meeting.',
  ].join('\n'),
  examples: {
    complies: 'cp_conference M1 on 2026-03-02: F1 invited = Y with advocacy_info = Y.',
    breaches: 'cp_conference M2 on 2026-05-11: M1 invited = Y with advocacy_info = N or empty.',
  },
};

export function run(caseRecord: CaseRecord, _ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const meetings = meetingById(caseRecord);
  const people = personById(caseRecord);
  for (const invitation of caseRecord.meeting_parents) {
    const meeting = meetings.get(invitation.meeting_id);
    if (meeting?.type !== 'cp_conference' || invitation.invited !== true) continue;
    const person = people.get(invitation.person_id);
    if (person !== undefined && isPrDeclinedOn(person, meeting.date)) continue;
    outcome.applicable();
    if (invitation.advocacy_info === true) continue;
    outcome.breach({
      recordId: meeting.meeting_id,
      date: meeting.date,
      source: sourceOf(meeting),
      messageId: invitation.advocacy_info === false ? 'notShared' : 'notRecorded',
      data: { meetingId: meeting.meeting_id, date: meeting.date, personId: invitation.person_id },
      evidence: [
        { table: 'meetings', id: meeting.meeting_id, date: meeting.date, note: 'cp_conference' },
        {
          table: 'meeting_parents',
          id: `${meeting.meeting_id}/${invitation.person_id}`,
          note: `invited Y, advocacy_info ${invitation.advocacy_info === false ? 'N' : 'not recorded'}`,
        },
      ],
    });
  }
  return outcome.done();
}
