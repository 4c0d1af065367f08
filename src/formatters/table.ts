// Terminal report: header, standards table, compliance breakdown, findings per case with evidence, pending, totals.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { complianceByGroup } from '../report/breakdown.js';
import type { Report, ReportFinding } from '../core/report.js';
import {
  assessmentGapLine,
  assumptionLine,
  caseLabel,
  evidenceLine,
  findingStatus,
  findingStatusLabel,
  formatRate,
  groupByOf,
  itemsByCase,
  periodLabel,
  rateBand,
  sourceLabel,
  standardRate,
  statusLabel,
  waiverEntryLine,
  waiverLine,
} from './shared.js';
import type { FormatOptions } from './types.js';
import { terminalText } from '../core/safe-text.js';

export { terminalText } from '../core/safe-text.js';

interface Palette {
  readonly chalk: ChalkInstance;
  severity(severity: string): string;
  rate(rate: number | null): string;
}

function palette(color: boolean): Palette {
  // An explicit level, so the output depends on the option and never on the environment chalk would sniff.
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    chalk,
    severity: (severity) =>
      severity === 'error'
        ? chalk.red(severity)
        : severity === 'warning'
          ? chalk.yellow(severity)
          : severity === 'pending'
            ? chalk.cyan(severity)
            : chalk.dim(severity),
    rate: (rate) => {
      const text = formatRate(rate);
      const band = rateBand(rate);
      return band === 'good' ? chalk.green(text) : band === 'fair' ? chalk.yellow(text) : band === 'poor' ? chalk.red(text) : chalk.dim(text);
    },
  };
}

function newTable(head: string[], rightAligned: readonly number[]): Table.Table {
  return new Table({
    head,
    colAligns: head.map((_, index) => (rightAligned.includes(index) ? 'right' : 'left')),
    style: { head: [], border: [], compact: true },
  });
}

function headerLines(report: Report, paint: Palette): string[] {
  const { chalk } = paint;
  const lines = [
    chalk.bold(`${report.tool.name} ${terminalText(report.tool.version)}`) +
      ` · as of ${report.asOf} · period ${periodLabel(report.period)} · region ${terminalText(report.region)}`,
  ];
  if (report.inputs.length === 0) return [...lines, 'inputs: none'];
  const tableWidth = Math.max(...report.inputs.map((input) => input.table.length));
  lines.push('inputs:');
  for (const input of report.inputs) {
    const rejected = input.rejected === 0 ? '0 rejected' : chalk.red(`${input.rejected} rejected`);
    const kept = input.keptWithRejectedCells === 0 ? '' : `, ${chalk.yellow(`${input.keptWithRejectedCells} kept with a rejected cell`)}`;
    const linked = input.symlink === true ? ' (through a symbolic link)' : '';
    lines.push(`  ${input.table.padEnd(tableWidth)}  ${terminalText(input.file)}${linked} (${input.rows} rows, ${rejected}${kept})`);
  }
  if (report.assumptions.length > 0) {
    lines.push('assumed:');
    for (const assumption of report.assumptions) lines.push(`  ${terminalText(assumptionLine(assumption))}`);
  }
  return lines;
}

function standardsTable(report: Report, paint: Palette): string {
  const table = newTable(['standard', 'severity', 'status', 'applicable', 'compliant', 'rate', 'breaches', 'pending'], [3, 4, 5, 6, 7]);
  for (const standard of report.standards) {
    const assessed = standard.status === 'assessed';
    table.push([
      standard.id,
      paint.severity(standard.severity),
      assessed ? statusLabel(standard) : paint.chalk.dim(terminalText(statusLabel(standard))),
      standard.applicable,
      standard.compliant,
      paint.rate(standardRate(standard)),
      standard.breaches,
      standard.pending,
    ]);
  }
  return table.toString();
}

function breakdownTable(report: Report, options: FormatOptions, paint: Palette): string {
  const groupBy = groupByOf(options);
  const table = newTable([groupBy, 'cases', 'with breaches', 'applicable', 'compliant', 'rate'], [1, 2, 3, 4, 5]);
  for (const group of complianceByGroup(report.cases, groupBy)) {
    table.push([
      terminalText(group.group),
      group.cases,
      group.casesWithBreaches,
      group.overall.applicable,
      group.overall.compliant,
      paint.rate(group.overall.rate),
    ]);
  }
  return table.toString();
}

function findingLines(report: Report, paint: Palette): string[] {
  const { chalk } = paint;
  const cases = itemsByCase(report).filter((entry) => entry.findings.length > 0);
  if (cases.length === 0) return ['No breaches found.'];
  const standardWidth = Math.max(...report.findings.map((finding) => finding.standard.length));
  // Only a status that says more than "breach" is tagged: waived, or new or known against a baseline.
  const statusTag = (finding: ReportFinding) => {
    const status = findingStatus(finding);
    if (status === 'breach') return '';
    const tag = `[${findingStatusLabel(finding)}]`;
    return `  ${status === 'new' ? chalk.red(tag) : status === 'waived' ? chalk.dim(tag) : tag}`;
  };
  const lines: string[] = [];
  for (const entry of cases) {
    const who = [
      entry.team === null ? 'no team' : `team ${terminalText(entry.team)}`,
      entry.worker === null ? 'no worker' : `worker ${terminalText(entry.worker)}`,
    ];
    lines.push(`${chalk.bold(terminalText(caseLabel(entry.caseId)))}  ${chalk.dim(who.join(' · '))}`);
    for (const finding of entry.findings) {
      const record = terminalText(finding.recordId ?? sourceLabel(finding));
      const due = finding.due === undefined ? '' : `  ${paint.chalk.cyan(`due ${finding.due}`)}`;
      lines.push(
        `  ${paint.severity(finding.severity.padEnd(7))}  ${finding.standard.padEnd(standardWidth)}  ${finding.date ?? '—'.padEnd(10)}  ${record}${due}${statusTag(finding)}`,
      );
      lines.push(`    ${terminalText(finding.message)}`);
      if (finding.waiver !== undefined) lines.push(chalk.dim(`    ${terminalText(waiverLine(finding.waiver))}`));
      if (finding.source !== null) lines.push(chalk.dim(`      · source ${terminalText(sourceLabel(finding))}`));
      for (const evidence of finding.evidence) lines.push(chalk.dim(`      · ${terminalText(evidenceLine(evidence))}`));
    }
  }
  return lines;
}

