// Builds the data-integrity findings: which row, which column and why, without echoing ids' or text's values.
import { type Evidence, type Finding, type MessageData, type SourceRef } from '../core/finding.js';
import { UnreadableDate } from '../core/dates.js';

import { tableSpec, type ColumnSpec } from '../model/tables.js';
import { sourceOf, type TableName } from '../model/types.js';
import { meta as duplicateIdStandard } from '../../checks/integrity/data-duplicate-id.js';
import { meta as invalidRowStandard } from '../../checks/integrity/data-invalid-row.js';
import { meta as orphanRowStandard } from '../../checks/integrity/data-orphan-row.js';

/** A finding that always says which file and line it is about. */
export type LocatedFinding = Finding & { readonly source: SourceRef };

/** Where a raw row came from; `jsonPath` (e.g. `cases[3].visits[1]`) only for rows read from JSON. */
export interface RowOrigin {
  readonly file: string;
  readonly line: number;
  readonly jsonPath: string | null;
  /** Canonical column → the export's own name for it, when a mapping renamed it. */
  readonly labels?: ReadonlyMap<string, string> | undefined;
}

/** How a column is named in a finding: its name in CSV (the export's, when mapped), its path in JSON. */
export const columnLabel = (origin: RowOrigin, column: string): string =>
  origin.jsonPath === null ? (origin.labels?.get(column) ?? column) : `${origin.jsonPath}.${column}`;

const readableId = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** Key columns joined by `/`, e.g. `A1/M1` for an assessment view; null when a key cell is unreadable. */
export function recordIdOf(table: TableName, row: Readonly<Record<string, unknown>>): string | null {
  const parts: string[] = [];
  for (const column of tableSpec(table).key) {
    const id = readableId(row[column]);
    if (id === null) return null;
    parts.push(id);
  }
  return parts.join('/');
}

function identity(table: TableName, raw: Readonly<Record<string, unknown>>) {
  return { caseId: readableId(raw['case_id']) ?? '', recordId: recordIdOf(table, raw) };
}

const sourceOfOrigin = (origin: RowOrigin): SourceRef => ({ file: origin.file, line: origin.line });

/** Kinds whose values may be repeated in a report, when they look like what the column should hold. */
const ECHOED_KINDS: ReadonlySet<ColumnSpec['kind']> = new Set(['date', 'bool', 'enum', 'int']);

// A value that failed its check is not known to be safe: a name or a sentence typed into a date or flag
// column must not reach the report. Date and number columns repeat only digits, date punctuation, month
// names and AM/PM ("31/02/2026", "31-Feb-2026", "-1"); listed-value and flag columns also repeat a single
// short code ("Rescheduled", "DNA"), which is what a mapping needs to be told, but never several words.
const NUMERIC_LIKE = /^[-+]?\d[\d ./:T+-]*Z?$/;
const MONTH_OR_MERIDIEM = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|am|pm)\b/gi;
const looksLikeADateOrNumber = (text: string): boolean => NUMERIC_LIKE.test(text.replace(MONTH_OR_MERIDIEM, '0'));
const SINGLE_CODE = /^[A-Za-z0-9_-]{1,20}$/;
const isRepeatable = (text: string, kind: ColumnSpec['kind']): boolean =>
  looksLikeADateOrNumber(text) || ((kind === 'enum' || kind === 'bool') && SINGLE_CODE.test(text));

export interface ColumnProblem {
  readonly column: ColumnSpec;
  readonly reason: string;
}

/** A decoded row that failed its schema: the first failing column in the message, every one in the evidence. */
export function invalidRow(
  table: TableName,
  raw: Readonly<Record<string, unknown>>,
  origin: RowOrigin,
  problems: readonly [ColumnProblem, ...ColumnProblem[]],
): LocatedFinding {
  return cellFinding(table, raw, origin, problems, 'invalidValue', 'invalidField');
}

/** A row kept with its bad optional cells read as not recorded: the first in the message, every one in the evidence. */
export function rejectedCells(
  table: TableName,
  raw: Readonly<Record<string, unknown>>,
  origin: RowOrigin,
  problems: readonly [ColumnProblem, ...ColumnProblem[]],
): LocatedFinding {
  const finding = cellFinding(table, raw, origin, problems, 'cellRejectedValue', 'cellRejected');
  return { ...finding, data: { ...finding.data, cells: problems.length } };
}

function cellFinding(
  table: TableName,
  raw: Readonly<Record<string, unknown>>,
  origin: RowOrigin,
  problems: readonly [ColumnProblem, ...ColumnProblem[]],
  withValue: string,
  withoutValue: string,
): LocatedFinding {
  const [first] = problems;
  const value = repeatableValue(raw[first.column.name], first.column.kind);
  const data: MessageData = {
    table,
    column: columnLabel(origin, first.column.name),
    reason: first.reason,
    ...(value === undefined ? {} : { value }),
  };
  const { caseId, recordId } = identity(table, raw);
  return {
    standard: invalidRowStandard.id,
    caseId,
    recordId,
    date: null,
    messageId: value === undefined ? withoutValue : withValue,
    data,
    evidence: problems.map(({ column, reason }) => ({
      table,
      ...(recordId === null ? {} : { id: recordId }),
      note: `${columnLabel(origin, column.name)}: ${reason}`,
    })),
    source: sourceOfOrigin(origin),
  };
}

const ECHO_LIMIT = 40;

