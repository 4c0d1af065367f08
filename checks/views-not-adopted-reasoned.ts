// Standard: whenever a parent's views are not (or only partly) adopted, the reasons are recorded.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isAssessmentCompletedBy, isRecorded } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'views-not-adopted-reasoned',
  title: "The reasons for not adopting a parent's views are recorded",
  source: [
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 8',
      quote:
        'The views of all non-resident parents will be given due consideration and any and all reasons for not adopting their views will be recorded accurately on CareFirst.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['assessments', 'assessment_views'],
  reads: {
    assessments: ['assessment_id', 'completed'],
    assessment_views: ['assessment_id', 'person_id', 'views_adopted', 'not_adopted_reason'],
  },
  options,
  messages: {
    reasonNotRecorded:
      "Assessment {{assessmentId}} (completed {{date}}) records the views of parent {{personId}} as adopted '{{viewsAdopted}}' but no not_adopted_reason: the reasons for not adopting them must be recorded.",
  },
  rule: [
    'For every assessment with a `completed` date on or before the as-of date, every `assessment_views` row with `views_adopted` = `no` or `partly` must have a `not_adopted_reason` recorded (white space alone is not recorded).',
    'As the catalogue states it, this covers every parent\'s views, resident or not; the guidance names non-resident parents because theirs are the views most often set aside.',
    'An empty `views_adopted` is not looked at: it does not say the views were set aside.',
    'Assessments still in progress (no `completed` date, or one after the as-of date) are not looked at: the analysis may still be written.',
    'One finding per assessment and parent; the finding\'s record is the assessment.',
    'A case with no such view is not applicable.',
  ].join(' '),
  examples: {
    complies: 'Assessment A1 (completed 2026-03-02): father F1 views_adopted = partly with a not_adopted_reason recorded.',
    breaches: 'Assessment A2 (completed 2026-04-01): mother M2 views_adopted = no, not_adopted_reason empty.',
  },
};

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  for (const view of caseRecord.assessment_views) {
    if (view.views_adopted !== 'no' && view.views_adopted !== 'partly') continue;
    // Looked up only for a view set aside, which few are; the last completed row, as a map keyed by id would hold.
    const assessment = caseRecord.assessments.findLast(
      (a) => a.assessment_id === view.assessment_id && isAssessmentCompletedBy(a, ctx.asOf),
    );
    if (assessment?.completed === undefined) continue;
    outcome.applicable();
    if (isRecorded(view.not_adopted_reason)) continue;
    outcome.breach({
      recordId: view.assessment_id,
      date: assessment.completed,
      source: sourceOf(assessment),
      messageId: 'reasonNotRecorded',
      data: {
        assessmentId: view.assessment_id,
        personId: view.person_id,
        date: assessment.completed,
        viewsAdopted: view.views_adopted,
      },
      evidence: [
        { table: 'assessments', id: assessment.assessment_id, date: assessment.completed, note: 'completed' },
        {
          table: 'assessment_views',
          id: `${view.assessment_id}/${view.person_id}`,
          note: `views_adopted ${view.views_adopted}, not_adopted_reason not recorded`,
        },
      ],
    });
  }
  return outcome.done();
}
