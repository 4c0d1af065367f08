// What a person's roles mean, defined once for every standard: parent, non-resident, un-contactable, declined PR agreement, risk.
import type { IsoDate } from '../core/dates.js';
import type { AssessmentRow, CaseRecord, MeetingRow, PersonRow } from './types.js';

/** A parent of the child (`parent` = Y). */
export const isParent = (p: PersonRow): boolean => p.parent;

/** A resident person lives with the child (`resident` = Y). */
export const isResident = (p: PersonRow): boolean => p.resident === true;

/** A resident parent: `parent` = Y and `resident` = Y (an empty `resident` is not Y). */
export const isResidentParent = (p: PersonRow): boolean => p.parent && p.resident === true;

/** A non-resident parent: `parent` = Y and `resident` = N (an empty `resident` is not N). */
export const isNonResidentParent = (p: PersonRow): boolean => p.parent && p.resident === false;

/**
 * Marked un-contactable: `contactable` = N. Empty means contactable as far as the record shows. This is the
 * marking as it stands; a standard judging an event asks `isUncontactableOn` instead.
 */
export const isUncontactable = (p: PersonRow): boolean => p.contactable === false;

/**
 * Un-contactable is a status in time: a parent marked un-contactable on `uncontactable_date` was so for events
 * dated on or after it, and was contactable for earlier ones (a father marked in July still had to be invited in
 * June). Without a date the marking covers every event, since the record cannot say otherwise. An undated event
 * (the state of the record, e.g. whether details are recorded) is judged by the marking as it stands.
 */
export function isUncontactableOn(p: PersonRow, eventDate: IsoDate | null): boolean {
  if (p.contactable !== false) return false;
  return p.uncontactable_date === undefined || eventDate === null || eventDate >= p.uncontactable_date;
}

/**
 * What the finding's evidence says of a parent's marking for an event: which date the exemption rested on, or
 * that there was none to rest on. Undefined when the parent is not marked un-contactable.
 */
export function uncontactableNote(p: PersonRow, eventDate: IsoDate | null): string | undefined {
  if (p.contactable !== false) return undefined;
  if (p.uncontactable_date === undefined) return 'marked un-contactable with no uncontactable_date: taken to cover every event';
  if (eventDate === null || eventDate >= p.uncontactable_date) {
    return `marked un-contactable from ${p.uncontactable_date}: exempt for this event`;
  }
  return `marked un-contactable only from ${p.uncontactable_date}, after this event of ${eventDate}: judged as contactable`;
}

/**
 * A parent without parental responsibility (`parent` = Y, `parental_responsibility` = N). An empty
 * `parental_responsibility` is not N: such a parent is never taken to lack PR.
 */
export const lacksParentalResponsibility = (p: PersonRow): boolean => p.parent && p.parental_responsibility === false;

/**
 * A declined PR agreement (000 §1) is a status in time, like un-contactable: where the parent with PR did not agree to
 * the Local Authority discussing the child with a parent without PR (`pr_agreement` = declined), that parent is not
 * to be involved in events dated on or after `pr_agreement_date`, and in every event when no date is recorded.
 * Only a parent with `parental_responsibility` = N can be covered; without the `pr_agreement` column nobody is.
 * The standards it exempts are listed in STANDARDS-ADDITIONS.md; recording who a parent is (details), contact
 * reasons, exclusions and confidential addresses are not discussions with the parent and are never exempted.
 */
export function isPrDeclinedOn(p: PersonRow, eventDate: IsoDate): boolean {
  if (!lacksParentalResponsibility(p) || p.pr_agreement !== 'declined') return false;
  return p.pr_agreement_date === undefined || eventDate >= p.pr_agreement_date;
}

/**
 * What the finding's evidence says of a declined PR agreement for an event: the date the exemption rested on, or
 * that there was none. Undefined when the parent is not one a declined agreement can cover.
 */
export function prDeclinedNote(p: PersonRow, eventDate: IsoDate): string | undefined {
  if (!lacksParentalResponsibility(p) || p.pr_agreement !== 'declined') return undefined;
  if (p.pr_agreement_date === undefined) {
    return 'PR agreement declined with no pr_agreement_date: taken to cover every event';
  }
  if (eventDate >= p.pr_agreement_date) return `PR agreement declined from ${p.pr_agreement_date}: exempt for this event`;
  return `PR agreement declined only from ${p.pr_agreement_date}, after this event of ${eventDate}: judged as for any parent`;
}

