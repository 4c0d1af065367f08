// Excel workbook: summary rates per standard, team and worker; every finding and pending item; one row per case.
import type ExcelJS from 'exceljs';
import { complianceByGroup, groupOf, overallCompliance, type GroupBy } from '../report/breakdown.js';
import type { Report, WaiverEntry } from '../core/report.js';
import { xmlCharacters } from '../core/safe-text.js';
import {
  caseLabel,
  evidenceLine,
  periodLabel,
  rateBand,
  rateBandLegend,
  standardRate,
  standardSeverities,
  statusLabel,
  type RateBand,
} from './shared.js';

type CellValue = string | number | Date | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const RATE_FORMAT = '0.0%';
const DATE_FORMAT = 'yyyy-mm-dd';
/** exceljs's code for A4 (its PaperSize enum is const, so it cannot be read from a type-only import). */
const A4_PAPER = 9 as ExcelJS.PaperSize;

/** The HTML report's cell colours, pale enough that the number on them stays legible in print. */
const BAND_FILLS: Readonly<Record<Exclude<RateBand, 'none'>, ExcelJS.Fill>> = {
  good: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4EA' } },
  fair: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4E0' } },
  poor: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E7' } },
};
const BAND_COLOUR_NAMES: Readonly<Record<Exclude<RateBand, 'none'>, string>> = { good: 'green', fair: 'amber', poor: 'red' };

/** An ISO date as a real spreadsheet date (so date filters work), at UTC midnight so no time zone shifts the day. */
function spreadsheetDate(isoDate: string | null): Date | null {
  if (isoDate === null) return null;
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Text is always stored as a string cell: exceljs writes a formula only from an explicit `{ formula }` value, so
 * `=HYPERLINK(...)` from the export stays inert text and is kept exactly as exported.
 */
function textCell(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

function addHeader(sheet: ExcelJS.Worksheet, values: readonly string[]): ExcelJS.Row {
  const row = sheet.addRow([...values]);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  return row;
}

/** A rate cell: shown as a percentage, on its band's colour; no colour where nothing applied. */
function rateCell(cell: ExcelJS.Cell): void {
  cell.numFmt = RATE_FORMAT;
  const band = rateBand(typeof cell.value === 'number' ? cell.value : null);
  if (band !== 'none') cell.fill = BAND_FILLS[band];
}

/**
 * A4, fitted to one page wide however many pages long, with the header rows on every page; every cell wraps
 * within its column and sits at the top, so long text never runs over its neighbours. Headings in `spill`
 * rows stand alone on their row, so they may run on into the empty cells beside them instead of wrapping.
 */
function printLayout(
  sheet: ExcelJS.Worksheet,
  orientation: 'portrait' | 'landscape',
  titleRows: string,
  spill: ReadonlySet<number> = new Set(),
): void {
  sheet.pageSetup.paperSize = A4_PAPER;
  sheet.pageSetup.orientation = orientation;
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
  sheet.pageSetup.printTitlesRow = titleRows;
  sheet.eachRow((row, number) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: !spill.has(number) };
    }),
  );
}

function addRows(sheet: ExcelJS.Worksheet, rows: readonly (readonly CellValue[])[]): void {
  for (const values of rows) sheet.addRow([...values]);
}

function freezeHeaderWithFilter(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: columns } };
}

