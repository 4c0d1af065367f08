// A seeded generator of realistic exports of any size, with the shape and share of breaches of the samples.
import type { IsoDate } from '../src/core/dates.js';
import type { MeetingType, VisitOutcome } from '../src/model/types.js';
import {
  addDays,
  CaseBuilder,
  calendar,
  daysBetween,
  workingDayFrom,
  workingDayOnOrBefore,
  type CaseDocument,
  type DocumentRow,
  type MeetingDraft,
  type VisitDraft,
} from './document.js';
import { cinPlan, cpPlan, keepUpdated, lacPlan, type PlanMeetings } from './routine.js';
import { SAMPLE_AS_OF } from './scenarios.js';

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from any text (FNV-1a), so `--seed demo` works as well as `--seed 42`. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One of `options`, each with its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = options[options.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** A working day between `from` and `to` (inclusive, as near as the calendar allows). */
  workingDay(from: IsoDate, to: IsoDate): IsoDate {
    const span = daysBetween(from, to);
    return workingDayFrom(addDays(from, this.int(0, Math.max(0, span))));
  }
}

export interface GeneratorOptions {
  readonly cases: number;
  readonly seed: number;
  /** Nothing is dated after this day; defaults to the samples' as-of date. */
  readonly asOf?: IsoDate;
}

const TEAMS: readonly (readonly [string, readonly string[]])[] = [
  ['North', ['W01', 'W02', 'W03']],
  ['South', ['W04', 'W05', 'W06']],
  ['East', ['W07', 'W08', 'W09']],
  ['West', ['W10', 'W11', 'W12']],
];

const RELATIVES: readonly (readonly [string, string])[] = [
  ['MGM1', 'maternal grandmother'],
  ['MGF1', 'maternal grandfather'],
  ['PGM1', 'paternal grandmother'],
  ['PGF1', 'paternal grandfather'],
  ['MA1', 'maternal aunt'],
  ['PA1', 'paternal aunt'],
];

type CaseKind = 'referral' | 'cp' | 'cin' | 'lac';

/**
 * How often each kind of lapse (or its compliant counterpart) is planted in a generated case; the
 * rates give about the samples' share of cases with at least one breach.
 */
const RATE = {
  updatesStopped: 0.05,
  noLinkSupport: 0.08,
  closed: 0.06,
  noFather: 0.1,
  residentFather: 0.08,
  uncontactableFather: 0.1,
  invisibleFather: 0.05,
  invisibleFatherSought: 0.5,
  fatherWithoutPr: 0.1,
  riskFather: 0.08,
  riskNotInvitedReason: 0.7,
  violentFather: 0.12,
  violentResident: 0.06,
  viewsMissing: 0.12,
  viewsByPhone: 0.12,
  phoneWithReason: 0.5,
  viewsNotAdopted: 0.15,
  notAdoptedReasoned: 0.6,
  officeNotOffered: 0.04,
  noContact: 0.15,
  excluded: 0.1,
  notInvited: 0.12,
  split: 0.15,
  splitOneSet: 0.4,
  reportLate: 0.15,
  reportWithheld: 0.04,
  advocacyMissing: 0.12,
  viewsNotSought: 0.03,
  confidentialAddress: 0.35,
  addressNotRemoved: 0.15,
  missedVisit: 0.06,
  defaultRun: 0.2,
  noAccessLate: 0.35,
  childNotSeen: 0.2,
  soleVisitWhereRisk: 0.5,
  letterMotherOnly: 0.15,
  allegation: 0.15,
  allegationUnanswered: 0.4,
  incident: 0.25,
  incidentLapse: 0.5,
  reviewDateMissing: 0.02,
  reviewDatePassed: 0.03,
} as const;

/** The cases of a generated export, built one at a time so any number can be streamed. */
export function* generateCases(options: GeneratorOptions): Generator<CaseDocument> {
  const random = new Random(options.seed);
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  const idWidth = Math.max(3, String(options.cases).length);
  for (let n = 1; n <= options.cases; n += 1) yield randomCase(random, n, idWidth, asOf);
}

