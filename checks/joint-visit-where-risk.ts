// Standard: a home visit to a household where a resident person has a violence flag is never made by a sole worker.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { hasViolenceFlag, isResident } from '../src/model/roles.js';
import { VISIT_OUTCOMES, type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  visitOutcomes: z
    .array(z.enum(VISIT_OUTCOMES))
    .min(1)
    .default(['completed', 'no_access', 'defaulted'])
    .describe('visit outcomes at which a worker went to the home, so the visit must have been joint'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'joint-visit-where-risk',
  title: 'Every home visit to a household with a violence-flagged resident is a joint visit',
  source: [
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§5.3',
      quote:
        'Where there are any identified actual or potential risk factors, the visit should not be made by a sole worker; either two social workers, or joint visiting by workers from different agencies, should be arranged.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['visits', 'people'],
  reads: {
    visits: ['visit_id', 'date', 'type', 'outcome', 'joint'],
    people: ['person_id', 'resident', 'violence_flag'],
  },
  options,
  messages: {
    soleWorker:
      'Home visit {{visitId}} on {{date}} ({{outcome}}) was made by a sole worker (joint = N) although resident person(s) {{flaggedPeople}} have violence_flag = Y.',
    jointNotRecorded:
      'Home visit {{visitId}} on {{date}} ({{outcome}}) has no record of being joint although resident person(s) {{flaggedPeople}} have violence_flag = Y.',
  },
  rule: [
    'When any person of the case who lives with the child (`resident` = Y) has `violence_flag` = Y, every visit with `type` = `home` must have `joint` = Y (two social workers, or workers from different agencies).',
    'Only visits at which a worker went to the home count: by default those with `outcome` `completed`, `no_access` or `defaulted` (option `visitOutcomes`); a visit cancelled by the family or by the service was not made and needs no second worker. A visit whose `type` is not recorded is not known to be a home visit and is not counted.',
    'The flag has no date, so it applies to every counted home visit of the case, whenever it took place.',
    '`joint` = N is a breach (sole worker); an empty `joint` is not evidenced and is a breach too. An empty `resident` or `violence_flag` does not make a household a risk household.',
    'A case is not applicable when no resident person has `violence_flag` = Y or when it has no counted home visit.',
  ].join('\n'),
  examples: {
    complies: 'Resident mother M1 has violence_flag = Y; home visit V1 on 2026-03-10 (completed) has joint = Y.',
    breaches: 'Resident partner P1 has violence_flag = Y; home visit V2 on 2026-04-14 (no_access) has joint = N or joint empty.',
  },
};

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const flagged = caseRecord.people.filter((p) => isResident(p) && hasViolenceFlag(p));
  if (flagged.length === 0) return outcome.done();
  const flaggedPeople = flagged.map((p) => p.person_id).join(', ');
  const countedOutcomes = new Set(ctx.options.visitOutcomes);

  for (const visit of caseRecord.visits) {
    if (visit.type !== 'home' || !countedOutcomes.has(visit.outcome)) continue;
    outcome.applicable();
    if (visit.joint === true) continue;
    outcome.breach({
      recordId: visit.visit_id,
      date: visit.date,
      source: sourceOf(visit),
      messageId: visit.joint === false ? 'soleWorker' : 'jointNotRecorded',
      data: { visitId: visit.visit_id, date: visit.date, outcome: visit.outcome, flaggedPeople },
      evidence: [
        {
          table: 'visits',
          id: visit.visit_id,
          date: visit.date,
          note: `home visit, outcome ${visit.outcome}, joint ${visit.joint === false ? 'N' : 'not recorded'}`,
        },
        ...flagged.map((p) => ({ table: 'people' as const, id: p.person_id, note: 'resident, violence_flag Y' })),
      ],
    });
  }
  return outcome.done();
}
