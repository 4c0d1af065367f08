// The compare command's formats: rates then and now with the change, new and resolved breaches, escaped and stable.
import { describe, expect, it } from 'vitest';
import { changeLabel, formatComparisonJson, formatComparisonMarkdown, formatComparisonTable } from '../../src/formatters/comparison.js';
import type { Comparison } from '../../src/report/compare.js';
import { HOSTILE_CASE_ID, HOSTILE_TEAM } from './fixture.js';

const comparison: Comparison = {
  before: { file: 'reports/september.json', asOf: '2026-09-30', period: { from: null, to: null } },
  after: { file: 'reports/october.json', asOf: '2026-10-31', period: { from: '2026-10-01', to: '2026-10-31' } },
  summary: { newBreaches: 2, newErrors: 1, knownBreaches: 5, resolvedBreaches: 1, notReassessed: 0 },
  standards: [
    {
      id: 'data-invalid-row',
      title: 'Every row meets the input contract',
      before: { applicable: 0, compliant: 0, rate: null, breaches: 1 },
      after: { applicable: 0, compliant: 0, rate: null, breaches: 0 },
      newBreaches: 0,
      resolvedBreaches: 1,
    },
    {
      id: 'defaulted-visits-escalated',
      title: 'More than three defaulted visits lead to a timely multi-agency meeting',
      before: { applicable: 3, compliant: 2, rate: 2 / 3, breaches: 1 },
      after: { applicable: 4, compliant: 2, rate: 0.5, breaches: 3 },
      newBreaches: 2,
      resolvedBreaches: 0,
    },
    {
      id: 'split-review-minutes',
      title: 'Every split review has two sets of minutes',
      before: null,
      after: { applicable: 2, compliant: 2, rate: 1, breaches: 0 },
      newBreaches: 0,
      resolvedBreaches: 0,
    },
  ],
  teams: [
    { team: HOSTILE_TEAM, before: null, after: { applicable: 1, compliant: 0, rate: 0, cases: 1 }, newBreaches: 1, resolvedBreaches: 0 },
    { team: 'North', before: { applicable: 5, compliant: 3, rate: 0.6, cases: 2 }, after: { applicable: 5, compliant: 4, rate: 0.8, cases: 2 }, newBreaches: 1, resolvedBreaches: 0 },
  ],
  newBreaches: [
    {
      standard: 'defaulted-visits-escalated',
      severity: 'error',
      caseId: 'C001',
      recordId: 'V90',
      date: '2026-10-20',
      messageId: 'notEscalated',
      message: 'Visit V90 on 2026-10-20 was the 5th defaulted visit.',
      team: 'North',
      waived: false,
    },
    {
      standard: 'defaulted-visits-escalated',
      severity: 'error',
      caseId: HOSTILE_CASE_ID,
      recordId: 'V7|x',
      date: '2026-10-21',
      messageId: 'notEscalated',
      message: 'Visit V7 on 2026-10-21 was the 4th defaulted visit.',
      team: HOSTILE_TEAM,
      waived: true,
    },
  ],
  resolved: [
    {
      standard: 'data-invalid-row',
      severity: 'error',
      caseId: '',
      recordId: null,
      date: null,
      messageId: 'invalidDate',
      message: 'visits row has an invalid date.',
      team: '(no team)',
      waived: false,
    },
  ],
};

const TOOL = { name: 'practice-audit', version: '0.1.0' };

describe('changeLabel', () => {
  it('gives the change in percentage points, signed, one decimal', () => {
    expect(changeLabel({ applicable: 3, compliant: 2, rate: 2 / 3 }, { applicable: 4, compliant: 2, rate: 0.5 })).toBe('−16.7 pp');
    expect(changeLabel({ applicable: 5, compliant: 3, rate: 0.6 }, { applicable: 5, compliant: 4, rate: 0.8 })).toBe('+20.0 pp');
    expect(changeLabel({ applicable: 2, compliant: 1, rate: 0.5 }, { applicable: 4, compliant: 2, rate: 0.5 })).toBe('±0.0 pp');
  });

  it('is a dash when either side has no rate', () => {
    expect(changeLabel(null, { applicable: 1, compliant: 1, rate: 1 })).toBe('—');
    expect(changeLabel({ applicable: 0, compliant: 0, rate: null }, { applicable: 1, compliant: 1, rate: 1 })).toBe('—');
  });
});