function randomCase(random: Random, caseNumber: number, idWidth: number, asOf: IsoDate): CaseDocument {
  const kind = random.weighted<CaseKind>([
    ['referral', 5],
    ['cp', 38],
    ['cin', 42],
    ['lac', 15],
  ]);
  const [team, workers] = random.pick(TEAMS);
  const allocated = kind !== 'referral' || random.chance(0.5);
  const opened =
    kind === 'referral'
      ? random.workingDay(addDays(asOf, -30), addDays(asOf, -3))
      : random.workingDay('2026-01-05', addDays(asOf, -80));
  const earliestClosure = addDays(opened, 60);
  const closed =
    kind !== 'referral' && earliestClosure < asOf && random.chance(RATE.closed)
      ? minDate(random.workingDay(earliestClosure, addDays(asOf, -1)), addDays(asOf, -1))
      : undefined;
  const until = closed ?? asOf;
  const c = new CaseBuilder(
    caseNumber,
    {
      status: closed ? 'closed' : 'open',
      opened,
      closed,
      team: allocated ? team : undefined,
      worker: allocated ? random.pick(workers) : undefined,
    },
    idWidth,
  );
  const family = addFamily(c, random, kind, opened, until);
  if (kind === 'referral') {
    c.assessment(opened);
    c.visit(random.workingDay(opened, until));
    return c.build();
  }

  const completed = workingDayFrom(calendar.addWorkingDays(opened, random.int(8, 25)));
  const assessment = c.assessmentWithViews(opened, completed, kind === 'cp' ? 'section 47 enquiry' : undefined);
  shapeViews(c, random, assessment, family);

  const planStart = workingDayFrom(minDate(calendar.addWorkingDays(completed, random.int(1, 8)), addDays(until, -10)));
  const schedule = { until, end: closed };
  const plan =
    kind === 'cp' ? cpPlan(c, planStart, schedule) : kind === 'cin' ? cinPlan(c, planStart, schedule) : lacPlan(c, planStart, schedule);
  if (closed === undefined) shapeReviewDate(random, plan.plan, asOf);
  if (family.invisibleFather) {
    c.father({ details_recorded: false, contactable: undefined });
    // Half the time the family was asked for his details, mostly within nrp-details-sought's 10 working days.
    if (random.chance(RATE.invisibleFatherSought)) c.attempt('F1', 'M1', calendar.addWorkingDays(opened, random.int(0, 14)));
  }
  shapeMeetings(c, random, plan, family);

  const visitEvery = kind === 'cp' ? 14 : kind === 'cin' ? 21 : 42;
  const visits = c.visitsEvery(addDays(planStart, 3), until, visitEvery, {
    type: kind === 'lac' && random.chance(0.5) ? 'other' : 'home',
    joint: family.violentResident,
  });
  shapeVisits(c, random, visits, plan, kind === 'cp', family.violentResident, until);
  addLettersAndEvents(c, random, family, opened, until);
  return c.build();
}

interface Family {
  readonly father: 'non-resident' | 'resident' | 'none';
  readonly fatherUncontactable: boolean;
  readonly fatherRisk: boolean;
  readonly fatherViolent: boolean;
  readonly invisibleFather: boolean;
  readonly violentResident: boolean;
  readonly relatives: readonly string[];
}

