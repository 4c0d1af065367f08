// Standard: a non-resident parent with no contact is kept updated while the case is open.
import { workingDaysLate } from '../src/core/calendar.js';
import type { IsoDate } from '../src/core/dates.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { hasRiskFlag, isNonResidentParent, lacksParentalResponsibility } from '../src/model/roles.js';
import { type CaseRecord, type PersonRow, type UpdateRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  intervalWorkingDays: z
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe(
      'working days from the start of the owed period, and then from each update, by which the next update is due (a local choice: the guidance sets no frequency; 30 is about six weeks)',
    ),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-updates-provided',
  title: 'A non-resident parent with no contact is kept updated while the case is open',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§5',
      quote:
        'Social workers should provide updating information to non-resident parents on matters such as school progress, health information, and any other key issues',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§1',
      quote: 'kept up to date',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['people', 'updates'],
  reads: {
    cases: ['case_id', 'status', 'opened', 'closed'],
    people: [
      'person_id',
      'parent',
      'resident',
      'child_contact',
      'risk_flag',
      'contactable',
      'uncontactable_date',
    ],
    updates: ['update_id', 'person_id', 'date'],
  },
  // no_contact_since and the PR agreement columns only move or end the owed period, so they are not listed: the pre-flight
  // counts every `reads` column as needed. Without no_contact_since the period starts at opened, as the evidence says.
  clauses: [
    {
      id: 'updated',
      requirement: 'every non-resident parent with no contact given an update within each interval while the case is open',
      reads: { cases: ['opened'], people: ['resident', 'child_contact'] },
      messageIds: ['noUpdate', 'updateLate', 'awaitingUpdate'],
    },
  ],
  options,
  messages: {
    noUpdate:
      'Non-resident parent {{personId}}, who has no contact with the child, has had no update since {{from}}; one was due by {{due}} ({{intervalWorkingDays}} working days on).',
    updateLate:
      'Non-resident parent {{personId}}, who has no contact with the child, was next updated on {{updated}} (update {{updateId}}) after {{from}}, late by {{lateBy}} working day(s) (due by {{due}}).',
    awaitingUpdate:
      'Non-resident parent {{personId}}, who has no contact with the child, is to be updated by {{due}} ({{intervalWorkingDays}} working days after {{from}}).',
  },
  rule: [
    'For every non-resident parent (`parent` = Y, `resident` = N) with `child_contact` = N and no `risk_flag` = Y, in a case with an `opened` date, updating information is owed from the start of the owed period: `opened`, or `no_contact_since` when that is later.',
    'The period ends at the earliest of: the as-of date; `closed` for a closed case; the parent’s `uncontactable_date` (`contactable` = N); the date a parent without parental responsibility had their PR agreement declined (`pr_agreement_date`, `pr_agreement` = declined). A parent marked un-contactable, or declined, with no date is not applicable; so is a closed case with no `closed` date, and a parent whose period ends on or before it starts.',
    'The first update is due `intervalWorkingDays` (default 30, about six weeks; the guidance sets no frequency, so this is a local choice) working days after the start (weekends and the region’s bank holidays are not working days). Each `updates` row to that parent dated on or before its due date starts the next interval from its own date; an update on the start date itself counts, and updates before the start are ignored.',
    'One finding per gap: the next update dated after the due date is a breach, late by the working days after it (at least 1) (`updateLate`), and starts the next interval; no further update with the due date passed while the period was still owed is a breach (`noUpdate`); no further update with the due date on or after the as-of date is pending. If the case closed, or the parent became un-contactable or declined, on or before the due date, nothing more is owed.',
    'Each finding’s record is the parent, its date the start of that interval (the period’s start or the previous update), with the due date.',
    'Without the `no_contact_since` column (or with it empty) the period starts at `opened`, and the evidence says so. Not checked: the guidance’s second circumstance (the resident parent not passing information on) has no data.',
  ].join(' '),
  examples: {
    complies:
      'Case opened Monday 2026-03-02; father F1 (non-resident, child_contact N, no risk flag) is updated on 2026-04-01 and then every six weeks: each update on or before the 30th working day after the one before.',
    breaches:
      'Case opened 2026-03-02; father F1 (non-resident, child_contact N) has no update and the as-of date is 2026-06-30: the first update was due 2026-04-14.',
  },
};

