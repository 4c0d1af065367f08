// The pre-flight: from what the inputs' headers offer, which standards an audit would assess fully, partly or not at all.
import type { HeaderScan, FileHeader } from '../read/scan.js';
import { tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { terminalText } from '../core/safe-text.js';
import type { ColumnValues, FileValues, ValueExample } from './preflight-values.js';
import type { Clause } from '../../checks/types.js';
import { judgeClauses } from './clauses.js';

/** The part of a standard's metadata the pre-flight needs. */
export interface StandardNeeds {
  readonly id: string;
  readonly title: string;
  readonly needs: readonly TableName[];
  readonly reads: Partial<Record<TableName, readonly string[]>>;
  /** The rule's clauses and the columns each needs (`meta.clauses`); without them every column read is needed. */
  readonly clauses?: readonly Clause[];
}

/** Whether a standard runs: selected and switched on, or off and why. */
export type Selection = (id: string) => { readonly off: false } | { readonly off: true; readonly reason: string };

export type Readiness = 'assessed' | 'partly-assessed' | 'not-assessed' | 'off';

export interface StandardReadiness {
  readonly id: string;
  readonly title: string;
  readonly status: Readiness;
  /** Tables it needs that no usable input supplies. */
  readonly missingTables: readonly TableName[];
  /** `table.column` it reads that no usable input of the table has (tables it only reads count whole). */
  readonly missingColumns: readonly string[];
  /** `table.column` it reads that every input of the table fills with the same constant of the mapping. */
  readonly constantColumns: readonly string[];
  readonly reason: string | null;
}

export interface TableReadiness {
  readonly table: TableName;
  /** The usable inputs that supply it. */
  readonly files: readonly string[];
  /** Its columns found in at least one of them, in contract order. */
  readonly columns: readonly string[];
  /** Its columns found in none of them. */
  readonly absent: readonly string[];
}

/** Something in the inputs that would stop the audit (exit 2) before any standard ran. */
export interface Problem {
  readonly file: string | null;
  readonly line: number | null;
  readonly message: string;
}

/** One input as the pre-flight reports it: what its header offers and, when its rows were sampled, what its values hold. */
export interface PreflightFile extends FileHeader {
  /** Null for JSON and NDJSON, for an input that cannot be placed in a table, and when no rows were sampled. */
  readonly values: FileValues | null;
}

/** The values sampled per input (see preflight-values.ts). */
export interface SampledValues {
  /** Rows read from each input at most; null for every row. */
  readonly limit: number | null;
  valuesOf(file: string, mapping: string | null): FileValues | null;
}

export interface PreflightReport {
  readonly schemaVersion: 1;
  /** How many rows of each tabular input were read for `values`: null when every row was; the whole is null when none were. */
  readonly sample: { readonly rows: number | null } | null;
  readonly files: readonly PreflightFile[];
  readonly ignored: readonly string[];
  /** Files read only for the mapping's lookups. */
  readonly lookupFiles: readonly string[];
  /** Files found but not read, with why. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  readonly skippedSheets: readonly string[];
  readonly mappingFilesNotFound: readonly string[];
  readonly problems: readonly Problem[];
  readonly tables: readonly TableReadiness[];
  readonly standards: readonly StandardReadiness[];
  readonly summary: {
    readonly assessed: number;
    readonly partlyAssessed: number;
    readonly notAssessed: number;
    readonly off: number;
    readonly problems: number;
  };
}

const isUsable = (file: FileHeader): file is FileHeader & { table: TableName } =>
  file.table !== null &&
  file.problem === null &&
  file.missingRequired.length === 0 &&
  file.missingMapped.length === 0 &&
  file.repeated.length === 0;

/** The problems of one input, worded as the audit would stop on them. */
function problemsOf(file: FileHeader): Problem[] {
  const at = { file: file.file, line: file.line };
  const problems: Problem[] = [];
  if (file.problem !== null) problems.push({ ...at, message: file.problem });
  for (const { column, header } of file.missingMapped) {
    problems.push({ ...at, message: `the mapping (${file.mapping ?? 'tables'}.columns.${column}) names column "${header}", which this file does not have` });
  }
  if (file.missingRequired.length > 0) {
    problems.push({ ...at, message: `table ${file.table ?? '?'} is missing required column(s) ${file.missingRequired.join(', ')}` });
  }
  for (const column of file.repeated) problems.push({ ...at, message: `column ${column} appears more than once in the header` });
  return problems;
}

const plural = (count: number, word: string) => `${word}${count === 1 ? '' : 's'}`;

/**
 * Judges every standard against the scanned headers: not assessed when a table it needs is absent (or only
 * in inputs the audit would stop on); partly assessed when a column it reads, or a table it only reads,
 * is in no input, so the check would see "not recorded" everywhere; assessed otherwise.
 */
export function preflight(scan: HeaderScan, standards: readonly StandardNeeds[], selection: Selection, values?: SampledValues): PreflightReport {
  const usable = scan.files.filter(isUsable);
  const problems = scan.files.flatMap(problemsOf);
  const byTable = new Map<TableName, (FileHeader & { table: TableName })[]>();
  for (const file of usable) byTable.set(file.table, [...(byTable.get(file.table) ?? []), file]);
  if (!byTable.has('cases')) {
    problems.push({ file: null, line: null, message: 'no cases table among the inputs: the audit cannot run' });
  }

  const tables: TableReadiness[] = TABLE_NAMES.filter((table) => byTable.has(table)).map((table) => {
    const files = byTable.get(table) ?? [];
    const found = new Set(files.flatMap((file) => file.columns.map((column) => column.column)));
    const names = tableSpec(table).columns.map((column) => column.name);
    return {
      table,
      files: files.map((file) => file.file),
      columns: names.filter((name) => found.has(name)),
      absent: names.filter((name) => !found.has(name)),
    };
  });
  const readinessOf = new Map(tables.map((table) => [table.table, table]));

  const judged = standards.map((standard): StandardReadiness => {
    const base = { id: standard.id, title: standard.title, missingTables: [], missingColumns: [], constantColumns: [] };
    const selected = selection(standard.id);
    if (selected.off) return { ...base, status: 'off', reason: selected.reason };
    const missingTables = standard.needs.filter((table) => !readinessOf.has(table));
    if (missingTables.length > 0) {
      return {
        ...base,
        status: 'not-assessed',
        missingTables,
        reason: `${plural(missingTables.length, 'table')} ${missingTables.join(', ')} missing from the input`,
      };
    }
    const constantColumns: string[] = [];
    // Judged as the audit judges: only a column a clause needs leaves part of the rule unjudged. A column read
    // only to exempt or narrow (a risk flag, an un-contactable date) is read as not recorded when absent.
    const missingColumns = judgeClauses({ meta: standard }, (table, column) => readinessOf.get(table)?.columns.includes(column) ?? false).absentColumns;
    for (const [table, columns] of Object.entries(standard.reads) as [TableName, readonly string[]][]) {
      const readiness = readinessOf.get(table);
      if (!readiness) continue;
      const files = byTable.get(table) ?? [];
      for (const column of columns) {
        if (!readiness.columns.includes(column)) continue;
        // One value for every row of every input: the export does not record it, the mapping assumes it.
        // Constants that differ between inputs (cin and cp plans from two files) carry information.
        const constants = files.map((file) => file.columns.find((found) => found.column === column && found.origin === 'constant')?.constant);
        if (constants.every((value) => value !== undefined && value === constants[0])) constantColumns.push(`${table}.${column}`);
      }
    }
    if (missingColumns.length > 0) {
      return {
        ...base,
        status: 'partly-assessed',
        missingColumns,
        constantColumns,
        reason: `${missingColumns.join(', ')} in no input: the check sees ${missingColumns.length === 1 ? 'it' : 'them'} as not recorded on every row`,
      };
    }
    return {
      ...base,
      status: 'assessed',
      constantColumns,
      reason: constantColumns.length > 0 ? `${constantColumns.join(', ')} not in the export: one value for every row, set by the mapping` : null,
    };
  });

  const count = (status: Readiness) => judged.filter((standard) => standard.status === status).length;
  return {
    schemaVersion: 1,
    sample: values === undefined ? null : { rows: values.limit },
    files: scan.files.map((file) => ({ ...file, values: values?.valuesOf(file.file, file.mapping) ?? null })),
    ignored: scan.ignored,
    lookupFiles: scan.lookupFiles,
    skipped: scan.skipped,
    skippedSheets: scan.skippedSheets,
    mappingFilesNotFound: scan.mappingFilesNotFound,
    problems,
    tables,
    standards: judged,
    summary: {
      assessed: count('assessed'),
      partlyAssessed: count('partly-assessed'),
      notAssessed: count('not-assessed'),
      off: count('off'),
      problems: problems.length,
    },
  };
}

/** 0 when every selected standard would be assessed in full and nothing would stop the audit, else 1. */
export function preflightExitCode(report: PreflightReport): 0 | 1 {
  const { partlyAssessed, notAssessed, problems } = report.summary;
  return partlyAssessed + notAssessed + problems === 0 ? 0 : 1;
}

const STATUS_LABELS: Readonly<Record<Readiness, string>> = {
  assessed: 'assessed',
  'partly-assessed': 'partly assessed',
  'not-assessed': 'not assessed',
  off: 'off',
};

const padded = (rows: readonly (readonly string[])[]): string[] => {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};

function describeColumns(file: FileHeader): string {
  const mapped = file.columns.filter((column) => column.origin === 'mapped').length;
  const constant = file.columns.filter((column) => column.origin === 'constant').length;
  const parts = [`${file.columns.length} ${plural(file.columns.length, 'column')}`];
  if (mapped > 0) parts.push(`${mapped} mapped`);
  if (constant > 0) parts.push(`${constant} constant`);
  if (file.unused > 0) parts.push(`${file.unused} not used`);
  return parts.join(', ');
}

/** Where the example values are: `line 14: "31/02/2026" (3 rows)`, the value left out when it may not be repeated. */
const exampleText = (examples: readonly ValueExample[]): string =>
  examples.length === 0
    ? ''
    : ` (e.g. ${examples
        .map((example) => `line ${example.line}${example.value === null ? '' : `: "${example.value}"`}${example.rows > 1 ? `, ${example.rows} rows` : ''}`)
        .join('; ')})`;

/**
 * What one column's sample has to say, or null when nothing. Empty cells are "not recorded", which an optional column
 * may well be: they are shown for a required column (the audit leaves such rows out); an optional column empty on
 * every row is named in the file's one line of such columns instead (see valuesSection).
 */
function describeColumnValues(column: ColumnValues, rows: number): string | null {
  const parts: string[] = [];
  const notRecorded: string[] = [];
  if (column.empty > 0 && column.required) notRecorded.push(`${column.empty} of ${rows} empty`);
  if (column.nullTokens > 0) {
    const [token] = column.tokens;
    const read = column.translatedTokens === 0 ? 'read as empty' : column.translatedTokens === column.nullTokens ? 'read as empty, then translated by the mapping\'s values' : `read as empty, ${column.translatedTokens} then translated by the mapping's values`;
    notRecorded.push(
      column.tokens.length === 1 && token !== undefined
        ? `${column.nullTokens} of ${rows} ${token} (null token, ${read})`
        : `${column.nullTokens} of ${rows} null tokens (${column.tokens.join(', ')}; ${read})`,
    );
  }
  const missing = column.empty + column.nullTokens - column.translatedTokens;
  if (notRecorded.length > 0) {
    parts.push(column.required && missing > 0 ? `${notRecorded.join(', ')}: required, so the audit leaves ${missing === 1 ? 'that row' : `those ${missing} rows`} out` : notRecorded.join(', '));
  }
  const refused: [number, string][] = [
    [column.unreadableDates, 'unreadable date'],
    [column.unknownCodes, 'unknown code'],
    [column.invalid, 'invalid value'],
  ];
  for (const [count, what] of refused) if (count > 0) parts.push(`${count} ${plural(count, what)}${exampleText(column.examples)}`);
  return parts.length === 0 ? null : `${columnName(column)}: ${parts.join('; ')}`;
}

/** A column as the analyst knows it: its contract name, and the export's header when the mapping renames it. */
const columnName = (column: ColumnValues): string => (column.mapped ? `${column.column} (${column.header})` : column.column);

/** The values section: per sampled input, how many rows were read and left out, then each column with something to say and the advice. */
function valuesSection(report: PreflightReport): string[] {
  const sampled = report.files.filter((file) => file.values !== null);
  if (report.sample === null || sampled.length === 0) return [];
  const { rows } = report.sample;
  const lines = [
    '',
    rows === null ? 'Values (every row of each file)' : `Values (the first ${rows} ${plural(rows, 'row')} of each file; --sample-rows N or --all-rows to read more)`,
  ];
  for (const file of sampled) {
    const values = file.values as FileValues;
    const read =
      values.rowsRead === 0
        ? 'no rows'
        : values.limit !== null && values.rowsRead >= values.limit
          ? `the first ${values.rowsRead} ${plural(values.rowsRead, 'row')}`
          : `all ${values.rowsRead} ${plural(values.rowsRead, 'row')}`;
    const notes = [read];
    if (values.filtered > 0) notes.push(`${values.filtered} left out by the mapping's where`);
    if (values.superseded > 0) notes.push(`${values.superseded} superseded by its keep`);
    if (values.wrongCellCount > 0) {
      notes.push(`${values.wrongCellCount} with more or fewer cells than the header (e.g. line ${values.wrongCellCountLine ?? '?'})`);
    }
    const columns = values.columns.flatMap((column) => describeColumnValues(column, values.rows) ?? []);
    const blank = values.columns.filter((column) => !column.required && values.rows > 0 && column.empty === values.rows);
    if (blank.length > 0) columns.push(`empty on every row: ${blank.map(columnName).join(', ')}`);
    const nothing = columns.length === 0 && values.advice.length === 0 && values.wrongCellCount === 0;
    lines.push(`  ${file.file} (${file.table ?? '?'}): ${notes.join(', ')}${nothing ? '; nothing to note' : ''}`);
    lines.push(...columns.map((column) => `    ${column}`), ...values.advice.map((advice) => `    → ${advice}`));
  }
  return lines;
}

/** The report as text for a terminal: inputs, problems, values, then every standard's readiness. */
export function renderPreflightText(report: PreflightReport): string {
  const lines: string[] = ['Inputs'];
  lines.push(
    ...padded(
      report.files.map((file) => [
        `  ${file.table ?? '(unplaced)'}`,
        file.file,
        [file.dialect, file.mapping === null ? null : `mapping ${file.mapping}`].filter((part) => part !== null).join('; ') || file.format,
        file.table === null ? '' : describeColumns(file),
      ]),
    ),
  );
  for (const { file, reason } of report.skipped) lines.push(`  (skipped)  ${file}  ${reason}`);
  for (const file of report.lookupFiles) lines.push(`  (lookup)  ${file}  read for the mapping's lookups, not as a table`);
  for (const file of report.ignored) lines.push(`  (ignored)  ${file}  the mapping's ignore list`);
  for (const sheet of report.skippedSheets) lines.push(`  (skipped)  ${sheet}  not named as a table or by the mapping`);
  for (const name of report.mappingFilesNotFound) lines.push(`  (absent)   ${name}  named by the mapping, not found among the inputs`);

  if (report.problems.length > 0) {
    lines.push('', 'Problems (the audit would stop on these)');
    for (const problem of report.problems) {
      const place = problem.file === null ? '' : `${problem.file}${problem.line === null ? '' : `:${problem.line}`}: `;
      lines.push(`  ${place}${problem.message}`);
    }
  }

  lines.push(...valuesSection(report));

  lines.push('', 'Tables');
  const present = new Set(report.tables.map((table) => table.table));
  lines.push(
    ...padded([
      ...report.tables.map((table) => [
        `  ${table.table}`,
        `${table.columns.length}/${table.columns.length + table.absent.length} columns`,
        table.absent.length === 0 ? '' : `absent: ${table.absent.join(', ')}`,
      ]),
      ...TABLE_NAMES.filter((table) => !present.has(table)).map((table) => [`  ${table}`, 'absent', '']),
    ]),
  );

  lines.push('', 'Standards');
  lines.push(
    ...padded(
      report.standards.map((standard) => [`  ${STATUS_LABELS[standard.status]}`, standard.id, standard.reason ?? '']),
    ),
  );
  const { assessed, partlyAssessed, notAssessed, off, problems } = report.summary;
  const summary = [`${assessed} assessed`, `${partlyAssessed} partly assessed`, `${notAssessed} not assessed`];
  if (off > 0) summary.push(`${off} off`);
  if (problems > 0) summary.push(`${problems} ${plural(problems, 'problem')}`);
  lines.push('', summary.join(', '), '');
  // File names, header cells and mapping names come from the export: their controls are shown, never sent.
  return lines.map(terminalText).join('\n');
}

/** The report as JSON, stable key order, one trailing newline. */
export const renderPreflightJson = (report: PreflightReport): string => `${JSON.stringify(report, null, 2)}\n`;
