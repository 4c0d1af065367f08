// Standard: every completed assessment records the views of every parent who is not un-contactable.
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import {
  isAssessmentCompletedBy,
  isParent,
  isPrDeclinedOn,
  isUncontactableOn,
  prDeclinedNote,
  uncontactableNote,
} from '../src/model/roles.js';
import { type AssessmentViewRow, type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'parent-views-recorded',
  title: "Both parents' views are recorded in every assessment",
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2',
      quote:
        'The views of both parents must be recorded within the assessment, unless one or other parent is un-contactable*.',
    },
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 1',
      quote:
        'All Assessments and reports completed by social workers will include discussions with and about father(s) and mother(s) and where possible the wider paternal and maternal families.',
    },
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 7',
      quote: 'The views of all non-resident parents will be accurately recorded.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['assessments', 'assessment_views', 'people'],
  reads: {
    assessments: ['assessment_id', 'completed'],
    assessment_views: ['assessment_id', 'person_id', 'views_recorded'],
    people: ['person_id', 'parent', 'contactable', 'uncontactable_date'],
  },
  // uncontactable_date only narrows the exemption: without it no breach is added, so the rule does not need it.
  clauses: [
    {
      id: 'views',
      requirement: "every parent's views recorded in every completed assessment",
      reads: { assessments: ['completed'], assessment_views: ['views_recorded'], people: ['contactable'] },
      messageIds: ['noViewsRow', 'viewsNotRecorded'],
    },
  ],
  options,
  messages: {
    noViewsRow:
      'Assessment {{assessmentId}} completed on {{completed}} has no views row for parent {{personId}}; the views of both parents must be recorded unless a parent is un-contactable.',
    viewsNotRecorded:
      'Assessment {{assessmentId}} completed on {{completed}} does not record the views of parent {{personId}} (views_recorded {{viewsRecorded}}); the views of both parents must be recorded unless a parent is un-contactable.',
  },
  rule: [
    'For every assessment whose `completed` date is on or before the as-of date, and every person of the case with `parent` = Y, there must be an `assessment_views` row for that assessment and parent with `views_recorded` = Y.',
    'A parent marked un-contactable (`contactable` = N) is exempt for assessments completed on or after their `uncontactable_date` (or for every assessment when no date is recorded); an assessment completed before that date is judged as for a contactable parent. An empty `contactable` is not an exemption.',
    'Likewise a parent without parental responsibility (`parental_responsibility` = N) whose PR agreement was declined (`pr_agreement` = declined: the parent with PR did not agree to the Local Authority discussing the child with them) is exempt for assessments completed on or after `pr_agreement_date` (every assessment when no date is recorded). An empty `parental_responsibility`, or an export without the `pr_agreement` column, exempts nobody.',
    'A missing row is a breach (`noViewsRow`); a row with `views_recorded` = N is a breach (`viewsNotRecorded`), since views that are not recorded are not evidenced (an empty `views_recorded`, which DATA.md requires, leaves its row out as `data-invalid-row`).',
    'One finding per assessment and parent, dated on the completion date.',
    'An assessment with an empty `completed`, or completed after the as-of date, is still in progress and is not looked at.',
    'A case with no completed assessment, or with no person marked `parent` = Y, is not applicable.',
  ].join(' '),
  examples: {
    complies:
      'Assessment A1 completed 2026-03-02; mother M1 and father F1 each have an assessment_views row with views_recorded = Y.',
    breaches:
      'Assessment A1 completed 2026-03-02 has a views row for M1 only, and father F1 (contactable) has none, or has views_recorded = N.',
  },
};

const viewsKey = (assessmentId: string, personId: string): string => `${assessmentId}\u0000${personId}`;

// A case holds a few views rows: scanning them costs less than keying a map, which only a large case needs.
const SCAN_LIMIT = 16;

/** The first views row of a parent in an assessment, as the export lists them. */
function firstViewsLookup(
  allViews: readonly AssessmentViewRow[],
): (assessmentId: string, personId: string) => AssessmentViewRow | undefined {
  if (allViews.length <= SCAN_LIMIT) {
    return (assessmentId, personId) =>
      allViews.find((views) => views.assessment_id === assessmentId && views.person_id === personId);
  }
  const viewsByKey = new Map<string, AssessmentViewRow>();
  for (const views of allViews) {
    const key = viewsKey(views.assessment_id, views.person_id);
    if (!viewsByKey.has(key)) viewsByKey.set(key, views);
  }
  return (assessmentId, personId) => viewsByKey.get(viewsKey(assessmentId, personId));
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const parents = caseRecord.people.filter(isParent);
  const completedAssessments = caseRecord.assessments.flatMap((assessment) =>
    isAssessmentCompletedBy(assessment, ctx.asOf) && assessment.completed !== undefined
      ? [{ assessment, completed: assessment.completed }]
      : [],
  );
  if (parents.length === 0 || completedAssessments.length === 0) return outcome.done();
  outcome.applicable();

  const firstViews = firstViewsLookup(caseRecord.assessment_views);

  for (const { assessment, completed } of completedAssessments) {
    const assessmentId = assessment.assessment_id;
    const viewsOf = (personId: string) => firstViews(assessmentId, personId);
    // Built only for an assessment with a breach: most have none, and these notes are most of the check's work.
    let context: Evidence[] | undefined;
    const contextEvidence = (): Evidence[] =>
      (context ??= [
        { table: 'assessments', id: assessmentId, date: completed, note: 'assessment completed' },
        ...parents
          .filter((parent) => viewsOf(parent.person_id)?.views_recorded === true)
          .map(
            (parent): Evidence => ({
              table: 'assessment_views',
              id: `${assessmentId}/${parent.person_id}`,
              note: `views of parent ${parent.person_id} recorded in assessment ${assessmentId} (views_recorded Y)`,
            }),
          ),
        ...parents.flatMap((parent): Evidence[] =>
          [uncontactableNote(parent, completed), prDeclinedNote(parent, completed)].flatMap((note): Evidence[] =>
            note === undefined ? [] : [{ table: 'people', id: parent.person_id, note: `parent ${parent.person_id} ${note}` }],
          ),
        ),
      ]);

    for (const parent of parents) {
      if (isUncontactableOn(parent, completed) || isPrDeclinedOn(parent, completed)) continue;
      const views = viewsOf(parent.person_id);
      if (views?.views_recorded === true) continue;
      const data = { assessmentId, personId: parent.person_id, completed };
      if (views === undefined) {
        outcome.breach({
          recordId: assessmentId,
          date: completed,
          source: sourceOf(assessment),
          messageId: 'noViewsRow',
          data,
          evidence: [
            ...contextEvidence(),
            {
              table: 'assessment_views',
              id: `${assessmentId}/${parent.person_id}`,
              note: `no views row for parent ${parent.person_id} in assessment ${assessmentId}`,
            },
          ],
        });
        continue;
      }
      const viewsRecorded = 'N';
      outcome.breach({
        recordId: assessmentId,
        date: completed,
        source: sourceOf(assessment),
        messageId: 'viewsNotRecorded',
        data: { ...data, viewsRecorded },
        evidence: [
          ...contextEvidence(),
          {
            table: 'assessment_views',
            id: `${assessmentId}/${parent.person_id}`,
            note: `views row for parent ${parent.person_id} in assessment ${assessmentId}: views_recorded ${viewsRecorded}`,
          },
        ],
      });
    }
  }
  return outcome.done();
}
