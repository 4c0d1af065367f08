// Standard: when a child has no contact with a non-resident parent, a valid reason (and its evidence) is recorded.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isCaseOpenOn, isNonResidentParent, isRecorded } from '../src/model/roles.js';
import { type CaseRecord, type PersonRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'no-contact-reason',
  title: 'Where a child has no contact with a non-resident parent, a valid reason is recorded',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§6',
      quote: [
        'There are some circumstances where contact should not take place:',
        "- There are child protection concerns which have led Children's Social Work not to recommend contact. This should be evidenced in a risk assessment or court report;",
        '- There is a court order that no contact should take place;',
        '- The child and parent do not want contact.',
      ].join('\n'),
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§6',
      quote:
        'Parental disagreement is not a reason in itself for a child not to have contact with a parent, if none of the above scenarios apply.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['people'],
  reads: {
    cases: ['status', 'opened', 'closed'],
    people: ['person_id', 'parent', 'resident', 'child_contact', 'no_contact_reason', 'no_contact_evidence'],
  },
  clauses: [
    {
      id: 'reason',
      requirement: 'a valid reason recorded for no contact',
      reads: { people: ['resident', 'child_contact', 'no_contact_reason'] },
      messageIds: ['reasonNotRecorded', 'parentalDisagreement'],
    },
    {
      id: 'evidence',
      requirement: 'evidence recorded for no contact on child protection grounds',
      reads: { people: ['resident', 'child_contact', 'no_contact_reason', 'no_contact_evidence'] },
      messageIds: ['evidenceNotRecorded'],
    },
  ],
  options,
  messages: {
    reasonNotRecorded:
      'The child has no contact with non-resident parent {{personId}} (child_contact = N) and no no_contact_reason is recorded.',
    parentalDisagreement:
      'The child has no contact with non-resident parent {{personId}} and the reason recorded is parental_disagreement, which is not in itself a reason for no contact.',
    evidenceNotRecorded:
      'The child has no contact with non-resident parent {{personId}} because of child protection concerns (cp_concerns), but no no_contact_evidence (risk assessment or court report) is recorded.',
  },
  rule: [
    'For a case open on the as-of date (`status` = open, or closed after the as-of date; and not opened after it), every non-resident parent (`parent` = Y and `resident` = N) with `child_contact` = N must have a `no_contact_reason` other than `parental_disagreement`:',
    '`cp_concerns`, `court_order`, `child_and_parent_decline` or `other`.',
    'An empty `no_contact_reason` is a breach; `parental_disagreement` is a breach; `cp_concerns` also needs `no_contact_evidence` (the reference to the risk assessment or court report), and without it is a breach.',
    'Each of the three failures has its own message. An empty `child_contact` does not say the child has no contact and is not looked at.',
    'Un-contactable parents are covered too: the reason for no contact must still be recorded (`other` where none of the listed reasons applies).',
    'One finding per parent. A closed case, or an open case with no non-resident parent having `child_contact` = N, is not applicable.',
  ].join(' '),
  examples: {
    complies: 'Open case C1: father F1 (non-resident) child_contact = N, no_contact_reason = court_order.',
    breaches:
      'Open case C2: mother M2 (non-resident) child_contact = N with no_contact_reason = parental_disagreement, or cp_concerns with no_contact_evidence empty.',
  },
};

type ReasonFailure = 'reasonNotRecorded' | 'parentalDisagreement' | 'evidenceNotRecorded';

function reasonFailure(person: PersonRow): ReasonFailure | undefined {
  if (person.no_contact_reason === undefined) return 'reasonNotRecorded';
  if (person.no_contact_reason === 'parental_disagreement') return 'parentalDisagreement';
  if (person.no_contact_reason === 'cp_concerns' && !isRecorded(person.no_contact_evidence)) {
    return 'evidenceNotRecorded';
  }
  return undefined;
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  if (!isCaseOpenOn(caseRecord, ctx.asOf)) return outcome.done();
  const { case: caseRow } = caseRecord;
  for (const person of caseRecord.people) {
    if (!isNonResidentParent(person) || person.child_contact !== false) continue;
    outcome.applicable();
    const failure = reasonFailure(person);
    if (failure === undefined) continue;
    const evidenceState = isRecorded(person.no_contact_evidence) ? 'recorded' : 'not recorded';
    outcome.breach({
      recordId: person.person_id,
      date: null,
      source: sourceOf(person),
      messageId: failure,
      data: {
        personId: person.person_id,
        ...(person.no_contact_reason === undefined ? {} : { reason: person.no_contact_reason }),
      },
      evidence: [
        caseRow.status === 'closed'
          ? { table: 'cases', id: caseRow.case_id, date: caseRow.closed, note: 'closed after the as-of date' }
          : { table: 'cases', id: caseRow.case_id, note: 'status open' },
        {
          table: 'people',
          id: person.person_id,
          note: `non-resident parent, child_contact N, no_contact_reason ${person.no_contact_reason ?? 'not recorded'}, no_contact_evidence ${evidenceState}`,
        },
      ],
    });
  }
  return outcome.done();
}