function addFamily(c: CaseBuilder, random: Random, kind: CaseKind, opened: IsoDate, until: IsoDate): Family {
  const looked = kind === 'lac';
  c.mother({ resident: !looked });
  const father = random.chance(RATE.noFather)
    ? 'none'
    : !looked && random.chance(RATE.residentFather)
      ? 'resident'
      : 'non-resident';
  const fatherUncontactable = father === 'non-resident' && random.chance(RATE.uncontactableFather);
  const invisibleFather = father === 'non-resident' && !fatherUncontactable && random.chance(RATE.invisibleFather);
  const fatherRisk = father === 'non-resident' && !fatherUncontactable && !invisibleFather && random.chance(RATE.riskFather);
  const fatherViolent = fatherRisk || (father === 'non-resident' && !invisibleFather && random.chance(RATE.violentFather));
  const uncontactableDate = fatherUncontactable
    ? random.workingDay(addDays(opened, 10), addDays(opened, 40))
    : undefined;
  if (father === 'resident') c.father({ resident: true, child_contact: undefined });
  if (father === 'non-resident' && !invisibleFather) {
    const noContact = fatherRisk || fatherUncontactable || random.chance(RATE.noContact);
    const reason = noContact ? noContactReason(random, fatherRisk) : undefined;
    c.father({
      violence_flag: fatherViolent || undefined,
      risk_flag: fatherRisk || undefined,
      risk_reason: fatherRisk ? 'Domestic abuse towards the mother' : undefined,
      child_contact: !noContact,
      ...reason,
      ...(uncontactableDate
        ? { contactable: false, details_recorded: false, uncontactable_date: uncontactableDate }
        : {}),
      ...(random.chance(RATE.fatherWithoutPr) ? prAgreement(random, opened) : {}),
    });
    if (noContact && !fatherRisk) supportWithoutContact(c, random, opened, until, reason?.no_contact_reason);
  }
  const relatives: string[] = [];
  for (const [id, relationship] of RELATIVES) {
    if (relatives.length < 2 && random.chance(0.15)) {
      c.relative(id, relationship);
      relatives.push(id);
    }
  }
  if (looked) c.relative('FC1', random.pick(['foster carer', 'kinship carer']), { resident: true });
  const violentResident = !looked && random.chance(RATE.violentResident);
  if (violentResident) c.relative('MP1', "mother's partner", { resident: true, violence_flag: true });
  // Everyone else on the record must be asked before the father is marked un-contactable.
  const others = [...relatives, 'M1', ...(looked ? ['FC1'] : []), ...(violentResident ? ['MP1'] : [])];
  if (uncontactableDate) askFamily(c, random, others, uncontactableDate);
  return { father, fatherUncontactable, fatherRisk, fatherViolent, invisibleFather, violentResident, relatives };
}

/** A father without parental responsibility, and whether the mother was asked first (pr-agreement-sought). */
function prAgreement(random: Random, opened: IsoDate) {
  const agreement = random.weighted([
    ['agreed', 7],
    ['not_asked', 2],
    ['declined', 1],
  ] as const);
  return {
    parental_responsibility: false,
    pr_agreement: agreement,
    pr_agreement_date: agreement === 'not_asked' ? undefined : workingDayOnOrBefore(addDays(opened, -random.int(0, 5))),
  };
}

/** plan-review-date-set: the next review date on a plan in force, now and then never set or left to pass. */
function shapeReviewDate(random: Random, plan: DocumentRow<'plans'>, asOf: IsoDate): void {
  const lapse = random.weighted([
    ['none', 1 - RATE.reviewDateMissing - RATE.reviewDatePassed],
    ['missing', RATE.reviewDateMissing],
    ['passed', RATE.reviewDatePassed],
  ] as const);
  if (lapse === 'missing') plan.review_due = undefined;
  if (lapse === 'passed') {
    const passed = workingDayOnOrBefore(addDays(asOf, -random.int(1, 60)));
    plan.review_due = passed < plan.start ? plan.start : passed;
  }
}

/** Reasons for which contact should not take place (000 §6): no support to re-establish links is owed. */
const BARRING: ReadonlySet<string> = new Set(['cp_concerns', 'court_order', 'child_and_parent_decline']);

/**
 * A father without contact and without a risk flag is kept updated (nrp-updates-provided) and, unless contact is
 * barred, referred for mediation, a family group conference or legal advice (nrp-link-support-offered); now and
 * then the updates stop, or the referral is late or never made.
 */
