// The `compare` command's output: rates then and now, and the breaches resolved and new, as table, JSON or markdown.
import Table from 'cli-table3';
import type { Comparison, ComparedFinding, RateSnapshot } from '../report/compare.js';
import { escapeMarkdown } from './markdown.js';
import { caseLabel, formatRate, periodLabel } from './shared.js';
import { terminalText } from './table.js';

export type ComparisonFormatName = 'table' | 'json' | 'markdown';

export const COMPARISON_FORMAT_NAMES: readonly ComparisonFormatName[] = ['table', 'json', 'markdown'];

/** Rates in JSON keep four decimal places: enough to recompute nothing (the counts are there) and stable to read. */
function roundedRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10_000) / 10_000;
}

/** The change in percentage points, one decimal, signed; `—` when either side has no rate. */
export function changeLabel(before: RateSnapshot | null, after: RateSnapshot | null): string {
  if (before === null || after === null || before.rate === null || after.rate === null) return '—';
  const points = Math.round((after.rate - before.rate) * 1000) / 10;
  if (points === 0) return '±0.0 pp';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pp`;
}

function snapshotLabel(snapshot: RateSnapshot | null, missing: string): string {
  if (snapshot === null) return missing;
  // Data-integrity standards judge rows, not cases: there is no rate to show, only their new and resolved counts.
  if (snapshot.applicable === 0) return '—';
  return `${formatRate(snapshot.rate)} (${snapshot.compliant}/${snapshot.applicable})`;
}

function identityLabel(identity: Comparison['before']): string {
  return `${identity.file} (as of ${identity.asOf}, ${periodLabel(identity.period)})`;
}

function findingLabel(finding: ComparedFinding): string {
  return finding.waived ? `${finding.severity}, waived` : finding.severity;
}

function jsonSnapshot<T extends RateSnapshot>(snapshot: T | null, extra: (s: T) => Record<string, number>) {
  if (snapshot === null) return null;
  return { applicable: snapshot.applicable, compliant: snapshot.compliant, rate: roundedRate(snapshot.rate), ...extra(snapshot) };
}

function jsonFinding(finding: ComparedFinding) {
  return {
    standard: finding.standard,
    severity: finding.severity,
    caseId: finding.caseId,
    recordId: finding.recordId,
    date: finding.date,
    messageId: finding.messageId,
    message: finding.message,
    team: finding.team,
    waived: finding.waived,
  };
}

export function formatComparisonJson(comparison: Comparison, tool: { name: string; version: string }): string {
  const identity = (side: Comparison['before']) => ({
    file: side.file,
    asOf: side.asOf,
    period: { from: side.period.from, to: side.period.to },
  });
  const document = {
    schemaVersion: 1,
    tool: { name: tool.name, version: tool.version },
    before: identity(comparison.before),
    after: identity(comparison.after),
    summary: {
      newBreaches: comparison.summary.newBreaches,
      newErrors: comparison.summary.newErrors,
      knownBreaches: comparison.summary.knownBreaches,
      resolvedBreaches: comparison.summary.resolvedBreaches,
      notReassessed: comparison.summary.notReassessed,
    },
    standards: comparison.standards.map((standard) => ({
      id: standard.id,
      title: standard.title,
      before: jsonSnapshot(standard.before, (s) => ({ breaches: s.breaches })),
      after: jsonSnapshot(standard.after, (s) => ({ breaches: s.breaches })),
      newBreaches: standard.newBreaches,
      resolvedBreaches: standard.resolvedBreaches,
    })),
    teams: comparison.teams.map((team) => ({
      team: team.team,
      before: jsonSnapshot(team.before, (s) => ({ cases: s.cases })),
      after: jsonSnapshot(team.after, (s) => ({ cases: s.cases })),
      newBreaches: team.newBreaches,
      resolvedBreaches: team.resolvedBreaches,
    })),
    newBreaches: comparison.newBreaches.map(jsonFinding),
    resolved: comparison.resolved.map(jsonFinding),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function newTable(head: string[], rightAligned: readonly number[]): Table.Table {
  return new Table({
    head,
    colAligns: head.map((_, index) => (rightAligned.includes(index) ? 'right' : 'left')),
    style: { head: [], border: [], compact: true },
  });
}

function findingTable(findings: readonly ComparedFinding[]): string {
  const table = newTable(['case', 'standard', 'record', 'date', 'severity', 'team'], []);
  for (const finding of findings) {
    table.push([
      terminalText(caseLabel(finding.caseId)),
      finding.standard,
      terminalText(finding.recordId ?? ''),
      finding.date ?? '—',
      findingLabel(finding),
      terminalText(finding.team),
    ]);
  }
  return table.toString();
}

export function formatComparisonTable(comparison: Comparison): string {
  const standards = newTable(['standard', 'before', 'after', 'change', 'new', 'resolved'], [1, 2, 3, 4, 5]);
  for (const standard of comparison.standards) {
    standards.push([
      standard.id,
      snapshotLabel(standard.before, 'not assessed'),
      snapshotLabel(standard.after, 'not assessed'),
      changeLabel(standard.before, standard.after),
      standard.newBreaches,
      standard.resolvedBreaches,
    ]);
  }
  const teams = newTable(['team', 'before', 'after', 'change', 'new', 'resolved'], [1, 2, 3, 4, 5]);
  for (const team of comparison.teams) {
    teams.push([
      terminalText(team.team),
      snapshotLabel(team.before, 'no cases'),
      snapshotLabel(team.after, 'no cases'),
      changeLabel(team.before, team.after),
      team.newBreaches,
      team.resolvedBreaches,
    ]);
  }
  const { newBreaches, newErrors, knownBreaches, resolvedBreaches, notReassessed } = comparison.summary;
  const sections = [
    [`before: ${terminalText(identityLabel(comparison.before))}`, `after:  ${terminalText(identityLabel(comparison.after))}`].join('\n'),
    `Compliance by standard (compliant / applicable cases)\n${standards.toString()}`,
    `Compliance by team (compliant / applicable case-standard checks)\n${teams.toString()}`,
    `New breaches (${newBreaches})\n${newBreaches === 0 ? 'None.' : findingTable(comparison.newBreaches)}`,
    `Resolved breaches (${resolvedBreaches})\n${resolvedBreaches === 0 ? 'None.' : findingTable(comparison.resolved)}`,
    [
      `${newBreaches} new (${newErrors} unwaived ${newErrors === 1 ? 'error' : 'errors'})`,
      `${knownBreaches} known`,
      `${resolvedBreaches} resolved`,
      ...(notReassessed === 0 ? [] : [`${notReassessed} not re-assessed`]),
    ].join(' · '),
  ];
  return `${sections.join('\n\n')}\n`;
}

function markdownTable(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const rule = align.map((side) => (side === 'r' ? '---:' : ':---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

function markdownFindings(findings: readonly ComparedFinding[]): string[] {
  if (findings.length === 0) return ['_None._'];
  return markdownTable(
    ['Case', 'Standard', 'Record', 'Date', 'Severity', 'Team'],
    ['l', 'l', 'l', 'l', 'l', 'l'],
    findings.map((finding) => [
      escapeMarkdown(caseLabel(finding.caseId)),
      `\`${finding.standard}\``,
      escapeMarkdown(finding.recordId ?? ''),
      finding.date ?? '',
      findingLabel(finding),
      escapeMarkdown(finding.team),
    ]),
  );
}

