// Terminal report: header, standards table, compliance breakdown, findings per case with evidence, pending, totals.
import { Chalk, type ChalkInstance } from 'chalk';
import { complianceByGroup } from '../report/breakdown.js';
import { mappingNotes } from './inputs.js';
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
  /** Text (a rate, or part of one) in the colour of the rate's band. */
  band(text: string, rate: number | null): string;
}

function palette(color: boolean): Palette {
  // An explicit level, so the output depends on the option and never on the environment chalk would sniff.
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const bandColour = (text: string, rate: number | null) => {
    const band = rateBand(rate);
    return band === 'good' ? chalk.green(text) : band === 'fair' ? chalk.yellow(text) : band === 'poor' ? chalk.red(text) : chalk.dim(text);
  };
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
    rate: (rate) => bandColour(formatRate(rate), rate),
    band: (text, rate) => bandColour(text, rate),
  };
}


/** The width when the CLI gives none: what a log file, a pipe or an e-mailed report is read at. */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, even the standards' ids alone would not fit. */
export const MIN_WIDTH = 40;
/** Ends a line where a word too long for it (a file path) was split: a cut is always shown, never silent. */
export const SPLIT_MARK = '↵';

// eslint-disable-next-line no-control-regex -- the colour codes chalk adds are what is measured away
const SGR = /\u001b\[[0-9;]*m/g;

// East Asian wide and fullwidth characters and emoji take two columns in a terminal.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

function characterWidth(code: number): number {
  // Combining marks and zero-width characters add nothing to the character before them.
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || code === 0xfe0f) return 0;
  return WIDE.some(([low, high]) => code >= low && code <= high) ? 2 : 1;
}

export function stripColour(text: string): string {
  return text.replace(SGR, '');
}

/** The columns a string takes on a terminal: colour codes none, wide characters two. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const character of stripColour(text)) width += characterWidth(character.codePointAt(0) ?? 0);
  return width;
}

/** The longest start of a word that fits in `columns` (at least one character, so the split always moves on). */
function splitWord(word: string, columns: number): [string, string] {
  let width = 0;
  let end = 0;
  for (const character of word) {
    const next = characterWidth(character.codePointAt(0) ?? 0);
    if (end > 0 && width + next > columns) break;
    width += next;
    end += character.length;
  }
  return [word.slice(0, end), word.slice(end)];
}

/**
 * Plain text wrapped at spaces: `first` columns on the first line, `rest` on the others. A word longer than a
 * line is split, each piece but the last ending in SPLIT_MARK.
 */
function wrapWords(text: string, first: number, rest = first): string[] {
  const lines: string[] = [];
  let line = '';
  const room = () => Math.max(2, lines.length === 0 ? first : rest);
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (visibleWidth(candidate) <= room()) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (visibleWidth(line) > room()) {
      const [head, tail] = splitWord(line, room() - 1);
      lines.push(`${head}${SPLIT_MARK}`);
      line = tail;
    }
  }
  lines.push(line);
  return lines;
}

/** Free text after a (possibly coloured) lead, wrapped to the width, continuation lines indented by `hang`. */
function prose(lead: string, text: string, width: number, hang: number, paint: (line: string) => string = (line) => line): string[] {
  const pieces = wrapWords(text, width - visibleWidth(lead), width - hang);
  return pieces.map((piece, index) => (index === 0 ? `${lead}${paint(piece)}` : `${' '.repeat(hang)}${paint(piece)}`));
}

interface Field {
  /** The field as shown, colour included. */
  readonly text: string;
  /** What goes before it when it follows another field on the same line (default two spaces). */
  readonly separator?: string;
}

/**
 * Fields (ids, dates, labels) on as few lines as the width allows, a field never broken unless it alone is
 * wider than a line; lines after the first start with `hang` spaces.
 */
function fieldLines(fields: readonly Field[], width: number, indent: string, hang: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const finish = () => {
    lines.push(line.replace(/ +$/, ''));
    line = ' '.repeat(hang);
    lineWidth = hang;
  };
  line = indent;
  lineWidth = visibleWidth(indent);
  let first = true;
  for (const field of fields) {
    const separator = first ? '' : (field.separator ?? '  ');
    const fieldWidth = visibleWidth(field.text);
    if (!first && lineWidth + separator.length + fieldWidth > width) finish();
    const atStart = lineWidth === (lines.length === 0 ? visibleWidth(indent) : hang);
    const gap = atStart ? '' : separator;
    if (lineWidth + gap.length + fieldWidth <= width) {
      line += gap + field.text;
      lineWidth += gap.length + fieldWidth;
    } else {
      // Wider than a whole line: wrapped as plain words, its colour given up rather than a character lost.
      const pieces = wrapWords(stripColour(field.text), width - lineWidth - gap.length, width - hang);
      pieces.forEach((piece, index) => {
        if (index > 0) finish();
        line += (index === 0 ? gap : '') + piece;
        lineWidth += (index === 0 ? gap.length : 0) + visibleWidth(piece);
      });
    }
    first = false;
  }
  lines.push(line.replace(/ +$/, ''));
  return lines;
}

