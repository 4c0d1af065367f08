// Case documents (the JSON form of DATA.md) and a builder that assembles one case's rows with tidy ids.
import type { IsoDate } from '../src/core/dates.js';
import { addCalendarDays, createCalendar } from '../src/core/calendar.js';
import type { CaseRow, ChildTableName, MeetingType, SourceKeys, TableRows, VisitOutcome } from '../src/model/types.js';

/** A child-table row as embedded in a case document: no source, and the case id is implied. */
export type DocumentRow<T extends ChildTableName> = Omit<TableRows[T], SourceKeys | 'case_id'>;

export type CaseFields = Omit<CaseRow, SourceKeys>;

/** A `cases` row with every child table embedded under its name (empty arrays included). */
export type CaseDocument = CaseFields & { [T in ChildTableName]: DocumentRow<T>[] };

type PlanDoc = DocumentRow<'plans'>;
type PersonDoc = DocumentRow<'people'>;
type IncidentDoc = DocumentRow<'incidents'>;
type AllegationDoc = DocumentRow<'allegations'>;
type AttemptDoc = DocumentRow<'contact_attempts'>;
type UpdateDoc = DocumentRow<'updates'>;
type ReferralDoc = DocumentRow<'referrals'>;

/** Rows before they are numbered: ids follow date order and are handed out when the case is built. */
export type AssessmentDraft = Omit<DocumentRow<'assessments'>, 'assessment_id'>;
export type ViewDraft = Omit<DocumentRow<'assessment_views'>, 'assessment_id'>;
export type MeetingDraft = Omit<DocumentRow<'meetings'>, 'meeting_id'>;
export type MeetingParentDraft = Omit<DocumentRow<'meeting_parents'>, 'meeting_id'>;
export type VisitDraft = Omit<DocumentRow<'visits'>, 'visit_id'>;

/** Meetings a parent is invited to as a matter of course (the others are professionals-only). */
const PARENT_MEETINGS: ReadonlySet<MeetingType> = new Set([
  'cp_conference',
  'core_group',
  'cin_review',
  'lac_review',
  'family_group_conference',
]);

/** Meetings whose report is shared with parents beforehand. */
const REPORTED_MEETINGS: ReadonlySet<MeetingType> = new Set(['cp_conference', 'cin_review', 'lac_review']);

const CHAIR: Record<MeetingType, string> = {
  cp_conference: 'CPRO',
  core_group: 'social_worker',
  cin_review: 'team_manager',
  lac_review: 'IRO',
  strategy: 'team_manager',
  professionals: 'team_manager',
  multi_agency: 'team_manager',
  family_group_conference: 'FGC_coordinator',
};

const officialCalendar = createCalendar('england-and-wales');

// The generator does millions of date steps; a table of days (with the official calendar's
// working-day verdicts) makes each step a lookup instead of a date parse and format.
const TABLE_START = Date.UTC(2024, 0, 1);
const TABLE_DAYS = 366 * 5;
const DAY_MS = 86_400_000;
const isoDays: IsoDate[] = [];
const dayIndex = new Map<IsoDate, number>();
const workingDays: boolean[] = [];
for (let i = 0; i < TABLE_DAYS; i += 1) {
  const iso = new Date(TABLE_START + i * DAY_MS).toISOString().slice(0, 10);
  isoDays.push(iso);
  dayIndex.set(iso, i);
  workingDays.push(officialCalendar.isWorkingDay(iso));
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  const index = dayIndex.get(date);
  const moved = index === undefined ? undefined : isoDays[index + n];
  return moved ?? addCalendarDays(date, n);
}

