// Standard: every allegation one parent makes about another is classified and carries the other parent's response.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isPrDeclinedOn, isUncontactableOn, personById, prDeclinedNote, uncontactableNote } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'allegation-response-recorded',
  title: "Every allegation is recorded as an allegation, admission or court finding, with the other parent's response",
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2',
      quote:
        'The views of both parents must be recorded within the assessment, unless one or other parent is un-contactable*. Where one parent is raising concerns about the other, this should be recorded in a neutral way. The assessment should clearly differentiate between allegations, behaviour that has been admitted, or findings by a court. The response of the other parent should be clearly recorded next to any allegations in order for the report to maintain balance.',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§3',
      quote:
        'If a parent has raised concerns about the other parent, then the response of that parent should be included in the report, as should any evidence which either supports or limits the credibility of the concerns. A balanced and fair view of this should be maintained.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['allegations', 'people'],
  reads: {
    allegations: ['allegation_id', 'date', 'made_by', 'about', 'status', 'response_recorded'],
    people: ['person_id', 'contactable', 'uncontactable_date'],
  },
  // One finding per allegation names every element missing: the check leaves out the elements it cannot judge.
  clauses: [
    { id: 'status', requirement: 'the allegation status recorded', reads: { allegations: ['status'] } },
    {
      id: 'response',
      requirement: "the other parent's response recorded",
      reads: { allegations: ['response_recorded'], people: ['contactable'] },
    },
  ],
  options,
  messages: {
    incomplete: 'Allegation {{allegationId}} of {{date}} by {{madeBy}} about {{about}} lacks {{missing}}.',
  },
  rule: [
    'For every allegation (a row of `allegations`), two things must be on the record:',
    '',
    '1. its `status` — `allegation`, `admitted` or `court_finding` — so the record differentiates allegations, admitted behaviour and findings by a court; and',
    '2. the response of the person it is `about`: `response_recorded` = Y.',
    '',
    'The response is not required when the person the allegation is `about` is marked un-contactable (`contactable` = N); an empty `contactable` is not un-contactable. The status is required whatever the other parent\'s contactability, because classifying an allegation does not depend on reaching that parent.',
    'Nor is it required from a parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined), for allegations dated on or after `pr_agreement_date` (every allegation when no date is recorded): the parent with PR did not agree to the Local Authority discussing the child with them. The status is still required. An empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'An empty `status`, or a `response_recorded` that is N or empty, is not evidenced and is a breach. One finding per allegation names every missing element.',
    'A case with no allegation is not applicable; an allegation whose response is exempt still counts as applicable and complies when its status is recorded.',
  ].join('\n'),
  examples: {
    complies:
      'Allegation A1 by M1 about F1 with status = allegation and response_recorded = Y; or allegation A2 about F2 (contactable = N) with status = admitted and response_recorded empty.',
    breaches:
      'Allegation A3 by M1 about F1 (contactable) with status = court_finding and response_recorded = N; or allegation A4 with status empty.',
  },
};

const yesNo = (value: boolean | undefined): string => (value === undefined ? 'not recorded' : value ? 'Y' : 'N');

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const people = personById(caseRecord);
  for (const allegation of caseRecord.allegations) {
    outcome.applicable();
    const subject = people.get(allegation.about);
    const responseExempt =
      subject !== undefined && (isUncontactableOn(subject, allegation.date) || isPrDeclinedOn(subject, allegation.date));
    const notes =
      subject === undefined
        ? []
        : [uncontactableNote(subject, allegation.date), prDeclinedNote(subject, allegation.date)].filter((n) => n !== undefined);
    const marking = notes.length === 0 ? undefined : notes.join('; ');
    const missing: string[] = [];
    if (ctx.judges('status') && allegation.status === undefined) missing.push('a status (allegation, admitted or court_finding)');
    if (ctx.judges('response') && !responseExempt && allegation.response_recorded !== true) {
      missing.push(`the response of ${allegation.about} (response_recorded = Y)`);
    }
    if (missing.length === 0) continue;
    outcome.breach({
      recordId: allegation.allegation_id,
      date: allegation.date,
      source: sourceOf(allegation),
      messageId: 'incomplete',
      data: {
        allegationId: allegation.allegation_id,
        date: allegation.date,
        madeBy: allegation.made_by,
        about: allegation.about,
        status: allegation.status ?? 'not recorded',
        responseRecorded: yesNo(allegation.response_recorded),
        missing: missing.join(' and '),
      },
      evidence: [
        {
          table: 'allegations',
          id: allegation.allegation_id,
          date: allegation.date,
          note: `made by ${allegation.made_by} about ${allegation.about}; status ${allegation.status ?? 'not recorded'}, response_recorded ${yesNo(allegation.response_recorded)}`,
        },
        {
          table: 'people',
          id: allegation.about,
          note: `subject of the allegation; contactable ${yesNo(subject?.contactable)}${marking === undefined ? '' : ` (${marking}${responseExempt ? ': response exempt' : ''})`}`,
        },
      ],
    });
  }
  return outcome.done();
}
