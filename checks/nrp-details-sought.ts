// Standard: when a non-resident parent's details are not recorded, family members are asked for them in time.
import { workingDaysLate } from '../src/core/calendar.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy, isNonResidentParent, isUncontactableOn, personById } from '../src/model/roles.js';
import { type CaseRecord, type ContactAttemptRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  workingDays: z
    .int()
    .min(0)
    .max(365)
    .default(10)
    .describe(
      'working days after the case was opened by which another person must have been asked for the parent’s details (a local choice: the guidance sets no timescale)',
    ),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-details-sought',
  title: "Family members are asked for a non-resident parent's unknown details",
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2',
      quote: 'If details of the non-resident parent are not known then family members should be asked to supply these.',
    },
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 3',
      quote: 'All non-resident parents’ details, whether the father or mother, should be clearly recorded on CareFirst.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['people', 'contact_attempts'],
  reads: {
    cases: ['case_id', 'opened'],
    people: ['person_id', 'parent', 'resident', 'details_recorded', 'contactable', 'uncontactable_date'],
    contact_attempts: ['attempt_id', 'person_id', 'asked_person_id', 'date'],
  },
  clauses: [
    {
      id: 'sought',
      requirement: "another person asked for an unrecorded non-resident parent's details within the deadline after the case opened",
      reads: { cases: ['opened'], people: ['resident', 'details_recorded', 'contactable'] },
      messageIds: ['notSought', 'soughtLate', 'awaitingAttempt'],
    },
  ],
  options,
  messages: {
    notSought:
      "Non-resident parent {{personId}} has details_recorded = N and no other person was asked for the parent's details; it was due by {{due}} ({{workingDays}} working days after the case opened on {{date}}).",
    soughtLate:
      "Non-resident parent {{personId}} has details_recorded = N; {{askedPersonId}} was first asked for the parent's details on {{asked}} (attempt {{attemptId}}), late by {{lateBy}} working day(s) (due by {{due}}).",
    awaitingAttempt:
      "Non-resident parent {{personId}} has details_recorded = N; another person is to be asked for the parent's details by {{due}} ({{workingDays}} working days after the case opened on {{date}}).",
  },
  rule: [
    'For every non-resident parent (`parent` = Y and `resident` = N) with `details_recorded` = N, in a case whose `opened` date is on or before the as-of date,',
    'a `contact_attempts` row must have `person_id` = the parent, `asked_person_id` = another person of the case, and a `date` on or before the due date: `workingDays` (default 10) working days after `cases.opened` (weekends and the region’s bank holidays are not working days).',
    'The guidance sets no timescale: 10 working days is a local choice, set by the option.',
    'An attempt dated before `opened` counts (details sought at referral); an attempt asking the parent themselves does not; the attempt’s `outcome` does not matter, since asking is the duty. An attempt dated after the as-of date is not on the record yet.',
    'No attempt with the deadline passed on the as-of date is a breach (`notSought`); no attempt with the deadline not passed (the due date itself included) is pending; a first attempt after the due date is a breach, late by the working days after it (at least 1) (`soughtLate`).',
    'Not applicable: a parent whose `details_recorded` is Y or empty (an empty value is `nrp-details-recorded`’s "not evidenced" finding); a parent marked un-contactable on the as-of date (`contactable` = N with an `uncontactable_date` on or before it, or none), who is judged by `uncontactable-justified`; a case with no `opened` date, where the clock has no start.',
    'A declined parental-responsibility agreement does not exempt: finding out who a parent is, is not a discussion with them.',
    'One finding per parent: its record is the parent, its date the case’s `opened` date, with the due date.',
  ].join(' '),
  examples: {
    complies:
      'Case opened Monday 2026-03-02; father F1 (non-resident, details_recorded N); attempt CA1 on 2026-03-16 (the 10th working day) asked maternal grandmother MGM1 for his details.',
    breaches:
      'Case opened 2026-03-02; father F1 (non-resident, details_recorded N); no contact_attempts row for him, or the first one on 2026-03-17, late by 1 working day.',
  },
};

const byDateThenId = (a: ContactAttemptRow, b: ContactAttemptRow): number =>
  compareText(a.date, b.date) || compareText(a.attempt_id, b.attempt_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const opened = dateRecordedBy(caseRecord.case.opened, ctx.asOf);
  if (opened === undefined) return outcome.done();
  const parents = caseRecord.people
    .filter((p) => isNonResidentParent(p) && p.details_recorded === false && !isUncontactableOn(p, ctx.asOf))
    .sort((a, b) => compareText(a.person_id, b.person_id));
  if (parents.length === 0) return outcome.done();

  const people = personById(caseRecord);
  const { workingDays } = ctx.options;
  const due = ctx.calendar.addWorkingDays(opened, workingDays);
  for (const parent of parents) {
    outcome.applicable();
    const personId = parent.person_id;
    // Only an ask of someone else who is on the case record can have supplied the details.
    const attempt = caseRecord.contact_attempts
      .filter(
        (a) =>
          a.person_id === personId &&
          a.asked_person_id !== personId &&
          people.get(a.asked_person_id) !== undefined &&
          a.date <= ctx.asOf,
      )
      .sort(byDateThenId)[0];
    if (attempt !== undefined && attempt.date <= due) continue;

    const data = { personId, date: opened, due, workingDays };
    const evidence: Evidence[] = [
      { table: 'people', id: personId, note: 'non-resident parent, details_recorded N, not marked un-contactable' },
      { table: 'cases', id: caseRecord.case.case_id, date: opened, note: 'case opened: the clock starts' },
      { table: 'deadline', date: due, note: `another person to be asked within ${workingDays} working day(s) of opening` },
    ];
    const report = { recordId: personId, date: opened, due, source: sourceOf(parent) };
    if (attempt !== undefined) {
      const lateBy = workingDaysLate(ctx.calendar, due, attempt.date);
      outcome.breach({
        ...report,
        messageId: 'soughtLate',
        data: { ...data, asked: attempt.date, askedPersonId: attempt.asked_person_id, attemptId: attempt.attempt_id, lateBy },
        evidence: [
          ...evidence,
          {
            table: 'contact_attempts',
            id: attempt.attempt_id,
            date: attempt.date,
            note: `first asked ${attempt.asked_person_id}, late by ${lateBy} working day(s)`,
          },
        ],
      });
    } else {
      const none: Evidence = { table: 'contact_attempts', note: `no attempt asking another person by the as-of date ${ctx.asOf}` };
      if (ctx.asOf <= due) outcome.pending({ ...report, messageId: 'awaitingAttempt', data, evidence: [...evidence, none] });
      else outcome.breach({ ...report, messageId: 'notSought', data, evidence: [...evidence, none] });
    }
  }
  return outcome.done();
}
