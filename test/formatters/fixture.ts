// A small hand-written report every formatter test renders: all statuses, two teams and none, pending, hostile strings.
import type { Report } from '../../src/core/report.js';

/** A case id an attacker could plant in an export: markup, quotes and an ampersand. */
export const HOSTILE_CASE_ID = 'C005<script>alert("x")</script>&amp;';
/** A team name that a spreadsheet would run as a formula. */
export const HOSTILE_TEAM = '=HYPERLINK("http://evil.example","click")';
export const HOSTILE_WORKER = '+W99|x';
export const HOSTILE_RECORD = '@M7"|<b>';
export const HOSTILE_MESSAGE = 'Parent of =cmd|\' /C calc\'!A0 was not invited to meeting @M7"|<b> on 2026-09-02 | <i>see</i> & "notes".';

export const fixtureReport: Report = {
  schemaVersion: 1,
  tool: { name: 'practice-audit', version: '0.1.0' },
  asOf: '2026-10-31',
  period: { from: '2026-08-01', to: '2026-10-31' },
  region: 'england',
  inputs: [
    { table: 'cases', file: 'export/cases.csv', rows: 5, rejected: 0, keptWithRejectedCells: 0 },
    { table: 'visits', file: 'export/visits.csv', rows: 40, rejected: 1, keptWithRejectedCells: 0 },
  ],
  assumptions: [],
  summary: { cases: 5, casesWithBreaches: 4, errors: 5, warnings: 2, pending: 2, partlyAssessed: 0, notAssessed: 1 },
  standards: [
    {
      id: 'allegation-response-recorded',
      title: 'Every allegation has a recorded response',
      severity: 'error',
      status: 'assessed',
      applicable: 3,
      compliant: 2,
      breaches: 1,
      pending: 0,
    },
    {
      id: 'data-invalid-row',
      title: 'Every row meets the data contract',
      severity: 'error',
      status: 'assessed',
      applicable: 0,
      compliant: 0,
      breaches: 1,
      pending: 0,
    },
    {
      id: 'data-orphan-row',
      title: 'Every row belongs to a known case',
      severity: 'error',
      status: 'assessed',
      applicable: 0,
      compliant: 0,
      breaches: 0,
      pending: 0,
    },
    {
      id: 'defaulted-visits-escalated',
      title: 'Defaulted visits are escalated to a core group',
      severity: 'error',
      status: 'assessed',
      applicable: 4,
      compliant: 2,
      breaches: 3,
      pending: 1,
    },
    {
      id: 'nrp-copied-into-letters',
      title: 'Non-resident parents are copied into letters',
      severity: 'off',
      status: 'off',
      reason: 'switched off in the configuration',
      applicable: 0,
      compliant: 0,
      breaches: 0,
      pending: 0,
    },
    {
      id: 'nrp-invited',
      title: 'Non-resident parents are invited to meetings',
      severity: 'warning',
      status: 'assessed',
      applicable: 4,
      compliant: 2,
      breaches: 2,
      pending: 1,
    },
    {
      id: 'split-review-minutes',
      title: 'Every split review has two sets of minutes',
      severity: 'error',
      status: 'not-assessed',
      reason: 'needs table meetings, which was not supplied',
      applicable: 0,
      compliant: 0,
      breaches: 0,
      pending: 0,
    },
  ],
  findings: [
    {
      standard: 'data-invalid-row',
      severity: 'error',
      caseId: '',
      recordId: null,
      date: null,
      message: 'visits row has an invalid date in column date; expected YYYY-MM-DD.',
      messageId: 'invalidDate',
      team: null,
      worker: null,
      source: { file: 'export/visits.csv', line: 9 },
      evidence: [{ table: 'visits', note: 'column date is not a valid date' }],
    },
    {
      standard: 'defaulted-visits-escalated',
      severity: 'error',
      caseId: 'C001',
      recordId: 'V88',
      date: '2026-09-10',
      due: '2026-09-15',
      message: 'Visit V88 on 2026-09-10 was the 4th defaulted visit and no core group followed by 2026-09-15.',
      messageId: 'notEscalated',
      team: 'North',
      worker: 'W12',
      source: { file: 'export/visits.csv', line: 67 },
      evidence: [
        { table: 'visits', id: 'V88', date: '2026-09-10', note: '4th defaulted visit' },
        { table: 'deadline', date: '2026-09-15', note: 'core group due (3 working days)' },
      ],
    },
    {
      standard: 'defaulted-visits-escalated',
      severity: 'error',
      caseId: 'C001',
      recordId: 'V90',
      date: '2026-09-20',
      due: '2026-09-23',
      message: 'Visit V90 on 2026-09-20 was the 5th defaulted visit and no core group followed by 2026-09-23.',
      messageId: 'notEscalated',
      team: 'North',
      worker: 'W12',
      source: { file: 'export/visits.csv', line: 70 },
      evidence: [
        { table: 'visits', id: 'V90', date: '2026-09-20', note: '5th defaulted visit' },
        { table: 'deadline', date: '2026-09-23', note: 'core group due (3 working days)' },
      ],
    },
    {
      standard: 'allegation-response-recorded',
      severity: 'error',
      caseId: 'C003',
      recordId: 'A3',
      date: '2026-08-01',
      message: 'Allegation A3 recorded on 2026-08-01 has no recorded response.',
      messageId: 'noResponse',
      team: 'South',
      worker: 'W7',
      source: { file: 'export/allegations.csv', line: 4 },
      evidence: [{ table: 'allegations', id: 'A3', date: '2026-08-01', note: 'status allegation, no response date' }],
    },
    {
      standard: 'nrp-invited',
      severity: 'warning',
      caseId: 'C003',
      recordId: 'M7',
      date: '2026-09-01',
      message: 'Non-resident parent P2 was not invited to core_group M7 on 2026-09-01.',
      messageId: 'notInvited',
      team: 'South',
      worker: 'W7',
      source: { file: 'export/meetings.csv', line: 12 },
      evidence: [
        { table: 'meetings', id: 'M7', date: '2026-09-01', note: 'core_group' },
        { table: 'people', id: 'P2', note: 'non-resident parent, contactable' },
      ],
    },
    {
      standard: 'defaulted-visits-escalated',
      severity: 'error',
      caseId: 'C004',
      recordId: 'V101',
      date: '2026-10-01',
      due: '2026-10-06',
      message: 'Visit V101 on 2026-10-01 was the 4th defaulted visit and no core group followed by 2026-10-06.',
      messageId: 'notEscalated',
      team: null,
      worker: null,
      source: { file: 'export/visits.csv', line: 88 },
      evidence: [{ table: 'visits', id: 'V101', date: '2026-10-01', note: '4th defaulted visit' }],
    },
    {
      standard: 'nrp-invited',
      severity: 'warning',
      caseId: HOSTILE_CASE_ID,
      recordId: HOSTILE_RECORD,
      date: '2026-09-02',
      message: HOSTILE_MESSAGE,
      messageId: 'notInvited',
      team: HOSTILE_TEAM,
      worker: HOSTILE_WORKER,
      source: { file: 'export/meetings.csv', line: 30 },
      evidence: [{ table: 'meetings', id: HOSTILE_RECORD, date: '2026-09-02', note: '-2+3 <u>core_group</u> | "split"' }],
    },
  ],
  pending: [
    {
      standard: 'defaulted-visits-escalated',
      caseId: 'C002',
      recordId: 'V95',
      date: '2026-10-28',
      due: '2026-11-02',
      message: 'Visit V95 on 2026-10-28 was the 4th defaulted visit; a core group is due by 2026-11-02.',
      messageId: 'escalationDue',
      team: 'North',
      worker: 'W12',
      source: { file: 'export/visits.csv', line: 80 },
      evidence: [{ table: 'deadline', date: '2026-11-02', note: 'core group due (3 working days)' }],
    },
    {
      standard: 'nrp-invited',
      caseId: 'C003',
      recordId: 'M9',
      date: '2026-10-30',
      due: '2026-11-05',
      message: 'Invitation of non-resident parent P2 to core_group M9 is due by 2026-11-05.',
      messageId: 'invitationDue',
      team: 'South',
      worker: 'W7',
      source: { file: 'export/meetings.csv', line: 15 },
      evidence: [{ table: 'meetings', id: 'M9', date: '2026-10-30', note: 'core_group' }],
    },
  ],
  cases: [
    {
      caseId: 'C001',
      team: 'North',
      worker: 'W12',
      applicable: ['allegation-response-recorded', 'defaulted-visits-escalated', 'nrp-invited'],
      breached: ['defaulted-visits-escalated'],
    },
    {
      caseId: 'C002',
      team: 'North',
      worker: 'W12',
      applicable: ['defaulted-visits-escalated', 'nrp-invited'],
      breached: [],
    },
    {
      caseId: 'C003',
      team: 'South',
      worker: 'W7',
      applicable: ['allegation-response-recorded', 'defaulted-visits-escalated', 'nrp-invited'],
      breached: ['allegation-response-recorded', 'nrp-invited'],
    },
    {
      caseId: 'C004',
      team: null,
      worker: null,
      applicable: ['allegation-response-recorded', 'defaulted-visits-escalated'],
      breached: ['defaulted-visits-escalated'],
    },
    {
      caseId: HOSTILE_CASE_ID,
      team: HOSTILE_TEAM,
      worker: HOSTILE_WORKER,
      applicable: ['nrp-invited'],
      breached: ['nrp-invited'],
    },
  ],
};

