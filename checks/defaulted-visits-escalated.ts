// Standard: more than three defaulted visits lead to a multi-agency meeting (a core group under a CP plan) in time.
import { workingDaysLate } from '../src/core/calendar.js';
import type { Evidence } from '../src/core/finding.js';
import { type IsoDate } from '../src/core/dates.js';
import { z } from 'zod';
import { compareText } from '../src/core/order.js';
import { OutcomeBuilder } from './_outcome.js';
import { ordinal } from './_wording.js';
import { planOn } from '../src/model/roles.js';
import { type CaseRecord, type MeetingRow, type MeetingType, type PlanRow, type VisitOutcome, type VisitRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  threshold: z
    .int()
    .min(1)
    .max(1000)
    .default(3)
    .describe('defaulted visits tolerated since the last multi-agency meeting; the next one is the trigger'),
  cpWorkingDays: z
    .int()
    .min(0)
    .max(365)
    .default(3)
    .describe('working days from the trigger by which a core group or CP conference is due when the case is on a CP plan'),
  otherWorkingDays: z
    .int()
    .min(0)
    .max(365)
    .default(7)
    .describe('working days from the trigger by which a multi-agency meeting is due when the case is not on a CP plan'),
});

type Options = z.output<typeof options>;

const DEFAULTED_OUTCOMES: ReadonlySet<VisitOutcome> = new Set(['defaulted', 'no_access', 'cancelled_by_family']);
const MULTI_AGENCY_TYPES: ReadonlySet<MeetingType> = new Set([
  'multi_agency',
  'professionals',
  'strategy',
  'cin_review',
  'core_group',
  'cp_conference',
]);
const CP_ESCALATION_TYPES: ReadonlySet<MeetingType> = new Set(['core_group', 'cp_conference']);

export const meta: CheckMeta<Options> = {
  id: 'defaulted-visits-escalated',
  title: 'More than three defaulted visits lead to a timely multi-agency meeting',
  source: [
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§7.9',
      quote:
        'Defaulted visits and appointments should be rigorously followed up and any more than three defaulted visits should alert staff and managers to convene a multi agency meeting.',
    },
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§7.9',
      quote:
        'Where the child is not subject to a Child Protection Plan, a multi agency meeting should be convened within 7 working days to consider the concerns, the impact on the child and identify a plan to address the concerns.',
    },
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§7.9',
      quote:
        'Where a child is subject to a Child Protection Plan, the Core Group should be convened immediately within 3 working days to review the Child Protection Plan and develop appropriate plans to safeguard children, including consideration for removal of the children.',
    },
    {
      file: '003_cbca143e51c92a67.txt',
      paragraph: '"Action to Take When Non-Compliance or Hostility Recognised"',
      quote:
        "The multi-agency / Core Group meeting should address the non co-operation in the context of the child's written plan.",
    },
  ],
  defaultSeverity: 'error',
  needs: ['visits', 'meetings', 'plans'],
  reads: {
    visits: ['visit_id', 'date', 'outcome'],
    meetings: ['meeting_id', 'date', 'type'],
    plans: ['plan_id', 'type', 'start', 'end'],
  },
  options,
  messages: {
    escalatedLate:
      'Visit {{visitId}} on {{date}} was the {{ordinal}} defaulted visit since the last multi-agency meeting; the {{required}} due by {{deadline}} ({{workingDays}} working days) was held late, on {{meetingDate}} ({{meetingType}} {{meetingId}}): late by {{lateBy}} working day(s).',
    notEscalated:
      'Visit {{visitId}} on {{date}} was the {{ordinal}} defaulted visit since the last multi-agency meeting; the {{required}} due by {{deadline}} ({{workingDays}} working days) was not held by the as-of date {{asOf}}: not escalated.',
    escalationDue:
      'Visit {{visitId}} on {{date}} was the {{ordinal}} defaulted visit since the last multi-agency meeting; a {{required}} is due by {{deadline}} ({{workingDays}} working days).',
  },
  rule: [
    'A **defaulted visit** is a visit with `outcome` `defaulted`, `no_access` or `cancelled_by_family`.',
    'A **multi-agency meeting** is a meeting of `type` `multi_agency`, `professionals`, `strategy`, `cin_review`, `core_group` or `cp_conference` (a `lac_review` or `family_group_conference` is not one).',
    'Visits and meetings of the case are walked in date order (same-day visits by `visit_id`, same-day meetings by `meeting_id`). A meeting on day D has considered every default dated on or before D, so on the same date visits come before meetings.',
    'Defaulted visits are counted since the latest multi-agency meeting (or since the start of the record). The default that makes the count exceed the threshold (option `threshold`, default 3, so the 4th) is the **trigger**, and its date the trigger date.',
    'If the case is on a CP plan on the trigger date (a `plans` row of `type` cp with `start` ≤ date ≤ `end`, an empty `end` being current), the escalation due is a `core_group` or `cp_conference` within `cpWorkingDays` (default 3) working days of the trigger; otherwise any multi-agency meeting within `otherWorkingDays` (default 7) working days.',
    'Working days exclude Saturdays, Sundays and the bank holidays of the configured region; the deadline is the trigger date plus that many working days.',
    'The first qualifying meeting on or after the trigger date (a meeting on the trigger day counts) is the escalation: held on or before the deadline, it complies; held later, it is a breach (`escalatedLate`, late by the working days after the deadline, at least 1).',
    'With no qualifying meeting by the as-of date, it is a breach (`notEscalated`) once the deadline has passed, and pending (`escalationDue`, due on the deadline) while it has not.',
    'Under a CP plan a multi-agency meeting of another type (e.g. `cin_review`) does not escalate.',
    'After a trigger, defaulted visits are not counted again until the next multi-agency meeting of any type on or after the trigger date; counting restarts after it, so one run of defaults gives one finding, dated on the trigger date with the trigger visit as its record.',
    'A case is applicable when it has at least one trigger; a case whose defaults never exceeded the threshold has nothing to escalate and is not applicable.',
  ].join(' '),
  examples: {
    complies:
      'Visits V1–V4 defaulted (V4 on Friday 2026-03-06, not on a CP plan); multi_agency meeting M1 on 2026-03-17, the 7th working day.',
    breaches:
      'Visits V1–V4 defaulted, V4 on 2026-03-06 while on CP plan P1; the first core_group, M1, is on 2026-03-12, one working day after the deadline 2026-03-11.',
  },
};