interface Column {
  readonly head: string;
  /** Plain cell text, one per row. */
  readonly cells: readonly string[];
  /** Colour for a cell's lines (row index given), applied after wrapping. */
  readonly paint?: (line: string, row: number) => string;
  readonly align?: 'left' | 'right';
  /** Free text that may wrap at spaces (a status with its reason); other cells are ids, numbers and dates. */
  readonly prose?: boolean;
  /** Order of dropping when the width cannot hold every column: 1 goes first; absent, never dropped. */
  readonly drop?: number;
}

/** The narrowest a prose column is squeezed to before a column is dropped instead. */
const PROSE_MIN = 12;
/** A word up to this long is kept whole in a prose column; a longer one (a pasted URL) may be split. */
const PROSE_LONGEST_WHOLE_WORD = 20;

const longestWord = (text: string) => Math.max(0, ...text.split(' ').map(visibleWidth));

function naturalWidth(column: Column): number {
  return Math.max(visibleWidth(column.head), ...column.cells.map(visibleWidth));
}

/** Ids, numbers and dates whole; a heading may wrap at its spaces; prose down to PROSE_MIN. */
function minimumWidth(column: Column): number {
  if (column.prose === true) {
    const words = Math.min(PROSE_LONGEST_WHOLE_WORD, Math.max(...column.cells.map(longestWord)));
    return Math.min(naturalWidth(column), Math.max(PROSE_MIN, longestWord(column.head), words));
  }
  return Math.max(longestWord(column.head), ...column.cells.map(visibleWidth));
}

const frameWidth = (columns: number) => 3 * columns + 1;
const total = (widths: readonly number[]) => widths.reduce((sum, width) => sum + width, 0) + frameWidth(widths.length);

/**
 * The columns that fit and their widths: prose and headings wrap first; while even their narrowest is too wide,
 * columns are dropped by their `drop` order. Only when nothing droppable is left are ids split, with SPLIT_MARK.
 */
function fitColumns(columns: readonly Column[], width: number): { shown: Column[]; widths: number[]; dropped: string[] } {
  let shown = [...columns];
  const dropped: string[] = [];
  for (;;) {
    const minimums = shown.map(minimumWidth);
    const droppable = shown.filter((column) => column.drop !== undefined);
    if (total(minimums) <= width || droppable.length === 0) {
      const widths = shown.map(naturalWidth);
      // Narrow the column with the most to give, one column at a time, so the wrapping is spread evenly.
      const floors = total(minimums) <= width ? minimums : shown.map(() => 2);
      while (total(widths) > width) {
        let widest = -1;
        widths.forEach((columnWidth, index) => {
          const slack = columnWidth - (floors[index] ?? 0);
          if (slack > 0 && (widest === -1 || slack > (widths[widest] ?? 0) - (floors[widest] ?? 0))) widest = index;
        });
        if (widest === -1) break;
        widths[widest] = (widths[widest] ?? 0) - 1;
      }
      return { shown, widths, dropped };
    }
    const victim = droppable.reduce((a, b) => ((b.drop ?? 0) < (a.drop ?? 0) ? b : a));
    shown = shown.filter((column) => column !== victim);
    dropped.push(victim.head);
  }
}

