// Comparing two reports: rates then and now per standard and team, new and resolved breaches, in a fixed order.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { formatJson } from '../../src/formatters/json.js';
import { compareReports } from '../../src/report/compare.js';
import { parseSavedReport, type SavedReport } from '../../src/report/saved-report.js';
import type { Report } from '../../src/core/report.js';
import { applyWaivers } from '../../src/report/waivers.js';
import { fixtureReport, HOSTILE_TEAM } from '../formatters/fixture.js';

function saved(report: Report): SavedReport {
  return parseSavedReport(JSON.parse(formatJson(report)), 'r.json', 'report', ConfigError);
}

const FILES = { before: 'september.json', after: 'october.json' };

/** September: C001's V90 and C003's A3 not yet found; C002 breached nrp-invited (resolved by October). */
const september: Report = {
  ...fixtureReport,
  asOf: '2026-09-30',
  standards: fixtureReport.standards.map((s) =>
    s.id === 'defaulted-visits-escalated'
      ? { ...s, applicable: 3, compliant: 2, breaches: 2 }
      : s.id === 'nrp-invited'
        ? { ...s, applicable: 3, compliant: 1, breaches: 3 }
        : s.id === 'allegation-response-recorded'
          ? { ...s, applicable: 3, compliant: 3, breaches: 0 }
          : s,
  ),
  findings: [
    ...fixtureReport.findings.filter((f) => f.recordId !== 'V90' && f.recordId !== 'A3'),
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
      source: null,
      evidence: [],
    },
  ],
  cases: fixtureReport.cases.map((c) =>
    c.caseId === 'C002' ? { ...c, breached: ['nrp-invited'] } : c.caseId === 'C003' ? { ...c, breached: ['nrp-invited'] } : c,
  ),
};

describe('compareReports', () => {
  const comparison = compareReports(saved(september), saved(fixtureReport), FILES);

  it('names both reports by file, as-of date and period', () => {
    expect(comparison.before).toEqual({ file: 'september.json', asOf: '2026-09-30', period: fixtureReport.period });
    expect(comparison.after.asOf).toBe('2026-10-31');
  });

  it('lists new breaches and resolved ones by case, standard and record, sorted', () => {
    expect(comparison.newBreaches.map((f) => [f.caseId, f.standard, f.recordId])).toEqual([
      ['C001', 'defaulted-visits-escalated', 'V90'],
      ['C003', 'allegation-response-recorded', 'A3'],
    ]);
    expect(comparison.resolved.map((f) => [f.caseId, f.standard, f.recordId, f.team])).toEqual([['C002', 'nrp-invited', 'M4', 'North']]);
    expect(comparison.summary).toEqual({
      newBreaches: 2,
      newErrors: 2,
      knownBreaches: fixtureReport.findings.length - 2,
      resolvedBreaches: 1,
      notReassessed: 0,
    });
  });

  it('gives each standard’s rate then and now, null where it was not assessed, with its new and resolved counts', () => {
    const defaulted = comparison.standards.find((s) => s.id === 'defaulted-visits-escalated');
    expect(defaulted).toEqual({
      id: 'defaulted-visits-escalated',
      title: 'Defaulted visits are escalated to a core group',
      before: { applicable: 3, compliant: 2, rate: 2 / 3, breaches: 2 },
      after: { applicable: 4, compliant: 2, rate: 0.5, breaches: 3 },
      newBreaches: 1,
      resolvedBreaches: 0,
    });
    expect(comparison.standards.find((s) => s.id === 'split-review-minutes')).toMatchObject({ before: null, after: null });
    expect(comparison.standards.find((s) => s.id === 'nrp-invited')).toMatchObject({ newBreaches: 0, resolvedBreaches: 1 });
    expect(comparison.standards.map((s) => s.id)).toEqual([...comparison.standards.map((s) => s.id)].sort());
  });

  it('gives each team’s overall rate then and now, teams sorted and the unassigned group last', () => {
    expect(comparison.teams.map((t) => t.team)).toEqual([HOSTILE_TEAM, 'North', 'South', '(no team)']);
    const north = comparison.teams.find((t) => t.team === 'North');
    // North: C001 (3 applicable, 1 breached both times) and C002 (2 applicable; 1 breached before, 0 now).
    expect(north).toEqual({
      team: 'North',
      before: { applicable: 5, compliant: 3, rate: 0.6, cases: 2 },
      after: { applicable: 5, compliant: 4, rate: 0.8, cases: 2 },
      newBreaches: 1,
      resolvedBreaches: 1,
    });
  });

  it('does not count a new breach that a waiver accepts, or a warning, toward newErrors', () => {
    const waived = applyWaivers(fixtureReport, [
      { standard: 'defaulted-visits-escalated', caseId: 'C001', recordId: 'V90', reason: 'r', approvedBy: 'QA lead', expires: '2026-12-31' },
    ]);
    const result = compareReports(saved(september), saved(waived), FILES);
    expect(result.newBreaches.find((f) => f.recordId === 'V90')?.waived).toBe(true);
    expect(result.summary).toMatchObject({ newBreaches: 2, newErrors: 1 });
  });

  it('finds nothing new or resolved between a report and itself', () => {
    const same = compareReports(saved(fixtureReport), saved(fixtureReport), FILES);
    expect(same.summary).toMatchObject({ newBreaches: 0, resolvedBreaches: 0, knownBreaches: fixtureReport.findings.length });
  });
});
