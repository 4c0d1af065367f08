// Standard: a non-resident parent is met in person for an assessment; phone or written views need an exceptional reason.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isAssessmentCompletedBy, isNonResidentParent, isPrDeclinedOn, isRecorded, personById } from '../src/model/roles.js';
import { type AssessmentRow, type AssessmentViewRow, type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  remoteMethods: z
    .array(z.enum(['phone', 'written']))
    .min(1)
    .default(['phone', 'written'])
    .describe('ways of taking views, other than in person, that need an exceptional_reason'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-met-in-person',
  title: 'A non-resident parent is met in person for an assessment, unless an exceptional reason is recorded',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2',
      quote:
        'Where an assessment of children and their families is being carried out, social workers should meet the non-resident parent to gain their views. In exceptional circumstances phone contact may be acceptable.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['people', 'assessments', 'assessment_views'],
  reads: {
    people: ['person_id', 'parent', 'resident'],
    assessments: ['assessment_id', 'completed'],
    assessment_views: ['assessment_id', 'person_id', 'views_recorded', 'method', 'exceptional_reason'],
  },
  options,
  messages: {
    noExceptionalReason:
      'Views of non-resident parent {{personId}} for assessment {{assessmentId}} (completed {{date}}) were taken by {{method}} with no exceptional_reason recorded: the parent should be met in person.',
    methodNotRecorded:
      'Views of non-resident parent {{personId}} for assessment {{assessmentId}} (completed {{date}}) are recorded without a method: it is not evidenced that the parent was met in person, and no exceptional_reason is recorded.',
  },
  rule: [
    'For every assessment with a `completed` date on or before the as-of date, and every `assessment_views` row of it for a non-resident parent (`parent` = Y and `resident` = N):',
    'when `method` is `phone` or `written` (option `remoteMethods`), `exceptional_reason` must be recorded.',
    'When `method` is empty but `views_recorded` = Y, meeting in person is not evidenced: without an `exceptional_reason` that is a breach too.',
    '`method` = `in_person` complies; `method` = `none`, or an empty `method` with `views_recorded` not Y, means no views were taken and is left to `parent-views-recorded`.',
    'Assessments still in progress (no `completed` date, or one after the as-of date) are not looked at: the record may still be completed.',
    'A parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined: the parent with PR did not agree to the Local Authority discussing the child with them) is exempt for assessments completed dated on or after `pr_agreement_date` (every assessment when no date is recorded); an empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'One finding per assessment and parent; the finding\'s record is the assessment.',
    'A case with no such view of a non-resident parent is not applicable.',
  ].join(' '),
  examples: {
    complies:
      'Assessment A1 (completed 2026-03-02): father F1 (non-resident) views taken in_person; or by phone with an exceptional_reason recorded.',
    breaches: 'Assessment A2 (completed 2026-04-01): mother M2 (non-resident) views taken by phone, exceptional_reason empty.',
  },
};

type MethodFinding = 'noExceptionalReason' | 'methodNotRecorded';

/** Which kind of contact the row shows: in person (complies), remote (needs a reason), unknown, or no views taken. */
function contactKind(view: AssessmentViewRow, remoteMethods: readonly string[]): 'ok' | MethodFinding | 'none' {
  if (view.method === undefined) return view.views_recorded === true ? 'methodNotRecorded' : 'none';
  if (view.method === 'none') return 'none';
  return remoteMethods.includes(view.method) ? 'noExceptionalReason' : 'ok';
}

/** The completed assessment with this id (the last such row, as a map keyed by id would hold); a case has a few. */
const completedAssessment = (
  assessments: readonly AssessmentRow[],
  assessmentId: string,
  asOf: string,
): AssessmentRow | undefined =>
  assessments.findLast((a) => a.assessment_id === assessmentId && isAssessmentCompletedBy(a, asOf));

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  if (caseRecord.assessment_views.length === 0) return outcome.done();
  const people = personById(caseRecord);
  const remoteMethods: readonly string[] = ctx.options.remoteMethods;
  for (const view of caseRecord.assessment_views) {
    const person = people.get(view.person_id);
    if (person === undefined || !isNonResidentParent(person)) continue;
    const kind = contactKind(view, remoteMethods);
    if (kind === 'none') continue;
    const assessment = completedAssessment(caseRecord.assessments, view.assessment_id, ctx.asOf);
    if (assessment?.completed === undefined || isPrDeclinedOn(person, assessment.completed)) continue;
    outcome.applicable();
    if (kind === 'ok' || isRecorded(view.exceptional_reason)) continue;
    outcome.breach({
      recordId: view.assessment_id,
      date: assessment.completed,
      source: sourceOf(assessment),
      messageId: kind,
      data: {
        assessmentId: view.assessment_id,
        personId: view.person_id,
        date: assessment.completed,
        ...(view.method === undefined ? {} : { method: view.method }),
      },
      evidence: [
        { table: 'assessments', id: assessment.assessment_id, date: assessment.completed, note: 'completed' },
        {
          table: 'assessment_views',
          id: `${view.assessment_id}/${view.person_id}`,
          note: `method ${view.method ?? 'not recorded'}, views_recorded ${view.views_recorded ? 'Y' : 'N'}, exceptional_reason not recorded`,
        },
        { table: 'people', id: view.person_id, note: 'non-resident parent' },
      ],
    });
  }
  return outcome.done();
}
