// Standard: a non-resident parent without contact is offered support to re-establish links with the child.
import { workingDaysLate } from '../src/core/calendar.js';
import type { IsoDate } from '../src/core/dates.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { hasRiskFlag, isNonResidentParent, isPrDeclinedOn, isUncontactableOn, meetingById } from '../src/model/roles.js';
import { type CaseRecord, type NoContactReason, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  workingDays: z
    .int()
    .min(0)
    .max(365)
    .default(20)
    .describe(
      'working days after the clock starts (the case opened, or contact stopped when later) by which support to re-establish links must have been offered (a local choice: the guidance sets no timescale)',
    ),
});

type Options = z.output<typeof options>;

/** Reasons for which contact should not take place (000 §6): re-establishing links is then not appropriate. */
const BARRING_REASONS: ReadonlySet<NoContactReason> = new Set(['cp_concerns', 'court_order', 'child_and_parent_decline']);

/** The referrals that are support to re-establish links (001 std 9): `other` is not one of them. */
const SUPPORT_REFERRALS: ReadonlySet<string> = new Set(['family_group_conference', 'mediation', 'legal_advice']);

export const meta: CheckMeta<Options> = {
  id: 'nrp-link-support-offered',
  title: 'A non-resident parent without contact is offered support to re-establish links',
  source: [
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 9',
      quote:
        'All non-resident parents will be given the necessary support and guidance regarding re-establishing links with their children, where appropriate and where this does not present or create a risk',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§6',
      quote: 'own mediation',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['people', 'referrals'],
  reads: {
    cases: ['case_id', 'opened'],
    people: [
      'person_id',
      'parent',
      'resident',
      'child_contact',
      'no_contact_reason',
      'risk_flag',
      'contactable',
      'uncontactable_date',
    ],
    referrals: ['referral_id', 'person_id', 'type', 'date'],
  },
  // no_contact_since and the PR agreement columns only narrow who is owed what, so they are not listed: the pre-flight
  // counts every `reads` column as needed. Family group conference invitations are read where the export has meetings
  // (STANDARDS-ADDITIONS.md: "FGC meetings when present"); a referral is what the standard asks for.
  clauses: [
    {
      id: 'offered',
      requirement: 'every non-resident parent without contact referred for a family group conference, mediation or legal advice within the deadline',
      reads: { cases: ['opened'], people: ['resident', 'child_contact'] },
      messageIds: ['notOffered', 'offeredLate', 'awaitingOffer'],
    },
  ],
  options,
  messages: {
    notOffered:
      'Non-resident parent {{personId}}, who has no contact with the child, has no referral for a family group conference, mediation or legal advice and no family group conference invitation; one was due by {{due}} ({{workingDays}} working days after {{start}}).',
    offeredLate:
      'Non-resident parent {{personId}}, who has no contact with the child, was first offered support to re-establish links on {{offered}} ({{what}}), late by {{lateBy}} working day(s) (due by {{due}}).',
    awaitingOffer:
      'Non-resident parent {{personId}}, who has no contact with the child, is to be offered support to re-establish links by {{due}} ({{workingDays}} working days after {{start}}).',
  },
  rule: [
    'For every non-resident parent (`parent` = Y, `resident` = N) with `child_contact` = N, in a case with an `opened` date, the clock starts at `opened`, or at `no_contact_since` when later.',
    'Not applicable (000 §6 and 001 std 9, "where appropriate and where this does not present or create a risk"): a `no_contact_reason` of `cp_concerns`, `court_order` or `child_and_parent_decline`; `risk_flag` = Y; a parent un-contactable on the as-of date (`contactable` = N from an `uncontactable_date` on or before it, or with none); a parent without parental responsibility whose PR agreement was declined by the as-of date (or with no date); a clock that starts after the as-of date.',
    'Complies when, on or before the due date (`workingDays`, default 20, working days after the clock start; the guidance sets no timescale, so this is a local choice), the parent has a `referrals` row of `type` `family_group_conference`, `mediation` or `legal_advice`, or was invited (`invited` = Y) to a meeting of type `family_group_conference` (when the export has meetings). A referral or invitation before the clock start counts; a referral of type `other` does not, whatever its outcome.',
    'None with the deadline passed on the as-of date is a breach (`notOffered`); the first one after the due date is a breach, late by the working days after it (at least 1) (`offeredLate`); none with the deadline not passed (the due date itself included) is pending.',
    'One finding per parent: its record is the parent, its date the clock start, with the due date. Without the `no_contact_since` column (or with it empty) the clock starts at `opened`, and the evidence says so.',
  ].join(' '),
  examples: {
    complies:
      'Case opened Monday 2026-03-02; father F1 (non-resident, child_contact N, no_contact_reason parental_disagreement) is referred for mediation on 2026-03-20, within 20 working days.',
    breaches: 'Case opened 2026-03-02; father F1 (non-resident, child_contact N) has no referral and was invited to no family group conference by 2026-03-30.',
  },
};

interface Offer {
  readonly date: IsoDate;
  readonly evidence: Evidence;
  readonly what: string;
}

const byOfferDate = (a: Offer, b: Offer): number => compareText(a.date, b.date) || compareText(a.evidence.id ?? '', b.evidence.id ?? '');

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const { opened } = caseRecord.case;
  if (!ctx.judges('offered') || opened === undefined) return outcome.done();
  const parents = caseRecord.people
    .filter(
      (p) =>
        isNonResidentParent(p) &&
        p.child_contact === false &&
        !hasRiskFlag(p) &&
        !(p.no_contact_reason !== undefined && BARRING_REASONS.has(p.no_contact_reason)) &&
        !isUncontactableOn(p, ctx.asOf) &&
        !isPrDeclinedOn(p, ctx.asOf),
    )
    .sort((a, b) => compareText(a.person_id, b.person_id));
  if (parents.length === 0) return outcome.done();
  const meetings = meetingById(caseRecord);
  const { workingDays } = ctx.options;

  for (const parent of parents) {
    const personId = parent.person_id;
    const since = parent.no_contact_since;
    const start = since !== undefined && since > opened ? since : opened;
    if (start > ctx.asOf) continue;
    outcome.applicable();
    const due = ctx.calendar.addWorkingDays(start, workingDays);
    const offers: Offer[] = [
      ...caseRecord.referrals
        .filter((r) => r.person_id === personId && SUPPORT_REFERRALS.has(r.type))
        .map((r) => ({
          date: r.date,
          what: `referral ${r.referral_id}, ${r.type.replaceAll('_', ' ')}`,
          evidence: { table: 'referrals', id: r.referral_id, date: r.date, note: `${r.type} referral for parent ${personId}` },
        })),
      ...caseRecord.meeting_parents.flatMap((row): Offer[] => {
        const meeting = meetings.get(row.meeting_id);
        if (row.person_id !== personId || row.invited !== true || meeting?.type !== 'family_group_conference') return [];
        return [
          {
            date: meeting.date,
            what: `invited to family group conference ${meeting.meeting_id}`,
            evidence: { table: 'meeting_parents', id: `${meeting.meeting_id}/${personId}`, date: meeting.date, note: 'invited to a family group conference' },
          },
        ];
      }),
    ].sort(byOfferDate);
    const first = offers[0];
    if (first !== undefined && first.date <= due) continue;

    const startNote: Evidence =
      since !== undefined && since > opened
        ? { table: 'people', id: personId, date: since, note: 'no contact since this date: the clock starts' }
        : {
            table: 'cases',
            id: caseRecord.case.case_id,
            date: opened,
            note: since === undefined ? 'case opened: no no_contact_since recorded, so the clock starts at the opening' : 'case opened: the clock starts',
          };
    const evidence: Evidence[] = [
      startNote,
      { table: 'people', id: personId, note: `non-resident parent, child_contact N${parent.no_contact_reason === undefined ? '' : `, no_contact_reason ${parent.no_contact_reason}`}, no risk flag` },
      first === undefined ? { table: 'referrals', note: `no family group conference, mediation or legal advice referral or invitation for parent ${personId}` } : first.evidence,
      { table: 'deadline', date: due, note: `support to re-establish links to be offered within ${workingDays} working day(s)` },
    ];
    const report = { recordId: personId, date: start, due, source: sourceOf(parent), evidence };
    const data = { personId, start, due, workingDays };
    if (first !== undefined) {
      const lateBy = workingDaysLate(ctx.calendar, due, first.date);
      outcome.breach({ ...report, messageId: 'offeredLate', data: { ...data, offered: first.date, what: first.what, lateBy } });
    } else if (ctx.asOf <= due) {
      outcome.pending({ ...report, messageId: 'awaitingOffer', data });
    } else {
      outcome.breach({ ...report, messageId: 'notOffered', data });
    }
  }
  return outcome.done();
}