/** Working days of England and Wales, as `src/core/calendar.ts` defines them. */
export const calendar = {
  isWorkingDay(date: IsoDate): boolean {
    const index = dayIndex.get(date);
    return index === undefined ? officialCalendar.isWorkingDay(date) : (workingDays[index] ?? false);
  },
  /** The date `n` working days after `date` (n = 0 gives `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let current = date;
    for (let added = 0; added < n; ) {
      current = addDays(current, 1);
      if (calendar.isWorkingDay(current)) added += 1;
    }
    return current;
  },
};

/** The working day on or after `date` (visits and meetings are not booked at weekends or on bank holidays). */
export function workingDayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The working day on or before `date`. */
export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The date `n` working days before `date`. */
export function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** A row waiting for its id, with the order it was added in (the tie-break between rows of one date). */
interface Numbered<T> {
  readonly row: T;
  readonly order: number;
}

/**
 * Builds one case document. Every id carries the case number (`V004-05` is visit 5 of case C004),
 * so ids are unique within the case and across the export; rows are numbered in date order when
 * the case is built, so scenarios can add them in any order and rows that name a meeting or an
 * assessment hold the draft itself until then.
 */
export class CaseBuilder {
  readonly caseId: string;
  private readonly tag: string;
  private readonly fields: CaseFields;
  private readonly plans: PlanDoc[] = [];
  private readonly people: PersonDoc[] = [];
  private readonly assessments: Numbered<AssessmentDraft>[] = [];
  private readonly views: { readonly assessment: AssessmentDraft; readonly row: ViewDraft }[] = [];
  private readonly meetings: Numbered<MeetingDraft>[] = [];
  private readonly meetingParents: { readonly meeting: MeetingDraft; readonly row: MeetingParentDraft }[] = [];
  private readonly visits: Numbered<VisitDraft>[] = [];
  private readonly letters: Numbered<{ date: IsoDate; recipients: readonly string[] }>[] = [];
  private readonly attempts: Numbered<Omit<AttemptDoc, 'attempt_id'>>[] = [];
  private readonly incidents: Numbered<Omit<IncidentDoc, 'incident_id'>>[] = [];
  private readonly allegations: Numbered<Omit<AllegationDoc, 'allegation_id'>>[] = [];
  private readonly updates: Numbered<Omit<UpdateDoc, 'update_id'>>[] = [];
  private readonly referrals: Numbered<Omit<ReferralDoc, 'referral_id'>>[] = [];
  private added = 0;

  constructor(caseNumber: number, fields: Omit<CaseFields, 'case_id'>, idWidth = 3) {
    this.tag = pad(caseNumber, idWidth);
    this.caseId = `C${this.tag}`;
    this.fields = { case_id: this.caseId, ...fields };
  }

  private numbered<T>(row: T): Numbered<T> {
    return { row, order: this.added++ };
  }

  plan(type: PlanDoc['type'], start: IsoDate, end?: IsoDate): PlanDoc {
    const plan: PlanDoc = { plan_id: `P${this.tag}-${this.plans.length + 1}`, type, start, end };
    this.plans.push(plan);
    return plan;
  }

  person(personId: string, relationship: string, fields: Partial<Omit<PersonDoc, 'person_id'>> = {}): PersonDoc {
    const person: PersonDoc = { person_id: personId, relationship, parent: false, ...fields };
    this.people.push(person);
    return person;
  }

  /** The resident mother M1 with parental responsibility and details on the system. */
  mother(fields: Partial<PersonDoc> = {}): PersonDoc {
    return this.person('M1', 'mother', {
      parent: true,
      resident: true,
      parental_responsibility: true,
      details_recorded: true,
      contactable: true,
      ...fields,
    });
  }

  /** The non-resident father F1, contactable, seeing the child. */
  father(fields: Partial<PersonDoc> = {}): PersonDoc {
    return this.person('F1', 'father', {
      parent: true,
      resident: false,
      parental_responsibility: true,
      details_recorded: true,
      contactable: true,
      child_contact: true,
      ...fields,
    });
  }

  /** A relative, carer or partner who is not a parent of the child. */
  relative(personId: string, relationship: string, fields: Partial<PersonDoc> = {}): PersonDoc {
    return this.person(personId, relationship, { parent: false, resident: false, details_recorded: true, ...fields });
  }

  /** Parents who can be reached (not marked un-contactable). */
  contactableParents(): PersonDoc[] {
    return this.people.filter((p) => p.parent && p.contactable !== false);
  }

  assessment(started: IsoDate, completed?: IsoDate, type = 'child and family assessment'): AssessmentDraft {
    const assessment: AssessmentDraft = { type, started, completed };
    this.assessments.push(this.numbered(assessment));
    return assessment;
  }

  /**
   * One parent's views in an assessment: recorded, met in person and adopted, unless told otherwise. A non-resident
   * parent without a risk flag is offered an office appointment to go through it the day it is completed.
   */
  viewsOf(assessment: AssessmentDraft, personId: string, fields: Partial<ViewDraft> = {}): ViewDraft {
    const person = this.people.find((p) => p.person_id === personId);
    const offered = person?.parent === true && person.resident === false && person.risk_flag !== true;
    const row: ViewDraft = {
      person_id: personId,
      views_recorded: true,
      method: 'in_person',
      views_adopted: 'yes',
      office_appointment_offered: offered ? assessment.completed : undefined,
      ...fields,
    };
    this.views.push({ assessment, row });
    return row;
  }

  /** A completed assessment with the views of every contactable parent recorded. */
  assessmentWithViews(started: IsoDate, completed: IsoDate, type?: string): AssessmentDraft {
    const assessment = this.assessment(started, completed, type);
    for (const parent of this.contactableParents()) this.viewsOf(assessment, parent.person_id);
    return assessment;
  }

  view(assessment: AssessmentDraft, personId: string): ViewDraft {
    const entry = this.views.find((v) => v.assessment === assessment && v.row.person_id === personId);
    if (!entry) throw new Error(`${this.caseId} has no views of ${personId} in that assessment`);
    return entry.row;
  }

  dropView(assessment: AssessmentDraft, personId: string): void {
    const row = this.view(assessment, personId);
    this.views.splice(
      this.views.findIndex((v) => v.row === row),
      1,
    );
  }

  /** A meeting alone, with no parents' rows (professionals' meetings). */
  meeting(type: MeetingType, date: IsoDate, fields: Partial<MeetingDraft> = {}): MeetingDraft {
    const meeting: MeetingDraft = { type, date, split: false, minutes_sets: 1, chair_role: CHAIR[type], ...fields };
    this.meetings.push(this.numbered(meeting));
    return meeting;
  }

  /**
   * A parent's row for a meeting, done properly: invited and attended, the parent's views sought for
   * and the report shared three working days before a conference or review, advocacy information
   * given for a conference.
   */
  parentAt(meeting: MeetingDraft, personId: string, fields: Partial<MeetingParentDraft> = {}): MeetingParentDraft {
    const reported = REPORTED_MEETINGS.has(meeting.type);
    const row: MeetingParentDraft = {
      person_id: personId,
      invited: true,
      attended: true,
      report_shared: reported ? workingDaysBefore(meeting.date, 3) : undefined,
      advocacy_info: meeting.type === 'cp_conference' ? true : undefined,
      views_sought: reported ? true : undefined,
      ...fields,
    };
    this.meetingParents.push({ meeting, row });
    return row;
  }

  /** A meeting with a row for every contactable parent when parents take part in that type of meeting. */
  meetingWithParents(type: MeetingType, date: IsoDate, fields: Partial<MeetingDraft> = {}): MeetingDraft {
    const meeting = this.meeting(type, date, fields);
    if (PARENT_MEETINGS.has(type)) {
      for (const parent of this.contactableParents()) this.parentAt(meeting, parent.person_id);
    }
    return meeting;
  }

  /** A person already on the case, to amend. */
  personRow(personId: string): PersonDoc {
    const person = this.people.find((p) => p.person_id === personId);
    if (!person) throw new Error(`${this.caseId} has no person ${personId}`);
    return person;
  }

  parentRow(meeting: MeetingDraft, personId: string): MeetingParentDraft {
    const entry = this.meetingParents.find((r) => r.meeting === meeting && r.row.person_id === personId);
    if (!entry) throw new Error(`${this.caseId} has no row for ${personId} at the ${meeting.type} on ${meeting.date}`);
    return entry.row;
  }

  dropParentRow(meeting: MeetingDraft, personId: string): void {
    const row = this.parentRow(meeting, personId);
    this.meetingParents.splice(
      this.meetingParents.findIndex((r) => r.row === row),
      1,
    );
  }

  /**
   * A visit. A completed home visit sees the child; a no-access visit is reported to the manager the
   * same day; visits are by a sole worker unless told otherwise.
   */
  visit(date: IsoDate, outcome: VisitOutcome = 'completed', fields: Partial<VisitDraft> = {}): VisitDraft {
    const row: VisitDraft = {
      date,
      type: 'home',
      outcome,
      child_seen: outcome === 'completed' ? true : undefined,
      joint: false,
      manager_informed: outcome === 'no_access' ? date : undefined,
      ...fields,
    };
    this.visits.push(this.numbered(row));
    return row;
  }

  /** Completed home visits from `first` every `everyDays` calendar days (moved off weekends and bank holidays) up to `last`. */
  visitsEvery(first: IsoDate, last: IsoDate, everyDays: number, fields: Partial<VisitDraft> = {}): VisitDraft[] {
    const made: VisitDraft[] = [];
    for (let day = first; day <= last; day = addDays(day, everyDays)) {
      const date = workingDayFrom(day);
      if (date <= last) made.push(this.visit(date, 'completed', fields));
    }
    return made;
  }

  /** One letter, sent to each of `recipients` (one row per recipient, sharing the letter id). */
  letter(date: IsoDate, recipients: readonly string[]): void {
    this.letters.push(this.numbered({ date, recipients }));
  }

  /** The letter after a conference or review, two working days on, to every contactable parent without a risk flag. */
  letterAfter(meeting: MeetingDraft): void {
    const recipients = this.contactableParents()
      .filter((p) => p.risk_flag !== true)
      .map((p) => p.person_id);
    if (recipients.length > 0) this.letter(calendar.addWorkingDays(meeting.date, 2), recipients);
  }

  attempt(personId: string, askedPersonId: string, date: IsoDate, outcome: AttemptDoc['outcome'] = 'no_details'): void {
    this.attempts.push(this.numbered({ person_id: personId, asked_person_id: askedPersonId, date, outcome }));
  }

  incident(fields: Omit<IncidentDoc, 'incident_id'>): void {
    this.incidents.push(this.numbered(fields));
  }

  allegation(fields: Omit<AllegationDoc, 'allegation_id'>): void {
    this.allegations.push(this.numbered(fields));
  }

  /** Updating information given to a parent (000 §5). */
  update(fields: Omit<UpdateDoc, 'update_id'>): void {
    this.updates.push(this.numbered(fields));
  }

  /** A referral for a parent to re-establish links with the child (001 std 9). */
  referral(fields: Omit<ReferralDoc, 'referral_id'>): void {
    this.referrals.push(this.numbered(fields));
  }

  build(): CaseDocument {
    const meetings = inDateOrder(this.meetings, (m) => m.date);
    const meetingIds = new Map(meetings.map((m, i) => [m, `MT${this.tag}-${i + 1}`]));
    const assessments = inDateOrder(this.assessments, (a) => a.started ?? a.completed ?? '');
    const assessmentIds = new Map(assessments.map((a, i) => [a, `A${this.tag}-${i + 1}`]));
    const idOf = <K>(ids: Map<K, string>, key: K): string => ids.get(key) ?? '';
    const letters: DocumentRow<'letters'>[] = [];
    inDateOrder(this.letters, (l) => l.date).forEach((letter, i) => {
      for (const recipient of letter.recipients) {
        letters.push({ letter_id: `L${this.tag}-${i + 1}`, date: letter.date, recipient });
      }
    });
    const numberedIds = <T>(rows: readonly Numbered<T & { date: IsoDate }>[], prefix: string, width = 1) =>
      inDateOrder(rows, (r) => r.date).map((row, i) => ({ id: `${prefix}${this.tag}-${pad(i + 1, width)}`, row }));
    return {
      ...this.fields,
      plans: this.plans,
      people: this.people,
      contact_attempts: numberedIds(this.attempts, 'CA').map(({ id, row }) => ({ attempt_id: id, ...row })),
      assessments: assessments.map((a) => ({ assessment_id: idOf(assessmentIds, a), ...a })),
      assessment_views: [...this.views]
        .sort((a, b) => assessments.indexOf(a.assessment) - assessments.indexOf(b.assessment))
        .map(({ assessment, row }) => ({ assessment_id: idOf(assessmentIds, assessment), ...row })),
      meetings: meetings.map((m) => ({ meeting_id: idOf(meetingIds, m), ...m })),
      meeting_parents: [...this.meetingParents]
        .sort((a, b) => meetings.indexOf(a.meeting) - meetings.indexOf(b.meeting))
        .map(({ meeting, row }) => ({ meeting_id: idOf(meetingIds, meeting), ...row })),
      visits: numberedIds(this.visits, 'V', 2).map(({ id, row }) => ({ visit_id: id, ...row })),
      incidents: numberedIds(this.incidents, 'IN').map(({ id, row }) => ({ incident_id: id, ...row })),
      allegations: numberedIds(this.allegations, 'AL').map(({ id, row }) => ({ allegation_id: id, ...row })),
      letters,
      updates: numberedIds(this.updates, 'UP').map(({ id, row }) => ({ update_id: id, ...row })),
      referrals: numberedIds(this.referrals, 'RF').map(({ id, row }) => ({ referral_id: id, ...row })),
    };
  }
}

/** Rows sorted by their date, rows of the same date in the order they were added. */
function inDateOrder<T>(rows: readonly Numbered<T>[], dateOf: (row: T) => IsoDate): T[] {
  return [...rows]
    .sort((a, b) => {
      const da = dateOf(a.row);
      const db = dateOf(b.row);
      return da < db ? -1 : da > db ? 1 : a.order - b.order;
    })
    .map((n) => n.row);
}
