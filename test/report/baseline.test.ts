// Baselines: reading an earlier report, marking findings new or known, and which earlier breaches count as resolved.
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../src/core/errors.js';
import { formatJson } from '../../src/formatters/json.js';
import { applyBaseline, findingKey } from '../../src/report/baseline.js';
import { parseSavedReport, type SavedReport } from '../../src/report/saved-report.js';
import type { Report, ReportFinding } from '../../src/core/report.js';
import { fixtureReport } from '../formatters/fixture.js';

function saved(report: Report): SavedReport {
  return parseSavedReport(JSON.parse(formatJson(report)), 'baseline.json', 'baseline report', ConfigError);
}

const byRecord = (report: Report, recordId: string): ReportFinding | undefined =>
  report.findings.find((finding) => finding.recordId === recordId);

function refusal(raw: unknown): string {
  try {
    parseSavedReport(raw, 'old.json', 'baseline report', ConfigError);
  } catch (error) {
    if (error instanceof ConfigError) return error.toLine();
    throw error;
  }
  throw new Error('parseSavedReport accepted an invalid report');
}

describe('parseSavedReport', () => {
  it('reads back a JSON report the tool wrote, ignoring what it does not need', () => {
    const report = saved(fixtureReport);
    expect(report.findings).toHaveLength(fixtureReport.findings.length);
    expect(report.asOf).toBe('2026-10-31');
  });

  it('refuses another schema version with the version found and the one supported', () => {
    const raw = { ...(JSON.parse(formatJson(fixtureReport)) as object), schemaVersion: 2 };
    expect(refusal(raw)).toBe(
      'old.json: baseline report has schemaVersion 2; this version of practice-audit reads schemaVersion 1 only (expected a JSON report written by `practice-audit audit -f json`)',
    );
  });

  it('refuses JSON that is not a report at all, and a report with a part missing', () => {
    expect(refusal({ waivers: [] })).toMatch(/^old\.json: baseline report is not a practice-audit JSON report \(no schemaVersion\)/);
    expect(refusal([1, 2])).toMatch(/no schemaVersion/);
    const { cases: _cases, ...noCases } = JSON.parse(formatJson(fixtureReport)) as Record<string, unknown>;
    expect(refusal(noCases)).toMatch(/^old\.json: baseline report is not a complete report: cases: /);
  });

  it('raises the error class it is given, so compare can report its inputs as input errors', () => {
    expect(() => parseSavedReport({}, 'a.json', 'report', InputError)).toThrow(InputError);
  });
});

describe('applyBaseline', () => {
  it('marks every finding known and resolves nothing against the same report', () => {
    const report = applyBaseline(fixtureReport, saved(fixtureReport));
    expect(report.findings.every((finding) => finding.baseline === 'known')).toBe(true);
    expect(report.baseline).toEqual({ asOf: '2026-10-31', new: 0, known: fixtureReport.findings.length, resolved: [], notReassessed: 0 });
  });

  it('marks a finding the baseline lacks as new and lists a baseline breach that is gone as resolved', () => {
    const earlier = { ...fixtureReport, findings: fixtureReport.findings.filter((f) => f.recordId !== 'V90') };
    const later = { ...fixtureReport, findings: fixtureReport.findings.filter((f) => f.recordId !== 'A3') };
    const report = applyBaseline(later, saved(earlier));
    expect(byRecord(report, 'V90')?.baseline).toBe('new');
    expect(byRecord(report, 'V88')?.baseline).toBe('known');
    expect(report.baseline?.resolved).toEqual([
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
      },
    ]);
    expect(report.baseline).toMatchObject({ new: 1, known: fixtureReport.findings.length - 2, notReassessed: 0 });
  });

  it('matches on standard, case, record and message id, not on wording, date or source line', () => {
    const reworded = {
      ...fixtureReport,
      findings: fixtureReport.findings.map((f) =>
        f.recordId === 'V88' ? { ...f, message: 'Reworded.', date: '2026-09-11', source: { file: 'other.csv', line: 2 } } : f,
      ),
    };
    expect(byRecord(applyBaseline(reworded, saved(fixtureReport)), 'V88')?.baseline).toBe('known');
    const otherMessage = { ...fixtureReport, findings: fixtureReport.findings.map((f) => (f.recordId === 'V88' ? { ...f, messageId: 'late' } : f)) };
    expect(byRecord(applyBaseline(otherMessage, saved(fixtureReport)), 'V88')?.baseline).toBe('new');
  });

  it('pairs repeated keys one to one: two before and three now is two known and one new', () => {
    const invalid = fixtureReport.findings[0];
    if (invalid === undefined) throw new Error('fixture has no data-invalid-row finding');
    const withCopies = (copies: number): Report => ({
      ...fixtureReport,
      findings: [...Array.from({ length: copies }, (_, i) => ({ ...invalid, source: { file: 'v.csv', line: i + 2 } })), ...fixtureReport.findings.slice(1)],
    });
    const report = applyBaseline(withCopies(3), saved(withCopies(2)));
    expect(report.findings.slice(0, 3).map((f) => f.baseline)).toEqual(['known', 'known', 'new']);
    const fewer = applyBaseline(withCopies(1), saved(withCopies(2)));
    expect(fewer.baseline?.resolved.map((f) => findingKey(f))).toEqual([findingKey(invalid)]);
  });

  it('does not call a breach resolved when this run could not judge it again', () => {
    const later: Report = {
      ...fixtureReport,
      period: { from: '2026-09-01', to: '2026-10-31' },
      // allegation-response-recorded not assessed this time; C004 left the export; A3 (2026-08-01) is before the period anyway.
      standards: fixtureReport.standards.map((s) => (s.id === 'allegation-response-recorded' ? { ...s, status: 'off', severity: 'off' } : s)),
      findings: fixtureReport.findings.filter((f) => f.recordId !== 'A3' && f.caseId !== 'C004' && f.recordId !== 'V90'),
      cases: fixtureReport.cases.filter((c) => c.caseId !== 'C004'),
    };
    const report = applyBaseline(later, saved(fixtureReport));
    expect(report.baseline?.resolved.map((f) => f.recordId)).toEqual(['V90']);
    expect(report.baseline?.notReassessed).toBe(2);
  });

  it('judges rows of no known case again: an orphan or unreadable row that is gone is resolved', () => {
    const later = { ...fixtureReport, findings: fixtureReport.findings.filter((f) => f.standard !== 'data-invalid-row') };
    expect(applyBaseline(later, saved(fixtureReport)).baseline?.resolved.map((f) => f.standard)).toEqual(['data-invalid-row']);
  });
});