export function formatComparisonMarkdown(comparison: Comparison): string {
  const { newBreaches, newErrors, knownBreaches, resolvedBreaches, notReassessed } = comparison.summary;
  const lines = [
    `# Practice audit — ${comparison.before.asOf} to ${comparison.after.asOf}`,
    '',
    `- **Before:** ${escapeMarkdown(identityLabel(comparison.before))}`,
    `- **After:** ${escapeMarkdown(identityLabel(comparison.after))}`,
    `- **Breaches:** ${newBreaches} new (${newErrors} unwaived ${newErrors === 1 ? 'error' : 'errors'}), ${knownBreaches} known, ${resolvedBreaches} resolved` +
      (notReassessed === 0 ? '' : `; ${notReassessed} not re-assessed`),
    '',
    '## Compliance by standard',
    '',
    ...markdownTable(
      ['Standard', 'Before', 'After', 'Change', 'New', 'Resolved'],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      comparison.standards.map((standard) => [
        `\`${standard.id}\``,
        snapshotLabel(standard.before, 'not assessed'),
        snapshotLabel(standard.after, 'not assessed'),
        changeLabel(standard.before, standard.after),
        String(standard.newBreaches),
        String(standard.resolvedBreaches),
      ]),
    ),
    '',
    '## Compliance by team',
    '',
    ...markdownTable(
      ['Team', 'Before', 'After', 'Change', 'New', 'Resolved'],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      comparison.teams.map((team) => [
        escapeMarkdown(team.team),
        snapshotLabel(team.before, 'no cases'),
        snapshotLabel(team.after, 'no cases'),
        changeLabel(team.before, team.after),
        String(team.newBreaches),
        String(team.resolvedBreaches),
      ]),
    ),
    '',
    '## New breaches',
    '',
    ...markdownFindings(comparison.newBreaches),
    '',
    '## Resolved breaches',
    '',
    ...markdownFindings(comparison.resolved),
  ];
  return `${lines.join('\n')}\n`;
}
