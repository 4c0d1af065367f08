// Standard: the parent with PR is asked before a parent without PR is involved, and a refusal is respected.
import { type IsoDate } from '../src/core/dates.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy, isAssessmentCompletedBy, lacksParentalResponsibility, meetingById } from '../src/model/roles.js';
import { type CaseRecord, type PersonRow, type TableName, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'pr-agreement-sought',
  title: 'The parent with PR is asked before a parent without PR is involved, and a refusal is respected',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§1',
      quote:
        'If a person does not have Parental Responsibility, the Local Authority should ask the parent with PR if they are agreeable to such discussions taking place.',
    },
  ],
  defaultSeverity: 'warning',
  needs: ['people'],
  reads: {
    people: ['person_id', 'parent', 'parental_responsibility', 'pr_agreement', 'pr_agreement_date'],
    assessments: ['assessment_id', 'completed'],
    assessment_views: ['assessment_id', 'person_id', 'views_recorded'],
    meetings: ['meeting_id', 'date'],
    meeting_parents: ['meeting_id', 'person_id', 'invited', 'attended'],
    letters: ['letter_id', 'date', 'recipient'],
  },
  // The involvement clauses own no message: where one cannot be judged, the check leaves its involvements out.
  clauses: [
    {
      id: 'asked',
      requirement: 'the parent with PR asked whether a parent without PR may be involved',
      reads: { people: ['parental_responsibility', 'pr_agreement'] },
      messageIds: ['notAsked'],
    },
    {
      id: 'asked-first',
      requirement: 'asked before the first involvement, and a refusal respected',
      reads: { people: ['parental_responsibility', 'pr_agreement', 'pr_agreement_date'] },
      messageIds: ['askedUndated', 'askedAfterInvolvement', 'involvedAfterDecline'],
    },
    {
      id: 'assessment-involvement',
      requirement: 'involvements by views recorded in an assessment',
      reads: { assessments: ['completed'], assessment_views: ['views_recorded'] },
    },
    {
      id: 'meeting-involvement',
      requirement: 'involvements by invitation to or attendance at a meeting',
      reads: { meetings: ['date'], meeting_parents: ['invited', 'attended'] },
    },
    { id: 'letter-involvement', requirement: 'involvements by letter', reads: { letters: ['recipient'] } },
  ],
  options,
  messages: {
    notAsked:
      'Parent {{personId}} has no parental responsibility and was involved from {{date}} ({{involvement}}), but the parent with PR is not recorded as asked whether they agree (pr_agreement {{agreement}}).',
    askedUndated:
      'Parent {{personId}} has no parental responsibility and was involved from {{date}} ({{involvement}}); the PR agreement ({{agreement}}) has no pr_agreement_date, so asking first is not evidenced.',
    askedAfterInvolvement:
      'Parent {{personId}} has no parental responsibility and was involved from {{date}} ({{involvement}}), but the parent with PR was asked only on {{asked}} ({{agreement}}).',
    involvedAfterDecline:
      'Parent {{personId}} has no parental responsibility; the parent with PR declined on {{asked}}, yet the parent was involved on {{date}} ({{involvement}}).',
  },
  rule: [
    'An **involvement** of a parent is: an `assessment_views` row for them with `views_recorded` = Y, dated by the assessment’s `completed` date (an assessment in progress, or completed after the as-of date, is not one); a `meeting_parents` row for them with `invited` = Y or `attended` = Y, dated by the meeting’s `date`; a `letters` row with `recipient` = them, dated by its `date`.',
    'Updates to a parent (the `updates` table of DATA-ADDITIONS.md) are not yet part of the contract and are not looked at.',
    'Applicable: every parent (`parent` = Y, resident or not) with `parental_responsibility` = N, in a case where another person has `parent` = Y and `parental_responsibility` = Y, who has at least one involvement dated on or before the as-of date. An empty `parental_responsibility` is not N.',
    'The parent complies when `pr_agreement` is `agreed` or `declined` and `pr_agreement_date` is on or before the parent’s earliest involvement, and, where it is `declined`, the parent has no involvement dated after `pr_agreement_date`.',
    'One finding per parent, the first that applies: `pr_agreement` empty or `not_asked` (`notAsked`); `pr_agreement_date` empty (`askedUndated`); the date after the earliest involvement (`askedAfterInvolvement`); declined and involved after the date (`involvedAfterDecline`).',
    'A `pr_agreement_date` after the as-of date was not yet on the record: the parent with PR had not been asked then (`notAsked`).',
    'The finding’s record is the parent; its date is the earliest involvement’s, or for `involvedAfterDecline` the first involvement after the decline. It is not a deadline and carries no due date.',
    'Without the `pr_agreement` column the standard judges nothing and no case is applicable; without `pr_agreement_date` only `notAsked` is judged; an involvement table that is absent is left out, and the report names its columns.',
  ].join(' '),
  examples: {
    complies:
      'Father F1 (parental_responsibility N; mother M1 has PR) with pr_agreement agreed on 2026-03-02, first invited to cin_review MT1 on 2026-03-16.',
    breaches:
      'Father F1 (parental_responsibility N) invited to cin_review MT1 on 2026-03-16 with pr_agreement not_asked; or declined on 2026-03-02 and still sent letter L2 on 2026-04-07.',
  },
};

