// Standard: when access to the child or home is denied, a manager is consulted within one working day.
import { workingDaysLate } from '../src/core/calendar.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  workingDays: z
    .int()
    .min(0)
    .max(365)
    .default(1)
    .describe('working days after a no-access visit by which the manager must be informed (0 = the same day)'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'no-access-manager-consulted',
  title: 'A manager is consulted within one working day of every no-access visit',
  source: [
    {
      file: '003_cbca143e51c92a67.txt',
      paragraph: '"Good Practice"',
      quote:
        "A manager must be consulted if access is ever denied or appointments repeatedly cancelled and/or 'forgotten'.",
    },
  ],
  defaultSeverity: 'error',
  needs: ['visits'],
  reads: { visits: ['visit_id', 'date', 'type', 'outcome', 'manager_informed'] },
  options,
  messages: {
    notInformed:
      'Visit {{visitId}} on {{date}} had no access and no manager consultation is recorded; it was due by {{due}}.',
    informedLate:
      'Visit {{visitId}} on {{date}} had no access; the manager was informed on {{informed}}, late by {{lateBy}} working day(s) (due by {{due}}).',
    informedBeforeVisit:
      'Visit {{visitId}} on {{date}} had no access; manager_informed {{informed}} is before the visit, so no consultation about it is evidenced (due by {{due}}).',
    awaitingManager: 'Visit {{visitId}} on {{date}} had no access; the manager is to be informed by {{due}}.',
  },
  clauses: [
    {
      id: 'consulted',
      requirement: 'a manager consulted within the deadline of a no-access visit',
      reads: { visits: ['outcome', 'manager_informed'] },
      messageIds: ['notInformed', 'informedLate', 'informedBeforeVisit', 'awaitingManager'],
    },
  ],
  rule: [
    'For every visit with `outcome` = `no_access` (of any `type`), `manager_informed` must be on or before the deadline: 1 working day after the visit `date` (option `workingDays`; weekends and the region\'s bank holidays are not working days). Informing the manager on the day of the visit complies.',
    'A `manager_informed` date later than the as-of date counts as not recorded yet. A `manager_informed` date before the visit date cannot evidence a consultation about that visit and counts as not recorded.',
    'Not recorded with the deadline passed on the as-of date is a breach; not recorded with the deadline not yet passed is pending. Informed after the deadline is a breach, "late by N working days".',
    'Repeatedly cancelled or forgotten appointments, the other half of the guidance sentence, are `repeat-cancellations-manager-consulted`; more than three defaulted visits are also `defaulted-visits-escalated`.',
    'A case with no no-access visit is not applicable.',
  ].join('\n'),
  examples: {
    complies: 'Visit V1 on Friday 2026-06-05 with outcome no_access and manager_informed 2026-06-08 (the next working day).',
    breaches: 'Visit V2 on 2026-06-03 with outcome no_access and manager_informed empty, or 2026-06-05 (late by 1 working day).',
  },
};

/** A field date counts only once it has happened by the as-of date. */
export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  for (const visit of caseRecord.visits) {
    if (visit.outcome !== 'no_access') continue;
    outcome.applicable();
    const due = ctx.calendar.addWorkingDays(visit.date, ctx.options.workingDays);
    const informed = dateRecordedBy(visit.manager_informed, ctx.asOf);
    const informedBeforeVisit = informed !== undefined && informed < visit.date;
    if (informed !== undefined && !informedBeforeVisit && informed <= due) continue;

    const data = { visitId: visit.visit_id, date: visit.date, due };
    const evidence: Evidence[] = [
      {
        table: 'visits',
        id: visit.visit_id,
        date: visit.date,
        note: `${visit.type ?? 'type not recorded'} visit, outcome no_access, manager_informed ${visit.manager_informed ?? 'not recorded'}${visit.manager_informed !== undefined && informed === undefined ? ' (after the as-of date)' : ''}`,
      },
      { table: 'deadline', date: due, note: `manager to be informed within ${ctx.options.workingDays} working day(s)` },
    ];
    const report = { recordId: visit.visit_id, date: visit.date, due, source: sourceOf(visit), evidence };

    if (informed !== undefined && !informedBeforeVisit) {
      const lateBy = workingDaysLate(ctx.calendar, due, informed);
      outcome.breach({ ...report, messageId: 'informedLate', data: { ...data, informed, lateBy } });
    } else if (ctx.asOf <= due) {
      outcome.pending({ ...report, messageId: 'awaitingManager', data });
    } else if (informed !== undefined) {
      outcome.breach({ ...report, messageId: 'informedBeforeVisit', data: { ...data, informed } });
    } else {
      outcome.breach({ ...report, messageId: 'notInformed', data });
    }
  }
  return outcome.done();
}