describe('comparison as JSON', () => {
  const output = formatComparisonJson(comparison, TOOL);
  const parsed = JSON.parse(output) as Record<string, unknown>;

  it('has a fixed key order and rates rounded to four places', () => {
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'before', 'after', 'summary', 'standards', 'teams', 'newBreaches', 'resolved']);
    const [, defaulted] = parsed.standards as { before: Record<string, unknown> }[];
    expect(defaulted?.before).toEqual({ applicable: 3, compliant: 2, rate: 0.6667, breaches: 1 });
    expect((parsed.standards as { before: unknown }[])[2]?.before).toBeNull();
    expect((parsed.teams as { after: unknown }[])[1]?.after).toEqual({ applicable: 5, compliant: 4, rate: 0.8, cases: 2 });
  });

  it('lists new and resolved breaches with case, standard, record and whether a waiver accepts them', () => {
    expect((parsed.newBreaches as Record<string, unknown>[]).map((f) => [f.caseId, f.standard, f.recordId, f.waived])).toEqual([
      ['C001', 'defaulted-visits-escalated', 'V90', false],
      [HOSTILE_CASE_ID, 'defaulted-visits-escalated', 'V7|x', true],
    ]);
    expect(formatComparisonJson(comparison, TOOL)).toBe(output);
  });
});

describe('comparison as a table', () => {
  const output = formatComparisonTable(comparison);

  it('names both reports and gives each standard then, now and the change', () => {
    expect(output.startsWith('before: reports/september.json (as of 2026-09-30, all dates)\nafter:  reports/october.json (as of 2026-10-31, 2026-10-01 to 2026-10-31)\n')).toBe(true);
    expect(output).toMatch(/│ defaulted-visits-escalated │ +66\.7% \(2\/3\) │ +50\.0% \(2\/4\) │ −16\.7 pp │ +2 │ +0 │/);
    expect(output).toMatch(/│ split-review-minutes +│ +not assessed │ +100\.0% \(2\/2\) │ +— │/);
    expect(output).toMatch(/│ data-invalid-row +│ +— │ +— │ +— │ +0 │ +1 │/);
  });

  it('lists the new and resolved breaches and ends with the counts', () => {
    expect(output).toContain('New breaches (2)');
    expect(output).toMatch(/│ C001 +│ defaulted-visits-escalated │ V90 +│ 2026-10-20 │ error +│ North/);
    expect(output).toMatch(/│ error, waived │/);
    expect(output).toMatch(/│ \(no case\) │ data-invalid-row/);
    expect(output.trimEnd().split('\n').at(-1)).toBe('2 new (1 unwaived error) · 5 known · 1 resolved');
  });
});

describe('comparison as markdown', () => {
  const output = formatComparisonMarkdown(comparison);

  it('has a headline, both rate tables and both breach lists, data escaped', () => {
    expect(output.split('\n')[0]).toBe('# Practice audit — 2026-09-30 to 2026-10-31');
    expect(output).toContain('- **Breaches:** 2 new (1 unwaived error), 5 known, 1 resolved');
    expect(output).toContain('| `defaulted-visits-escalated` | 66.7% (2/3) | 50.0% (2/4) | −16.7 pp | 2 | 0 |');
    expect(output).toContain('| North | 60.0% (3/5) | 80.0% (4/5) | +20.0 pp | 1 | 0 |');
    expect(output).toContain('| C005\\<script\\>alert("x")\\</script\\>\\&amp; | `defaulted-visits-escalated` | V7\\|x | 2026-10-21 | error, waived |');
    expect(output).not.toContain('<script>');
  });

  it('says none when nothing was resolved', () => {
    expect(formatComparisonMarkdown({ ...comparison, resolved: [] })).toContain('## Resolved breaches\n\n_None._\n');
  });
});