/** The same run with nothing found: every formatter must still render a complete, valid document. */
export const cleanReport: Report = {
  ...fixtureReport,
  summary: { cases: 2, casesWithBreaches: 0, errors: 0, warnings: 0, pending: 0, partlyAssessed: 0, notAssessed: 1 },
  standards: fixtureReport.standards.map((standard) =>
    standard.status === 'assessed'
      ? { ...standard, applicable: standard.applicable === 0 ? 0 : 2, compliant: standard.applicable === 0 ? 0 : 2, breaches: 0, pending: 0 }
      : standard,
  ),
  findings: [],
  pending: [],
  cases: [
    { caseId: 'C001', team: 'North', worker: 'W12', applicable: ['defaulted-visits-escalated', 'nrp-invited'], breached: [] },
    { caseId: 'C002', team: 'South', worker: 'W7', applicable: ['defaulted-visits-escalated', 'nrp-invited'], breached: [] },
  ],
};

/** A waiver reason a QA officer might paste: formula start, markup, quotes and an ampersand. */
export const HOSTILE_REASON = '=SUM(A1) <b>agreed</b> & "minutes" | pending';

/**
 * The fixture run with waivers and a baseline: V88 waived, V90 new, the rest known; one expired and one stale
 * waiver; one breach of the baseline resolved.
 */