/**
 * A value that failed its check as it may be repeated in a report (a finding, the pre-flight): on one line and cut
 * short, and only in a date, number, flag or listed-value column when it looks like what the column should hold
 * (see isRepeatable); undefined otherwise, since a misused column may still hold a name or free text.
 */
export function repeatableValue(value: unknown, kind: ColumnSpec['kind']): string | undefined {
  if (!ECHOED_KINDS.has(kind)) return undefined;
  let text: string;
  if (value instanceof UnreadableDate) text = value.text.replace(/\s+/g, ' ');
  else if (typeof value === 'string') text = value.trim().replace(/\s+/g, ' ');
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else return undefined;
  if (text === '' || !isRepeatable(text, kind)) return undefined;
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT - 1)}…` : text;
}

/** A CSV record with more or fewer cells than the header; `column` names the first cell it lacks or adds. */
export function wrongCellCount(
  table: TableName,
  raw: Readonly<Record<string, unknown>>,
  origin: RowOrigin,
  header: readonly string[],
  cells: number,
): LocatedFinding {
  const reason = `the row has ${cells} cell(s) but the header has ${header.length} column(s)`;
  const column = cells < header.length ? (header[cells] ?? '') : `cell ${header.length + 1}`;
  const { caseId, recordId } = identity(table, raw);
  return {
    standard: invalidRowStandard.id,
    caseId,
    recordId,
    date: null,
    messageId: 'wrongCellCount',
    data: { table, column, reason, cells, columns: header.length },
    evidence: [{ table, ...(recordId === null ? {} : { id: recordId }), note: reason }],
    source: sourceOfOrigin(origin),
  };
}

/** A row embedded in a case document whose own `case_id` names another case. */
export function caseIdMismatch(
  table: TableName,
  raw: Readonly<Record<string, unknown>>,
  origin: RowOrigin,
  documentCaseId: string,
): LocatedFinding {
  const { caseId, recordId } = identity(table, raw);
  const reason = `case_id ${caseId} does not match the case document's case_id ${documentCaseId}`;
  return {
    standard: invalidRowStandard.id,
    caseId,
    recordId,
    date: null,
    messageId: 'caseIdMismatch',
    data: { table, column: columnLabel(origin, 'case_id'), reason, rowCaseId: caseId, documentCaseId },
    evidence: [{ table, ...(recordId === null ? {} : { id: recordId }), note: reason }],
    source: sourceOfOrigin(origin),
  };
}

interface AuditedRow {
  readonly case_id: string;
  readonly sourceFile: string;
  readonly sourceLine: number;
}

/** A valid row whose case has no audited row in cases. */
export function unknownCase(table: TableName, row: AuditedRow, recordId: string | null): LocatedFinding {
  return {
    standard: orphanRowStandard.id,
    caseId: row.case_id,
    recordId,
    date: null,
    messageId: 'unknownCase',
    data: { table, column: 'case_id', caseId: row.case_id },
    evidence: [{ table: 'cases', id: row.case_id, note: 'no audited cases row with this case_id' }],
    source: sourceOf(row),
  };
}

/** A valid row naming a person, assessment or meeting its case does not have. */
export function unknownReference(
  table: TableName,
  row: AuditedRow,
  recordId: string | null,
  column: string,
  referenced: 'people' | 'assessments' | 'meetings',
  missingId: string,
): LocatedFinding {
  return {
    standard: orphanRowStandard.id,
    caseId: row.case_id,
    recordId,
    date: null,
    messageId: 'unknownReference',
    data: { table, column, referenced, missingId, caseId: row.case_id },
    evidence: [{ table: referenced, id: missingId, note: `${column} names no audited ${referenced} row of the case` }],
    source: sourceOf(row),
  };
}

/** A later occurrence of a key already taken by an earlier row, which stays in the audit. */
export function duplicateId(table: TableName, row: AuditedRow, recordId: string, first: SourceRef): LocatedFinding {
  const firstSource = `${first.file}:${first.line}`;
  const evidence: Evidence = { table, id: recordId, note: `first occurrence at ${firstSource}` };
  return {
    standard: duplicateIdStandard.id,
    caseId: row.case_id,
    recordId,
    date: null,
    messageId: table === 'cases' ? 'duplicateCase' : 'duplicateId',
    data: {
      table,
      key: tableSpec(table).key.join('/'),
      id: recordId,
      caseId: row.case_id,
      firstSource,
      firstFile: first.file,
      firstLine: first.line,
    },
    evidence: [evidence],
    source: sourceOf(row),
  };
}

/**
 * An orphan or duplicate finding (built from a validated row, which no longer knows its file's header) with
 * its columns named as the export names them, when a mapping renamed them.
 */
export function withSourceLabels(finding: LocatedFinding, labels: ReadonlyMap<string, string> | undefined): LocatedFinding {
  if (!labels || labels.size === 0) return finding;
  const data: Record<string, string | number> = { ...finding.data };
  const column = data['column'];
  const label = typeof column === 'string' ? labels.get(column) : undefined;
  if (label !== undefined) data['column'] = label;
  if (typeof data['key'] === 'string') data['key'] = data['key'].split('/').map((part) => labels.get(part) ?? part).join('/');
  const evidence =
    label === undefined
      ? finding.evidence
      : finding.evidence.map((item) => (item.note.startsWith(`${String(column)} `) ? { ...item, note: `${label}${item.note.slice(String(column).length)}` } : item));
  return { ...finding, data, evidence };
}
