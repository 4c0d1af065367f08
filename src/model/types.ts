// The typed case model every input form is validated into, and the value domains of DATA.md.
import type { IsoDate } from '../core/dates.js';
import type { SourceRef } from '../core/finding.js';

export const TABLE_NAMES = [
  'cases',
  'plans',
  'people',
  'contact_attempts',
  'assessments',
  'assessment_views',
  'meetings',
  'meeting_parents',
  'visits',
  'incidents',
  'allegations',
  'letters',
  'updates',
  'referrals',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export const PLAN_TYPES = ['cin', 'cp', 'lac'] as const;
export const NO_CONTACT_REASONS = [
  'cp_concerns',
  'court_order',
  'child_and_parent_decline',
  'parental_disagreement',
  'other',
] as const;
/** Whether the parent with PR agreed to the Local Authority discussing the child with a parent without PR (000 §1). */
export const PR_AGREEMENTS = ['agreed', 'declined', 'not_asked'] as const;
export const CONTACT_OUTCOMES = ['details_obtained', 'no_details', 'declined', 'no_response'] as const;
export const VIEW_METHODS = ['in_person', 'phone', 'written', 'none'] as const;
export const VIEWS_ADOPTED = ['yes', 'no', 'partly'] as const;
export const MEETING_TYPES = [
  'cp_conference',
  'core_group',
  'cin_review',
  'lac_review',
  'strategy',
  'professionals',
  'multi_agency',
  'family_group_conference',
] as const;
export const VISIT_TYPES = ['home', 'office', 'school', 'other'] as const;
export const VISIT_OUTCOMES = [
  'completed',
  'defaulted',
  'no_access',
  'cancelled_by_family',
  'cancelled_by_service',
] as const;
export const INCIDENT_TYPES = ['threat', 'violence', 'verbal_abuse', 'intimidation'] as const;
export const ALLEGATION_STATUSES = ['allegation', 'admitted', 'court_finding'] as const;
/** What updating information given to a parent was about (000 §5). */
export const UPDATE_TOPICS = ['school', 'health', 'key_issue', 'other'] as const;
export const UPDATE_METHODS = ['letter', 'phone', 'email', 'meeting', 'other'] as const;
/** Referrals made for a parent to re-establish links with the child (001 std 9). */
export const REFERRAL_TYPES = ['family_group_conference', 'mediation', 'legal_advice', 'other'] as const;
export const REFERRAL_OUTCOMES = ['accepted', 'declined', 'awaiting', 'other'] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type PlanType = (typeof PLAN_TYPES)[number];
export type NoContactReason = (typeof NO_CONTACT_REASONS)[number];
export type PrAgreement = (typeof PR_AGREEMENTS)[number];
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type ViewMethod = (typeof VIEW_METHODS)[number];
export type ViewsAdopted = (typeof VIEWS_ADOPTED)[number];
export type MeetingType = (typeof MEETING_TYPES)[number];
export type VisitType = (typeof VISIT_TYPES)[number];
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export type AllegationStatus = (typeof ALLEGATION_STATUSES)[number];
export type UpdateTopic = (typeof UPDATE_TOPICS)[number];
export type UpdateMethod = (typeof UPDATE_METHODS)[number];
export type ReferralType = (typeof REFERRAL_TYPES)[number];
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

// Optional fields are `undefined` when the export left the cell empty ("not recorded").
// Where a row came from is held on the row itself rather than in a SourceRef object of its own: an export's
// million rows would otherwise carry a million more objects for the collector to copy (see sourceOf).
interface Row {
  /** The file the row was read from, as given on the command line. */
  readonly sourceFile: string;
  /** The 1-based line the row starts on in that file. */
  readonly sourceLine: number;
}

/** The keys of a row's origin: a row written by hand (a sample, a test) leaves them to the loader. */
export type SourceKeys = 'sourceFile' | 'sourceLine';

/** A row's origin, for a finding to point at. */
export function sourceOf(row: Row): SourceRef {
  return { file: row.sourceFile, line: row.sourceLine };
}

export interface CaseRow extends Row {
  case_id: string;
  status: CaseStatus;
  opened?: IsoDate;
  closed?: IsoDate;
  team?: string;
  worker?: string;
}

export interface PlanRow extends Row {
  case_id: string;
  plan_id: string;
  type: PlanType;
  start: IsoDate;
  end?: IsoDate;
  /** The date set for the plan's next review, as it stands in the export (optional column). */
  review_due?: IsoDate;
}

export interface PersonRow extends Row {
  case_id: string;
  person_id: string;
  relationship: string;
  parent: boolean;
  resident?: boolean;
  parental_responsibility?: boolean;
  /** For a parent without PR: whether the parent with PR agreed to the Local Authority discussing the child with them (optional column). */
  pr_agreement?: PrAgreement;
  /** When the parent with PR was asked and answered (optional column). */
  pr_agreement_date?: IsoDate;
  details_recorded?: boolean;
  contactable?: boolean;
  uncontactable_date?: IsoDate;
  risk_flag?: boolean;
  risk_reason?: string;
  violence_flag?: boolean;
  confidential_address?: boolean;
  child_contact?: boolean;
  no_contact_reason?: NoContactReason;
  no_contact_evidence?: string;
  /** When the child stopped having contact with this parent, with child_contact = N (optional column). */
  no_contact_since?: IsoDate;
  /** When a manager told this person of the concerns about their behaviour and the consequences (optional column). */
  manager_warning?: IsoDate;
}

export interface ContactAttemptRow extends Row {
  case_id: string;
  attempt_id: string;
  person_id: string;
  asked_person_id: string;
  date: IsoDate;
  outcome?: ContactOutcome;
}

export interface AssessmentRow extends Row {
  case_id: string;
  assessment_id: string;
  type?: string;
  started?: IsoDate;
  completed?: IsoDate;
}

export interface AssessmentViewRow extends Row {
  case_id: string;
  assessment_id: string;
  person_id: string;
  views_recorded: boolean;
  method?: ViewMethod;
  views_adopted?: ViewsAdopted;
  not_adopted_reason?: string;
  exceptional_reason?: string;
  /** When this parent was offered an office appointment to go through the assessment (optional column). */
  office_appointment_offered?: IsoDate;
}

export interface MeetingRow extends Row {
  case_id: string;
  meeting_id: string;
  type: MeetingType;
  date: IsoDate;
  split?: boolean;
  minutes_sets?: number;
  chair_role?: string;
}

export interface MeetingParentRow extends Row {
  case_id: string;
  meeting_id: string;
  person_id: string;
  invited?: boolean;
  not_invited_reason?: string;
  attended?: boolean;
  excluded?: boolean;
  exclusion_reason?: string;
  exclusion_recorded_by?: string;
  alternative_offered?: boolean;
  report_shared?: IsoDate;
  report_withheld_agreed?: boolean;
  advocacy_info?: boolean;
  /** This parent's views were sought for the meeting's report (optional column). */
  views_sought?: boolean;
  /** The report shared with this person was checked and confidential placement or home addresses removed (optional column). */
  address_removed?: boolean;
}

export interface VisitRow extends Row {
  case_id: string;
  visit_id: string;
  date: IsoDate;
  type?: VisitType;
  outcome: VisitOutcome;
  child_seen?: boolean;
  joint?: boolean;
  manager_informed?: IsoDate;
}

export interface IncidentRow extends Row {
  case_id: string;
  incident_id: string;
  person_id?: string;
  date: IsoDate;
  type?: IncidentType;
  reported_to_manager?: IsoDate;
  police_informed?: boolean;
  agencies_alerted?: boolean;
}

export interface AllegationRow extends Row {
  case_id: string;
  allegation_id: string;
  date: IsoDate;
  made_by: string;
  about: string;
  status?: AllegationStatus;
  response_recorded?: boolean;
}

export interface LetterRow extends Row {
  case_id: string;
  letter_id: string;
  date: IsoDate;
  recipient: string;
}

/** Updating information given to a parent (optional table). */
export interface UpdateRow extends Row {
  case_id: string;
  update_id: string;
  person_id: string;
  date: IsoDate;
  topic?: UpdateTopic;
  method?: UpdateMethod;
}

/** A referral made for a parent to re-establish links with the child (optional table). */
export interface ReferralRow extends Row {
  case_id: string;
  referral_id: string;
  person_id: string;
  type: ReferralType;
  date: IsoDate;
  outcome?: ReferralOutcome;
}

/** The row type of each table, keyed by table name. */
export interface TableRows {
  cases: CaseRow;
  plans: PlanRow;
  people: PersonRow;
  contact_attempts: ContactAttemptRow;
  assessments: AssessmentRow;
  assessment_views: AssessmentViewRow;
  meetings: MeetingRow;
  meeting_parents: MeetingParentRow;
  visits: VisitRow;
  incidents: IncidentRow;
  allegations: AllegationRow;
  letters: LetterRow;
  updates: UpdateRow;
  referrals: ReferralRow;
}

export type ChildTableName = Exclude<TableName, 'cases'>;

/**
 * One child's case with every valid, non-orphan row of every child table. Tables absent from the
 * input are empty arrays here; whether a table was present at all is told by the audit context.
 */
export type CaseRecord = { readonly case: CaseRow } & {
  readonly [T in ChildTableName]: readonly TableRows[T][];
};

/**
 * The audited cases, in case_id order. A loaded export holds its rows compactly and makes each case's record
 * afresh when asked (src/assemble/cases.ts); `caseListOf` serves records already made.
 */
export interface CaseList {
  readonly length: number;
  /** The case's own row, without its tables. */
  caseRow(index: number): CaseRow;
  /** The case with the rows of every table. */
  record(index: number): CaseRecord;
}

/** Records already made, as a case list (tests, and anything that builds cases by hand); sorted by the caller. */
export function caseListOf(records: readonly CaseRecord[]): CaseList {
  return {
    length: records.length,
    caseRow: (index) => (records[index] as CaseRecord).case,
    record: (index) => records[index] as CaseRecord,
  };
}

/** Every case's record, in order: the whole model at once, for tests and small exports only. */
export function recordsOf(cases: CaseList): CaseRecord[] {
  return Array.from({ length: cases.length }, (_, index) => cases.record(index));
}