function supportWithoutContact(c: CaseBuilder, random: Random, opened: IsoDate, until: IsoDate, reason: string | undefined): void {
  if (random.chance(RATE.updatesStopped)) keepUpdated(c, 'F1', opened, minDate(until, addDays(opened, 60)));
  else keepUpdated(c, 'F1', opened, until, random.int(18, 28));
  if (reason !== undefined && BARRING.has(reason)) return;
  if (random.chance(RATE.noLinkSupport) && random.chance(0.5)) return;
  const late = random.chance(RATE.noLinkSupport);
  const date = calendar.addWorkingDays(opened, late ? random.int(21, 40) : random.int(2, 18));
  if (date > until) return;
  c.referral({
    person_id: 'F1',
    type: random.pick(['mediation', 'family_group_conference', 'legal_advice'] as const),
    date,
    outcome: random.pick(['accepted', 'declined', 'awaiting'] as const),
  });
}

function noContactReason(random: Random, risk: boolean) {
  if (risk) return { no_contact_reason: 'cp_concerns' as const, no_contact_evidence: 'Risk assessment on file' };
  const reason = random.weighted([
    ['court_order', 3],
    ['child_and_parent_decline', 3],
    ['other', 2],
    ['cp_concerns', 2],
    ['parental_disagreement', 1],
  ] as const);
  const evidence = reason === 'court_order' || (reason === 'cp_concerns' && random.chance(0.6)) ? 'Court report on file' : undefined;
  return { no_contact_reason: reason, no_contact_evidence: evidence };
}

/**
 * Asks the family for an un-contactable father's details before he is marked so: everyone, or (a
 * lapse) someone never asked, or someone asked only afterwards.
 */
function askFamily(c: CaseBuilder, random: Random, people: readonly string[], decided: IsoDate): void {
  const lapse = random.weighted([
    ['none', 2],
    ['not-asked', 1],
    ['late', 1],
  ] as const);
  people.forEach((personId, index) => {
    if (lapse === 'not-asked' && index === 0) return;
    const date =
      lapse === 'late' && index === 0
        ? calendar.addWorkingDays(decided, random.int(2, 12))
        : workingDayOnOrBefore(addDays(decided, -random.int(1, 9)));
    c.attempt('F1', personId, date, random.pick(['no_details', 'declined', 'no_response'] as const));
  });
}

function shapeViews(c: CaseBuilder, random: Random, assessment: ReturnType<CaseBuilder['assessment']>, family: Family): void {
  const parents = c.contactableParents().map((p) => p.person_id);
  if (parents.length === 0) return;
  if (random.chance(RATE.viewsMissing)) {
    const parent = random.pick(parents);
    if (random.chance(0.5)) c.dropView(assessment, parent);
    else Object.assign(c.view(assessment, parent), { views_recorded: false, method: 'none', views_adopted: undefined });
    return;
  }
  if (family.father === 'non-resident' && parents.includes('F1') && (family.fatherRisk || random.chance(RATE.viewsByPhone))) {
    const withReason = family.fatherRisk || random.chance(RATE.phoneWithReason);
    Object.assign(c.view(assessment, 'F1'), {
      method: family.fatherRisk ? 'written' : 'phone',
      exceptional_reason: withReason ? 'Could not be met in person; reason on file' : undefined,
    });
  }
  // nrp-office-appointment-offered: now and then the father is offered no office appointment, or one late.
  if (family.father === 'non-resident' && parents.includes('F1') && !family.fatherRisk && random.chance(RATE.officeNotOffered)) {
    const completed = assessment.completed;
    c.view(assessment, 'F1').office_appointment_offered =
      completed !== undefined && random.chance(0.5) ? calendar.addWorkingDays(completed, random.int(11, 20)) : undefined;
  }
  if (random.chance(RATE.viewsNotAdopted)) {
    Object.assign(c.view(assessment, random.pick(parents)), {
      views_adopted: random.pick(['no', 'partly'] as const),
      not_adopted_reason: random.chance(RATE.notAdoptedReasoned) ? 'Reason recorded in the assessment' : undefined,
    });
  }
}