/** Contact with this person presents a risk to the child or the resident parent (`risk_flag` = Y). */
export const hasRiskFlag = (p: PersonRow): boolean => p.risk_flag === true;

/** History of violence or threats (`violence_flag` = Y). */
export const hasViolenceFlag = (p: PersonRow): boolean => p.violence_flag === true;

/** A case's rows of one table by their id (all the checks need of an index). */
export interface RowsById<Row> {
  get(id: string): Row | undefined;
}

/**
 * Below this many rows an id is found by scanning them, last first (as a map built from them keeps the
 * last of equal ids): most cases have a handful of people and meetings, and a scan costs less than a map.
 */
const SCAN_LIMIT = 16;

class PeopleScan implements RowsById<PersonRow> {
  constructor(private readonly rows: readonly PersonRow[]) {}
  get(id: string): PersonRow | undefined {
    for (let i = this.rows.length - 1; i >= 0; i--) if ((this.rows[i] as PersonRow).person_id === id) return this.rows[i];
    return undefined;
  }
}

class MeetingScan implements RowsById<MeetingRow> {
  constructor(private readonly rows: readonly MeetingRow[]) {}
  get(id: string): MeetingRow | undefined {
    for (let i = this.rows.length - 1; i >= 0; i--) if ((this.rows[i] as MeetingRow).meeting_id === id) return this.rows[i];
    return undefined;
  }
}

// Several checks look people and meetings up by id in the same case; a case is never modified, so a larger
// case's map is built once (and dropped with it).
const peopleIndex = new WeakMap<readonly PersonRow[], RowsById<PersonRow>>();
const meetingIndex = new WeakMap<readonly MeetingRow[], RowsById<MeetingRow>>();

export function personById(caseRecord: CaseRecord): RowsById<PersonRow> {
  const { people } = caseRecord;
  if (people.length < SCAN_LIMIT) return new PeopleScan(people);
  let index = peopleIndex.get(people);
  if (!index) {
    index = new Map(people.map((p) => [p.person_id, p]));
    peopleIndex.set(people, index);
  }
  return index;
}

export function meetingById(caseRecord: CaseRecord): RowsById<MeetingRow> {
  const { meetings } = caseRecord;
  if (meetings.length < SCAN_LIMIT) return new MeetingScan(meetings);
  let index = meetingIndex.get(meetings);
  if (!index) {
    index = new Map(meetings.map((m) => [m.meeting_id, m]));
    meetingIndex.set(meetings, index);
  }
  return index;
}

/** The plan of the given type in force on `date` (start ≤ date ≤ end, an empty end being current). */
export function planOn(caseRecord: CaseRecord, date: IsoDate, type: 'cin' | 'cp' | 'lac') {
  return caseRecord.plans.find(
    (plan) => plan.type === type && plan.start <= date && (plan.end === undefined || date <= plan.end),
  );
}

/** Text fields count as recorded only when they hold something other than white space. */
export const isRecorded = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

/** An assessment counts as completed on `date` when its `completed` date is recorded and not after `date`. */
export const isAssessmentCompletedBy = (assessment: AssessmentRow, date: IsoDate): boolean =>
  dateRecordedBy(assessment.completed, date) !== undefined;

/** A date field as the record stood on `asOf`: a date after it was not yet on the record. */
export const dateRecordedBy = (date: IsoDate | undefined, asOf: IsoDate): IsoDate | undefined =>
  date !== undefined && date <= asOf ? date : undefined;

/**
 * The case is open on `date`: opened (when recorded) on or before it, and either `status` = open or
 * closed after it. A closed case with no `closed` date is taken as closed.
 */
export function isCaseOpenOn(caseRecord: CaseRecord, date: IsoDate): boolean {
  const { status, opened, closed } = caseRecord.case;
  if (opened !== undefined && opened > date) return false;
  return status === 'open' || (closed !== undefined && closed > date);
}