function pendingLines(report: Report, paint: Palette): string[] {
  if (report.pending.length === 0) return ['Nothing pending.'];
  const caseWidth = Math.max(...report.pending.map((item) => terminalText(caseLabel(item.caseId)).length));
  const standardWidth = Math.max(...report.pending.map((item) => item.standard.length));
  const lines: string[] = [];
  for (const item of report.pending) {
    const record = terminalText(item.recordId ?? sourceLabel(item));
    lines.push(
      `  ${paint.chalk.cyan(`due ${item.due}`)}  ${terminalText(caseLabel(item.caseId)).padEnd(caseWidth)}  ${item.standard.padEnd(standardWidth)}  ${record}`,
    );
    lines.push(`    ${terminalText(item.message)}`);
  }
  return lines;
}

/** Expired waivers (their findings count again) and stale ones (nothing left to waive): the QA team's to tidy. */
function waiverLines(report: Report, paint: Palette): string[] | null {
  if (report.waivers === undefined) return null;
  const { applied, expired, stale } = report.waivers;
  const lines = [`${applied} ${applied === 1 ? 'waiver' : 'waivers'} applied, ${expired.length} expired, ${stale.length} stale`];
  for (const entry of expired) lines.push(`  ${paint.chalk.yellow('expired')}  ${terminalText(waiverEntryLine(entry))}`);
  for (const entry of stale) lines.push(`  ${paint.chalk.dim('stale')}    ${terminalText(waiverEntryLine(entry))}`);
  return lines;
}

function baselineLines(report: Report, paint: Palette): string[] | null {
  if (report.baseline === undefined) return null;
  const { new: added, known, resolved, notReassessed } = report.baseline;
  const lines = [
    `${added} new, ${known} known, ${resolved.length} resolved` +
      (notReassessed === 0 ? '' : ` (${notReassessed} earlier ${notReassessed === 1 ? 'breach' : 'breaches'} not re-assessed in this run)`),
  ];
  if (resolved.length === 0) return lines;
  const caseWidth = Math.max(...resolved.map((item) => terminalText(caseLabel(item.caseId)).length));
  const standardWidth = Math.max(...resolved.map((item) => item.standard.length));
  for (const item of resolved) {
    lines.push(
      `  ${paint.chalk.green('resolved')}  ${terminalText(caseLabel(item.caseId)).padEnd(caseWidth)}  ${item.standard.padEnd(standardWidth)}  ${item.date ?? '—'.padEnd(10)}  ${terminalText(item.recordId ?? '')}`,
    );
  }
  return lines;
}

function totalsLine(report: Report, paint: Palette): string {
  const { cases, casesWithBreaches, errors, warnings, pending, waived } = report.summary;
  const { chalk } = paint;
  return [
    `${cases} ${cases === 1 ? 'case' : 'cases'}, ${casesWithBreaches} with breaches`,
    `${errors === 0 ? '0 errors' : chalk.red(`${errors} ${errors === 1 ? 'error' : 'errors'}`)}, ${
      warnings === 0 ? '0 warnings' : chalk.yellow(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`)
    }`,
    ...(waived === undefined ? [] : [`${waived} waived`]),
    `${pending} pending`,
    ...(report.baseline === undefined ? [] : [`${report.baseline.new} new since ${report.baseline.asOf}`]),
    ...(assessmentGapLine(report) === null ? [] : [chalk.yellow(assessmentGapLine(report) ?? '')]),
  ].join(' · ');
}

export function formatTable(report: Report, options: FormatOptions): string {
  const paint = palette(options.color);
  const heading = (text: string) => paint.chalk.bold.underline(text);
  const groupBy = groupByOf(options);
  const sections = [
    headerLines(report, paint).join('\n'),
    `${heading('Standards')}\n${standardsTable(report, paint)}`,
    `${heading(`Compliance by ${groupBy}`)}\n${breakdownTable(report, options, paint)}`,
    `${heading('Findings')}\n${findingLines(report, paint).join('\n')}`,
    `${heading('Pending')}\n${pendingLines(report, paint).join('\n')}`,
  ];
  const waivers = waiverLines(report, paint);
  if (waivers !== null) sections.push(`${heading('Waivers')}\n${waivers.join('\n')}`);
  const baseline = baselineLines(report, paint);
  if (baseline !== null) sections.push(`${heading(`Since the baseline of ${report.baseline?.asOf ?? ''}`)}\n${baseline.join('\n')}`);
  sections.push(totalsLine(report, paint));
  return `${sections.join('\n\n')}\n`;
}
