// Assembles the case model from validated rows, leaving out orphans and duplicates with a finding for each.
import { checkHeap, HEAP_CHECK_EVERY } from '../core/heap.js';
import { TABLES_BY_REFERENCE, tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type CaseRecord, type CaseRow, type ChildTableName, type TableRows, sourceOf } from '../model/types.js';
import { duplicateId, recordIdOf, unknownCase, unknownReference } from '../validate/findings.js';
import { type RowCollector } from '../validate/rows.js';
import { compareText } from '../core/order.js';
import { compiledIdScan, compiledSameKeyScan, type IdScan, type SameKeyScan } from '../validate/compiled.js';

// Tables other rows refer to come first, so their ids are known when the referring rows are checked.
const CHILD_TABLES_IN_DEPENDENCY_ORDER = TABLES_BY_REFERENCE.filter((table): table is ChildTableName => table !== 'cases');

type ReferencedTable = 'people' | 'assessments' | 'meetings';

type CaseTables = { -readonly [T in ChildTableName]: TableRows[T][] };

type AnyRow = Readonly<Record<string, unknown>> & { case_id: string; readonly sourceFile: string; readonly sourceLine: number };

/** Below this many accepted rows, a case's table is searched by scanning it: cheaper than a map per case and table. */
const SCAN_LIMIT = 16;

interface CaseUnderConstruction {
  readonly tables: CaseTables & { readonly case: CaseRow };
  /** Accepted rows by key, per table, made only once a table of the case outgrows a scan. */
  indexes: Map<ChildTableName, Map<string, AnyRow>> | undefined;
}

function caseUnderConstruction(row: CaseRow): CaseUnderConstruction {
  const tables = { case: row } as CaseTables & { case: CaseRow };
  for (const table of TABLE_NAMES) if (table !== 'cases') (tables as unknown as Record<string, unknown[]>)[table] = [];
  return { tables, indexes: undefined };
}

function keyOf(row: Readonly<Record<string, unknown>>, key: readonly string[]): string {
  if (key.length === 1) return row[key[0] as string] as string;
  return key.map((column) => row[column] as string).join('\u0000');
}

const acceptedRows = (target: CaseUnderConstruction, table: ChildTableName): AnyRow[] =>
  target.tables[table] as unknown as AnyRow[];

/** The case's index of a table's accepted rows by key, made now if the table has outgrown a scan. */
function indexOf(target: CaseUnderConstruction, table: ChildTableName, key: readonly string[]): Map<string, AnyRow> | undefined {
  let index = target.indexes?.get(table);
  if (index) return index;
  const rows = acceptedRows(target, table);
  if (rows.length < SCAN_LIMIT) return undefined;
  index = new Map();
  for (const row of rows) index.set(keyOf(row, key), row);
  target.indexes ??= new Map();
  target.indexes.set(table, index);
  return index;
}

const SAME_KEY_SCANS = new Map(CHILD_TABLES_IN_DEPENDENCY_ORDER.map((table) => [table, compiledSameKeyScan(tableSpec(table).key)]));
const ID_SCANS = new Map(
  (['people', 'assessments', 'meetings'] as const).map((table) => [table, compiledIdScan(tableSpec(table).key[0] as string)]),
);

interface Reference {
  readonly column: string;
  readonly referenced: ReferencedTable;
  /** The referenced table's key, its id column alone. */
  readonly key: readonly string[];
  readonly keyColumn: string;
  readonly scan: IdScan;
}

/**
 * The audited cases, sorted by case_id. Reference checks run only against tables present in the input:
 * with no people table at all, the standards needing people are not assessed, so their references
 * cannot mislead.
 */
