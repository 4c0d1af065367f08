// Markdown audit summary a manager pastes into a monthly report: headline, rates by standard and team, findings.
import { complianceByGroup, overallCompliance, UNASSIGNED_LABEL } from '../report/breakdown.js';
import type { Report, ReportFinding, StandardSummary, WaiverEntry } from '../core/report.js';
import {
  assumptionLine,
  caseLabel,
  findingStatusLabel,
  formatRate,
  groupByOf,
  periodLabel,
  showsFindingStatus,
  standardRate,
  statusLabel,
} from './shared.js';
import type { FormatOptions } from './types.js';
import { controlsShown } from '../core/safe-text.js';

// Only marks that act inside a line: data never starts a line, so #, + and - cannot open a block.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Text from the data, made inert: no markup, no table breaks, one line. */
export function escapeMarkdown(text: string): string {
  // Escape and NUL bytes would reach whoever views the file raw, in a terminal or another tool: shown as \xNN.
  return controlsShown(text.replace(/[\r\n]+/g, ' ')).replace(MARKDOWN_SPECIAL, (mark) => `\\${mark}`);
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const rule = align.map((side) => (side === 'r' ? '---:' : ':---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

function headline(report: Report): string[] {
  const assessed = report.standards.filter((s) => s.status === 'assessed').length;
  const notAssessed = report.standards.filter((s) => s.status === 'not-assessed').length;
  const partly = report.standards.filter((s) => s.status === 'partly-assessed').length;
  const off = report.standards.filter((s) => s.status === 'off').length;
  const overall = overallCompliance(report.cases);
  const { cases, casesWithBreaches, errors, warnings, pending } = report.summary;
  const caseShare = cases === 0 ? '' : ` (${formatRate(casesWithBreaches / cases)})`;
  return [
    '## Headline',
    '',
    `- **Cases audited:** ${cases}`,
    `- **Cases with breaches:** ${casesWithBreaches}${caseShare}`,
    `- **Overall compliance:** ${formatRate(overall.rate)} (${overall.compliant} of ${overall.applicable} applicable case-standard checks)`,
    `- **Findings:** ${errors} errors, ${warnings} warnings; ${pending} pending (deadline not yet passed)`,
    `- **Standards:** ${assessed} assessed, ${partly} partly assessed, ${notAssessed} not assessed, ${off} off`,
    ...report.assumptions.map((assumption) => `- **Assumed:** ${escapeMarkdown(assumptionLine(assumption))}`),
    ...(report.summary.waived === undefined
      ? []
      : [`- **Waived:** ${report.summary.waived} findings accepted by a waiver (not counted in the errors and warnings above)`]),
    ...(report.baseline === undefined
      ? []
      : [
          `- **Since the baseline of ${report.baseline.asOf}:** ${report.baseline.new} new, ${report.baseline.known} known, ${report.baseline.resolved.length} resolved`,
        ]),
  ];
}

function standardsTable(report: Report): string[] {
  const rows = report.standards.map((standard) => [
    `\`${standard.id}\``,
    escapeMarkdown(standard.title),
    standard.severity,
    escapeMarkdown(statusLabel(standard)),
    String(standard.applicable),
    String(standard.compliant),
    formatRate(standardRate(standard)),
    String(standard.breaches),
    String(standard.pending),
  ]);
  return [
    '## Compliance by standard',
    '',
    ...table(
      ['Standard', 'Requirement', 'Severity', 'Status', 'Applicable', 'Compliant', 'Rate', 'Breaches', 'Pending'],
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
      rows,
    ),
  ];
}

function groupSection(report: Report, options: FormatOptions): string[] {
  const groupBy = groupByOf(options);
  const groups = complianceByGroup(report.cases, groupBy);
  const noun = groupBy === 'team' ? 'Team' : 'Worker';
  const lines = [`## Compliance by ${groupBy}`, ''];
  if (groups.length === 0) return [...lines, '_No cases were audited._'];
  lines.push(
    ...table(
      [noun, 'Cases', 'Cases with breaches', 'Applicable checks', 'Compliant', 'Rate'],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      groups.map((group) => [
        escapeMarkdown(group.group),
        String(group.cases),
        String(group.casesWithBreaches),
        String(group.overall.applicable),
        String(group.overall.compliant),
        formatRate(group.overall.rate),
      ]),
    ),
  );
  const standards = [...new Set(groups.flatMap((group) => group.byStandard.map((s) => s.standard)))].sort();
  if (standards.length === 0) return lines;
  lines.push('', `Rate per standard and ${groupBy} (compliant / applicable cases):`, '');
  lines.push(
    ...table(
      ['Standard', ...groups.map((group) => escapeMarkdown(group.group))],
      ['l', ...groups.map(() => 'r' as const)],
      standards.map((standard) => [
        `\`${standard}\``,
        ...groups.map((group) => {
          const rate = group.byStandard.find((s) => s.standard === standard);
          return rate === undefined ? '—' : `${formatRate(rate.rate)} (${rate.compliant}/${rate.applicable})`;
        }),
      ]),
    ),
  );
  if (groups.some((group) => group.group === UNASSIGNED_LABEL[groupBy])) {
    lines.push('', `_${escapeMarkdown(UNASSIGNED_LABEL[groupBy])}: cases whose ${groupBy} the export left empty._`);
  }
  return lines;
}

function findingsOfStandard(standard: StandardSummary, findings: readonly ReportFinding[], withStatus: boolean): string[] {
  const heading = `### \`${standard.id}\` — ${escapeMarkdown(standard.title)} (${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}, ${standard.severity})`;
  const header = ['Case', 'Date', 'Due', 'Record', 'Message', 'Source', ...(withStatus ? ['Status'] : [])];
  return [
    heading,
    '',
    ...table(
      header,
      header.map(() => 'l' as const),
      findings.map((finding) => [
        escapeMarkdown(caseLabel(finding.caseId)),
        finding.date ?? '',
        finding.due ?? '',
        escapeMarkdown(finding.recordId ?? (finding.source === null ? '' : `${finding.source.file}:${finding.source.line}`)),
        escapeMarkdown(finding.message),
        escapeMarkdown(finding.source === null ? '' : `${finding.source.file}:${finding.source.line}`),
        ...(withStatus ? [escapeMarkdown(findingStatusLabel(finding))] : []),
      ]),
    ),
    '',
  ];
}

function findingsSection(report: Report): string[] {
  const lines = ['## Findings', ''];
  if (report.findings.length === 0) return [...lines, '_No breaches found._', ''];
  const withStatus = showsFindingStatus(report);
  for (const standard of report.standards) {
    const findings = report.findings.filter((finding) => finding.standard === standard.id);
    if (findings.length > 0) lines.push(...findingsOfStandard(standard, findings, withStatus));
  }
  return lines;
}

function waiverRows(entries: readonly WaiverEntry[]): string[][] {
  return entries.map((entry) => [
    `\`${entry.standard}\``,
    escapeMarkdown(caseLabel(entry.caseId)),
    escapeMarkdown(entry.recordId ?? 'all records'),
    entry.expires,
    escapeMarkdown(entry.approvedBy),
    escapeMarkdown(entry.reason),
  ]);
}

/** Waived findings with the waiver's reason and approver, then the expired and stale waivers to review. */
function waiversSection(report: Report): string[] {
  if (report.waivers === undefined) return [];
  const { applied, expired, stale } = report.waivers;
  const header = ['Standard', 'Case', 'Record', 'Expires', 'Approved by', 'Reason'];
  const align = header.map(() => 'l' as const);
  const waived = report.findings.filter((finding) => finding.waiver !== undefined);
  const lines = [
    '## Waivers',
    '',
    `${applied} ${applied === 1 ? 'waiver' : 'waivers'} applied to ${waived.length} ${waived.length === 1 ? 'finding' : 'findings'}; ${expired.length} expired; ${stale.length} stale.`,
    '',
  ];
  if (waived.length > 0) {
    lines.push(
      '### Waived findings',
      '',
      ...table(
        header,
        align,
        waived.map((finding) => [
          `\`${finding.standard}\``,
          escapeMarkdown(caseLabel(finding.caseId)),
          escapeMarkdown(finding.recordId ?? ''),
          finding.waiver?.expires ?? '',
          escapeMarkdown(finding.waiver?.approvedBy ?? ''),
          escapeMarkdown(finding.waiver?.reason ?? ''),
        ]),
      ),
      '',
    );
  }
  if (expired.length > 0) {
    lines.push('### Expired waivers (their findings count again)', '', ...table(header, align, waiverRows(expired)), '');
  }
  if (stale.length > 0) {
    lines.push('### Stale waivers (no finding left to waive)', '', ...table(header, align, waiverRows(stale)), '');
  }
  return lines;
}

function baselineSection(report: Report): string[] {
  if (report.baseline === undefined) return [];
  const { asOf, new: added, known, resolved, notReassessed } = report.baseline;
  const lines = [
    `## Since the baseline of ${asOf}`,
    '',
    `${added} new, ${known} known, ${resolved.length} resolved.` +
      (notReassessed === 0 ? '' : ` ${notReassessed} earlier ${notReassessed === 1 ? 'breach was' : 'breaches were'} not re-assessed in this run.`),
    '',
  ];
  if (resolved.length === 0) return lines;
  return [
    ...lines,
    ...table(
      ['Standard', 'Case', 'Record', 'Date', 'Message'],
      ['l', 'l', 'l', 'l', 'l'],
      resolved.map((item) => [
        `\`${item.standard}\``,
        escapeMarkdown(caseLabel(item.caseId)),
        escapeMarkdown(item.recordId ?? ''),
        item.date ?? '',
        escapeMarkdown(item.message),
      ]),
    ),
    '',
  ];
}

function pendingSection(report: Report): string[] {
  if (report.pending.length === 0) return [];
  return [
    '## Pending (deadline not yet passed)',
    '',
    ...table(
      ['Standard', 'Case', 'Record', 'Due', 'Message'],
      ['l', 'l', 'l', 'l', 'l'],
      report.pending.map((item) => [
        `\`${item.standard}\``,
        escapeMarkdown(caseLabel(item.caseId)),
        escapeMarkdown(item.recordId ?? ''),
        item.due,
        escapeMarkdown(item.message),
      ]),
    ),
    '',
  ];
}

export function formatMarkdown(report: Report, options: FormatOptions): string {
  const lines = [
    `# Practice audit — as of ${report.asOf}`,
    '',
    `Period: ${escapeMarkdown(periodLabel(report.period))} · Region: ${escapeMarkdown(report.region)} · ${report.tool.name} ${escapeMarkdown(report.tool.version)}`,
    '',
    ...headline(report),
    '',
    ...standardsTable(report),
    '',
    ...groupSection(report, options),
    '',
    ...findingsSection(report),
    ...pendingSection(report),
    ...waiversSection(report),
    ...baselineSection(report),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