/** A boxed table no wider than `width`, and a line naming the columns it had to leave out. */
function boxTable(columns: readonly Column[], width: number): string {
  const { shown, widths, dropped } = fitColumns(columns, width);
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const row = (cells: readonly string[][], aligns: readonly ('left' | 'right')[]) => {
    const height = Math.max(...cells.map((lines) => lines.length));
    const lines: string[] = [];
    for (let line = 0; line < height; line += 1) {
      const parts = cells.map((cellLines, index) => {
        const text = cellLines[line] ?? '';
        const padding = ' '.repeat(Math.max(0, (widths[index] ?? 0) - visibleWidth(text)));
        return aligns[index] === 'right' ? `${padding}${text}` : `${text}${padding}`;
      });
      lines.push(`│ ${parts.join(' │ ')} │`);
    }
    return lines;
  };
  const aligns = shown.map((column) => column.align ?? 'left');
  const rows = columns[0]?.cells.length ?? 0;
  const lines = [rule('┌', '┬', '┐'), ...row(shown.map((column, index) => wrapWords(column.head, widths[index] ?? 0)), aligns)];
  lines.push(rule('├', '┼', '┤'));
  for (let r = 0; r < rows; r += 1) {
    const cells = shown.map((column, index) => {
      const text = column.cells[r] ?? '';
      const wrapped = visibleWidth(text) <= (widths[index] ?? 0) ? [text] : wrapWords(text, widths[index] ?? 0);
      return wrapped.map((line) => (column.paint === undefined ? line : column.paint(line, r)));
    });
    lines.push(...row(cells, aligns));
  }
  lines.push(rule('└', '┴', '┘'));
  if (dropped.length > 0) {
    const needed = total(columns.map(minimumWidth));
    lines.push(...prose('', `(not shown at ${width} columns: ${dropped.join(', ')}; ${needed} columns show every one)`, width, 1));
  }
  return lines.join('\n');
}

function headerLines(report: Report, paint: Palette, width: number): string[] {
  const { chalk } = paint;
  const lines = fieldLines(
    [
      { text: chalk.bold(`${report.tool.name} ${terminalText(report.tool.version)}`) },
      { text: `as of ${report.asOf}`, separator: ' · ' },
      { text: `period ${periodLabel(report.period)}`, separator: ' · ' },
      { text: `region ${terminalText(report.region)}`, separator: ' · ' },
    ],
    width,
    '',
    2,
  );
  if (report.inputs.length === 0) return [...lines, 'inputs: none'];
  const tableWidth = Math.max(...report.inputs.map((input) => input.table.length));
  lines.push('inputs:');
  for (const input of report.inputs) {
    const rejected = input.rejected === 0 ? '0 rejected' : chalk.red(`${input.rejected} rejected`);
    const kept = input.keptWithRejectedCells === 0 ? '' : `, ${chalk.yellow(`${input.keptWithRejectedCells} kept with a rejected cell`)}`;
    const linked = input.symlink === true ? ' (through a symbolic link)' : '';
    const mapped = mappingNotes(input).map((note) => `, ${note}`).join('');
    lines.push(
      ...fieldLines(
        [
          { text: input.table.padEnd(tableWidth) },
          { text: `${terminalText(input.file)}${linked}` },
          { text: `(${input.rows} rows, ${rejected}${kept}${mapped})`, separator: ' ' },
        ],
        width,
        '  ',
        4,
      ),
    );
  }
  if (report.skipped !== undefined) {
    lines.push('skipped:');
    for (const { file, reason } of report.skipped) lines.push(...prose('  ', terminalText(`${file}: ${reason}`), width, 4));
  }
  if (report.assumptions.length > 0) {
    lines.push('assumed:');
    for (const assumption of report.assumptions) lines.push(...prose('  ', terminalText(assumptionLine(assumption)), width, 4));
  }
  return lines;
}

// Dropped first when the width cannot hold every column: what the other columns already imply, or says least.
const STANDARDS_DROP = { compliant: 1, pending: 2, applicable: 3, severity: 4, breaches: 5 } as const;
const BREAKDOWN_DROP = { compliant: 1, applicable: 2, cases: 3, 'with breaches': 4 } as const;

function standardsTable(report: Report, paint: Palette, width: number): string {
  const standards = report.standards;
  const numbers = (head: keyof typeof STANDARDS_DROP, value: (s: (typeof standards)[number]) => number): Column => ({
    head,
    cells: standards.map((standard) => String(value(standard))),
    align: 'right',
    drop: STANDARDS_DROP[head],
  });
  return boxTable(
    [
      { head: 'standard', cells: standards.map((standard) => standard.id) },
      {
        head: 'severity',
        cells: standards.map((standard) => standard.severity),
        paint: (line) => paint.severity(line),
        drop: STANDARDS_DROP.severity,
      },
      {
        head: 'status',
        cells: standards.map((standard) => terminalText(statusLabel(standard))),
        paint: (line, row) => (standards[row]?.status === 'assessed' ? line : paint.chalk.dim(line)),
        prose: true,
      },
      numbers('applicable', (standard) => standard.applicable),
      numbers('compliant', (standard) => standard.compliant),
      {
        head: 'rate',
        cells: standards.map((standard) => formatRate(standardRate(standard))),
        paint: (line, row) => {
          const standard = standards[row];
          return standard === undefined ? line : paint.band(line, standardRate(standard));
        },
        align: 'right',
      },
      numbers('breaches', (standard) => standard.breaches),
      numbers('pending', (standard) => standard.pending),
    ],
    width,
  );
}