function setWidths(sheet: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

function groupTable(sheet: ExcelJS.Worksheet, report: Report, groupBy: GroupBy, headings: Set<number>): void {
  sheet.addRow([]);
  const heading = sheet.addRow([`Compliance by ${groupBy}`]);
  heading.font = { bold: true, size: 12 };
  headings.add(heading.number);
  addHeader(sheet, [groupBy === 'team' ? 'Team' : 'Worker', 'Cases', 'Cases with breaches', 'Applicable checks', 'Compliant', 'Rate']);
  for (const group of complianceByGroup(report.cases, groupBy)) {
    const row = sheet.addRow([
      textCell(group.group),
      group.cases,
      group.casesWithBreaches,
      group.overall.applicable,
      group.overall.compliant,
      group.overall.rate,
    ]);
    rateCell(row.getCell(6));
  }
}

function summarySheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet('Summary');
  const title = sheet.addRow([`Practice audit — as of ${report.asOf}`]);
  title.font = { bold: true, size: 14 };
  const headings = new Set([title.number]);
  const overall = overallCompliance(report.cases);
  const facts: [string, CellValue][] = [
    ['As of', spreadsheetDate(report.asOf)],
    ['Period', periodLabel(report.period)],
    ['Region', textCell(report.region)],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Cases audited', report.summary.cases],
    ['Cases with breaches', report.summary.casesWithBreaches],
    ['Errors', report.summary.errors],
    ['Warnings', report.summary.warnings],
    ['Pending', report.summary.pending],
    ['Standards partly assessed', report.summary.partlyAssessed],
    ['Standards not assessed', report.summary.notAssessed],
    ...report.assumptions.map(
      (assumption) => [`Assumed ${assumption.table}.${assumption.column}`, textCell(assumption.value)] as [string, CellValue],
    ),
    ...(report.summary.waived === undefined ? [] : [['Waived', report.summary.waived] as [string, CellValue]]),
    ...(report.baseline === undefined
      ? []
      : ([
          ['Baseline as of', spreadsheetDate(report.baseline.asOf)],
          ['New since baseline', report.baseline.new],
          ['Known (in baseline)', report.baseline.known],
          ['Resolved since baseline', report.baseline.resolved.length],
        ] as [string, CellValue][])),
    ['Overall compliance', overall.rate],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
    if (label === 'Overall compliance') rateCell(row.getCell(2));
  }
  // The colours' meaning in words, with rateBand's thresholds, each on its own colour.
  const legend = sheet.addRow([
    'Rate colours',
    ...rateBandLegend().map(({ band, text }) => `${BAND_COLOUR_NAMES[band]}: ${text}`),
  ]);
  legend.getCell(1).font = { bold: true };
  rateBandLegend().forEach(({ band }, index) => {
    legend.getCell(index + 2).fill = BAND_FILLS[band];
  });
  sheet.addRow([]);
  const standardsHeading = sheet.addRow(['Compliance by standard']);
  standardsHeading.font = { bold: true, size: 12 };
  headings.add(standardsHeading.number);
  addHeader(sheet, ['Standard', 'Requirement', 'Severity', 'Status', 'Applicable', 'Compliant', 'Rate', 'Breaches', 'Pending']);
  for (const standard of report.standards) {
    const row = sheet.addRow([
      standard.id,
      textCell(standard.title),
      standard.severity,
      textCell(statusLabel(standard)),
      standard.applicable,
      standard.compliant,
      standardRate(standard),
      standard.breaches,
      standard.pending,
    ]);
    rateCell(row.getCell(7));
  }
  groupTable(sheet, report, 'team', headings);
  groupTable(sheet, report, 'worker', headings);
  setWidths(sheet, [28, 40, 24, 30, 11, 11, 10, 10, 10]);
  printLayout(sheet, 'landscape', '1:1', headings);
}

export const FINDINGS_COLUMNS = [
  'Status',
  'Case',
  'Standard',
  'Severity',
  'Date',
  'Due',
  'Record',
  'Message',
  'Team',
  'Worker',
  'Source file',
  'Source line',
  'Evidence',
  'Baseline',
  'Waiver expires',
  'Waiver approved by',
  'Waiver reason',
] as const;

function findingsSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet('Findings');
  addHeader(sheet, FINDINGS_COLUMNS);
  const severities = standardSeverities(report);
  addRows(sheet, [
    ...report.findings.map((finding): CellValue[] => [
      finding.waiver === undefined ? 'breach' : 'waived',
      textCell(caseLabel(finding.caseId)),
      finding.standard,
      finding.severity,
      spreadsheetDate(finding.date),
      finding.due === undefined ? null : spreadsheetDate(finding.due),
      textCell(finding.recordId),
      textCell(finding.message),
      textCell(finding.team),
      textCell(finding.worker),
      textCell(finding.source?.file ?? null),
      finding.source?.line ?? null,
      textCell(finding.evidence.map(evidenceLine).join('\n')),
      finding.baseline ?? null,
      spreadsheetDate(finding.waiver?.expires ?? null),
      textCell(finding.waiver?.approvedBy ?? null),
      textCell(finding.waiver?.reason ?? null),
    ]),
    ...report.pending.map((item): CellValue[] => [
      'pending',
      textCell(caseLabel(item.caseId)),
      item.standard,
      severities.get(item.standard) ?? null,
      spreadsheetDate(item.date),
      spreadsheetDate(item.due),
      textCell(item.recordId),
      textCell(item.message),
      textCell(item.team),
      textCell(item.worker),
      textCell(item.source?.file ?? null),
      item.source?.line ?? null,
      textCell(item.evidence.map(evidenceLine).join('\n')),
    ]),
  ]);
  sheet.getColumn(5).numFmt = DATE_FORMAT;
  sheet.getColumn(6).numFmt = DATE_FORMAT;
  sheet.getColumn(15).numFmt = DATE_FORMAT;
  setWidths(sheet, [9, 14, 22, 9, 11, 11, 12, 48, 14, 12, 18, 7, 42, 10, 11, 16, 32]);
  freezeHeaderWithFilter(sheet, FINDINGS_COLUMNS.length);
  printLayout(sheet, 'landscape', '1:1');
}

export const CASES_COLUMNS = [
  'Case',
  'Team',
  'Worker',
  'Applicable',
  'Breached',
  'Rate',
  'Findings',
  'Pending',
  'Applicable standards',
  'Breached standards',
] as const;

function casesSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet('Cases');
  addHeader(sheet, CASES_COLUMNS);
  const findingsPerCase = new Map<string, number>();
  for (const finding of report.findings) findingsPerCase.set(finding.caseId, (findingsPerCase.get(finding.caseId) ?? 0) + 1);
  const pendingPerCase = new Map<string, number>();
  for (const item of report.pending) pendingPerCase.set(item.caseId, (pendingPerCase.get(item.caseId) ?? 0) + 1);
  for (const caseResult of report.cases) {
    const applicable = [...new Set([...caseResult.applicable, ...caseResult.breached])].sort();
    const breached = [...new Set(caseResult.breached)].sort();
    const row = sheet.addRow([
      textCell(caseResult.caseId),
      textCell(groupOf(caseResult, 'team')),
      textCell(groupOf(caseResult, 'worker')),
      applicable.length,
      breached.length,
      applicable.length === 0 ? null : (applicable.length - breached.length) / applicable.length,
      findingsPerCase.get(caseResult.caseId) ?? 0,
      pendingPerCase.get(caseResult.caseId) ?? 0,
      textCell(applicable.join(', ')),
      textCell(breached.join(', ')),
    ]);
    rateCell(row.getCell(6));
  }
  setWidths(sheet, [14, 16, 12, 11, 10, 8, 9, 8, 50, 40]);
  freezeHeaderWithFilter(sheet, CASES_COLUMNS.length);
  printLayout(sheet, 'landscape', '1:1');
}

export const WAIVERS_COLUMNS = ['Waiver', 'Standard', 'Case', 'Record', 'Expires', 'Approved by', 'Reason'] as const;

/** Expired and stale waivers, for the QA team to renew or remove (waived findings are on the Findings sheet). */
function waiversSheet(workbook: ExcelJS.Workbook, report: Report): void {
  if (report.waivers === undefined) return;
  const sheet = workbook.addWorksheet('Waivers');
  addHeader(sheet, WAIVERS_COLUMNS);
  const row = (status: string, entry: WaiverEntry): CellValue[] => [
    status,
    entry.standard,
    textCell(caseLabel(entry.caseId)),
    textCell(entry.recordId ?? 'all records'),
    spreadsheetDate(entry.expires),
    textCell(entry.approvedBy),
    textCell(entry.reason),
  ];
  addRows(sheet, [...report.waivers.expired.map((entry) => row('expired', entry)), ...report.waivers.stale.map((entry) => row('stale', entry))]);
  sheet.getColumn(5).numFmt = DATE_FORMAT;
  setWidths(sheet, [9, 24, 14, 14, 12, 18, 48]);
  freezeHeaderWithFilter(sheet, WAIVERS_COLUMNS.length);
  printLayout(sheet, 'landscape', '1:1');
}

export const RESOLVED_COLUMNS = ['Case', 'Standard', 'Severity', 'Date', 'Record', 'Message', 'Team', 'Worker'] as const;

function resolvedSheet(workbook: ExcelJS.Workbook, report: Report): void {
  if (report.baseline === undefined) return;
  const sheet = workbook.addWorksheet('Resolved');
  addHeader(sheet, RESOLVED_COLUMNS);
  addRows(
    sheet,
    report.baseline.resolved.map((item): CellValue[] => [
      textCell(caseLabel(item.caseId)),
      item.standard,
      item.severity,
      spreadsheetDate(item.date),
      textCell(item.recordId),
      textCell(item.message),
      textCell(item.team),
      textCell(item.worker),
    ]),
  );
  sheet.getColumn(4).numFmt = DATE_FORMAT;
  setWidths(sheet, [14, 22, 9, 12, 12, 48, 14, 12]);
  freezeHeaderWithFilter(sheet, RESOLVED_COLUMNS.length);
  printLayout(sheet, 'landscape', '1:1');
}

/** Zip entries carry the as-of date, not the time of writing, so the same report gives the same bytes. */
async function withFixedEntryDates(workbook: Uint8Array, date: Date): Promise<Uint8Array> {
  // Loaded on demand, as exceljs is: the bundled CLI would otherwise load it at every start.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(workbook);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function formatXlsx(report: Report): Promise<Uint8Array> {
  // Loaded on demand: exceljs is large, and every other command would pay for it at start-up.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  const asOf = spreadsheetDate(report.asOf) ?? new Date(0);
  workbook.creator = report.tool.name;
  workbook.lastModifiedBy = report.tool.name;
  workbook.created = asOf;
  workbook.modified = asOf;
  summarySheet(workbook, report);
  findingsSheet(workbook, report);
  casesSheet(workbook, report);
  waiversSheet(workbook, report);
  resolvedSheet(workbook, report);
  // A character XML forbids (U+FFFE, a lone surrogate, most controls) in any cell would make Excel refuse the file.
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = xmlCharacters(cell.value);
      }),
    ),
  );
  const written = await workbook.xlsx.writeBuffer();
  return withFixedEntryDates(new Uint8Array(written), asOf);
}
