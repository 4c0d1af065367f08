// CSV of findings and pending items, one row each, safe to open in Excel (BOM, CRLF, formula cells neutralised).
import { stringify } from 'csv-stringify/sync';
import type { Report, ReportFinding, ReportPending } from '../core/report.js';
import { evidenceLine, standardSeverities } from './shared.js';
import { controlsShown } from '../core/safe-text.js';

export const CSV_COLUMNS = [
  'status',
  'case',
  'standard',
  'severity',
  'date',
  'due',
  'record',
  'message',
  'team',
  'worker',
  'source_file',
  'source_line',
  'evidence',
  'baseline',
  'waiver_expires',
  'waiver_approved_by',
  'waiver_reason',
] as const;

/** OWASP CSV-injection advice: a cell a spreadsheet would read as a formula gets a leading apostrophe. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

type Cell = string | number;

function findingRow(item: ReportFinding): Cell[] {
  return [
    item.waiver === undefined ? 'breach' : 'waived',
    item.caseId,
    item.standard,
    item.severity,
    item.date ?? '',
    item.due ?? '',
    item.recordId ?? '',
    item.message,
    item.team ?? '',
    item.worker ?? '',
    item.source?.file ?? '',
    item.source?.line ?? '',
    item.evidence.map(evidenceLine).join('; '),
    item.baseline ?? '',
    item.waiver?.expires ?? '',
    item.waiver?.approvedBy ?? '',
    item.waiver?.reason ?? '',
  ];
}

function pendingRow(item: ReportPending, severity: string): Cell[] {
  return [
    'pending',
    item.caseId,
    item.standard,
    severity,
    item.date ?? '',
    item.due,
    item.recordId ?? '',
    item.message,
    item.team ?? '',
    item.worker ?? '',
    item.source?.file ?? '',
    item.source?.line ?? '',
    item.evidence.map(evidenceLine).join('; '),
    '',
    '',
    '',
    '',
  ];
}

/**
 * Breaches first, then pending items, each block in the report's order. A pending row carries the severity its
 * standard would breach at, and `status` = pending tells it apart. A finding a waiver accepts has `status` = waived
 * and the waiver's columns; `baseline` is new or known when the run had a baseline. Those columns are always there
 * (empty otherwise) so a spreadsheet or script reading the file never meets a different set of columns.
 */
export function formatCsv(report: Report): string {
  const severities = standardSeverities(report);
  const rows: Cell[][] = [
    ...report.findings.map(findingRow),
    ...report.pending.map((item) => pendingRow(item, severities.get(item.standard) ?? '')),
  ];
  const guarded = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(controlsShown(cell)) : cell)));
  return stringify([[...CSV_COLUMNS], ...guarded], {
    bom: true,
    record_delimiter: 'windows',
    quoted_string: true,
  });
}