const REVIEW_TYPES: ReadonlySet<MeetingType> = new Set(['cp_conference', 'cin_review', 'lac_review']);

function shapeMeetings(c: CaseBuilder, random: Random, plan: PlanMeetings, family: Family): void {
  const meetings = [...plan.reviews, ...plan.coreGroups].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const fatherInvited = family.father === 'non-resident' && !family.fatherUncontactable && !family.invisibleFather;
  if (fatherInvited && family.fatherRisk) {
    const reasoned = random.chance(RATE.riskNotInvitedReason);
    for (const meeting of meetings) {
      Object.assign(c.parentRow(meeting, 'F1'), {
        invited: false,
        attended: false,
        not_invited_reason: reasoned ? 'Risk to the mother; written views sought' : undefined,
        report_shared: undefined,
        advocacy_info: undefined,
      });
    }
  } else if (fatherInvited && meetings.length > 0) {
    if (random.chance(RATE.excluded)) exclusionRun(c, random, meetings);
    else if (random.chance(RATE.notInvited)) {
      Object.assign(c.parentRow(random.pick(meetings), 'F1'), { invited: false, attended: false, report_shared: undefined, advocacy_info: undefined });
    }
  }
  if (meetings.length > 0 && random.chance(RATE.split)) {
    Object.assign(random.pick(meetings), { split: true, minutes_sets: random.chance(RATE.splitOneSet) ? 1 : 2 });
  }
  const reviews = meetings.filter((m) => REVIEW_TYPES.has(m.type));
  const parents = c.contactableParents().map((p) => p.person_id);
  if (reviews.length > 0 && parents.length > 0) {
    const review = random.pick(reviews);
    const parent = random.pick(parents);
    const row = findRow(c, review, parent);
    if (row?.invited) {
      if (random.chance(RATE.reportLate)) row.report_shared = random.chance(0.5) ? review.date : undefined;
      else if (random.chance(RATE.reportWithheld)) Object.assign(row, { report_shared: undefined, report_withheld_agreed: true });
    }
  }
  // parents-views-sought-for-review: now and then a parent's views are not sought (or not recorded as sought) for a review.
  const sought = meetings.filter((m) => m.type === 'cp_conference' || m.type === 'cin_review');
  if (sought.length > 0 && parents.length > 0 && random.chance(RATE.viewsNotSought)) {
    const row = findRow(c, random.pick(sought), random.pick(parents));
    if (row) row.views_sought = random.chance(0.6) ? false : undefined;
  }
  // confidential-address-removed: where the father is violent, the mother's address is now and then confidential;
  // the reports shared with him are checked and it is removed, now and then not.
  if (fatherInvited && family.fatherViolent && random.chance(RATE.confidentialAddress)) {
    c.personRow('M1').confidential_address = true;
    for (const meeting of meetings) {
      const row = findRow(c, meeting, 'F1');
      if (row?.report_shared !== undefined) row.address_removed = !random.chance(RATE.addressNotRemoved);
    }
  }
  const conferences = meetings.filter((m) => m.type === 'cp_conference');
  if (conferences.length > 0 && parents.length > 0 && random.chance(RATE.advocacyMissing)) {
    const row = findRow(c, random.pick(conferences), random.pick(parents));
    if (row?.invited) row.advocacy_info = false;
  }
}

function findRow(c: CaseBuilder, meeting: MeetingDraft, personId: string) {
  try {
    return c.parentRow(meeting, personId);
  } catch {
    return undefined;
  }
}

const REVIEWS: ReadonlySet<string> = new Set(['cp_conference', 'cin_review', 'lac_review']);

/** Who records an exclusion as the standard asks: the CPRO/IRO for a review, else the meeting's own chair. */
function chairOf(meeting: MeetingDraft): string {
  if (meeting.type === 'lac_review') return 'IRO';
  return REVIEWS.has(meeting.type) ? 'CPRO' : (meeting.chair_role ?? 'team_manager');
}

