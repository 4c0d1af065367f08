// Drops from a case the rows dated after the as-of date, so no check ever sees the future.
import type { IsoDate } from '../core/dates.js';
import type { CaseRecord, PersonRow } from '../model/types.js';

/**
 * The rows `keep` accepts: the very same array when it accepts them all. In most exports nearly every row
 * is dated before the as-of date, and copying every table of every case was most of this step's cost.
 * Checks never modify the case they are given, so sharing the arrays is safe.
 */
function kept<T>(rows: readonly T[], keep: (row: T) => boolean): readonly T[] {
  for (let i = 0; i < rows.length; i++) {
    if (!keep(rows[i] as T)) return rows.filter(keep);
  }
  return rows;
}

/** A later marking is not yet on the record: as of that date the parent was not un-contactable. */
function peopleAsOf(people: readonly PersonRow[], asOf: IsoDate): readonly PersonRow[] {
  const markedLater = (person: PersonRow): boolean =>
    person.contactable === false && person.uncontactable_date !== undefined && person.uncontactable_date > asOf;
  if (!people.some(markedLater)) return people;
  return people.map((person) =>
    markedLater(person) ? { ...person, contactable: undefined, uncontactable_date: undefined } : person,
  );
}

/**
 * The case as it stood on the as-of date (rows whose own date is later are left out); the case itself when
 * none is. Expects a case as the loader assembles it: every meeting_parents row names one of its meetings.
 */
export function caseAsOf(caseRecord: CaseRecord, asOf: IsoDate): CaseRecord {
  const dated = <T extends { date: IsoDate }>(row: T): boolean => row.date <= asOf;
  const meetings = kept(caseRecord.meetings, dated);
  let meetingParents = caseRecord.meeting_parents;
  // Every meeting_parents row names a meeting of its case when the export has meetings (the loader rejects
  // the others): then, with no meeting left out, none of them is.
  if (meetingParents.length > 0 && (meetings !== caseRecord.meetings || meetings.length === 0)) {
    const meetingIds = new Set(meetings.map((m) => m.meeting_id));
    meetingParents = kept(meetingParents, (row) => meetingIds.has(row.meeting_id));
  }
  const plans = kept(caseRecord.plans, (plan) => plan.start <= asOf);
  const contactAttempts = kept(caseRecord.contact_attempts, dated);
  const visits = kept(caseRecord.visits, dated);
  const incidents = kept(caseRecord.incidents, dated);
  const allegations = kept(caseRecord.allegations, dated);
  const letters = kept(caseRecord.letters, dated);
  const updates = kept(caseRecord.updates, dated);
  const referrals = kept(caseRecord.referrals, dated);
  const people = peopleAsOf(caseRecord.people, asOf);
  if (
    people === caseRecord.people &&
    plans === caseRecord.plans &&
    contactAttempts === caseRecord.contact_attempts &&
    meetings === caseRecord.meetings &&
    meetingParents === caseRecord.meeting_parents &&
    visits === caseRecord.visits &&
    incidents === caseRecord.incidents &&
    allegations === caseRecord.allegations &&
    letters === caseRecord.letters &&
    updates === caseRecord.updates &&
    referrals === caseRecord.referrals
  ) {
    return caseRecord;
  }
  return {
    ...caseRecord,
    people,
    plans,
    contact_attempts: contactAttempts,
    meetings,
    meeting_parents: meetingParents,
    visits,
    incidents,
    allegations,
    letters,
    updates,
    referrals,
  };
}