interface Involvement {
  readonly date: IsoDate;
  readonly table: TableName;
  readonly id: string;
  readonly what: string;
}

const byDate = (a: Involvement, b: Involvement): number =>
  compareText(a.date, b.date) || compareText(a.table, b.table) || compareText(a.id, b.id);

/** Every involvement of the parent on or before the as-of date, earliest first, from the tables the input lets it judge. */
function involvementsOf(caseRecord: CaseRecord, parent: PersonRow, ctx: CheckContext<Options>): Involvement[] {
  const found: Involvement[] = [];
  const personId = parent.person_id;
  if (ctx.judges('assessment-involvement')) {
    for (const views of caseRecord.assessment_views) {
      if (views.person_id !== personId || views.views_recorded !== true) continue;
      const assessment = caseRecord.assessments.findLast(
        (a) => a.assessment_id === views.assessment_id && isAssessmentCompletedBy(a, ctx.asOf),
      );
      if (assessment?.completed === undefined) continue;
      found.push({ date: assessment.completed, table: 'assessment_views', id: `${views.assessment_id}/${personId}`, what: `views in assessment ${views.assessment_id}` });
    }
  }
  if (ctx.judges('meeting-involvement')) {
    const meetings = meetingById(caseRecord);
    for (const row of caseRecord.meeting_parents) {
      if (row.person_id !== personId || (row.invited !== true && row.attended !== true)) continue;
      const meeting = meetings.get(row.meeting_id);
      if (meeting === undefined || meeting.date > ctx.asOf) continue;
      const how = row.attended === true ? 'attended' : 'invited to';
      found.push({ date: meeting.date, table: 'meeting_parents', id: `${meeting.meeting_id}/${personId}`, what: `${how} ${meeting.type} ${meeting.meeting_id}` });
    }
  }
  if (ctx.judges('letter-involvement')) {
    for (const letter of caseRecord.letters) {
      if (letter.recipient !== personId || letter.date > ctx.asOf) continue;
      found.push({ date: letter.date, table: 'letters', id: letter.letter_id, what: `sent letter ${letter.letter_id}` });
    }
  }
  return found.sort(byDate);
}

const evidenceOf = (involvement: Involvement, note: string): Evidence => ({
  table: involvement.table,
  id: involvement.id,
  date: involvement.date,
  note: `${involvement.what}: ${note}`,
});

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  // Without pr_agreement nothing can be judged: counting such parents as complying would claim what the export cannot show.
  if (!ctx.judges('asked')) return outcome.done();
  const withoutPr = caseRecord.people.filter(lacksParentalResponsibility);
  if (withoutPr.length === 0) return outcome.done();
  const withPr = caseRecord.people.filter((p) => p.parent && p.parental_responsibility === true);

  for (const parent of [...withoutPr].sort((a, b) => compareText(a.person_id, b.person_id))) {
    if (!withPr.some((p) => p.person_id !== parent.person_id)) continue;
    const involvements = involvementsOf(caseRecord, parent, ctx);
    const earliest = involvements[0];
    if (earliest === undefined) continue;
    outcome.applicable();

    const personId = parent.person_id;
    const agreement = parent.pr_agreement;
    const asked = dateRecordedBy(parent.pr_agreement_date, ctx.asOf);
    const askedLater = parent.pr_agreement_date !== undefined && asked === undefined;
    const parentEvidence: Evidence = {
      table: 'people',
      id: personId,
      ...(parent.pr_agreement_date === undefined ? {} : { date: parent.pr_agreement_date }),
      note: `parent without PR; pr_agreement ${agreement ?? 'not recorded'}, pr_agreement_date ${parent.pr_agreement_date ?? 'not recorded'}${askedLater ? ' (after the as-of date)' : ''}; parent(s) with PR: ${withPr.map((p) => p.person_id).join(', ')}`,
    };
    const report = (messageId: string, involvement: Involvement, note: string) =>
      outcome.breach({
        recordId: personId,
        date: involvement.date,
        source: sourceOf(parent),
        messageId,
        data: {
          personId,
          date: involvement.date,
          involvement: involvement.what,
          agreement: agreement ?? 'not recorded',
          ...(asked === undefined ? {} : { asked }),
        },
        evidence: [parentEvidence, evidenceOf(involvement, note)],
      });

    if (agreement === undefined || agreement === 'not_asked' || askedLater) {
      report('notAsked', earliest, 'the earliest involvement');
    } else if (!ctx.judges('asked-first')) {
      continue;
    } else if (asked === undefined) {
      report('askedUndated', earliest, 'the earliest involvement');
    } else if (asked > earliest.date) {
      report('askedAfterInvolvement', earliest, `the earliest involvement, before the parent with PR was asked on ${asked}`);
    } else if (agreement === 'declined') {
      const after = involvements.find((involvement) => involvement.date > asked);
      if (after !== undefined) report('involvedAfterDecline', after, `the first involvement after the decline of ${asked}`);
    }
  }
  return outcome.done();
}