export const statusReport: Report = {
  ...fixtureReport,
  summary: { ...fixtureReport.summary, errors: fixtureReport.summary.errors - 1, waived: 1 },
  findings: fixtureReport.findings.map((finding) => {
    if (finding.recordId === 'V88') {
      return { ...finding, baseline: 'known', waiver: { reason: HOSTILE_REASON, approvedBy: 'Head of QA', expires: '2026-12-31' } };
    }
    return { ...finding, baseline: finding.recordId === 'V90' ? 'new' : 'known' };
  }),
  waivers: {
    applied: 1,
    expired: [
      {
        standard: 'nrp-invited',
        caseId: 'C003',
        recordId: 'M7',
        reason: 'Invitation sent by the partner agency',
        approvedBy: 'Service manager',
        expires: '2026-10-15',
      },
    ],
    stale: [
      {
        standard: 'allegation-response-recorded',
        caseId: 'C002',
        recordId: null,
        reason: 'Response held on the paper file',
        approvedBy: 'Head of QA',
        expires: '2027-03-31',
      },
    ],
  },
  baseline: {
    asOf: '2026-09-30',
    new: 1,
    known: fixtureReport.findings.length - 1,
    resolved: [
      {
        standard: 'nrp-invited',
        severity: 'warning',
        caseId: 'C002',
        recordId: 'M4',
        date: '2026-09-03',
        message: 'Non-resident parent P2 was not invited to review M4 on 2026-09-03.',
        messageId: 'notInvited',
        team: 'North',
        worker: 'W12',
      },
    ],
    notReassessed: 0,
  },
};

/** The fixture's findings copied `copies` times, each copy's case ids its own: more than one page of findings and cases. */
export function manyCasesReport(copies: number): Report {
  const findings = Array.from({ length: copies }, (_, index) =>
    fixtureReport.findings.map((finding) => ({ ...finding, caseId: `C${String(index).padStart(6, '0')}-${finding.caseId}` })),
  ).flat();
  return { ...fixtureReport, findings, pending: [], cases: [] };
}
