// Standard: a manager is consulted when the family repeatedly cancels or 'forgets' appointments.
import { workingDaysLate } from '../src/core/calendar.js';
import { type IsoDate } from '../src/core/dates.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { ordinal } from './_wording.js';
import { dateRecordedBy } from '../src/model/roles.js';
import { type CaseRecord, type VisitOutcome, type VisitRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  threshold: z
    .int()
    .min(2)
    .max(1000)
    .default(2)
    .describe('family cancellations in a row that count as "repeatedly" (every such run is a trigger)'),
  workingDays: z
    .int()
    .min(0)
    .max(365)
    .default(1)
    .describe('working days after the triggering visit by which the manager must be consulted (0 = the same day)'),
});

type Options = z.output<typeof options>;

/** Cancelled by the family, or 'forgotten' (the family was not in). */
const FAMILY_CANCELLATIONS: ReadonlySet<VisitOutcome> = new Set(['defaulted', 'cancelled_by_family']);
/** Neither counts towards a run nor ends one: access denied is its own standard, and the service's own cancellation says nothing of the family. */
const SKIPPED: ReadonlySet<VisitOutcome> = new Set(['no_access', 'cancelled_by_service']);

export const meta: CheckMeta<Options> = {
  id: 'repeat-cancellations-manager-consulted',
  title: "A manager is consulted when appointments are repeatedly cancelled or 'forgotten'",
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
  reads: { visits: ['visit_id', 'date', 'outcome', 'manager_informed'] },
  clauses: [
    {
      id: 'consulted',
      requirement: 'a manager consulted within the deadline of repeated family cancellations',
      reads: { visits: ['outcome', 'manager_informed'] },
      messageIds: ['notConsulted', 'consultedLate', 'consultationDue'],
    },
  ],
  options,
  messages: {
    notConsulted:
      'Visit {{visitId}} on {{date}} was the {{ordinal}} family cancellation in a row ({{outcome}}) and no manager consultation is recorded on it; it was due by {{due}}.',
    consultedLate:
      'Visit {{visitId}} on {{date}} was the {{ordinal}} family cancellation in a row ({{outcome}}); the manager was consulted on {{informed}}, late by {{lateBy}} working day(s) (due by {{due}}).',
    consultationDue:
      'Visit {{visitId}} on {{date}} was the {{ordinal}} family cancellation in a row ({{outcome}}); a manager is to be consulted by {{due}}.',
  },
  rule: [
    "A **family cancellation** is a visit with `outcome` `defaulted` (forgotten, not in) or `cancelled_by_family`. This is the second half of the guidance sentence; the first half, access denied, is `no-access-manager-consulted`.",
    'The visits of the case dated on or before the as-of date are walked in date order (same date: by `visit_id`). A `completed` visit ends a run; `no_access` and `cancelled_by_service` visits are skipped (they neither count nor end the run).',
    'When a run of family cancellations reaches `threshold` (default 2: "repeatedly" is read as twice in a row), that visit is the **trigger**, and counting starts again from zero after it, so with the default the 2nd, 4th, 6th … cancellation in a row is a trigger.',
    "The trigger visit's `manager_informed` must be on or before the due date: `workingDays` (default 1, as for `no-access-manager-consulted`) working days after the trigger visit's `date`, weekends and the region's bank holidays excluded; the same day complies.",
    'A `manager_informed` before the trigger visit’s date cannot be about the repetition and counts as not recorded; so does one after the as-of date. A consultation recorded only on an earlier visit of the run does not count.',
    'Not recorded with the deadline passed on the as-of date is a breach (`notConsulted`); not recorded with the deadline not passed (the due date itself included) is pending; recorded after the due date is a breach, late by the working days after it, at least 1 (`consultedLate`).',
    'One finding per trigger: its record is the trigger visit, its date the visit’s date, with the due date. A case with no trigger is not applicable.',
  ].join(' '),
  examples: {
    complies:
      'Visit V1 on 2026-06-01 defaulted, V2 on Friday 2026-06-05 cancelled_by_family with manager_informed 2026-06-08 (the next working day).',
    breaches:
      'Visit V1 on 2026-06-01 defaulted, V2 on 2026-06-03 defaulted with manager_informed empty, or 2026-06-05 (late by 1 working day).',
  },
};

interface Trigger {
  readonly visit: VisitRow;
  /** Its place in the unbroken run of family cancellations (4 for the 4th in a row). */
  readonly inRow: number;
  /** The cancellations since the previous trigger of the run (or its start), the trigger last. */
  readonly counted: readonly VisitRow[];
}

function findTriggers(visits: readonly VisitRow[], asOf: IsoDate, threshold: number): Trigger[] {
  const walked = visits
    .filter((visit) => visit.date <= asOf && !SKIPPED.has(visit.outcome))
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.visit_id, b.visit_id));
  const triggers: Trigger[] = [];
  let inRow = 0;
  let counted: VisitRow[] = [];
  for (const visit of walked) {
    if (!FAMILY_CANCELLATIONS.has(visit.outcome)) {
      inRow = 0;
      counted = [];
      continue;
    }
    inRow += 1;
    counted.push(visit);
    // Counting starts again after each trigger, so a long run is a trigger at every threshold-th cancellation.
    if (counted.length === threshold) {
      triggers.push({ visit, inRow, counted });
      counted = [];
    }
  }
  return triggers;
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const { threshold, workingDays } = ctx.options;
  for (const { visit, inRow, counted } of findTriggers(caseRecord.visits, ctx.asOf, threshold)) {
    outcome.applicable();
    const due = ctx.calendar.addWorkingDays(visit.date, workingDays);
    const recorded = dateRecordedBy(visit.manager_informed, ctx.asOf);
    const informed = recorded !== undefined && recorded >= visit.date ? recorded : undefined;
    if (informed !== undefined && informed <= due) continue;

    const informedNote =
      visit.manager_informed === undefined
        ? 'manager_informed not recorded'
        : recorded === undefined
          ? `manager_informed ${visit.manager_informed} (after the as-of date: not recorded yet)`
          : informed === undefined
            ? `manager_informed ${visit.manager_informed} (before the visit: not about the repetition)`
            : `manager_informed ${informed}`;
    const evidence: Evidence[] = [
      ...counted.map(
        (cancelled, index): Evidence => ({
          table: 'visits',
          id: cancelled.visit_id,
          date: cancelled.date,
          note:
            cancelled === visit
              ? `${ordinal(inRow)} family cancellation in a row (trigger), outcome ${cancelled.outcome}, ${informedNote}`
              : `${ordinal(inRow - counted.length + index + 1)} family cancellation in a row, outcome ${cancelled.outcome}`,
        }),
      ),
      { table: 'deadline', date: due, note: `manager to be consulted within ${workingDays} working day(s)` },
    ];
    const data = { visitId: visit.visit_id, date: visit.date, due, count: inRow, ordinal: ordinal(inRow), outcome: visit.outcome };
    const report = { recordId: visit.visit_id, date: visit.date, due, source: sourceOf(visit), evidence };
    if (informed !== undefined) {
      const lateBy = workingDaysLate(ctx.calendar, due, informed);
      outcome.breach({ ...report, messageId: 'consultedLate', data: { ...data, informed, lateBy } });
    } else if (ctx.asOf <= due) {
      outcome.pending({ ...report, messageId: 'consultationDue', data });
    } else {
      outcome.breach({ ...report, messageId: 'notConsulted', data });
    }
  }
  return outcome.done();
}
