// Standard: the child is seen at every completed home visit while the case is on a Child Protection plan.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { planOn } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'child-seen',
  title: 'The child is seen at every completed home visit while on a Child Protection plan',
  source: [
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§5.3',
      quote:
        'Within child protection, home visits must be made by social workers as part of enquiries, assessment and ongoing work, and the child/ren must be seen.',
    },
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§7.9',
      quote:
        'Managers must ensure that children are seen, and timescales for reviewing progress of plans are set and monitored regularly.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['visits', 'plans'],
  reads: {
    visits: ['visit_id', 'date', 'type', 'outcome', 'child_seen'],
    plans: ['plan_id', 'type', 'start', 'end'],
  },
  options,
  messages: {
    childNotSeen: 'Home visit {{visitId}} on {{date}} under CP plan {{planId}} was completed without seeing the child (child_seen = N).',
    childSeenNotRecorded:
      'Home visit {{visitId}} on {{date}} under CP plan {{planId}} was completed with no record that the child was seen.',
  },
  rule: [
    'For every visit with `type` = `home` and `outcome` = `completed` whose `date` falls while the case is on a Child Protection plan (a `plans` row of `type` = `cp` with `start` ≤ date ≤ `end`, an empty `end` being current), `child_seen` must be Y.',
    '`child_seen` = N is a breach; an empty `child_seen` is not evidenced and is a breach too.',
    'Visits that did not take place (defaulted, no access, cancelled) are left to `defaulted-visits-escalated` and `no-access-manager-consulted`; visits of another or unrecorded `type`, and visits outside a CP plan (including under a CiN or LAC plan only), are not counted.',
    'A case with no completed home visit during a CP plan is not applicable.',
  ].join('\n'),
  examples: {
    complies: 'CP plan P1 from 2026-01-10 (no end); home visit V1 on 2026-02-02, outcome completed, child_seen = Y.',
    breaches: 'CP plan P1 from 2026-01-10 (no end); home visit V2 on 2026-03-02, outcome completed, child_seen = N or empty.',
  },
};

export function run(caseRecord: CaseRecord, _ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  for (const visit of caseRecord.visits) {
    if (visit.type !== 'home' || visit.outcome !== 'completed') continue;
    const plan = planOn(caseRecord, visit.date, 'cp');
    if (plan === undefined) continue;
    outcome.applicable();
    if (visit.child_seen === true) continue;
    outcome.breach({
      recordId: visit.visit_id,
      date: visit.date,
      source: sourceOf(visit),
      messageId: visit.child_seen === false ? 'childNotSeen' : 'childSeenNotRecorded',
      data: { visitId: visit.visit_id, date: visit.date, planId: plan.plan_id },
      evidence: [
        {
          table: 'visits',
          id: visit.visit_id,
          date: visit.date,
          note: `home visit, outcome completed, child_seen ${visit.child_seen === false ? 'N' : 'not recorded'}`,
        },
        {
          table: 'plans',
          id: plan.plan_id,
          date: plan.start,
          note: `cp plan from ${plan.start} to ${plan.end ?? 'current'}`,
        },
      ],
    });
  }
  return outcome.done();
}
