// The engine: severities, switching off, --only, not-assessed tables, effectiveFrom, the audit period and tallies.
import { describe, expect, it } from 'vitest';
import { CHECKS, INTEGRITY } from '../../checks/index.js';
import { resolveConfig, type ConfigFile } from '../../src/config/config.js';
import { runAudit, type AuditInput } from '../../src/engine/audit.js';
import { caseListOf, TABLE_NAMES, type TableName } from '../../src/model/types.js';
import { caseOf } from '../checks/_tester.js';
import { defaultSettings } from '../pipeline/_helpers.js';

// Two cases with a split meeting each: C1 breaches split-review-minutes in March, C2 in October.
const cases = [
  caseOf({ case: { case_id: 'C1', team: 'North', worker: 'W1' }, meetings: [{ meeting_id: 'M1', type: 'cp_conference', date: '2026-03-02', split: true, minutes_sets: 1 }] }),
  caseOf({ case: { case_id: 'C2', team: 'South', worker: 'W2' }, meetings: [{ meeting_id: 'M2', type: 'core_group', date: '2026-10-05', split: true, minutes_sets: 1 }] }),
  caseOf({ case: { case_id: 'C3', team: 'South', worker: 'W2' }, meetings: [{ meeting_id: 'M3', type: 'core_group', date: '2026-10-06', split: true, minutes_sets: 2 }] }),
];

function audit(config: ConfigFile = {}, overrides: { only?: string[]; from?: string; to?: string; tables?: TableName[] } = {}) {
  const input: AuditInput = {
    cases: caseListOf(cases),
    tablesPresent: new Set(overrides.tables ?? TABLE_NAMES),
    inputs: [],
    integrity: [],
  };
  return runAudit(input, CHECKS, INTEGRITY, {
    asOf: '2026-10-31',
    period: { from: overrides.from ?? null, to: overrides.to ?? null },
    region: 'england-and-wales',
    standards: resolveConfig(config, CHECKS, INTEGRITY).standards,
    only: overrides.only ?? null,
  });
}

const summaryOf = (report: ReturnType<typeof audit>, id: string) => report.standards.find((s) => s.id === id);

describe('runAudit', () => {
  it('tallies applicable, compliant and breaches per standard, and team and worker per finding', () => {
    const report = audit();
    expect(summaryOf(report, 'split-review-minutes')).toMatchObject({
      status: 'assessed',
      severity: 'error',
      applicable: 3,
      compliant: 1,
      breaches: 2,
      pending: 0,
    });
    const findings = report.findings.filter((f) => f.standard === 'split-review-minutes');
    expect(findings.map((f) => [f.caseId, f.recordId, f.team, f.worker])).toEqual([
      ['C1', 'M1', 'North', 'W1'],
      ['C2', 'M2', 'South', 'W2'],
    ]);
    expect(report.cases.find((c) => c.caseId === 'C3')).toMatchObject({ applicable: ['split-review-minutes'], breached: [] });
    expect(report.summary).toMatchObject({ cases: 3, casesWithBreaches: 2 });
  });

  it('makes each case record once, as it audits it, and still finds the team and worker of an integrity finding', () => {
    const settings = defaultSettings();
    const integrity = [{ ...audit().findings[0], standard: 'data-orphan-row', caseId: 'C2', messageId: 'unknownReference', data: { table: 'letters', column: 'recipient', missingId: 'F9', referenced: 'people', caseId: 'C2' } }];
    const input = (list: AuditInput['cases']): AuditInput => ({ cases: list, tablesPresent: new Set(TABLE_NAMES), inputs: [], integrity: integrity as unknown as AuditInput['integrity'] });
    const made: number[] = [];
    const counted = caseListOf(cases);
    const report = runAudit(input({ ...counted, length: counted.length, record: (index) => (made.push(index), counted.record(index)) }), CHECKS, INTEGRITY, settings);
    expect(made).toEqual([0, 1, 2]);
    expect(report).toEqual(runAudit(input(caseListOf(cases)), CHECKS, INTEGRITY, settings));
    expect(report.findings.find((f) => f.standard === 'data-orphan-row')).toMatchObject({ caseId: 'C2', team: 'South', worker: 'W2' });
  });

  it('reports a standard whose tables are absent as not assessed, naming them', () => {
    const report = audit({}, { tables: ['cases', 'meetings'] });
    expect(summaryOf(report, 'split-review-minutes')?.status).toBe('assessed');
    expect(summaryOf(report, 'child-seen')).toMatchObject({ status: 'not-assessed', reason: 'tables visits, plans missing from the input' });
  });

  it('applies a severity from the configuration, and switches a standard off', () => {
    expect(summaryOf(audit({ standards: { 'split-review-minutes': 'warning' } }), 'split-review-minutes')?.severity).toBe('warning');
    const off = audit({ standards: { 'split-review-minutes': 'off' } });
    expect(summaryOf(off, 'split-review-minutes')).toMatchObject({ status: 'off', breaches: 0 });
    expect(off.findings.some((f) => f.standard === 'split-review-minutes')).toBe(false);
  });

  it('passes options from the configuration to the check', () => {
    const report = audit({ standards: { 'split-review-minutes': { minimumMinutesSets: 3 } } });
    expect(summaryOf(report, 'split-review-minutes')).toMatchObject({ applicable: 3, compliant: 0, breaches: 3 });
  });

  it('judges only events on or after effectiveFrom', () => {
    const report = audit({ standards: { 'split-review-minutes': { effectiveFrom: '2026-06-01' } } });
    expect(report.findings.filter((f) => f.standard === 'split-review-minutes').map((f) => f.caseId)).toEqual(['C2']);
    expect(summaryOf(report, 'split-review-minutes')).toMatchObject({ applicable: 3, compliant: 2, breaches: 1 });
  });

  it('keeps only findings inside the audit period', () => {
    const october = audit({}, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.findings.filter((f) => f.standard === 'split-review-minutes').map((f) => f.caseId)).toEqual(['C2']);
  });

  it('runs only the standards named by --only, keeping the data-integrity ones', () => {
    const report = audit({}, { only: ['split-review-minutes'] });
    const assessed = report.standards.filter((s) => s.status === 'assessed').map((s) => s.id);
    expect(assessed).toEqual(['data-duplicate-id', 'data-invalid-row', 'data-orphan-row', 'split-review-minutes']);
    expect(summaryOf(report, 'child-seen')).toMatchObject({ status: 'off', reason: 'not selected by --only' });
  });
});
