// Standard: every non-resident parent is offered an office appointment to go through each completed assessment.
import { workingDaysLate } from '../src/core/calendar.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import {
  dateRecordedBy,
  hasRiskFlag,
  isAssessmentCompletedBy,
  isNonResidentParent,
  isPrDeclinedOn,
  isUncontactableOn,
  prDeclinedNote,
  uncontactableNote,
} from '../src/model/roles.js';
import { type AssessmentRow, type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  workingDays: z
    .int()
    .min(0)
    .max(365)
    .default(10)
    .describe(
      'working days after an assessment is completed by which each non-resident parent must have been offered an office appointment to go through it (a local choice: the guidance sets no timescale)',
    ),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-office-appointment-offered',
  title: 'Every non-resident parent is offered an office appointment to go through each assessment',
  source: [
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 5',
      quote:
        'All non-resident parents will be offered office appointments to go through assessments as long as this does not present or create a risk to the child(ren) or the resident parent.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['assessments', 'assessment_views', 'people'],
  reads: {
    assessments: ['assessment_id', 'completed'],
    assessment_views: ['assessment_id', 'person_id', 'office_appointment_offered'],
    people: ['person_id', 'parent', 'resident', 'contactable', 'uncontactable_date', 'risk_flag'],
  },
  // uncontactable_date only narrows the exemption: without it no breach is added, so the clause does not need it.
  clauses: [
    {
      id: 'offered',
      requirement: 'every non-resident parent offered an office appointment within the deadline after each completed assessment',
      reads: {
        assessments: ['completed'],
        assessment_views: ['office_appointment_offered'],
        people: ['resident', 'contactable', 'risk_flag'],
      },
      messageIds: ['notOffered', 'offeredLate', 'awaitingOffer'],
    },
  ],
  options,
  messages: {
    notOffered:
      'Non-resident parent {{personId}} has no record of an office appointment offered to go through assessment {{assessmentId}} completed on {{completed}}; it was due by {{due}} ({{workingDays}} working days after completion).',
    offeredLate:
      'Non-resident parent {{personId}} was offered an office appointment to go through assessment {{assessmentId}} (completed {{completed}}) only on {{offered}}, late by {{lateBy}} working day(s) (due by {{due}}).',
    awaitingOffer:
      'Non-resident parent {{personId}} is to be offered an office appointment to go through assessment {{assessmentId}} (completed {{completed}}) by {{due}} ({{workingDays}} working days after completion).',
  },
  rule: [
    'For every assessment whose `completed` date is on or before the as-of date, and every non-resident parent of the case (`parent` = Y and `resident` = N), the `assessment_views` row for that assessment and parent must have `office_appointment_offered` on or before the due date: `workingDays` (default 10) working days after `completed` (weekends and the region’s bank holidays are not working days).',
    'The guidance sets no timescale: 10 working days is a local choice, set by the option. An offer before completion (made as the assessment was shared) complies.',
    'No views row, an empty `office_appointment_offered`, or one after the as-of date (not on the record yet) is not recorded: with the deadline passed on the as-of date that is a breach (`notOffered`); with the deadline not passed (the due date itself included) it is pending. An offer after the due date is a breach, late by the working days after it (at least 1) (`offeredLate`).',
    'Exempt, as the guidance says ("as long as this does not present or create a risk"): a parent with `risk_flag` = Y, read as it stands on the record. An empty `risk_flag` is not a risk.',
    'Un-contactable is a status in time: a parent marked `contactable` = N is exempt for assessments completed on or after their `uncontactable_date` (every assessment when no date is recorded); one completed before that date is judged as for a contactable parent.',
    'Likewise a parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined) is exempt for assessments completed on or after `pr_agreement_date` (every assessment when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'Whether the parent’s views were recorded does not matter here (`parent-views-recorded` judges that): going through the assessment is owed either way.',
    'One finding per assessment and parent: its record is the assessment, its date the completion date, with the due date. A case with no completed assessment, or no non-resident parent who is owed the offer, is not applicable.',
    'Without the `office_appointment_offered` column nothing is judged, and the report names the column.',
  ].join(' '),
  examples: {
    complies:
      'Assessment A1 completed Monday 2026-03-02; father F1 (non-resident, no risk flag) has office_appointment_offered 2026-03-16 (the 10th working day) in his views row.',
    breaches:
      'Assessment A1 completed 2026-03-02; father F1 (non-resident) has office_appointment_offered empty, or 2026-03-17 (late by 1 working day).',
  },
};

interface Completed {
  readonly assessment: AssessmentRow;
  readonly completed: string;
}

const byCompletion = (a: Completed, b: Completed): number =>
  compareText(a.completed, b.completed) || compareText(a.assessment.assessment_id, b.assessment.assessment_id);

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  // Without office_appointment_offered nothing can be judged: counting parents as offered would claim what the export cannot show.
  if (!ctx.judges('offered')) return outcome.done();
  const parents = caseRecord.people
    .filter((p) => isNonResidentParent(p) && !hasRiskFlag(p))
    .sort((a, b) => compareText(a.person_id, b.person_id));
  if (parents.length === 0) return outcome.done();
  const assessments = caseRecord.assessments
    .flatMap((assessment): Completed[] =>
      isAssessmentCompletedBy(assessment, ctx.asOf) && assessment.completed !== undefined
        ? [{ assessment, completed: assessment.completed }]
        : [],
    )
    .sort(byCompletion);

  const { workingDays } = ctx.options;
  for (const { assessment, completed } of assessments) {
    const assessmentId = assessment.assessment_id;
    const due = ctx.calendar.addWorkingDays(completed, workingDays);
    for (const parent of parents) {
      if (isUncontactableOn(parent, completed) || isPrDeclinedOn(parent, completed)) continue;
      outcome.applicable();
      const personId = parent.person_id;
      const views = caseRecord.assessment_views.find((v) => v.assessment_id === assessmentId && v.person_id === personId);
      const recorded = views?.office_appointment_offered;
      const offered = dateRecordedBy(recorded, ctx.asOf);
      if (offered !== undefined && offered <= due) continue;

      const data = { assessmentId, personId, completed, due, workingDays };
      const notes = [uncontactableNote(parent, completed), prDeclinedNote(parent, completed)].flatMap((note): Evidence[] =>
        note === undefined ? [] : [{ table: 'people', id: personId, note: `parent ${personId} ${note}` }],
      );
      const offerNote =
        views === undefined
          ? `no views row for parent ${personId} in assessment ${assessmentId}`
          : `office_appointment_offered ${recorded ?? 'not recorded'}${recorded !== undefined && offered === undefined ? ' (after the as-of date: not recorded yet)' : ''}`;
      const evidence: Evidence[] = [
        { table: 'assessments', id: assessmentId, date: completed, note: 'assessment completed: the clock starts' },
        { table: 'people', id: personId, note: 'non-resident parent, no risk flag' },
        ...notes,
        {
          table: 'assessment_views',
          id: `${assessmentId}/${personId}`,
          ...(offered === undefined ? {} : { date: offered }),
          note: offerNote,
        },
        { table: 'deadline', date: due, note: `office appointment to be offered within ${workingDays} working day(s) of completion` },
      ];
      const report = { recordId: assessmentId, date: completed, due, source: sourceOf(assessment), evidence };
      if (offered !== undefined) {
        const lateBy = workingDaysLate(ctx.calendar, due, offered);
        outcome.breach({ ...report, messageId: 'offeredLate', data: { ...data, offered, lateBy } });
      } else if (ctx.asOf <= due) {
        outcome.pending({ ...report, messageId: 'awaitingOffer', data });
      } else {
        outcome.breach({ ...report, messageId: 'notOffered', data });
      }
    }
  }
  return outcome.done();
}