function breakdownTable(report: Report, options: FormatOptions, paint: Palette, width: number): string {
  const groupBy = groupByOf(options);
  const groups = complianceByGroup(report.cases, groupBy);
  const numbers = (head: keyof typeof BREAKDOWN_DROP, value: (g: (typeof groups)[number]) => number): Column => ({
    head,
    cells: groups.map((group) => String(value(group))),
    align: 'right',
    drop: BREAKDOWN_DROP[head],
  });
  return boxTable(
    [
      // Team and worker names come from the export: free text that may wrap.
      { head: groupBy, cells: groups.map((group) => terminalText(group.group)), prose: true },
      numbers('cases', (group) => group.cases),
      numbers('with breaches', (group) => group.casesWithBreaches),
      numbers('applicable', (group) => group.overall.applicable),
      numbers('compliant', (group) => group.overall.compliant),
      {
        head: 'rate',
        cells: groups.map((group) => formatRate(group.overall.rate)),
        paint: (line, row) => paint.band(line, groups[row]?.overall.rate ?? null),
        align: 'right',
      },
    ],
    width,
  );
}

function findingLines(report: Report, paint: Palette, width: number): string[] {
  const { chalk } = paint;
  const cases = itemsByCase(report).filter((entry) => entry.findings.length > 0);
  if (cases.length === 0) return ['No breaches found.'];
  const standardWidth = Math.max(...report.findings.map((finding) => finding.standard.length));
  // Only a status that says more than "breach" is tagged: waived, or new or known against a baseline.
  const statusTag = (finding: ReportFinding): Field[] => {
    const status = findingStatus(finding);
    if (status === 'breach') return [];
    const tag = `[${findingStatusLabel(finding)}]`;
    return [{ text: status === 'new' ? chalk.red(tag) : status === 'waived' ? chalk.dim(tag) : tag }];
  };
  const dim = (line: string) => chalk.dim(line);
  const lines: string[] = [];
  for (const entry of cases) {
    const who = [
      entry.team === null ? 'no team' : `team ${terminalText(entry.team)}`,
      entry.worker === null ? 'no worker' : `worker ${terminalText(entry.worker)}`,
    ];
    lines.push(...fieldLines([{ text: chalk.bold(terminalText(caseLabel(entry.caseId))) }, { text: chalk.dim(who.join(' · ')) }], width, '', 2));
    for (const finding of entry.findings) {
      const record = terminalText(finding.recordId ?? sourceLabel(finding));
      lines.push(
        ...fieldLines(
          [
            { text: paint.severity(finding.severity.padEnd(7)) },
            { text: finding.standard.padEnd(standardWidth) },
            { text: finding.date ?? '—'.padEnd(10) },
            { text: record },
            ...(finding.due === undefined ? [] : [{ text: paint.chalk.cyan(`due ${finding.due}`) }]),
            ...statusTag(finding),
          ],
          width,
          '  ',
          4,
        ),
      );
      lines.push(...prose('    ', terminalText(finding.message), width, 4));
      if (finding.waiver !== undefined) lines.push(...prose(dim('    '), terminalText(waiverLine(finding.waiver)), width, 6, dim));
      if (finding.source !== null) lines.push(...prose(dim('      · '), `source ${terminalText(sourceLabel(finding))}`, width, 8, dim));
      for (const evidence of finding.evidence) lines.push(...prose(dim('      · '), terminalText(evidenceLine(evidence)), width, 8, dim));
    }
  }
  return lines;
}

function pendingLines(report: Report, paint: Palette, width: number): string[] {
  if (report.pending.length === 0) return ['Nothing pending.'];
  const caseWidth = Math.max(...report.pending.map((item) => terminalText(caseLabel(item.caseId)).length));
  const standardWidth = Math.max(...report.pending.map((item) => item.standard.length));
  const lines: string[] = [];
  for (const item of report.pending) {
    const record = terminalText(item.recordId ?? sourceLabel(item));
    lines.push(
      ...fieldLines(
        [
          { text: paint.chalk.cyan(`due ${item.due}`) },
          { text: terminalText(caseLabel(item.caseId)).padEnd(caseWidth) },
          { text: item.standard.padEnd(standardWidth) },
          { text: record },
        ],
        width,
        '  ',
        4,
      ),
    );
    lines.push(...prose('    ', terminalText(item.message), width, 4));
  }
  return lines;
}