interface Trigger {
  readonly visit: VisitRow;
  /** The defaulted visits counted since the last multi-agency meeting, the trigger last. */
  readonly counted: readonly VisitRow[];
}

type WalkEvent = { readonly date: IsoDate } & (
  | { readonly kind: 'visit'; readonly visit: VisitRow }
  | { readonly kind: 'meeting'; readonly meeting: MeetingRow }
);

// On the same date visits sort before meetings, because a meeting considers that day's defaults.
const KIND_ORDER = { visit: 0, meeting: 1 } as const;

const eventId = (event: WalkEvent): string => (event.kind === 'visit' ? event.visit.visit_id : event.meeting.meeting_id);

const byMeetingOrder = (a: MeetingRow, b: MeetingRow): number =>
  compareText(a.date, b.date) || compareText(a.meeting_id, b.meeting_id);

function findTriggers(visits: readonly VisitRow[], multiAgency: readonly MeetingRow[], threshold: number): Trigger[] {
  // Other visits change nothing in the walk, so only the defaults are sorted into it.
  const events: WalkEvent[] = [
    ...visits
      .filter((visit) => DEFAULTED_OUTCOMES.has(visit.outcome))
      .map((visit): WalkEvent => ({ kind: 'visit', date: visit.date, visit })),
    ...multiAgency.map((meeting): WalkEvent => ({ kind: 'meeting', date: meeting.date, meeting })),
  ].sort(
    (a, b) =>
      compareText(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareText(eventId(a), eventId(b)),
  );

  const triggers: Trigger[] = [];
  let counted: VisitRow[] = [];
  let awaitingMeeting = false;
  for (const event of events) {
    if (event.kind === 'meeting') {
      counted = [];
      awaitingMeeting = false;
      continue;
    }
    if (awaitingMeeting) continue;
    counted.push(event.visit);
    if (counted.length > threshold) {
      triggers.push({ visit: event.visit, counted });
      awaitingMeeting = true;
    }
  }
  return triggers;
}

function planEvidence(caseRecord: CaseRecord, cpPlan: PlanRow | undefined, triggerDate: IsoDate): Evidence {
  if (cpPlan) {
    return {
      table: 'plans',
      id: cpPlan.plan_id,
      date: cpPlan.start,
      note: `on CP plan ${cpPlan.plan_id} on the trigger date (from ${cpPlan.start}, ${cpPlan.end === undefined ? 'current' : `to ${cpPlan.end}`})`,
    };
  }
  const endedBefore = caseRecord.plans
    .filter((plan) => plan.type === 'cp' && plan.end !== undefined && plan.end < triggerDate)
    .sort((a, b) => compareText(b.end ?? '', a.end ?? ''))[0];
  if (endedBefore) {
    return {
      table: 'plans',
      id: endedBefore.plan_id,
      date: endedBefore.end,
      note: `not on a CP plan on the trigger date: CP plan ${endedBefore.plan_id} ended on ${endedBefore.end}`,
    };
  }
  return { table: 'plans', note: 'not on a CP plan on the trigger date' };
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);

  const { threshold, cpWorkingDays, otherWorkingDays } = ctx.options;
  // No more defaults in the whole record than the threshold: nothing can trigger, so nothing to walk.
  let defaults = 0;
  for (const visit of caseRecord.visits) if (DEFAULTED_OUTCOMES.has(visit.outcome)) defaults++;
  if (defaults <= threshold) return outcome.done();
  const multiAgency = caseRecord.meetings
    .filter((meeting) => MULTI_AGENCY_TYPES.has(meeting.type))
    .sort(byMeetingOrder);

  for (const { visit, counted } of findTriggers(caseRecord.visits, multiAgency, threshold)) {
    outcome.applicable();
    const triggerDate = visit.date;
    const cpPlan = planOn(caseRecord, triggerDate, 'cp');
    const onCp = cpPlan !== undefined;
    const workingDays = onCp ? cpWorkingDays : otherWorkingDays;
    const required = onCp ? 'core group or CP conference' : 'multi-agency meeting';
    const deadline = ctx.calendar.addWorkingDays(triggerDate, workingDays);
    const qualifies = (meeting: MeetingRow): boolean => !onCp || CP_ESCALATION_TYPES.has(meeting.type);
    const escalation = multiAgency.find((meeting) => meeting.date >= triggerDate && qualifies(meeting));
    if (escalation !== undefined && escalation.date <= deadline) continue;

    const lookedUntil = escalation?.date ?? ctx.asOf;
    const passedOver = multiAgency.filter(
      (meeting) => meeting.date >= triggerDate && meeting.date <= lookedUntil && !qualifies(meeting),
    );
    const evidence: Evidence[] = [
      ...counted.map(
        (defaulted, index): Evidence => ({
          table: 'visits',
          id: defaulted.visit_id,
          date: defaulted.date,
          note: `${ordinal(index + 1)} defaulted visit${defaulted === visit ? ' (trigger)' : ''}, outcome ${defaulted.outcome}`,
        }),
      ),
      planEvidence(caseRecord, cpPlan, triggerDate),
      {
        table: 'deadline',
        date: deadline,
        note: `${onCp ? 'core group' : 'multi-agency meeting'} due (${workingDays} working days)`,
      },
      ...passedOver.map(
        (meeting): Evidence => ({
          table: 'meetings',
          id: meeting.meeting_id,
          date: meeting.date,
          note: `${meeting.type}: not a core group or CP conference, does not escalate under a CP plan`,
        }),
      ),
    ];
    const data = {
      visitId: visit.visit_id,
      date: triggerDate,
      count: counted.length,
      ordinal: ordinal(counted.length),
      required,
      deadline,
      workingDays,
    };
    const report = { recordId: visit.visit_id, date: triggerDate, due: deadline, source: sourceOf(visit) };

    if (escalation !== undefined) {
      const lateBy = workingDaysLate(ctx.calendar, deadline, escalation.date);
      outcome.breach({
        ...report,
        messageId: 'escalatedLate',
        data: {
          ...data,
          meetingId: escalation.meeting_id,
          meetingType: escalation.type,
          meetingDate: escalation.date,
          lateBy,
        },
        evidence: [
          ...evidence,
          {
            table: 'meetings',
            id: escalation.meeting_id,
            date: escalation.date,
            note: `${escalation.type}: the escalation, late by ${lateBy} working day(s)`,
          },
        ],
      });
    } else if (ctx.asOf <= deadline) {
      outcome.pending({
        ...report,
        messageId: 'escalationDue',
        data,
        evidence: [...evidence, { table: 'meetings', note: `no ${required} yet by the as-of date ${ctx.asOf}` }],
      });
    } else {
      outcome.breach({
        ...report,
        messageId: 'notEscalated',
        data: { ...data, asOf: ctx.asOf },
        evidence: [...evidence, { table: 'meetings', note: `no ${required} came by the as-of date ${ctx.asOf}` }],
      });
    }
  }
  return outcome.done();
}
