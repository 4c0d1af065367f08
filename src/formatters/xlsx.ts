// Excel workbook: summary rates per standard, team and worker; every finding and pending item; one row per case.
import type ExcelJS from 'exceljs';
import { complianceByGroup, groupOf, overallCompliance, type GroupBy } from '../report/breakdown.js';
import type { Report, WaiverEntry } from '../report/types.js';
import { xmlCharacters } from '../util/safe-text.js';
import { caseLabel, evidenceLine, periodLabel, rateBand, standardRate, standardSeverities, statusLabel, type RateBand } from './shared.js';

type CellValue = string | number | Date | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const RATE_FORMAT = '0.0%';
const DATE_FORMAT = 'yyyy-mm-dd';

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

function groupTable(sheet: ExcelJS.Worksheet, report: Report, groupBy: GroupBy): void {
  sheet.addRow([]);
  sheet.addRow([`Compliance by ${groupBy}`]).font = { bold: true, size: 12 };
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
    row.getCell(6).numFmt = RATE_FORMAT;
  }
}

function summarySheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet('Summary');
  sheet.addRow([`Practice audit — as of ${report.asOf}`]).font = { bold: true, size: 14 };
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
    ['Rate colours', BAND_NOTE],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
    if (label === 'Overall compliance') row.getCell(2).numFmt = RATE_FORMAT;
  }
  sheet.addRow([]);
  sheet.addRow(['Compliance by standard']).font = { bold: true, size: 12 };
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
    row.getCell(7).numFmt = RATE_FORMAT;
  }
  groupTable(sheet, report, 'team');
  groupTable(sheet, report, 'worker');
  setWidths(sheet, [32, 48, 18, 40, 12, 12, 10, 10, 10]);
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
  sheet.getColumn(8).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(13).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(15).numFmt = DATE_FORMAT;
  setWidths(sheet, [9, 14, 30, 9, 12, 12, 12, 70, 14, 12, 24, 8, 60, 10, 12, 18, 40]);
  freezeHeaderWithFilter(sheet, FINDINGS_COLUMNS.length);
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
    row.getCell(6).numFmt = RATE_FORMAT;
  }
  setWidths(sheet, [14, 16, 12, 11, 10, 8, 9, 8, 60, 50]);
  freezeHeaderWithFilter(sheet, CASES_COLUMNS.length);
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
  setWidths(sheet, [9, 30, 14, 14, 12, 18, 60]);
  freezeHeaderWithFilter(sheet, WAIVERS_COLUMNS.length);
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
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  setWidths(sheet, [14, 30, 9, 12, 12, 70, 14, 12]);
  freezeHeaderWithFilter(sheet, RESOLVED_COLUMNS.length);
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

/** Rate cells coloured by band; the bands are shared with the HTML report and stated on the Summary sheet. */
const BAND_FILLS: Readonly<Record<Exclude<RateBand, 'none'>, ExcelJS.Fill>> = {
  good: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } },
  fair: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } },
  poor: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
};

export const BAND_NOTE =
  'Rate colours: green 90% or more, amber 75% to 89.9%, red below 75% (a reading aid, not a standard of practice).';

/**
 * Print setup for every sheet: A4, as wide as one page (as many pages down as it takes), the header row on each
 * page; long text wrapped at the top of its cell rather than running over the next; rates coloured by band.
 */
function printable(sheet: ExcelJS.Worksheet): void {
  const summary = sheet.name === 'Summary';
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: summary ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  if (!summary) sheet.pageSetup.printTitlesRow = '1:1';
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.length > 24) cell.alignment = { wrapText: true, vertical: 'top' };
      if (cell.numFmt === RATE_FORMAT && typeof cell.value === 'number') {
        const band = rateBand(cell.value);
        if (band !== 'none') cell.fill = BAND_FILLS[band];
      }
    }),
  );
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
  workbook.eachSheet(printable);
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
