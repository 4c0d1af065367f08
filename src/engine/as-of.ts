// Drops from a case the rows dated after the as-of date, so no check ever sees the future.
import type { CaseRecord, IsoDate } from '../model/types.js';

const notAfter =
  (asOf: IsoDate) =>
  <T extends { date: IsoDate }>(row: T): boolean =>
    row.date <= asOf;

/** The case as it stood on the as-of date (rows whose own date is later are left out). */
export function caseAsOf(caseRecord: CaseRecord, asOf: IsoDate): CaseRecord {
  const dated = notAfter(asOf);
  const meetings = caseRecord.meetings.filter(dated);
  const meetingIds = new Set(meetings.map((m) => m.meeting_id));
  return {
    ...caseRecord,
    plans: caseRecord.plans.filter((plan) => plan.start <= asOf),
    contact_attempts: caseRecord.contact_attempts.filter(dated),
    meetings,
    meeting_parents: caseRecord.meeting_parents.filter((row) => meetingIds.has(row.meeting_id)),
    visits: caseRecord.visits.filter(dated),
    incidents: caseRecord.incidents.filter(dated),
    allegations: caseRecord.allegations.filter(dated),
    letters: caseRecord.letters.filter(dated),
  };
}
