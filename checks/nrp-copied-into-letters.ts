// Standard: a letter sent to a resident parent is also sent to every contactable non-resident parent without a risk flag.
import type { Evidence } from '../src/core/finding.js';
import { type IsoDate } from '../src/core/dates.js';
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import {
  hasRiskFlag,
  isNonResidentParent,
  isResidentParent,
  isPrDeclinedOn,
  isUncontactableOn,
  personById,
  prDeclinedNote,
  uncontactableNote,
} from '../src/model/roles.js';
import { type CaseRecord, type LetterRow, type PersonRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-copied-into-letters',
  title: 'Every letter sent to a resident parent is also sent to each contactable non-resident parent without a risk flag',
  source: [
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 4',
      quote:
        'All non-resident parents will be copied into and sent letters that are sent to the resident parent, and other professionals as long as this does not present or create a risk to the child(ren) or the resident parent.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['letters', 'people'],
  reads: {
    letters: ['letter_id', 'date', 'recipient'],
    people: ['person_id', 'parent', 'resident', 'contactable', 'uncontactable_date', 'risk_flag'],
  },
  clauses: [
    {
      id: 'copied',
      requirement: 'every letter to a resident parent copied to each contactable non-resident parent without a risk flag',
      reads: { people: ['resident', 'contactable', 'risk_flag'] },
      messageIds: ['notCopied'],
    },
  ],
  options,
  messages: {
    notCopied:
      'Letter {{letterId}} of {{date}} went to resident parent(s) {{residentParents}} but not to non-resident parent(s) {{notCopied}}.',
  },
  rule: [
    'A letter is the set of `letters` rows sharing a `letter_id` (one row per recipient); its date is the earliest `date` among those rows.',
    'For every letter with at least one recipient who is a resident parent (`parent` = Y, `resident` = Y), every non-resident parent of the case (`parent` = Y, `resident` = N) must also be a recipient of that letter.',
    'Exempt are non-resident parents marked un-contactable (`contactable` = N) for letters dated on or after their `uncontactable_date` (every letter when no date is recorded; a letter is dated by its first row), and those whose contact presents a risk to the child or the resident parent (`risk_flag` = Y); an empty `contactable` or `risk_flag` does not exempt.',
    'A declined parental-responsibility agreement is a status in time too: a non-resident parent with `parental_responsibility` = N and `pr_agreement` = declined is exempt for letters dated on or after `pr_agreement_date` (every letter when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'One finding per letter names every non-resident parent who was not copied in.',
    'A case is not applicable when it has no letter to a resident parent, or no non-resident parent; a letter whose non-resident parents are all exempt complies.',
  ].join('\n'),
  examples: {
    complies:
      'Letter L1 of 2026-03-02 has rows for recipients M1 (resident mother) and F1 (non-resident father); or it went to M1 only and F1 has risk_flag = Y.',
    breaches: 'Letter L2 of 2026-04-07 went to M1 (resident mother) only, while F1 is a contactable non-resident father without risk_flag.',
  },
};

const yesNo = (value: boolean | undefined): string => (value === undefined ? 'not recorded' : value ? 'Y' : 'N');

function groupByLetter(letters: readonly LetterRow[]): Map<string, LetterRow[]> {
  const byLetter = new Map<string, LetterRow[]>();
  for (const row of letters) {
    const rows = byLetter.get(row.letter_id);
    if (rows) rows.push(row);
    else byLetter.set(row.letter_id, [row]);
  }
  return byLetter;
}

/** Why a parent need not have been sent a letter of `date`, if they need not. */
function exemption(parent: PersonRow, date: IsoDate): string | undefined {
  if (isUncontactableOn(parent, date)) return uncontactableNote(parent, date);
  if (isPrDeclinedOn(parent, date)) return prDeclinedNote(parent, date);
  if (hasRiskFlag(parent)) return 'exempt: risk_flag Y';
  return undefined;
}

/** What the evidence says of a parent not sent the letter: an exemption, or a marking or declined agreement that came too late for it. */
const exemptionNote = (parent: PersonRow, date: IsoDate): string | undefined =>
  exemption(parent, date) ?? uncontactableNote(parent, date) ?? prDeclinedNote(parent, date);

export function run(caseRecord: CaseRecord, _ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const nonResidentParents = caseRecord.people.filter(isNonResidentParent);
  if (nonResidentParents.length === 0 || caseRecord.letters.length === 0) return outcome.done();
  const people = personById(caseRecord);

  for (const [letterId, rows] of groupByLetter(caseRecord.letters)) {
    const recipients = new Set(rows.map((row) => row.recipient));
    const residentParents = [...recipients].filter((id) => {
      const person = people.get(id);
      return person !== undefined && isResidentParent(person);
    });
    if (residentParents.length === 0) continue;
    outcome.applicable();

    // A letter sent over several days is judged on its first.
    const first = rows.reduce((earliest, row) => (row.date < earliest.date ? row : earliest));
    const notCopied = nonResidentParents.filter((p) => !recipients.has(p.person_id) && exemption(p, first.date) === undefined);
    if (notCopied.length === 0) continue;

    const reached: Evidence[] = rows.map((row) => ({
      table: 'letters',
      id: letterId,
      date: row.date,
      note: `sent to ${row.recipient}${residentParents.includes(row.recipient) ? ' (resident parent)' : ''}`,
    }));
    const nonResidentEvidence: Evidence[] = nonResidentParents
      .filter((p) => !recipients.has(p.person_id))
      .map((p) => ({
        table: 'people',
        id: p.person_id,
        note: `non-resident parent not sent the letter; contactable ${yesNo(p.contactable)}, risk_flag ${yesNo(p.risk_flag)}${exemptionNote(p, first.date) === undefined ? '' : ` (${exemptionNote(p, first.date)})`}`,
      }));
    outcome.breach({
      recordId: letterId,
      date: first.date,
      source: sourceOf(first),
      messageId: 'notCopied',
      data: {
        letterId,
        date: first.date,
        residentParents: residentParents.join(', '),
        notCopied: notCopied.map((p) => p.person_id).join(', '),
        notCopiedCount: notCopied.length,
      },
      evidence: [...reached, ...nonResidentEvidence],
    });
  }
  return outcome.done();
}