/** Someone who does not chair the meeting. */
const notTheChair = (meeting: MeetingDraft): string => (REVIEWS.has(meeting.type) ? 'social_worker' : 'business_support');

/** The father excluded from one or more meetings in a row, sometimes with an element of the record missing. */
function exclusionRun(c: CaseBuilder, random: Random, meetings: readonly MeetingDraft[]): void {
  const start = random.int(0, meetings.length - 1);
  const length = random.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
  ] as const);
  const lapse = random.weighted([
    ['none', 6],
    ['recorded_by', 1],
    ['reason', 1],
    ['alternative', 1],
  ] as const);
  const first = meetings[start];
  const warning = random.weighted([
    ['before', 7],
    ['after', 1],
    ['never', 2],
  ] as const);
  // behaviour-concerns-explained: a manager tells the father of the concerns, mostly before the first exclusion.
  if (first !== undefined && warning !== 'never') {
    c.personRow('F1').manager_warning =
      warning === 'before'
        ? workingDayOnOrBefore(addDays(first.date, -random.int(0, 10)))
        : calendar.addWorkingDays(first.date, random.int(1, 5));
  }
  for (const meeting of meetings.slice(start, start + length)) {
    Object.assign(c.parentRow(meeting, 'F1'), {
      invited: false,
      attended: false,
      excluded: true,
      report_shared: undefined,
      advocacy_info: undefined,
      exclusion_reason: lapse === 'reason' ? undefined : 'Risk of violence at the meeting',
      exclusion_recorded_by: lapse === 'recorded_by' ? notTheChair(meeting) : chairOf(meeting),
      alternative_offered: lapse !== 'alternative',
    });
  }
}

const MISSED_OUTCOMES: readonly (readonly [VisitOutcome, number])[] = [
  ['defaulted', 4],
  ['cancelled_by_service', 3],
  ['no_access', 2],
  ['cancelled_by_family', 2],
];

function shapeVisits(
  c: CaseBuilder,
  random: Random,
  visits: readonly VisitDraft[],
  plan: PlanMeetings,
  underCp: boolean,
  violentResident: boolean,
  until: IsoDate,
): void {
  for (const visit of visits) {
    if (!random.chance(RATE.missedVisit)) continue;
    visit.outcome = random.weighted(MISSED_OUTCOMES);
    visit.child_seen = undefined;
    // A manager hears of access denied and of family cancellations (the trigger of repeat-cancellations-manager-consulted).
    if (visit.outcome !== 'cancelled_by_service') {
      visit.manager_informed = managerReport(random, visit.date);
      followUp(c, random, visit, violentResident, until);
    }
  }
  const seenAtHome = visits.filter((v) => v.outcome === 'completed' && v.type === 'home');
  if (underCp && seenAtHome.length > 0 && random.chance(RATE.childNotSeen)) {
    random.pick(seenAtHome).child_seen = random.chance(0.7) ? false : undefined;
  }
  if (violentResident && visits.length > 0 && random.chance(RATE.soleVisitWhereRisk)) random.pick(visits).joint = false;
  if (random.chance(RATE.defaultRun)) defaultRun(c, random, plan, underCp, violentResident, until);
}

/** Another visit after a missed one: mostly within defaulted-visit-followed-up's 5 working days, now and then late or never. */
function followUp(c: CaseBuilder, random: Random, missed: VisitDraft, joint: boolean, until: IsoDate): void {
  const timing = random.weighted([
    ['on-time', 8],
    ['late', 1],
    ['none', 1],
  ] as const);
  if (timing === 'none') return;
  const date = calendar.addWorkingDays(missed.date, timing === 'on-time' ? random.int(1, 5) : random.int(6, 10));
  if (date <= until) c.visit(date, 'completed', { type: missed.type, joint });
}

