// Standard: a parent is marked un-contactable only after every other family member was asked for contact details.
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy, isParent, isUncontactable } from '../src/model/roles.js';
import { type CaseRecord, type ContactAttemptRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'uncontactable-justified',
  title: 'A parent is marked un-contactable only after all family members were asked',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2 footnote',
      quote:
        'For a parent to be viewed as un-contactable, attempts must have been made to obtain contact details from all family members.',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2',
      quote: 'If details of the non-resident parent are not known then family members should be asked to supply these.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['people', 'contact_attempts'],
  reads: {
    people: ['person_id', 'parent', 'contactable', 'uncontactable_date'],
    contact_attempts: ['attempt_id', 'person_id', 'asked_person_id', 'date'],
  },
  clauses: [
    {
      id: 'all-asked',
      requirement: 'every family member asked before a parent is marked un-contactable',
      reads: { people: ['contactable'] },
      messageIds: ['notAllAsked', 'noOneToAsk'],
    },
  ],
  options,
  messages: {
    notAllAsked:
      'Parent {{personId}} was marked un-contactable (uncontactable_date {{uncontactableDate}}) without asking {{notAskedCount}} family member(s) for contact details: {{notAsked}}.',
    noOneToAsk:
      'Parent {{personId}} was marked un-contactable (uncontactable_date {{uncontactableDate}}) but the case records no other family member, not themselves un-contactable, who could have been asked for contact details.',
  },
  rule: [
    'For every person with `parent` = Y and `contactable` = N, every other person of the same case who is not themselves marked `contactable` = N must have been asked for the parent’s contact details:',
    'a `contact_attempts` row with `person_id` = the parent and `asked_person_id` = that person, dated on or before the parent’s `uncontactable_date` when that date is recorded.',
    'An attempt dated after `uncontactable_date` does not count. A parent whose `uncontactable_date` is after the as-of date was not yet marked un-contactable on that date, so is not looked at (the engine reads the case as it stood then, for every standard).',
    'A parent with anyone not asked is a breach (`notAllAsked`, naming by id everyone not asked); a parent with no other person in the case who could be asked is a breach too (`noOneToAsk`), because the record shows no family member was asked.',
    'One finding per un-contactable parent, dated on the `uncontactable_date` (or undated when it is not recorded).',
    'A case with no parent marked `contactable` = N is not applicable; an empty `contactable` is not un-contactable.',
  ].join(' '),
  examples: {
    complies:
      'Father F1 marked contactable = N on 2026-04-10; mother M1 (attempt CA1, 2026-04-01) and maternal grandmother G1 (attempt CA2, 2026-04-03) were both asked.',
    breaches:
      'Father F1 marked contactable = N on 2026-04-10; only mother M1 was asked, grandmother G1 was not (or only on 2026-04-20, after the date).',
  },
};

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  for (const parent of caseRecord.people) {
    if (!isParent(parent) || !isUncontactable(parent)) continue;
    outcome.applicable();
    const parentId = parent.person_id;
    const cutOff = dateRecordedBy(parent.uncontactable_date, ctx.asOf);
    const parentEvidence: Evidence = {
      table: 'people',
      id: parentId,
      ...(cutOff === undefined ? {} : { date: cutOff }),
      note:
        cutOff === undefined
          ? 'parent marked un-contactable (contactable N), date not recorded'
          : 'parent marked un-contactable (contactable N) on this date',
    };
    const report = { recordId: parentId, date: cutOff ?? null, source: sourceOf(parent) };

    const toAsk = caseRecord.people.filter((person) => person.person_id !== parentId && !isUncontactable(person));
    if (toAsk.length === 0) {
      outcome.breach({
        ...report,
        messageId: 'noOneToAsk',
        data: { personId: parentId, uncontactableDate: cutOff ?? 'not recorded' },
        evidence: [parentEvidence],
      });
      continue;
    }

    const attempts = caseRecord.contact_attempts.filter((attempt) => attempt.person_id === parentId);
    const counts = (attempt: ContactAttemptRow): boolean => cutOff === undefined || attempt.date <= cutOff;
    const askedInTime = new Set(attempts.filter(counts).map((attempt) => attempt.asked_person_id));
    const notAsked = toAsk
      .filter((person) => !askedInTime.has(person.person_id))
      .map((person) => person.person_id)
      .sort();
    if (notAsked.length === 0) continue;

    const notAskedSet = new Set(notAsked);
    const evidence: Evidence[] = [
      parentEvidence,
      ...attempts
        .filter((attempt) => counts(attempt) && toAsk.some((person) => person.person_id === attempt.asked_person_id))
        .map(
          (attempt): Evidence => ({
            table: 'contact_attempts',
            id: attempt.attempt_id,
            date: attempt.date,
            note: `asked ${attempt.asked_person_id} for the contact details of ${parentId}`,
          }),
        ),
      ...attempts
        .filter((attempt) => !counts(attempt) && notAskedSet.has(attempt.asked_person_id))
        .map(
          (attempt): Evidence => ({
            table: 'contact_attempts',
            id: attempt.attempt_id,
            date: attempt.date,
            note: `asked ${attempt.asked_person_id} after the uncontactable_date: does not count`,
          }),
        ),
      ...notAsked.map(
        (personId): Evidence => ({
          table: 'people',
          id: personId,
          note: `${personId} not asked for the contact details of ${parentId}${cutOff === undefined ? '' : ` on or before ${cutOff}`}`,
        }),
      ),
    ];
    outcome.breach({
      ...report,
      messageId: 'notAllAsked',
      data: {
        personId: parentId,
        notAsked: notAsked.join(', '),
        notAskedCount: notAsked.length,
        uncontactableDate: cutOff ?? 'not recorded',
      },
      evidence,
    });
  }
  return outcome.done();
}