export function assembleCases(collector: RowCollector): CaseRecord[] {
  const cases = new Map<string, CaseUnderConstruction>();
  /** Tables whose rows of a case were not all together: trimmed when every case is built, not as each case ends. */
  const ungrouped = new Set<ChildTableName>();
  let placed = 0;
  for (const row of collector.rows.cases) {
    if (++placed % HEAP_CHECK_EVERY === 0) checkHeap();
    const existing = cases.get(row.case_id);
    if (existing) {
      collector.rejectValidated('cases', duplicateId('cases', row, row.case_id, sourceOf(existing.tables.case)), row);
      continue;
    }
    cases.set(row.case_id, caseUnderConstruction(row));
  }

  for (const table of CHILD_TABLES_IN_DEPENDENCY_ORDER) {
    const spec = tableSpec(table);
    const references: Reference[] = spec.columns.flatMap((column) => {
      if (!column.references || column.references === 'cases' || !collector.present.has(column.references)) return [];
      const key = tableSpec(column.references).key;
      const scan = ID_SCANS.get(column.references) as IdScan;
      return [{ column: column.name, referenced: column.references, key, keyColumn: key[0] as string, scan }];
    });
    const sameKeyScan = SAME_KEY_SCANS.get(table) as SameKeyScan;
    // An export lists a case's rows together, so the case of the row before is usually the case of this one;
    // what the rows look up in their case is found once per case, not once per row.
    let lastCaseId: string | undefined;
    let target: CaseUnderConstruction | undefined;
    let accepted: AnyRow[] = [];
    // The referenced tables were assembled before this one (dependency order): they no longer change.
    const referencedRows: AnyRow[][] = references.map(() => []);
    const referencedIndexes: (Map<string, AnyRow> | undefined)[] = references.map(() => undefined);
    for (const row of collector.rows[table] as unknown as AnyRow[]) {
      if (++placed % HEAP_CHECK_EVERY === 0) checkHeap();
      if (target === undefined || row.case_id !== lastCaseId) {
        const found = cases.get(row.case_id);
        if (!found) {
          collector.rejectValidated(table, unknownCase(table, row, recordIdOf(table, row)), row);
          continue;
        }
        if (target !== undefined && found !== target && !ungrouped.has(table)) {
          trim(target, table);
          // A case met again: this table's rows are not grouped by case (an export sorted by date), and trimming
          // at every change of case would copy a case's rows once per row. Its cases are trimmed once, at the end.
          if (acceptedRows(found, table).length > 0) ungrouped.add(table);
        }
        target = found;
        lastCaseId = row.case_id;
        accepted = acceptedRows(target, table);
        for (let i = 0; i < references.length; i++) {
          const reference = references[i] as Reference;
          referencedRows[i] = acceptedRows(target, reference.referenced);
          referencedIndexes[i] = indexOf(target, reference.referenced, reference.key);
        }
      }
      // The same id text, held once: the case's own string instead of a copy per row.
      row.case_id = target.tables.case.case_id;
      let missing: Reference | undefined;
      for (let i = 0; i < references.length; i++) {
        const reference = references[i] as Reference;
        const id = row[reference.column];
        if (typeof id !== 'string') continue;
        const index = referencedIndexes[i];
        const referenced = index ? index.get(id) : reference.scan(referencedRows[i] as AnyRow[], id);
        if (!referenced) {
          missing = reference;
          break;
        }
        // As with case_id: the referenced row's own string, not a copy per referring row.
        (row as Record<string, unknown>)[reference.column] = referenced[reference.keyColumn];
      }
      if (missing) {
        const missingId = row[missing.column] as string;
        collector.rejectValidated(
          table,
          unknownReference(table, row, recordIdOf(table, row), missing.column, missing.referenced, missingId),
          row,
        );
        continue;
      }
      // A case's table can only have an index once it has outgrown a scan.
      const ownIndex = accepted.length < SCAN_LIMIT ? undefined : indexOf(target, table, spec.key);
      const first = ownIndex ? ownIndex.get(keyOf(row, spec.key)) : sameKeyScan(accepted, row);
      if (first) {
        collector.rejectValidated(table, duplicateId(table, row, recordIdOf(table, row) ?? keyOf(row, spec.key), sourceOf(first)), row);
        continue;
      }
      accepted.push(row);
      ownIndex?.set(keyOf(row, spec.key), row);
    }
    if (target !== undefined && !ungrouped.has(table)) trim(target, table);
  }

  return [...cases.values()].map((built) => finished(built, ungrouped)).sort((a, b) => compareText(a.case.case_id, b.case.case_id));
}

/** The one array every case's empty tables share: most cases have no rows in most tables. */
const NO_ROWS: readonly never[] = Object.freeze([]);

/**
 * A case's table copied to its exact length once the export moves on to another case. V8 grows an array by half
 * again plus 16 slots, so a case's three visits would otherwise hold room for sixteen: over an export's cases that
 * slack was a fifth of the case model. Trimmed as each case's rows end (they come together), the slack dies young
 * instead of filling the heap until every case is built. Rows of the case met later are pushed onto the copy.
 */
function trim(target: CaseUnderConstruction, table: ChildTableName): void {
  const tables = target.tables as unknown as Record<string, unknown[]>;
  tables[table] = (tables[table] as unknown[]).slice();
}

/** A case's tables as they are kept for the audit: an empty table is the shared empty array, every other one trimmed. */
function finished(built: CaseUnderConstruction, ungrouped: ReadonlySet<ChildTableName>): CaseRecord {
  const tables = built.tables as unknown as Record<string, unknown>;
  for (const table of CHILD_TABLES_IN_DEPENDENCY_ORDER) {
    if ((tables[table] as unknown[]).length === 0) tables[table] = NO_ROWS;
    else if (ungrouped.has(table)) trim(built, table);
  }
  return built.tables as CaseRecord;
}
