// JSON report: schema version 1, keys in the contract's order, byte-identical for the same report.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import type { Report } from '../../src/core/report.js';
import { fixtureReport } from './fixture.js';

/** The same report with every object's keys inserted in reverse, as a differently written engine might build it. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)])) as T;
}

describe('json formatter', () => {
  const output = formatJson(fixtureReport);
  const parsed = JSON.parse(output) as Record<string, unknown>;

  it('puts the top-level keys in the order of CLI.md', () => {
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'tool',
      'asOf',
      'period',
      'region',
      'inputs',
      'assumptions',
      'summary',
      'standards',
      'findings',
      'pending',
      'cases',
    ]);
    expect(parsed.schemaVersion).toBe(1);
  });

  it('orders nested keys as the contract’s example does', () => {
    const [standard] = parsed.standards as Record<string, unknown>[];
    expect(Object.keys(standard ?? {})).toEqual([
      'id',
      'title',
      'severity',
      'status',
      'applicable',
      'compliant',
      'breaches',
      'pending',
    ]);
    const finding = (parsed.findings as Record<string, unknown>[])[1];
    expect(Object.keys(finding ?? {})).toEqual([
      'standard',
      'severity',
      'caseId',
      'recordId',
      'date',
      'due',
      'message',
      'messageId',
      'team',
      'worker',
      'source',
      'evidence',
    ]);
    const pending = (parsed.pending as Record<string, unknown>[])[0];
    expect(Object.keys(pending ?? {})).toEqual([
      'standard',
      'caseId',
      'recordId',
      'date',
      'due',
      'message',
      'messageId',
      'team',
      'worker',
      'source',
      'evidence',
    ]);
    expect(Object.keys(parsed.summary as object)).toEqual(['cases', 'casesWithBreaches', 'errors', 'warnings', 'pending', 'partlyAssessed', 'notAssessed']);
  });

  it('round-trips the report exactly', () => {
    expect(parsed).toEqual(JSON.parse(JSON.stringify(fixtureReport)));
  });

  it('keeps a not-assessed standard’s reason and drops absent optional keys instead of writing null', () => {
    const standards = parsed.standards as Record<string, unknown>[];
    expect(standards.find((s) => s.id === 'split-review-minutes')?.reason).toBe('needs table meetings, which was not supplied');
    expect(standards.find((s) => s.id === 'nrp-invited')).not.toHaveProperty('reason');
    const dataFinding = (parsed.findings as { evidence: Record<string, unknown>[] }[])[0];
    expect(dataFinding?.evidence[0]).toEqual({ table: 'visits', note: 'column date is not a valid date' });
  });

  it('is byte-identical whatever order the report’s keys were built in', () => {
    const shuffled: Report = reversedKeys(fixtureReport);
    expect(Object.keys(shuffled)[0]).toBe('cases');
    expect(formatJson(shuffled)).toBe(output);
  });

  it('is two-space indented and ends with one newline', () => {
    expect(output.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "practice-audit"')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
    expect(output.endsWith('\n\n')).toBe(false);
  });
});