/** Where the owed period stops short of the as-of date, and why: the case closed, or the parent was no longer to be involved. */
interface PeriodEnd {
  readonly date: IsoDate;
  readonly why: string;
}

/** The earliest end of the owed period other than the as-of date; null when a status has no date, so nothing can be placed. */
function periodEnd(caseRecord: CaseRecord, parent: PersonRow): PeriodEnd | undefined | null {
  const ends: PeriodEnd[] = [];
  const { status, closed } = caseRecord.case;
  if (status === 'closed') {
    if (closed === undefined) return null;
    ends.push({ date: closed, why: `the case closed on ${closed}` });
  }
  if (parent.contactable === false) {
    if (parent.uncontactable_date === undefined) return null;
    ends.push({ date: parent.uncontactable_date, why: `marked un-contactable from ${parent.uncontactable_date}` });
  }
  if (lacksParentalResponsibility(parent) && parent.pr_agreement === 'declined') {
    if (parent.pr_agreement_date === undefined) return null;
    ends.push({ date: parent.pr_agreement_date, why: `PR agreement declined from ${parent.pr_agreement_date}` });
  }
  return ends.sort((a, b) => compareText(a.date, b.date))[0];
}

const byDate = (a: UpdateRow, b: UpdateRow): number => compareText(a.date, b.date) || compareText(a.update_id, b.update_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const { opened } = caseRecord.case;
  if (!ctx.judges('updated') || opened === undefined || opened > ctx.asOf) return outcome.done();
  const parents = caseRecord.people
    .filter((p) => isNonResidentParent(p) && p.child_contact === false && !hasRiskFlag(p))
    .sort((a, b) => compareText(a.person_id, b.person_id));
  const { intervalWorkingDays } = ctx.options;

  for (const parent of parents) {
    const personId = parent.person_id;
    const since = parent.no_contact_since;
    const start = since !== undefined && since > opened ? since : opened;
    const end = periodEnd(caseRecord, parent);
    if (end === null || start > ctx.asOf || (end !== undefined && end.date <= start)) continue;
    outcome.applicable();
    const startNote: Evidence =
      since === undefined
        ? { table: 'cases', id: caseRecord.case.case_id, date: opened, note: 'case opened: no no_contact_since recorded, so updates are owed from the opening' }
        : since > opened
          ? { table: 'people', id: personId, date: since, note: 'no contact since this date: updates are owed from it' }
          : { table: 'cases', id: caseRecord.case.case_id, date: opened, note: `case opened (no contact since ${since}, before it): updates are owed from the opening` };
    const updates = caseRecord.updates.filter((u) => u.person_id === personId && u.date >= start).sort(byDate);
    const parentNote: Evidence = { table: 'people', id: personId, note: 'non-resident parent, child_contact N, no risk flag' };

    let from = start;
    let next = 0;
    for (;;) {
      const due = ctx.calendar.addWorkingDays(from, intervalWorkingDays);
      // An owed period that stops on or before the due date owes nothing more.
      if (end !== undefined && end.date <= due) break;
      const update = updates[next];
      const evidence: Evidence[] = [
        startNote,
        parentNote,
        ...(from === start ? [] : [{ table: 'updates', id: (updates[next - 1] as UpdateRow).update_id, date: from, note: 'the previous update: the next interval starts' }]),
        ...(update === undefined
          ? [{ table: 'updates', note: `no update to parent ${personId} after ${from}` }]
          : [{ table: 'updates', id: update.update_id, date: update.date, note: `next update to parent ${personId}` }]),
        ...(end === undefined ? [] : [{ table: 'cases', date: end.date, note: `the owed period ends: ${end.why}` }]),
        { table: 'deadline', date: due, note: `an update is due within ${intervalWorkingDays} working day(s)` },
      ];
      const report = { recordId: personId, date: from, due, source: sourceOf(parent), evidence };
      const data = { personId, from, due, intervalWorkingDays };
      if (update === undefined) {
        if (ctx.asOf <= due) outcome.pending({ ...report, messageId: 'awaitingUpdate', data });
        else outcome.breach({ ...report, messageId: 'noUpdate', data });
        break;
      }
      if (update.date > due) {
        const lateBy = workingDaysLate(ctx.calendar, due, update.date);
        outcome.breach({ ...report, messageId: 'updateLate', data: { ...data, updated: update.date, updateId: update.update_id, lateBy } });
      }
      from = update.date;
      next += 1;
    }
  }
  return outcome.done();
}
