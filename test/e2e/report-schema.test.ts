// The published JSON Schema of the report: every report of the e2e suite is checked against it (run-cli.ts); here, that the check bites.
import { describe, expect, it } from 'vitest';
import { assertReportSchema, checked, jsonReportsOf } from './report-schema.js';
import { runBuiltCli } from './run-cli.js';

describe('docs/report.schema.json', () => {
  it('accepts the reports of plain, invalid-row and mapped runs (the rest of the suite brings waivers, baselines and partial exports)', () => {
    const before = checked.reports;
    const base = ['audit', 'samples/monthly-export', '--as-of', '2026-10-31', '-f', 'json'];
    expect(runBuiltCli(base).status).toBe(1);
    expect(runBuiltCli(['audit', 'samples/invalid-rows', '--as-of', '2026-10-31', '-f', 'json']).status).toBe(1);
    expect(runBuiltCli(['audit', 'samples/ssd-export', '--mapping', 'samples/mappings/ssd.json', '--as-of', '2026-10-31', '-f', 'json']).status).toBe(1);
    expect(checked.reports - before).toBe(3);
  });

  it('refuses a report with a key it does not publish, a wrong type or a missing part', () => {
    const report = JSON.parse(runBuiltCli(['audit', 'samples/monthly-export', '--as-of', '2026-10-31', '-f', 'json']).stdout) as Record<string, unknown>;
    expect(() => assertReportSchema(JSON.stringify(report), 'as written')).not.toThrow();
    expect(() => assertReportSchema(JSON.stringify({ ...report, extra: 1 }), 'extra key')).toThrow(/must NOT have additional properties/);
    expect(() => assertReportSchema(JSON.stringify({ ...report, schemaVersion: 2 }), 'version')).toThrow(/schemaVersion/);
    const { summary: _summary, ...noSummary } = report;
    expect(() => assertReportSchema(JSON.stringify(noSummary), 'no summary')).toThrow(/summary/);
  });

  it('finds the JSON reports of a command line: stdout and each -o paired with json', () => {
    expect(jsonReportsOf(['audit', 'x', '-f', 'json'], '/').stdout).toBe(true);
    expect(jsonReportsOf(['audit', 'x', '-f', 'table'], '/').stdout).toBe(false);
    expect(jsonReportsOf(['compare', 'a', 'b', '-f', 'json'], '/').stdout).toBe(false);
  });
});
