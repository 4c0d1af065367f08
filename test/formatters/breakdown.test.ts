// Compliance rates per standard, team and worker, computed from the per-case results.
import { describe, expect, it } from 'vitest';
import {
  complianceByGroup,
  complianceByStandard,
  complianceRate,
  overallCompliance,
  UNASSIGNED_LABEL,
} from '../../src/report/breakdown.js';
import type { CaseResult } from '../../src/core/report.js';
import { fixtureReport, HOSTILE_TEAM, HOSTILE_WORKER } from './fixture.js';

describe('complianceRate', () => {
  it('is compliant over applicable', () => {
    expect(complianceRate(4, 1)).toEqual({ applicable: 4, breached: 1, compliant: 3, rate: 0.75 });
  });

  it('is null, not zero or one, when nothing applied', () => {
    expect(complianceRate(0, 0).rate).toBeNull();
  });
});

describe('complianceByStandard', () => {
  it('agrees with the report’s own per-standard counts', () => {
    const rates = complianceByStandard(fixtureReport.cases);
    for (const rate of rates) {
      const standard = fixtureReport.standards.find((s) => s.id === rate.standard);
      expect(rate.applicable, rate.standard).toBe(standard?.applicable);
      expect(rate.compliant, rate.standard).toBe(standard?.compliant);
    }
    expect(rates.map((rate) => rate.standard)).toEqual([
      'allegation-response-recorded',
      'defaulted-visits-escalated',
      'nrp-invited',
    ]);
  });

  it('counts a breached standard as applicable even when the case omits it from applicable', () => {
    const cases: CaseResult[] = [{ caseId: 'C1', team: 'A', worker: 'W1', applicable: [], breached: ['x'] }];
    expect(complianceByStandard(cases)).toEqual([{ standard: 'x', applicable: 1, breached: 1, compliant: 0, rate: 0 }]);
  });

  it('counts a case once per standard even if the lists repeat it', () => {
    const cases: CaseResult[] = [{ caseId: 'C1', team: 'A', worker: 'W1', applicable: ['x', 'x'], breached: ['x', 'x'] }];
    expect(complianceByStandard(cases)[0]).toMatchObject({ applicable: 1, breached: 1 });
  });
});

describe('overallCompliance', () => {
  it('pools every applicable case × standard pair', () => {
    // 3 + 4 + 4 applicable pairs, 1 + 2 + 2 breached (the fixture's standards).
    expect(overallCompliance(fixtureReport.cases)).toEqual({ applicable: 11, breached: 5, compliant: 6, rate: 6 / 11 });
  });
});

describe('complianceByGroup', () => {
  it('groups by team, names sorted, cases without a team last as "(no team)"', () => {
    const groups = complianceByGroup(fixtureReport.cases, 'team');
    expect(groups.map((group) => group.group)).toEqual([HOSTILE_TEAM, 'North', 'South', '(no team)']);
    const north = groups.find((group) => group.group === 'North');
    expect(north).toMatchObject({ cases: 2, casesWithBreaches: 1, overall: { applicable: 5, compliant: 4, rate: 0.8 } });
    expect(north?.byStandard).toEqual([
      { standard: 'allegation-response-recorded', applicable: 1, breached: 0, compliant: 1, rate: 1 },
      { standard: 'defaulted-visits-escalated', applicable: 2, breached: 1, compliant: 1, rate: 0.5 },
      { standard: 'nrp-invited', applicable: 2, breached: 0, compliant: 2, rate: 1 },
    ]);
  });

  it('groups by worker with "(no worker)" for cases without one', () => {
    const groups = complianceByGroup(fixtureReport.cases, 'worker');
    expect(groups.map((group) => group.group)).toEqual([HOSTILE_WORKER, 'W12', 'W7', UNASSIGNED_LABEL.worker]);
    expect(groups.reduce((sum, group) => sum + group.cases, 0)).toBe(fixtureReport.cases.length);
  });

  it('treats an empty team like a missing one', () => {
    const cases: CaseResult[] = [
      { caseId: 'C1', team: '', worker: null, applicable: ['x'], breached: [] },
      { caseId: 'C2', team: null, worker: null, applicable: ['x'], breached: ['x'] },
    ];
    expect(complianceByGroup(cases, 'team')).toEqual([
      {
        group: '(no team)',
        cases: 2,
        casesWithBreaches: 1,
        overall: { applicable: 2, breached: 1, compliant: 1, rate: 0.5 },
        byStandard: [{ standard: 'x', applicable: 2, breached: 1, compliant: 1, rate: 0.5 }],
      },
    ]);
  });

  it('gives no groups for no cases', () => {
    expect(complianceByGroup([], 'team')).toEqual([]);
  });
});
