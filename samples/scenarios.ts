// The forty cases of the October 2026 sample export: each planted to show standards met and breached.
import { CaseBuilder, type CaseDocument, type CaseFields, type MeetingDraft, type MeetingParentDraft } from './document.js';
import { cinPlan, cpPlan, keepUpdated, lacPlan } from './routine.js';

/** The sample export is audited as of this date. */
export const SAMPLE_AS_OF = '2026-10-31';
const AS_OF = SAMPLE_AS_OF;

export const STANDARD_IDS = [
  'advocacy-info-shared',
  'allegation-response-recorded',
  'behaviour-concerns-explained',
  'child-seen',
  'confidential-address-removed',
  'defaulted-visit-followed-up',
  'defaulted-visits-escalated',
  'exclusion-kept-under-review',
  'exclusion-recorded',
  'incident-reported',
  'joint-visit-where-risk',
  'no-access-manager-consulted',
  'no-contact-reason',
  'nrp-copied-into-letters',
  'nrp-details-recorded',
  'nrp-details-sought',
  'nrp-invited',
  'nrp-link-support-offered',
  'nrp-met-in-person',
  'nrp-office-appointment-offered',
  'nrp-updates-provided',
  'parent-views-recorded',
  'parents-views-sought-for-review',
  'plan-review-date-set',
  'pr-agreement-sought',
  'repeat-cancellations-manager-consulted',
  'report-shared-in-advance',
  'split-review-minutes',
  'uncontactable-justified',
  'views-not-adopted-reasoned',
] as const;
export type StandardId = (typeof STANDARD_IDS)[number];

export type FindingCounts = Readonly<Partial<Record<StandardId, number>>>;

export interface Scenario {
  readonly document: CaseDocument;
  /** What the case shows, for the samples README only: never written into the export. */
  readonly story: string;
  /** The findings the audit reports for this case, per standard. */
  readonly breaches: FindingCounts;
  /** Deadlines still open on the as-of date, per standard. */
  readonly pending: FindingCounts;
  /** Standards the case was planted to show being met (or exempt, as the story says). */
  readonly meets: readonly StandardId[];
}

interface Plant {
  readonly story: string;
  readonly breaches?: FindingCounts;
  readonly pending?: FindingCounts;
  readonly meets?: readonly StandardId[];
}

function scenario(
  caseNumber: number,
  fields: Omit<CaseFields, 'case_id'>,
  plant: Plant,
  record: (c: CaseBuilder) => void,
): Scenario {
  const builder = new CaseBuilder(caseNumber, fields);
  record(builder);
  return {
    document: builder.build(),
    story: plant.story,
    breaches: plant.breaches ?? {},
    pending: plant.pending ?? {},
    meets: plant.meets ?? [],
  };
}

const open = (opened: string, team: string, worker: string): Omit<CaseFields, 'case_id'> => ({
  status: 'open',
  opened,
  team,
  worker,
});

/** A parent kept out of a meeting: not invited, not there, and the exclusion as recorded. */
function exclude(
  c: CaseBuilder,
  meeting: MeetingDraft,
  personId: string,
  recorded: Pick<MeetingParentDraft, 'exclusion_reason' | 'exclusion_recorded_by' | 'alternative_offered'>,
): void {
  Object.assign(c.parentRow(meeting, personId), {
    invited: false,
    attended: false,
    excluded: true,
    report_shared: undefined,
    advocacy_info: undefined,
    ...recorded,
  });
}

function notInvited(c: CaseBuilder, meeting: MeetingDraft, personId: string, reason?: string): void {
  Object.assign(c.parentRow(meeting, personId), {
    invited: false,
    attended: false,
    not_invited_reason: reason,
    report_shared: undefined,
    advocacy_info: undefined,
  });
}

/** The item at `index`, which the scenario relies on being there. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`scenario expects at least ${index + 1} items, got ${items.length}`);
  return item;
}

/** A two-parent household: the father lives with the child. */
const RESIDENT_FATHER = { resident: true, child_contact: undefined };

const FATHER_UNCONTACTABLE = { contactable: false, details_recorded: false, child_contact: false } as const;