function managerReport(random: Random, date: IsoDate): IsoDate | undefined {
  if (!random.chance(RATE.noAccessLate)) return random.chance(0.8) ? date : calendar.addWorkingDays(date, 1);
  return random.chance(0.5) ? undefined : calendar.addWorkingDays(date, random.int(2, 5));
}

/**
 * Four missed visits after a meeting, then the escalation: on time, late, or not held. The run sits
 * in a gap of at least four weeks between meetings so that no routine meeting interrupts the count.
 */
function defaultRun(
  c: CaseBuilder,
  random: Random,
  plan: PlanMeetings,
  underCp: boolean,
  violentResident: boolean,
  until: IsoDate,
): void {
  const dates = [...plan.reviews, ...plan.coreGroups].map((m) => m.date).sort();
  const gaps = dates
    .map((date, i) => ({ from: date, to: dates[i + 1] ?? until }))
    .filter((gap) => daysBetween(gap.from, gap.to) >= 28);
  if (gaps.length === 0) return;
  const gap = random.pick(gaps);
  let day = gap.from;
  let last: VisitDraft | undefined;
  for (let i = 0; i < 4; i += 1) {
    day = workingDayFrom(addDays(day, random.int(2, 5)));
    const outcome = random.weighted(MISSED_OUTCOMES.filter(([o]) => o !== 'cancelled_by_service'));
    last = c.visit(day, outcome, {
      joint: violentResident,
      manager_informed: managerReport(random, day),
    });
  }
  // Each default of the run is followed by the next within a few days; the last needs a follow-up of its own.
  if (last !== undefined) followUp(c, random, last, violentResident, until);
  const allowed = underCp ? 3 : 7;
  const timing = random.weighted([
    ['on-time', 6],
    ['late', 3],
    ['none', 1],
  ] as const);
  if (timing === 'none') return;
  const held =
    timing === 'on-time'
      ? calendar.addWorkingDays(day, random.int(0, allowed))
      : calendar.addWorkingDays(day, allowed + random.int(1, 8));
  if (held > until) return;
  if (underCp) c.meetingWithParents('core_group', held);
  else c.meeting(random.pick(['multi_agency', 'professionals', 'strategy'] as const), held);
}

function addLettersAndEvents(c: CaseBuilder, random: Random, family: Family, opened: IsoDate, until: IsoDate): void {
  if (family.father === 'non-resident' && random.chance(RATE.letterMotherOnly)) c.letter(random.workingDay(opened, until), ['M1']);
  if (family.father !== 'none' && !family.invisibleFather && random.chance(RATE.allegation)) {
    const byMother = random.chance(0.6);
    const unanswered = random.chance(RATE.allegationUnanswered);
    const statusMissing = unanswered && random.chance(0.5);
    c.allegation({
      date: random.workingDay(opened, until),
      made_by: byMother ? 'M1' : 'F1',
      about: byMother ? 'F1' : 'M1',
      status: statusMissing ? undefined : random.pick(['allegation', 'admitted', 'court_finding'] as const),
      response_recorded: !unanswered || statusMissing,
    });
  }
  // Incidents involve someone already known for violence; a lapse is a late report, no agency
  // alerted, or a relative with no violence flag.
  const flagged = family.violentResident ? 'MP1' : family.fatherViolent ? 'F1' : undefined;
  if (flagged && random.chance(RATE.incident)) {
    const date = random.workingDay(opened, until);
    const lapse = random.chance(RATE.incidentLapse)
      ? random.pick(['late', 'agencies', 'unflagged'] as const)
      : undefined;
    const unflagged = lapse === 'unflagged' ? family.relatives[0] : undefined;
    c.incident({
      person_id: unflagged ?? flagged,
      date,
      type: random.pick(['threat', 'violence', 'verbal_abuse', 'intimidation'] as const),
      reported_to_manager: lapse === 'late' ? calendar.addWorkingDays(date, random.int(2, 6)) : date,
      police_informed: random.chance(0.4),
      agencies_alerted: lapse !== 'agencies',
    });
  }
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
