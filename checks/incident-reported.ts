// Standard: every threat or violent incident is reported to the manager at once, other agencies are alerted and the person is flagged.
import { workingDaysLate } from '../src/core/calendar.js';
import type { Evidence } from '../src/core/finding.js';
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { dateRecordedBy, hasViolenceFlag, personById } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({
  workingDays: z
    .int()
    .min(0)
    .max(365)
    .default(1)
    .describe('working days after an incident by which it must be reported to the team manager (0 = the same day)'),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'incident-reported',
  title:
    'Every incident is reported to the team manager within one working day, other agencies are alerted, and the person involved is flagged as violent',
  source: [
    {
      file: '003_cbca143e51c92a67.txt',
      paragraph: '"When there are Threats or Incidents of Violence"',
      quote:
        "Where there are actual threats or incidents of violence they must be reported to the Children's Services Team Manager immediately and local 'Violence at Work' procedures followed in relation to supervision, support, recording and reporting incidents to the Police.",
    },
    {
      file: '003_cbca143e51c92a67.txt',
      paragraph: '"When there are Threats or Incidents of Violence"',
      quote:
        'Violence towards staff is a multi-agency problem. If one agency has information a parent / carer is known to be violent, it must alert other agencies of the risks posed.',
    },
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§5',
      quote: 'All agencies have procedures for identifying and “flagging up” people who are, or may be violent.',
    },
    {
      file: '004_f16987ff627e63e9.txt',
      paragraph: '§5.1',
      quote:
        'Record-keeping in relation to a child and/or family must include full information on any incidents, threats or potential violence; it is the responsibility of each professional within their agency guidelines, to ensure that such information is clearly and systematically recorded for the agency, and for colleagues who may become involved with the family.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['incidents', 'people'],
  reads: {
    incidents: ['incident_id', 'date', 'type', 'person_id', 'reported_to_manager', 'agencies_alerted'],
    people: ['person_id', 'violence_flag'],
  },
  // One finding per incident names every element missing, so the check itself leaves out the elements it
  // cannot judge (ctx.judges); only the pending report rests on one clause alone.
  clauses: [
    {
      id: 'reported',
      requirement: 'reported to the team manager within the deadline',
      reads: { incidents: ['reported_to_manager'] },
      messageIds: ['reportDue'],
    },
    { id: 'agencies', requirement: 'other agencies alerted', reads: { incidents: ['agencies_alerted'] } },
    {
      id: 'flagged',
      requirement: 'the person involved flagged as violent',
      reads: { incidents: ['person_id'], people: ['violence_flag'] },
    },
  ],
  options,
  messages: {
    incomplete: 'Incident {{incidentId}} of {{date}}: {{missing}}.',
    reportDue: 'Incident {{incidentId}} of {{date}} is to be reported to the team manager by {{due}}.',
  },
  rule: [
    'For every incident (a row of `incidents`, whatever its `type`), three things must be on the record:',
    '',
    '1. `reported_to_manager` on or before the deadline: 1 working day after the incident `date` (option `workingDays`; "immediately" in the guidance, allowing the next working day for recording). Reporting on the day of the incident complies. A `reported_to_manager` date later than the as-of date counts as not recorded yet; one before the incident date cannot evidence a report of it and counts as not recorded.',
    '2. `agencies_alerted` = Y.',
    '3. The person involved (`person_id`) carries `violence_flag` = Y in `people`, so colleagues and other agencies visiting the family are warned. An empty `person_id` is not evidenced (the guidance asks for full information on any incident) and is a breach of this element.',
    '',
    'A report not recorded with the deadline passed on the as-of date, or recorded after it ("late by N working days"), is a breach of the first element; a report not recorded with the deadline not yet passed is pending. An `agencies_alerted` or `violence_flag` that is N or empty is a breach. `police_informed` is left to local procedure and not required.',
    'One finding per incident names every element missing; when only the report is not yet due the incident is pending, and when other elements are missing as well it is both a finding for those and pending for the report.',
    'A case with no incident is not applicable.',
  ].join('\n'),
  examples: {
    complies:
      'Incident I1 (threat) by F1 on 2026-06-03, reported_to_manager 2026-06-04, agencies_alerted = Y, and F1 has violence_flag = Y.',
    breaches:
      'Incident I2 (violence) by F1 on 2026-06-03 with reported_to_manager 2026-06-08 (late by 2 working days), agencies_alerted empty, or F1 without violence_flag = Y.',
  },
};

const yesNo = (value: boolean | undefined): string => (value === undefined ? 'not recorded' : value ? 'Y' : 'N');

/** A field date counts only once it has happened by the as-of date. */
export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  const people = personById(caseRecord);
  for (const incident of caseRecord.incidents) {
    outcome.applicable();
    const due = ctx.calendar.addWorkingDays(incident.date, ctx.options.workingDays);
    const reportedOn = dateRecordedBy(incident.reported_to_manager, ctx.asOf);
    const report = reportedOn !== undefined && reportedOn >= incident.date ? reportedOn : undefined;
    const person = incident.person_id === undefined ? undefined : people.get(incident.person_id);

    const missing: string[] = [];
    const data: Record<string, string | number> = { incidentId: incident.incident_id, date: incident.date, due };
    let reportPending = false;
    // Whether the finding includes the missed deadline: then the audit period places it by the due date.
    let reportMissed = false;
    if (!ctx.judges('reported')) {
      // No reported_to_manager column: the deadline cannot be judged.
    } else if (report === undefined) {
      if (ctx.asOf <= due) reportPending = true;
      else {
        reportMissed = true;
        missing.push(`no report to the team manager recorded (due by ${due})`);
      }
    } else if (report > due) {
      reportMissed = true;
      const lateBy = workingDaysLate(ctx.calendar, due, report);
      data.lateBy = lateBy;
      missing.push(`reported to the team manager on ${report}, late by ${lateBy} working day(s) (due by ${due})`);
    }
    if (ctx.judges('agencies') && incident.agencies_alerted !== true) {
      missing.push(`agencies_alerted is ${yesNo(incident.agencies_alerted)}, not Y`);
    }
    if (!ctx.judges('flagged')) {
      // No person_id or violence_flag column: whether the person is flagged cannot be told.
    } else if (incident.person_id === undefined) missing.push('the person involved (person_id) is not recorded');
    else if (person === undefined || !hasViolenceFlag(person)) {
      missing.push(`${incident.person_id} does not carry violence_flag = Y`);
    }
    if (incident.person_id !== undefined) data.personId = incident.person_id;

    const evidence: Evidence[] = [
      {
        table: 'incidents',
        id: incident.incident_id,
        date: incident.date,
        note: `${incident.type ?? 'type not recorded'}; person_id ${incident.person_id ?? 'not recorded'}, reported_to_manager ${incident.reported_to_manager ?? 'not recorded'}${incident.reported_to_manager !== undefined && report === undefined ? ' (not counted: after the as-of date or before the incident)' : ''}, agencies_alerted ${yesNo(incident.agencies_alerted)}`,
      },
      { table: 'deadline', date: due, note: `report to the team manager within ${ctx.options.workingDays} working day(s)` },
      ...(incident.person_id === undefined
        ? []
        : [{ table: 'people' as const, id: incident.person_id, note: `person involved; violence_flag ${yesNo(person?.violence_flag)}` }]),
    ];
    const base = { recordId: incident.incident_id, date: incident.date, source: sourceOf(incident), evidence };
    if (missing.length > 0) {
      outcome.breach({
        ...base,
        ...(reportMissed ? { due } : {}),
        messageId: 'incomplete',
        data: { ...data, missing: missing.join('; ') },
      });
    }
    if (reportPending) outcome.pending({ ...base, messageId: 'reportDue', data, due });
  }
  return outcome.done();
}