export const SCENARIOS: readonly Scenario[] = [
  scenario(
    1,
    open('2026-03-16', 'North', 'W01'),
    {
      story:
        'A Child Protection case done right: both parents in the assessment (the father offered an office appointment to go through it the day it was completed), both invited to every conference and core group with their views sought and the report three working days ahead and advocacy information, both copied into every letter, the child seen at every home visit, and the next review conference date set on the plan (8 February).',
      meets: [
        'parent-views-recorded',
        'nrp-details-recorded',
        'nrp-invited',
        'report-shared-in-advance',
        'advocacy-info-shared',
        'nrp-copied-into-letters',
        'child-seen',
        'plan-review-date-set',
        'nrp-office-appointment-offered',
        'parents-views-sought-for-review',
      ],
    },
    (c) => {
      c.mother();
      c.father();
      c.relative('MGM1', 'maternal grandmother');
      c.assessmentWithViews('2026-03-16', '2026-04-24');
      cpPlan(c, '2026-05-11', { until: AS_OF });
      c.visitsEvery('2026-05-14', AS_OF, 14);
    },
  ),
  scenario(
    2,
    open('2026-03-02', 'North', 'W02'),
    {
      story:
        'CP plan. Four defaulted visits from 28 May; the 4th on Thursday 11 June makes the core group due in 3 working days, Tuesday 16 June (the weekend does not count). The core group met on 16 June: on time. The 2nd family cancellation in a row (5 June; the no-access visit between does not break the run) was taken to a manager the same day. Every missed visit was followed by another attempt within 5 working days.',
      meets: ['defaulted-visits-escalated', 'no-access-manager-consulted', 'repeat-cancellations-manager-consulted', 'defaulted-visit-followed-up'],
    },
    (c) => {
      c.mother();
      c.father();
      c.assessmentWithViews('2026-03-02', '2026-04-10');
      cpPlan(c, '2026-04-20', {
        until: AS_OF,
        reviews: ['2026-04-20', '2026-07-20'],
        coreGroups: ['2026-05-05', '2026-06-16', '2026-07-28', '2026-09-08', '2026-10-20'],
      });
      c.visitsEvery('2026-04-23', '2026-05-21', 14);
      c.visit('2026-05-28', 'defaulted');
      c.visit('2026-06-02', 'no_access');
      c.visit('2026-06-05', 'cancelled_by_family', { manager_informed: '2026-06-05' });
      c.visit('2026-06-11', 'defaulted');
      c.visitsEvery('2026-06-18', AS_OF, 14);
    },
  ),
  scenario(
    3,
    open('2026-04-20', 'North', 'W03'),
    {
      story:
        'Child in Need, both parents at home. The 4th defaulted visit is on Friday 28 August; with Monday 31 August a bank holiday, 7 working days run to Wednesday 9 September. The professionals meeting on 9 September is on time (counting the bank holiday would have made it look a day late). The 2nd family cancellation in a row, on Friday 14 August, was taken to a manager on Monday 17 August, the next working day. The no-access visit of Friday 28 August was followed up on Monday 7 September, the 5th working day with the bank holiday not counted. The October review set the next for 29 December.',
      meets: ['defaulted-visits-escalated', 'no-access-manager-consulted', 'repeat-cancellations-manager-consulted', 'defaulted-visit-followed-up', 'plan-review-date-set'],
    },
    (c) => {
      c.mother();
      c.father(RESIDENT_FATHER);
      c.relative('MGF1', 'maternal grandfather');
      c.assessmentWithViews('2026-04-20', '2026-05-22');
      cinPlan(c, '2026-06-01', { until: AS_OF, reviews: ['2026-07-13', '2026-10-05'] });
      c.visitsEvery('2026-06-04', '2026-07-30', 28);
      c.visit('2026-08-07', 'defaulted');
      c.visit('2026-08-14', 'cancelled_by_family', { manager_informed: '2026-08-17' });
      c.visit('2026-08-21', 'defaulted');
      c.visit('2026-08-28', 'no_access');
      c.visit('2026-09-07');
      c.meeting('professionals', '2026-09-09');
      c.visitsEvery('2026-09-10', AS_OF, 28);
    },
  ),
  scenario(
    4,
    open('2026-01-05', 'South', 'W04'),
    {
      story:
        'CP plan. The 4th defaulted visit on Monday 9 March makes the core group due by Thursday 12 March; it met on Tuesday 17 March, late by 3 working days. The plan ended at the July review and the case stepped down to Child in Need. A manager was consulted on the day of the 2nd default in a row (23 February), but not after the 4th (9 March), and after that 4th default no visit was attempted until 19 March, late by 3 working days.',
      breaches: { 'defaulted-visits-escalated': 1, 'repeat-cancellations-manager-consulted': 1, 'defaulted-visit-followed-up': 1 },
      meets: ['child-seen', 'report-shared-in-advance'],
    },
    (c) => {
      c.mother();
      c.father();
      c.assessmentWithViews('2026-01-05', '2026-01-14', 'section 47 enquiry');
      cpPlan(c, '2026-01-19', {
        until: AS_OF,
        end: '2026-07-13',
        reviews: ['2026-01-19', '2026-04-20', '2026-07-13'],
        coreGroups: ['2026-02-02', '2026-03-17', '2026-04-28', '2026-06-09'],
      });
      cinPlan(c, '2026-07-14', { until: AS_OF, reviews: ['2026-09-21'] });
      c.visitsEvery('2026-01-22', '2026-02-05', 14);
      c.visit('2026-02-16', 'defaulted');
      c.visit('2026-02-23', 'defaulted', { manager_informed: '2026-02-23' });
      c.visit('2026-03-02', 'cancelled_by_family');
      c.visit('2026-03-09', 'defaulted');
      c.visitsEvery('2026-03-19', '2026-07-09', 14);
      c.visitsEvery('2026-08-06', AS_OF, 28);
    },
  ),
  scenario(
    5,
    open('2026-04-13', 'South', 'W05'),
    {
      story:
        'Child in Need. The 4th defaulted visit on Monday 21 September needed a multi-agency meeting by Wednesday 30 September; none was held by 31 October: not escalated. A 5th default on 12 October adds no second finding. The September review set the next one for 13 October; it was not held and no new date was set, so the plan\'s review date has passed. The no-access visit on 16 September was never reported to a manager, and the 2nd family cancellation in a row (Friday 18 September; the no-access visit between does not break the run) reached a manager only on Wednesday 23 September, late by 2 working days. After the cancellation of Monday 21 September the next visit was on Tuesday 29 September, late by 1 working day.',
      breaches: {
        'defaulted-visits-escalated': 1,
        'no-access-manager-consulted': 1,
        'repeat-cancellations-manager-consulted': 1,
        'defaulted-visit-followed-up': 1,
        'plan-review-date-set': 1,
      },
    },
    (c) => {
      c.mother();
      c.father();
      c.relative('MGM1', 'maternal grandmother');
      c.assessmentWithViews('2026-04-13', '2026-04-30');
      cinPlan(c, '2026-05-05', { until: AS_OF, reviews: ['2026-06-16', '2026-09-08'] }).plan.review_due = '2026-10-13';
      c.visitsEvery('2026-05-07', '2026-09-03', 28);
      c.visit('2026-09-14', 'defaulted');
      c.visit('2026-09-16', 'no_access', { manager_informed: undefined });
      c.visit('2026-09-18', 'defaulted', { manager_informed: '2026-09-23' });
      c.visit('2026-09-21', 'cancelled_by_family');
      c.visit('2026-09-29');
      c.visit('2026-10-05');
      c.visit('2026-10-12', 'defaulted');
      c.visit('2026-10-19');
    },
  ),
  scenario(
    6,
    open('2026-02-16', 'South', 'W06'),
    {
      story:
        'Child in Need, both parents at home. The 4th defaulted visit on Thursday 14 May: 7 working days (skipping the 25 May bank holiday) ran to Tuesday 26 May; the multi-agency meeting was on 4 June, late by 7 working days. The no-access visit of Thursday 7 May was reported to the manager next day, in time, as was the 2nd default in a row on Thursday 30 April. Each missed visit was followed by another attempt within 5 working days (after the 4th, on 21 May, the due date itself).',
      breaches: { 'defaulted-visits-escalated': 1 },
      meets: ['no-access-manager-consulted', 'repeat-cancellations-manager-consulted', 'defaulted-visit-followed-up'],
    },
    (c) => {
      c.mother();
      c.father(RESIDENT_FATHER);
      c.assessmentWithViews('2026-02-16', '2026-02-27');
      cinPlan(c, '2026-03-02', { until: AS_OF, reviews: ['2026-04-14', '2026-07-07', '2026-10-06'] });
      c.visitsEvery('2026-03-05', '2026-04-16', 14);
      c.visit('2026-04-23', 'defaulted');
      c.visit('2026-04-30', 'defaulted', { manager_informed: '2026-05-01' });
      c.visit('2026-05-07', 'no_access', { manager_informed: '2026-05-08' });
      c.visit('2026-05-14', 'defaulted');
      c.visit('2026-05-21');
      c.meeting('multi_agency', '2026-06-04');
      c.visitsEvery('2026-06-11', AS_OF, 28);
    },
  ),
  scenario(
    7,
    open('2026-06-22', 'East', 'W07'),
    {
      story:
        'Child in Need. The 4th defaulted visit is on Wednesday 28 October, so the multi-agency meeting is due by Friday 6 November: pending on 31 October, not a breach. The meeting booked for 4 November is after the as-of date and is not looked at. The 2nd and 4th cancellations in a row were each taken to a manager the same day. The next visit after 28 October is due by Wednesday 4 November: pending.',
      pending: { 'defaulted-visits-escalated': 1, 'defaulted-visit-followed-up': 1 },
      meets: ['repeat-cancellations-manager-consulted'],
    },
    (c) => {
      c.mother();
      c.father();
      c.assessmentWithViews('2026-06-22', '2026-07-03');
      cinPlan(c, '2026-07-06', { until: AS_OF, reviews: ['2026-08-17'] });
      c.visitsEvery('2026-07-09', '2026-10-01', 28);
      c.visit('2026-10-14', 'defaulted');
      c.visit('2026-10-19', 'cancelled_by_family', { manager_informed: '2026-10-19' });
      c.visit('2026-10-23', 'defaulted');
      c.visit('2026-10-28', 'defaulted', { manager_informed: '2026-10-28' });
      c.meeting('multi_agency', '2026-11-04');
    },
  ),
  scenario(
    8,
    open('2026-05-11', 'East', 'W08'),
    {
      story:
        'Stepped up from Child in Need to a CP plan on 1 September. The 4th defaulted visit on Tuesday 15 September makes a core group due by Friday 18 September. The Child in Need review already booked for 16 September went ahead, but under a CP plan only a core group or conference is the escalation; the core group met on 24 September, late by 4 working days.',
      breaches: { 'defaulted-visits-escalated': 1 },
      meets: ['report-shared-in-advance', 'nrp-invited'],
    },
    (c) => {
      c.mother();
      c.father();
      c.assessmentWithViews('2026-05-11', '2026-05-27');
      cinPlan(c, '2026-06-01', { until: AS_OF, end: '2026-08-31', reviews: ['2026-07-13'] });
      cpPlan(c, '2026-09-01', { until: AS_OF, reviews: ['2026-09-01'], coreGroups: ['2026-09-24', '2026-10-22'] });
      const bookedReview = c.meetingWithParents('cin_review', '2026-09-16');
      c.letterAfter(bookedReview);
      c.visitsEvery('2026-06-04', '2026-08-27', 28);
      c.visit('2026-09-03', 'defaulted');
      c.visit('2026-09-08', 'no_access');
      c.visit('2026-09-10', 'defaulted', { manager_informed: '2026-09-10' });
      c.visit('2026-09-15', 'cancelled_by_family');
      c.visit('2026-09-17');
      c.visitsEvery('2026-09-28', AS_OF, 14);
    },
  ),
  scenario(
    9,
    open('2026-01-19', 'East', 'W09'),
    {
      story:
        'Child in Need; the mother is the only parent on the record. Four defaults in April; the multi-agency meeting two days after the 4th (22 April) is on time. Counting then starts again: three more defaults in May stay within the threshold, so there is no second trigger. A manager was consulted on the day of every 2nd family cancellation in a row (8 and 22 April, 20 May), and every missed visit was followed by another attempt within 5 working days.',
      meets: ['defaulted-visits-escalated', 'repeat-cancellations-manager-consulted', 'defaulted-visit-followed-up'],
    },
    (c) => {
      c.mother();
      c.assessmentWithViews('2026-01-19', '2026-01-30');
      cinPlan(c, '2026-02-02', { until: AS_OF, reviews: ['2026-03-16', '2026-06-08', '2026-09-07'] });
      c.visitsEvery('2026-02-05', '2026-03-19', 14);
      c.visit('2026-04-01', 'defaulted');
      c.visit('2026-04-08', 'defaulted', { manager_informed: '2026-04-08' });
      c.visit('2026-04-15', 'cancelled_by_family');
      c.visit('2026-04-22', 'defaulted', { manager_informed: '2026-04-22' });
      c.meeting('multi_agency', '2026-04-24');
      c.visit('2026-04-28');
      c.visit('2026-05-06', 'defaulted');
      c.visit('2026-05-13', 'no_access');
      c.visit('2026-05-20', 'defaulted', { manager_informed: '2026-05-20' });
      c.visitsEvery('2026-05-27', AS_OF, 28);
    },
  ),
  scenario(
    10,
    open('2026-03-09', 'West', 'W10'),
    {
      story:
        'Father marked un-contactable on 20 April after the mother and the maternal grandmother were asked for his details; the paternal grandmother (PGM1) was never asked. His views are rightly not expected in the assessment.',
      breaches: { 'uncontactable-justified': 1 },
      meets: ['parent-views-recorded', 'nrp-details-recorded', 'no-contact-reason'],
    },
    (c) => {
      c.mother();
      c.father({ ...FATHER_UNCONTACTABLE, uncontactable_date: '2026-04-20', no_contact_reason: 'other' });
      c.relative('MGM1', 'maternal grandmother');
      c.relative('PGM1', 'paternal grandmother');
      c.attempt('F1', 'M1', '2026-04-02');
      c.attempt('F1', 'MGM1', '2026-04-09');
      c.assessmentWithViews('2026-03-09', '2026-04-30');
      cinPlan(c, '2026-03-23', { until: AS_OF });
      c.visitsEvery('2026-03-26', AS_OF, 28);
    },
  ),
  scenario(
    11,
    open('2026-05-11', 'West', 'W11'),
    {
      story:
        "Father marked un-contactable on 15 June after everyone in the family was asked first: the mother, the maternal grandmother, the paternal grandfather and the paternal aunt. The mother's allegation about him, made a week after the marking, needs no recorded response while he cannot be reached, and the assessment completed after the marking rightly has the mother's views only (un-contactable is a status in time: events before 15 June would be judged as for a contactable father).",
      meets: ['uncontactable-justified', 'parent-views-recorded', 'allegation-response-recorded', 'nrp-details-recorded'],
    },
    (c) => {
      c.mother();
      c.father({ ...FATHER_UNCONTACTABLE, uncontactable_date: '2026-06-15', no_contact_reason: 'other' });
      c.relative('MGM1', 'maternal grandmother');
      c.relative('PGF1', 'paternal grandfather');
      c.relative('PA1', 'paternal aunt');
      c.attempt('F1', 'M1', '2026-05-20');
      c.attempt('F1', 'MGM1', '2026-05-22');
      c.attempt('F1', 'PGF1', '2026-06-01', 'declined');
      c.attempt('F1', 'PA1', '2026-06-03', 'no_response');
      c.allegation({ date: '2026-06-22', made_by: 'M1', about: 'F1', status: 'allegation' });
      c.assessmentWithViews('2026-05-11', '2026-06-26');
      cpPlan(c, '2026-07-06', { until: AS_OF });
      c.visitsEvery('2026-07-09', AS_OF, 14);
    },
  ),
  scenario(
    12,
    open('2026-02-02', 'West', 'W12'),
    {
      story:
        'Father marked un-contactable on 2 March; the paternal grandmother was asked for his details only on 20 March, after the decision.',
      breaches: { 'uncontactable-justified': 1 },
      meets: ['parent-views-recorded'],
    },
    (c) => {
      c.mother();
      c.father({ ...FATHER_UNCONTACTABLE, uncontactable_date: '2026-03-02', no_contact_reason: 'other' });
      c.relative('PGM1', 'paternal grandmother');
      c.attempt('F1', 'M1', '2026-02-20');
      c.attempt('F1', 'PGM1', '2026-03-20');
      c.assessmentWithViews('2026-02-02', '2026-03-13');
      cinPlan(c, '2026-02-09', { until: AS_OF });
      c.visitsEvery('2026-02-12', AS_OF, 28);
    },
  ),
  scenario(
    13,
    open('2026-05-18', 'North', 'W01'),
    {
      story:
        'Father excluded from the initial conference on 8 June, with a reason and a written contribution offered, but the exclusion was recorded by the social worker, not the conference chair. A team manager had told him of the concerns about his behaviour on 3 June. He was invited to everything after.',
      breaches: { 'exclusion-recorded': 1 },
      meets: ['exclusion-kept-under-review', 'nrp-invited', 'behaviour-concerns-explained'],
    },
    (c) => {
      c.mother();
      c.father({ violence_flag: true, manager_warning: '2026-06-03' });
      c.assessmentWithViews('2026-05-18', '2026-06-03', 'section 47 enquiry');
      const cp = cpPlan(c, '2026-06-08', { until: AS_OF });
      exclude(c, at(cp.reviews, 0), 'F1', {
        exclusion_reason: 'Threats to the mother in the week before the conference',
        exclusion_recorded_by: 'social_worker',
        alternative_offered: true,
      });
      c.visitsEvery('2026-06-11', AS_OF, 14);
    },
  ),
  scenario(
    14,
    open('2026-01-26', 'North', 'W02'),
    {
      story:
        'Looked after in foster care. The IRO excluded the father from the June review and offered him a separate meeting, but no reason for the exclusion is on the record, nor that a manager told him of the concerns about his behaviour.',
      breaches: { 'exclusion-recorded': 1, 'behaviour-concerns-explained': 1 },
      meets: ['nrp-invited'],
    },
    (c) => {
      c.mother({ resident: false });
      c.father();
      c.relative('FC1', 'foster carer', { resident: true });
      c.assessmentWithViews('2026-01-26', '2026-02-13');
      const lac = lacPlan(c, '2026-02-16', { until: AS_OF });
      exclude(c, at(lac.reviews, 1), 'F1', { exclusion_recorded_by: 'IRO', alternative_offered: true });
      c.visitsEvery('2026-02-19', AS_OF, 42, { type: 'other' });
    },
  ),
  scenario(
    15,
    open('2026-03-09', 'South', 'W04'),
    {
      story:
        'Father excluded from the review conference on 29 June by the CPRO with reasons recorded, but he was offered no other way to contribute. A manager had warned him of the consequences of his messages on 22 June.',
      breaches: { 'exclusion-recorded': 1 },
      meets: ['behaviour-concerns-explained'],
    },
    (c) => {
      c.mother();
      c.father({ violence_flag: true, manager_warning: '2026-06-22' });
      c.assessmentWithViews('2026-03-09', '2026-03-25');
      const cp = cpPlan(c, '2026-03-30', { until: AS_OF });
      exclude(c, at(cp.reviews, 1), 'F1', {
        exclusion_reason: 'Abusive messages to the conference chair',
        exclusion_recorded_by: 'CPRO',
        alternative_offered: false,
      });
      c.visitsEvery('2026-04-02', AS_OF, 14);
    },
  ),
  scenario(
    16,
    open('2026-04-27', 'South', 'W05'),
    {
      story:
        'Father excluded from the initial conference and the first core group while on police bail, each time recorded by the meeting\'s chair (the CPRO at the conference, the social worker who chairs the core group) with the reason and a written contribution offered; invited again from July. A manager had told him of the concerns and the consequences on 14 May, before the first exclusion. His views were sought for the conference all the same. Nothing wrong.',
      meets: ['exclusion-recorded', 'exclusion-kept-under-review', 'nrp-invited', 'behaviour-concerns-explained', 'parents-views-sought-for-review'],
    },
    (c) => {
      c.mother();
      c.father({ violence_flag: true, manager_warning: '2026-05-14' });
      c.assessmentWithViews('2026-04-27', '2026-05-13');
      const cp = cpPlan(c, '2026-05-18', {
        until: AS_OF,
        coreGroups: ['2026-06-02', '2026-07-14', '2026-08-25', '2026-10-06'],
      });
      for (const meeting of [at(cp.reviews, 0), at(cp.coreGroups, 0)]) {
        exclude(c, meeting, 'F1', {
          exclusion_reason: 'Police bail conditions prevent contact with the mother',
          exclusion_recorded_by: meeting.type === 'core_group' ? 'social_worker' : 'CPRO',
          alternative_offered: true,
        });
      }
      c.visitsEvery('2026-05-21', AS_OF, 14);
    },
  ),
  scenario(
    17,
    open('2026-03-30', 'East', 'W07'),
    {
      story:
        'Father excluded from three meetings in a row (initial conference, two core groups), each exclusion properly recorded by the meeting\'s chair (the CPRO, then the social worker chairing the core groups); the exclusion was not reviewed until the July conference, which was split so the parents were seen separately, with two sets of minutes. A manager told him of the concerns about his behaviour only on 20 April, a week after the initial conference of 13 April (the later exclusions came after the warning).',
      breaches: { 'exclusion-kept-under-review': 1, 'behaviour-concerns-explained': 1 },
      meets: ['exclusion-recorded', 'split-review-minutes'],
    },
    (c) => {
      c.mother();
      c.father({ violence_flag: true, manager_warning: '2026-04-20' });
      c.assessmentWithViews('2026-03-30', '2026-04-09');
      const cp = cpPlan(c, '2026-04-13', {
        until: AS_OF,
        reviews: ['2026-04-13', '2026-07-13'],
        coreGroups: ['2026-04-27', '2026-06-08', '2026-08-03', '2026-09-14', '2026-10-26'],
      });
      for (const meeting of [at(cp.reviews, 0), at(cp.coreGroups, 0), at(cp.coreGroups, 1)]) {
        exclude(c, meeting, 'F1', {
          exclusion_reason: 'Assault on the mother; criminal proceedings ongoing',
          exclusion_recorded_by: meeting.type === 'core_group' ? 'social_worker' : 'CPRO',
          alternative_offered: true,
        });
      }
      Object.assign(at(cp.reviews, 1), { split: true, minutes_sets: 2 });
      c.visitsEvery('2026-04-16', AS_OF, 14);
    },
  ),
  scenario(
    18,
    open('2026-03-23', 'East', 'W08'),
    {
      story:
        "The father is involved in everything except the assessment completed on 28 April, which has no record of his views, nor of an office appointment offered to go through it. A home visit where the child was at school is fine: the child-seen standard applies under CP plans only.",
      breaches: { 'parent-views-recorded': 1, 'nrp-office-appointment-offered': 1 },
    },
    (c) => {
      c.mother();
      c.father();
      const assessment = c.assessmentWithViews('2026-03-23', '2026-04-28');
      c.dropView(assessment, 'F1');
      cinPlan(c, '2026-05-05', { until: AS_OF });
      const visits = c.visitsEvery('2026-05-07', AS_OF, 28);
      at(visits, 2).child_seen = false;
    },
  ),
  scenario(
    19,
    open('2026-06-15', 'West', 'W10'),
    {
      story: "The section 47 enquiry completed on 17 July records the father's views as not obtained (views_recorded N).",
      breaches: { 'parent-views-recorded': 1 },
    },
    (c) => {
      c.mother();
      c.father();
      const assessment = c.assessmentWithViews('2026-06-15', '2026-07-17', 'section 47 enquiry');
      Object.assign(c.view(assessment, 'F1'), { views_recorded: false, method: 'none', views_adopted: undefined });
      cpPlan(c, '2026-07-27', { until: AS_OF });
      c.visitsEvery('2026-07-30', AS_OF, 14);
    },
  ),
  scenario(
    20,
    { status: 'open', opened: '2026-10-19' },
    {
      story:
        "A new referral not yet allocated to a team or worker. The father's details are not known: the mother was asked for them the day after the referral, well within the 10 working days, but they are still not on the system and he is not marked un-contactable. The assessment is still in progress, so there are no views to check yet.",
      breaches: { 'nrp-details-recorded': 1 },
      meets: ['nrp-details-sought'],
    },
    (c) => {
      c.mother();
      c.father({ details_recorded: false });
      c.attempt('F1', 'M1', '2026-10-20');
      c.assessment('2026-10-19');
      c.visit('2026-10-21');
    },
  ),
  scenario(
    21,
    open('2026-02-23', 'North', 'W03'),
    {
      story:
        "The invisible father: named on the file but with no details recorded and not marked un-contactable, and nobody in the family was ever asked for them (due 10 working days after the case opened, by 9 March); so nobody sought his views for the assessment or either review, offered him an office appointment to go through the assessment, invited him to either Child in Need review or copied him into the letters to the mother.",
      breaches: {
        'nrp-details-recorded': 1,
        'nrp-details-sought': 1,
        'nrp-invited': 2,
        'parent-views-recorded': 1,
        'nrp-office-appointment-offered': 1,
        'parents-views-sought-for-review': 2,
        'nrp-copied-into-letters': 2,
      },
    },
    (c) => {
      c.mother();
      c.assessmentWithViews('2026-02-23', '2026-03-20');
      cinPlan(c, '2026-03-23', { until: AS_OF, reviews: ['2026-05-05', '2026-08-11'] });
      c.father({ details_recorded: false, contactable: undefined, parental_responsibility: false });
      c.visitsEvery('2026-03-26', AS_OF, 28);
    },
  ),
  scenario(
    22,
    open('2026-06-22', 'North', 'W01'),
    {
      story:
        'The father was left off the invitation list for the core group of 7 September (invited N, no reason). He has no parental responsibility, and the mother was never asked whether the Local Authority may discuss the child with him (pr_agreement not_asked), though his views were taken for the July assessment.',
      breaches: { 'nrp-invited': 1, 'pr-agreement-sought': 1 },
    },
    (c) => {
      c.mother();
      c.father({ parental_responsibility: false, pr_agreement: 'not_asked' });
      c.assessmentWithViews('2026-06-22', '2026-07-08');
      const cp = cpPlan(c, '2026-07-13', { until: AS_OF });
      notInvited(c, at(cp.coreGroups, 1), 'F1');
      c.visitsEvery('2026-07-16', AS_OF, 14);
    },
  ),
  scenario(
    23,
    open('2026-04-07', 'South', 'W06'),
    {
      story:
        "Father with a risk flag (domestic abuse, non-molestation order). Not invited to meetings, with the reason recorded each time; not copied into letters; no contact for child protection concerns backed by a risk assessment; his views taken in writing with the exceptional reason recorded, and sought in writing for every conference. The mother's address is confidential: each conference report sent to him through his solicitor was checked and her address removed. Nothing wrong.",
      meets: [
        'nrp-invited',
        'nrp-copied-into-letters',
        'no-contact-reason',
        'nrp-met-in-person',
        'parent-views-recorded',
        'parents-views-sought-for-review',
        'confidential-address-removed',
      ],
    },
    (c) => {
      c.mother({ confidential_address: true });
      c.father({
        risk_flag: true,
        risk_reason: 'Domestic abuse towards the mother; non-molestation order',
        violence_flag: true,
        child_contact: false,
        no_contact_reason: 'cp_concerns',
        no_contact_evidence: 'Risk assessment RA-2026-114',
      });
      const assessment = c.assessmentWithViews('2026-04-07', '2026-05-01');
      Object.assign(c.view(assessment, 'F1'), {
        method: 'written',
        exceptional_reason: 'Non-molestation order; views given through his solicitor',
      });
      const cp = cpPlan(c, '2026-05-11', { until: AS_OF });
      for (const meeting of [...cp.reviews, ...cp.coreGroups]) {
        notInvited(c, meeting, 'F1', 'Risk to the mother (non-molestation order); written views sought');
      }
      // The conference reports go to him as to her, checked for her address first.
      for (const conference of cp.reviews) {
        Object.assign(c.parentRow(conference, 'F1'), { report_shared: c.parentRow(conference, 'M1').report_shared, address_removed: true });
      }
      c.visitsEvery('2026-05-14', AS_OF, 14);
    },
  ),
  scenario(
    24,
    open('2026-05-26', 'South', 'W04'),
    {
      story:
        'Father with a risk flag (supervised contact only) was not invited to the August Child in Need review and no reason was recorded; a risk flag alone does not excuse the invitation.',
      breaches: { 'nrp-invited': 1 },
      meets: ['nrp-copied-into-letters'],
    },
    (c) => {
      c.mother();
      c.father({ risk_flag: true, risk_reason: 'Drug use; contact supervised' });
      c.assessmentWithViews('2026-05-26', '2026-06-19');
      const cin = cinPlan(c, '2026-06-22', { until: AS_OF });
      notInvited(c, at(cin.reviews, 0), 'F1');
      c.visitsEvery('2026-06-25', AS_OF, 28);
    },
  ),
  scenario(
    25,
    open('2026-07-06', 'East', 'W09'),
    {
      story:
        "The non-resident father's views were taken by phone with no exceptional reason for not meeting him, and he was offered an office appointment to go through the assessment (completed Friday 14 August, so due by 28 August) only on 2 September, late by 2 working days with the 31 August bank holiday not counted. He has no parental responsibility; the mother agreed on 8 July, before he was involved, to the Local Authority discussing the child with him.",
      breaches: { 'nrp-met-in-person': 1, 'nrp-office-appointment-offered': 1 },
      meets: ['parent-views-recorded', 'pr-agreement-sought'],
    },
    (c) => {
      c.mother();
      c.father({ parental_responsibility: false, pr_agreement: 'agreed', pr_agreement_date: '2026-07-08' });
      const assessment = c.assessmentWithViews('2026-07-06', '2026-08-14');
      Object.assign(c.view(assessment, 'F1'), { method: 'phone', office_appointment_offered: '2026-09-02' });
      cinPlan(c, '2026-08-17', { until: AS_OF });
      c.visitsEvery('2026-08-20', AS_OF, 28);
    },
  ),
  scenario(
    26,
    open('2026-02-09', 'East', 'W08'),
    {
      story:
        "Father works offshore: his views were taken by phone with that exceptional reason recorded, and only partly adopted with the reason recorded. Nothing wrong.",
      meets: ['nrp-met-in-person', 'views-not-adopted-reasoned', 'parent-views-recorded'],
    },
    (c) => {
      c.mother();
      c.father();
      const assessment = c.assessmentWithViews('2026-02-09', '2026-03-27');
      Object.assign(c.view(assessment, 'F1'), {
        method: 'phone',
        exceptional_reason: 'Works offshore on a four-week rotation',
        views_adopted: 'partly',
        not_adopted_reason: 'Overnight stays not supported until his housing is settled',
      });
      cinPlan(c, '2026-03-30', { until: AS_OF });
      c.visitsEvery('2026-04-02', AS_OF, 28);
    },
  ),
  scenario(
    27,
    open('2026-01-12', 'West', 'W12'),
    {
      story:
        "The father's views were not adopted and no reason is recorded; the mother's, partly adopted, carry their reason.",
      breaches: { 'views-not-adopted-reasoned': 1 },
    },
    (c) => {
      c.mother();
      c.father();
      const assessment = c.assessmentWithViews('2026-01-12', '2026-02-20');
      Object.assign(c.view(assessment, 'M1'), {
        views_adopted: 'partly',
        not_adopted_reason: 'Closure not agreed while school attendance is below 80%',
      });
      c.view(assessment, 'F1').views_adopted = 'no';
      cinPlan(c, '2026-02-23', { until: AS_OF });
      c.visitsEvery('2026-02-26', AS_OF, 28);
    },
  ),
  scenario(
    28,
    open('2026-04-20', 'West', 'W10'),
    {
      story:
        "The review conference of 10 August was split (parents seen separately because of domestic abuse) but only one set of minutes was produced. The mother's new address is confidential: the father's copies of the conference reports were checked and it was removed, except the report for 10 August, shared with him on 5 August with no record of the check.",
      breaches: { 'split-review-minutes': 1, 'confidential-address-removed': 1 },
    },
    (c) => {
      c.mother({ confidential_address: true });
      c.father({ violence_flag: true });
      c.assessmentWithViews('2026-04-20', '2026-05-08');
      const cp = cpPlan(c, '2026-05-11', { until: AS_OF });
      Object.assign(at(cp.reviews, 1), { split: true, minutes_sets: 1 });
      for (const conference of cp.reviews) c.parentRow(conference, 'F1').address_removed = conference !== at(cp.reviews, 1);
      c.visitsEvery('2026-05-14', AS_OF, 14);
    },
  ),
  scenario(
    29,
    open('2026-03-02', 'North', 'W02'),
    {
      story:
        "A split core group in May with two sets of minutes (complies). The father received the report for the June review conference only on the day of the conference.",
      breaches: { 'report-shared-in-advance': 1 },
      meets: ['split-review-minutes', 'advocacy-info-shared'],
    },
    (c) => {
      c.mother();
      c.father({ violence_flag: true });
      c.assessmentWithViews('2026-03-02', '2026-03-20');
      const cp = cpPlan(c, '2026-03-23', { until: AS_OF });
      Object.assign(at(cp.coreGroups, 1), { split: true, minutes_sets: 2 });
      const review = at(cp.reviews, 1);
      c.parentRow(review, 'F1').report_shared = review.date;
      c.visitsEvery('2026-03-26', AS_OF, 14);
    },
  ),
  scenario(
    30,
    open('2026-02-23', 'North', 'W03'),
    {
      story:
        "The father never received the report for the April Child in Need review, nor were his views sought for it. After the step-up to a CP plan, the mother was invited to the initial conference without advocacy information; the father's copy of that report was withheld by agreement of a senior manager and the CPRO, which complies.",
      breaches: { 'report-shared-in-advance': 1, 'advocacy-info-shared': 1, 'parents-views-sought-for-review': 1 },
    },
    (c) => {
      c.mother();
      c.father();
      c.assessmentWithViews('2026-02-23', '2026-03-06');
      const cin = cinPlan(c, '2026-03-09', { until: AS_OF, end: '2026-06-21', reviews: ['2026-04-20'] });
      Object.assign(c.parentRow(at(cin.reviews, 0), 'F1'), { report_shared: undefined, views_sought: false });
      const cp = cpPlan(c, '2026-06-22', { until: AS_OF });
      const conference = at(cp.reviews, 0);
      c.parentRow(conference, 'M1').advocacy_info = false;
      Object.assign(c.parentRow(conference, 'F1'), { report_shared: undefined, report_withheld_agreed: true });
      c.visitsEvery('2026-03-12', '2026-06-18', 28);
      c.visitsEvery('2026-06-25', AS_OF, 14);
    },
  ),
  scenario(
    31,
    { status: 'closed', opened: '2026-01-12', closed: '2026-09-30', team: 'South', worker: 'W05' },
    {
      story:
        "Closed on 30 September when the Child in Need plan ended. The father's contact had stopped with no reason recorded, which the no-contact standard does not look at once a case is closed. He was referred for mediation two weeks after the case opened and sent a letter on school, health and key issues every five weeks until it closed. Nothing wrong.",
      meets: ['parent-views-recorded', 'nrp-invited', 'report-shared-in-advance', 'nrp-updates-provided', 'nrp-link-support-offered'],
    },
    (c) => {
      c.mother();
      c.father({ child_contact: false });
      c.referral({ person_id: 'F1', type: 'mediation', date: '2026-01-26', outcome: 'accepted' });
      keepUpdated(c, 'F1', '2026-01-12', '2026-09-30');
      c.assessmentWithViews('2026-01-12', '2026-01-23');
      cinPlan(c, '2026-01-26', { until: '2026-09-30', end: '2026-09-30' });
      c.visitsEvery('2026-01-29', '2026-09-24', 28);
    },
  ),
  scenario(
    32,
    open('2026-04-13', 'South', 'W06'),
    {
      story:
        "The father has no contact with the child because the parents disagree, which is not a valid reason. No review date was ever set on the Child in Need plan that started on 18 May (due within 5 working days, by Tuesday 26 May with the Spring bank holiday not counted), though the reviews were held. Nobody has sent the father any news of the child since the case opened (the first update was due within 30 working days, by Wednesday 27 May), and he was referred for mediation only on 1 June, after the 20 working days (by Tuesday 12 May, May Day not counted).",
      breaches: { 'no-contact-reason': 1, 'plan-review-date-set': 1, 'nrp-updates-provided': 1, 'nrp-link-support-offered': 1 },
    },
    (c) => {
      c.mother();
      c.father({ child_contact: false, no_contact_reason: 'parental_disagreement' });
      c.referral({ person_id: 'F1', type: 'mediation', date: '2026-06-01', outcome: 'awaiting' });
      c.assessmentWithViews('2026-04-13', '2026-05-15');
      cinPlan(c, '2026-05-18', { until: AS_OF }).plan.review_due = undefined;
      c.visitsEvery('2026-05-21', AS_OF, 28);
    },
  ),
  scenario(
    33,
    open('2026-05-05', 'East', 'W07'),
    {
      story:
        "No contact with the father for child protection concerns, but no risk assessment or court report is referenced. He has no risk flag, so he is kept updated by letter every five weeks; the next letter is not due until after the audit date.",
      breaches: { 'no-contact-reason': 1 },
      pending: { 'nrp-updates-provided': 1 },
      meets: ['child-seen', 'nrp-updates-provided'],
    },
    (c) => {
      c.mother();
      c.father({ child_contact: false, no_contact_reason: 'cp_concerns' });
      keepUpdated(c, 'F1', '2026-05-05', AS_OF);
      c.assessmentWithViews('2026-05-05', '2026-05-22');
      cpPlan(c, '2026-06-01', { until: AS_OF });
      c.visitsEvery('2026-06-04', AS_OF, 14);
    },
  ),
  scenario(
    34,
    open('2026-03-16', 'East', 'W09'),
    {
      story:
        "Two allegations between the parents: the mother's about the father has no response recorded; the father's about the mother has a response but no status (allegation, admitted or court finding). Contact is stopped by a court order, a valid reason; the father is still sent news of the child every five weeks, the next letter due after the audit date.",
      breaches: { 'allegation-response-recorded': 2 },
      pending: { 'nrp-updates-provided': 1 },
      meets: ['no-contact-reason', 'nrp-updates-provided'],
    },
    (c) => {
      c.mother();
      c.father({
        child_contact: false,
        no_contact_reason: 'court_order',
        no_contact_evidence: 'Family court order FC-2026-0412',
      });
      keepUpdated(c, 'F1', '2026-03-16', AS_OF);
      c.assessmentWithViews('2026-03-16', '2026-04-10');
      cinPlan(c, '2026-04-13', { until: AS_OF });
      c.allegation({ date: '2026-04-02', made_by: 'M1', about: 'F1', status: 'allegation', response_recorded: false });
      c.allegation({ date: '2026-06-18', made_by: 'F1', about: 'M1', response_recorded: true });
      c.visitsEvery('2026-04-16', AS_OF, 28);
    },
  ),
  scenario(
    35,
    open('2026-02-02', 'West', 'W11'),
    {
      story:
        "Looked after with a kinship carer. The father's allegation about the mother was admitted and her response recorded. Neither parent lives with the child, and each was offered an office appointment to go through the assessment. Nothing wrong.",
      meets: ['allegation-response-recorded', 'nrp-invited', 'report-shared-in-advance', 'nrp-office-appointment-offered'],
    },
    (c) => {
      c.mother({ resident: false });
      c.father();
      c.relative('KC1', 'maternal aunt (kinship carer)', { resident: true });
      c.assessmentWithViews('2026-02-02', '2026-02-13');
      lacPlan(c, '2026-02-16', { until: AS_OF });
      c.allegation({ date: '2026-05-12', made_by: 'F1', about: 'M1', status: 'admitted', response_recorded: true });
      c.visitsEvery('2026-02-19', AS_OF, 42);
    },
  ),
  scenario(
    36,
    open('2026-05-18', 'West', 'W12'),
    {
      story: 'An appointment letter of 20 August went to the mother only; the father, contactable and without a risk flag, was not copied in.',
      breaches: { 'nrp-copied-into-letters': 1 },
    },
    (c) => {
      c.mother();
      c.father();
      c.assessmentWithViews('2026-05-18', '2026-05-29');
      cinPlan(c, '2026-06-01', { until: AS_OF });
      c.letter('2026-08-20', ['M1']);
      c.visitsEvery('2026-06-04', AS_OF, 28);
    },
  ),
  scenario(
    37,
    open('2026-06-01', 'North', 'W01'),
    {
      story:
        'CP plan, both parents at home. Three no-access visits: Friday 10 July reported to the manager on Monday 13 July (1 working day, complies); Tuesday 4 August reported on Friday 7 August (late); Friday 30 October not yet reported, due Monday 2 November (pending). The first two were each followed by another visit within 5 working days; the next visit after 30 October is due by Friday 6 November (pending).',
      breaches: { 'no-access-manager-consulted': 1 },
      pending: { 'no-access-manager-consulted': 1, 'defaulted-visit-followed-up': 1 },
      meets: ['defaulted-visit-followed-up'],
    },
    (c) => {
      c.mother();
      c.father(RESIDENT_FATHER);
      c.assessmentWithViews('2026-06-01', '2026-06-12');
      cpPlan(c, '2026-06-15', { until: AS_OF });
      c.visitsEvery('2026-06-18', AS_OF, 14);
      c.visit('2026-07-10', 'no_access', { manager_informed: '2026-07-13' });
      c.visit('2026-08-04', 'no_access', { manager_informed: '2026-08-07' });
      c.visit('2026-08-06');
      c.visit('2026-10-30', 'no_access', { manager_informed: undefined });
    },
  ),
  scenario(
    38,
    open('2026-06-08', 'South', 'W04'),
    {
      story:
        "The mother's partner (MP1) lives in the household and has a violence flag: home visits are joint, except one on 20 August by a sole worker. His threat to a worker on 22 July was reported the same day and other agencies alerted.",
      breaches: { 'joint-visit-where-risk': 1 },
      meets: ['incident-reported', 'child-seen'],
    },
    (c) => {
      c.mother();
      c.father();
      c.relative('MP1', "mother's partner", { resident: true, violence_flag: true });
      c.assessmentWithViews('2026-06-08', '2026-06-26');
      cpPlan(c, '2026-07-06', { until: AS_OF });
      const visits = c.visitsEvery('2026-07-09', AS_OF, 14, { joint: true });
      at(visits, 3).joint = false;
      c.incident({
        person_id: 'MP1',
        date: '2026-07-22',
        type: 'threat',
        reported_to_manager: '2026-07-22',
        police_informed: true,
        agencies_alerted: true,
      });
    },
  ),
  scenario(
    39,
    open('2026-03-30', 'East', 'W08'),
    {
      story:
        "The father's threat at the office on Wednesday 13 May reached the manager only on Monday 18 May. The maternal grandfather's verbal abuse on 9 September was reported the same day, but no agency was alerted and he carries no violence flag.",
      breaches: { 'incident-reported': 2 },
    },
    (c) => {
      c.mother();
      c.father({ violence_flag: true });
      c.relative('MGF1', 'maternal grandfather');
      c.assessmentWithViews('2026-03-30', '2026-04-24');
      cinPlan(c, '2026-04-27', { until: AS_OF });
      c.incident({
        person_id: 'F1',
        date: '2026-05-13',
        type: 'threat',
        reported_to_manager: '2026-05-18',
        police_informed: false,
        agencies_alerted: true,
      });
      c.incident({
        person_id: 'MGF1',
        date: '2026-09-09',
        type: 'verbal_abuse',
        reported_to_manager: '2026-09-09',
        police_informed: false,
        agencies_alerted: false,
      });
      c.visitsEvery('2026-04-30', AS_OF, 28);
    },
  ),
  scenario(
    40,
    open('2026-07-13', 'West', 'W11'),
    {
      story:
        "CP plan with a stepfather (SF1) in the household who has a violence flag: every home visit is joint (complies), but on 27 August the child was not seen and on 8 October whether the child was seen is not recorded. An office appointment without the child is not a home visit and does not count.",
      breaches: { 'child-seen': 2 },
      meets: ['joint-visit-where-risk'],
    },
    (c) => {
      c.mother();
      c.father();
      c.relative('SF1', 'stepfather', { resident: true, violence_flag: true });
      c.assessmentWithViews('2026-07-13', '2026-07-29');
      cpPlan(c, '2026-08-03', { until: AS_OF });
      const visits = c.visitsEvery('2026-08-13', AS_OF, 14, { joint: true });
      at(visits, 1).child_seen = false;
      at(visits, 4).child_seen = undefined;
      c.visit('2026-09-15', 'completed', { type: 'office', child_seen: false });
    },
  ),
];