/** Expired waivers (their findings count again) and stale ones (nothing left to waive): the QA team's to tidy. */
function waiverLines(report: Report, paint: Palette, width: number): string[] | null {
  if (report.waivers === undefined) return null;
  const { applied, expired, stale } = report.waivers;
  const lines = prose('', `${applied} ${applied === 1 ? 'waiver' : 'waivers'} applied, ${expired.length} expired, ${stale.length} stale`, width, 2);
  for (const entry of expired) lines.push(...prose(`  ${paint.chalk.yellow('expired')}  `, terminalText(waiverEntryLine(entry)), width, 11));
  for (const entry of stale) lines.push(...prose(`  ${paint.chalk.dim('stale')}    `, terminalText(waiverEntryLine(entry)), width, 11));
  return lines;
}

function baselineLines(report: Report, paint: Palette, width: number): string[] | null {
  if (report.baseline === undefined) return null;
  const { new: added, known, resolved, notReassessed } = report.baseline;
  const lines = prose(
    '',
    `${added} new, ${known} known, ${resolved.length} resolved` +
      (notReassessed === 0 ? '' : ` (${notReassessed} earlier ${notReassessed === 1 ? 'breach' : 'breaches'} not re-assessed in this run)`),
    width,
    2,
  );
  if (resolved.length === 0) return lines;
  const caseWidth = Math.max(...resolved.map((item) => terminalText(caseLabel(item.caseId)).length));
  const standardWidth = Math.max(...resolved.map((item) => item.standard.length));
  for (const item of resolved) {
    lines.push(
      ...fieldLines(
        [
          { text: paint.chalk.green('resolved') },
          { text: terminalText(caseLabel(item.caseId)).padEnd(caseWidth) },
          { text: item.standard.padEnd(standardWidth) },
          { text: item.date ?? '—'.padEnd(10) },
          { text: terminalText(item.recordId ?? '') },
        ],
        width,
        '  ',
        4,
      ),
    );
  }
  return lines;
}

function totalsLines(report: Report, paint: Palette, width: number): string[] {
  const { cases, casesWithBreaches, errors, warnings, pending, waived } = report.summary;
  const { chalk } = paint;
  const gap = assessmentGapLine(report);
  const parts = [
    `${cases} ${cases === 1 ? 'case' : 'cases'}, ${casesWithBreaches} with breaches`,
    `${errors === 0 ? '0 errors' : chalk.red(`${errors} ${errors === 1 ? 'error' : 'errors'}`)}, ${
      warnings === 0 ? '0 warnings' : chalk.yellow(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`)
    }`,
    ...(waived === undefined ? [] : [`${waived} waived`]),
    `${pending} pending`,
    ...(report.baseline === undefined ? [] : [`${report.baseline.new} new since ${report.baseline.asOf}`]),
    ...(gap === null ? [] : [chalk.yellow(gap)]),
  ];
  return fieldLines(
    parts.map((text) => ({ text, separator: ' · ' })),
    width,
    '',
    2,
  );
}

/** The width a report is laid out to: at least MIN_WIDTH, DEFAULT_WIDTH when the CLI says nothing. */
export function layoutWidth(options: FormatOptions): number {
  const width = options.width ?? DEFAULT_WIDTH;
  return Number.isFinite(width) ? Math.max(MIN_WIDTH, Math.floor(width)) : DEFAULT_WIDTH;
}

export function formatTable(report: Report, options: FormatOptions): string {
  const paint = palette(options.color);
  const width = layoutWidth(options);
  const heading = (text: string) => paint.chalk.bold.underline(text);
  const groupBy = groupByOf(options);
  const sections = [
    headerLines(report, paint, width).join('\n'),
    `${heading('Standards')}\n${standardsTable(report, paint, width)}`,
    `${heading(`Compliance by ${groupBy}`)}\n${breakdownTable(report, options, paint, width)}`,
    `${heading('Findings')}\n${findingLines(report, paint, width).join('\n')}`,
    `${heading('Pending')}\n${pendingLines(report, paint, width).join('\n')}`,
  ];
  const waivers = waiverLines(report, paint, width);
  if (waivers !== null) sections.push(`${heading('Waivers')}\n${waivers.join('\n')}`);
  const baseline = baselineLines(report, paint, width);
  if (baseline !== null) sections.push(`${heading(`Since the baseline of ${report.baseline?.asOf ?? ''}`)}\n${baseline.join('\n')}`);
  sections.push(totalsLines(report, paint, width).join('\n'));
  return `${sections.join('\n\n')}\n`;
}
