// Validates raw rows into typed rows table by table and accounts for every row read from each (file, table).
import type { Finding } from '../core/finding.js';
import { ColumnPresence } from './columns.js';

import { tableSpec, type ColumnSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import type { InputSummary } from '../core/report.js';
import { invalidRow, rejectedCells, withSourceLabels, type ColumnProblem, type LocatedFinding } from './findings.js';
import { DECODERS, plainlyValidRow } from './schemas.js';
import { compareText } from '../core/order.js';
import { looksLikeName, pseudonym } from '../core/pseudonym.js';
import { RowStore, type ColumnForm } from './row-store.js';
import { compiledRowFromColumns, type RowFromColumns } from './compiled.js';

/** Each table's accepted rows, stored (row-store.ts); a row is known by its table and its index there. */
export type TableStores = { readonly [T in TableName]: RowStore };

/** A table's stored columns (the contract's, then where the row was read), how each starts, and its row maker. */
interface StoreLayout {
  readonly names: readonly string[];
  readonly forms: Readonly<Record<string, ColumnForm>>;
  readonly makeRow: RowFromColumns;
}

function layoutOf(table: TableName): StoreLayout {
  const spec = tableSpec(table);
  const names = [...DECODERS[table].names, 'sourceFile', 'sourceLine'];
  const forms: Record<string, ColumnForm> = { sourceLine: 'lines' };
  // A row's own id is met once: a code per row would only add to it.
  if (spec.key.length === 1) forms[spec.key[0] as string] = 'values';
  return { names, forms, makeRow: compiledRowFromColumns(names) };
}

/** Built once at module load: every load (each pass, each part) makes its stores from these, compiling nothing. */
const LAYOUTS: ReadonlyMap<TableName, StoreLayout> = new Map(TABLE_NAMES.map((table) => [table, layoutOf(table)]));

function storeFor(table: TableName): RowStore {
  const { names, forms, makeRow } = LAYOUTS.get(table) as StoreLayout;
  return new RowStore(names, forms, makeRow);
}

const emptyStores = (): TableStores => Object.fromEntries(TABLE_NAMES.map((name) => [name, storeFor(name)])) as unknown as TableStores;

/** Rows read from one file for one table, and how many of them were left out. */
export interface InputCount {
  readonly file: string;
  readonly table: TableName;
  /** Canonical column → the export's name for it, when a mapping renamed it: findings name the export's. */
  readonly labels?: ReadonlyMap<string, string> | undefined;
  rows: number;
  rejected: number;
  /** Rows kept with an optional cell read as not recorded because its value was not valid. */
  keptWithRejectedCells: number;
  /** Rows the mapping left out before validation: its `where` (filtered) or its `keep` (superseded). */
  filtered: number;
  superseded: number;
  /** Columns the mapping marks personal: every value is replaced by its pseudonym. */
  readonly personal: ReadonlySet<string>;
  /** Columns some of whose values were replaced. */
  readonly pseudonymised: Set<string>;
}

/**
 * Cells a row can lose and still be audited: optional, and neither an id nor the row's identity. A required column
 * (ids, the date that places the row, the values that say what the row is) cannot be guessed, so its row is left out.
 */
const isLosable = (table: TableName, column: ColumnSpec): boolean =>
  !column.required && column.kind !== 'id' && !PLACING_DATES.has(`${table}.${column.name}`);

/**
 * Optional dates that place a row in time: read as not recorded, a bad one would move the row (a plan with no end
 * is current, a case with no closing date open, a marking or a declined agreement with no date covers every event) and make or hide
 * breaches. A bad value there leaves the row out, as a bad required value does.
 */
const PLACING_DATES: ReadonlySet<string> = new Set([
  'cases.opened',
  'cases.closed',
  'plans.end',
  'assessments.started',
  'assessments.completed',
  'people.uncontactable_date',
  'people.pr_agreement_date',
]);

const COLUMNS: ReadonlyMap<TableName, ReadonlyMap<string, ColumnSpec>> = new Map(
  TABLE_NAMES.map((name) => [name, new Map(DECODERS[name].columns.map((column) => [column.name, column]))]),
);

const NONE: ReadonlySet<string> = new Set();

const countKey = (file: string, table: TableName) => `${table}\u0000${file}`;
const rowKey = (table: TableName, index: number) => `${table}\u0000${index}`;

/** One of `count` disjoint parts of an export, by case: a worker audits only the cases of its part. */
export interface CasePartition {
  readonly index: number;
  readonly count: number;
}

/** The part a case id falls in (FNV-1a over its code units): a row and its case always land in the same part. */
export function partOfCase(caseId: unknown, count: number): number {
  if (typeof caseId !== 'string' || count <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

export class RowCollector {
  stores: TableStores = emptyStores();
  readonly present = new Set<TableName>();
  /** Which columns each table's inputs have: a standard never judges a clause on a column no input has. */
  readonly columns = new ColumnPresence();
  readonly findings: Finding[] = [];
  /** The finding of each row kept with a rejected cell, by its table and index (few rows have one). */
  private readonly cellFindings = new Map<string, Finding>();
  private readonly counts = new Map<string, InputCount>();

  /** With a partition, rows of other parts' cases are neither counted nor kept: those parts account for them. */
  constructor(readonly partition: CasePartition | undefined = undefined) {}

  /** Whether a row with this (decoded) case id belongs to the part being read; always, without a partition. */
  owns(caseId: unknown): boolean {
    const { partition } = this;
    return partition === undefined || partOfCase(caseId, partition.count) === partition.index;
  }

  /** The counter of one (file, table); asking for it makes the table present, even with no rows. */
  input(file: string, table: TableName, labels?: ReadonlyMap<string, string>, personal: ReadonlySet<string> = NONE): InputCount {
    const key = countKey(file, table);
    let count = this.counts.get(key);
    if (!count) {
      count = { file, table, labels, rows: 0, rejected: 0, keptWithRejectedCells: 0, filtered: 0, superseded: 0, personal, pseudonymised: new Set() };
      this.counts.set(key, count);
      this.present.add(table);
    }
    return count;
  }

  /** Validates one decoded row (see schemas.ts): a typed row in its table, or a data-invalid-row finding. */
  validate(count: InputCount, decoded: Record<string, unknown>, file: string, line: number, jsonPath: string | null): void {
    count.rows++;
    const decoder = DECODERS[count.table];
    if (plainlyValidRow(decoder, decoded)) {
      this.accept(count, decoded, file, line);
      return;
    }
    const result = decoder.schema.safeParse(decoded);
    if (result.success) {
      this.accept(count, result.data, file, line);
      return;
    }
    const columns = COLUMNS.get(count.table);
    const problems: ColumnProblem[] = [];
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0]);
      const column = columns?.get(name);
      if (!column || seen.has(name)) continue;
      seen.add(name);
      problems.push({ column, reason: issue.message });
    }
    const [first, ...rest] = problems;
    if (!first) throw new Error(`a ${count.table} row failed validation without a column issue`);
    const origin = { file, line, jsonPath, labels: count.labels };
    // A bad optional cell must not hide the rest of the row (the fourth defaulted visit, and with it an escalation
    // breach): the row is kept with the cell read as not recorded, and the cell is reported.
    if (problems.every((problem) => isLosable(count.table, problem.column))) {
      const kept = { ...decoded };
      for (const { column } of problems) kept[column.name] = undefined;
      const retried = decoder.schema.safeParse(kept);
      if (retried.success) {
        const index = this.accept(count, retried.data, file, line);
        count.keptWithRejectedCells++;
        const finding = rejectedCells(count.table, decoded, origin, [first, ...rest]);
        this.findings.push(finding);
        this.cellFindings.set(rowKey(count.table, index), finding);
        return;
      }
    }
    this.reject(count, invalidRow(count.table, decoded, origin, [first, ...rest]));
  }

  /** Keeps a typed row in its table, with where it was read; names in it are replaced by pseudonyms first. Returns its index there. */
  private accept(count: InputCount, row: Record<string, unknown>, file: string, line: number): number {
    for (const column of count.personal) {
      const value = row[column];
      if (typeof value === 'string') {
        row[column] = pseudonym(value);
        count.pseudonymised.add(column);
      }
    }
    // A worker column holds staff ids by the contract, but real extracts hold names (Liquidlogic's is one):
    // a value that reads as a name is replaced whether or not a mapping says so.
    if (count.table === 'cases' && !count.personal.has('worker')) {
      const worker = row['worker'];
      if (typeof worker === 'string' && looksLikeName(worker)) {
        row['worker'] = pseudonym(worker);
        count.pseudonymised.add('worker');
      }
    }
    row['sourceFile'] = file;
    row['sourceLine'] = line;
    return this.stores[count.table].append(row);
  }

  /**
   * Lets go of the rows once they are assembled into cases. The collector can outlive the load: a finished
   * stream's callbacks still reach it through the reader it fed. Holding the rows, it would keep every row of
   * the export, the cases and the rows they left out, alive until the process ends.
   */
  releaseRows(): void {
    this.stores = emptyStores();
  }

  /** Counts a row the mapping left out before validation. */
  leftOut(count: InputCount, reason: 'filtered' | 'superseded'): void {
    count[reason]++;
  }

  /** Counts a row read but left out before validation (wrong shape), with its finding. */
  rejectRead(count: InputCount, finding: Finding): void {
    count.rows++;
    this.reject(count, finding);
  }

  /** Leaves out a row already counted as read. */
  reject(count: InputCount, finding: Finding): void {
    count.rejected++;
    this.findings.push(finding);
  }

  /** Leaves out a validated row (its index in its table's store) found later to be an orphan or a duplicate. */
  rejectValidated(table: TableName, finding: LocatedFinding, index: number): void {
    const count = this.counts.get(countKey(finding.source.file, table));
    if (!count) throw new Error(`no input counted for ${table} from ${finding.source.file}`);
    // A row left out reports why it was left out; what was wrong with one of its cells no longer matters.
    // By the row's index, not its place: rows of one minified JSON document share a line, and duplicates an id.
    const key = rowKey(table, index);
    const cells = this.cellFindings.get(key);
    if (cells !== undefined) {
      this.cellFindings.delete(key);
      this.findings.splice(this.findings.indexOf(cells), 1);
      count.keptWithRejectedCells--;
    }
    this.reject(count, withSourceLabels(finding, count.labels));
  }

  /** One entry per (file, table), sorted by file then table. */
  summaries(): InputSummary[] {
    return [...this.counts.values()]
      .map(({ file, table, rows, rejected, keptWithRejectedCells, filtered, superseded, pseudonymised }) => ({
        table,
        file,
        rows,
        rejected,
        keptWithRejectedCells,
        ...(filtered > 0 ? { filtered } : {}),
        ...(superseded > 0 ? { superseded } : {}),
        ...(pseudonymised.size > 0 ? { pseudonymised: [...pseudonymised].sort(compareText) } : {}),
      }))
      .sort((a, b) => compareText(a.file, b.file) || compareText(a.table, b.table));
  }
}

