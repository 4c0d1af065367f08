// Assembles the case model from validated rows, leaving out orphans and duplicates with a finding for each.
import { checkHeap, HEAP_CHECK_EVERY } from '../core/heap.js';
import { TABLES_BY_REFERENCE, tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type CaseList, type CaseRecord, type CaseRow, type ChildTableName, sourceOf } from '../model/types.js';
import { duplicateId, recordIdOf, unknownCase, unknownReference } from '../validate/findings.js';
import type { RowStore } from '../validate/row-store.js';
import type { RowCollector, TableStores } from '../validate/rows.js';
import { compareText } from '../core/order.js';

// Tables other rows refer to come first, so their ids are known when the referring rows are checked.
const CHILD_TABLES_IN_DEPENDENCY_ORDER = TABLES_BY_REFERENCE.filter((table): table is ChildTableName => table !== 'cases');
const CHILD_TABLES = TABLE_NAMES.filter((table): table is ChildTableName => table !== 'cases');

type ReferencedTable = 'people' | 'assessments' | 'meetings';

type AnyRow = Readonly<Record<string, unknown>> & { case_id: string; readonly sourceFile: string; readonly sourceLine: number };

/** Below this many accepted rows, a case's rows of a table are searched by scanning them: cheaper than a map per case. */
const SCAN_LIMIT = 16;

/** One table's accepted rows by case: case k's are the store's rows `order[offsets[k]]` up to `order[offsets[k + 1]]`, in the order read. */
interface PlacedTable {
  readonly store: RowStore;
  readonly order: Int32Array;
  readonly offsets: Int32Array;
}

/** The first of case k's placed rows of a table whose column holds `id`, or -1. */
function findPlaced(placed: PlacedTable, column: number, k: number, id: string, indexes: Map<number, Map<string, number>>): number {
  const from = placed.offsets[k] as number;
  const to = placed.offsets[k + 1] as number;
  if (to - from >= SCAN_LIMIT) {
    let index = indexes.get(k);
    if (!index) {
      index = new Map();
      // Backwards, so that the first row of an id is the one kept.
      for (let at = to - 1; at >= from; at--) index.set(placed.store.value(column, placed.order[at] as number) as string, placed.order[at] as number);
      indexes.set(k, index);
    }
    return index.get(id) ?? -1;
  }
  for (let at = from; at < to; at++) {
    const row = placed.order[at] as number;
    if (placed.store.value(column, row) === id) return row;
  }
  return -1;
}

/** Whether a chain of rows (from `start` through `next`) has one whose column holds `id`. */
function findInChain(store: RowStore, column: number, start: number, next: Int32Array, id: string): boolean {
  for (let at = start; at >= 0; at = next[at] as number) if (store.value(column, at) === id) return true;
  return false;
}

interface Reference {
  readonly column: string;
  readonly columnNumber: number;
  readonly referenced: ReferencedTable;
  /** A table referring to its own rows (the contract allows it; none does today): found among the case's rows accepted so far. */
  readonly self: boolean;
  /** The referenced table's rows, or undefined when it has none: then no id can be found. */
  readonly placed: PlacedTable | undefined;
  readonly keyNumber: number;
  /** Per case, the referenced rows by id once they have outgrown a scan. */
  readonly indexes: Map<number, Map<string, number>>;
}

/**
 * The audited cases, sorted by case_id. Reference checks run only against tables present in the input:
 * with no people table at all, the standards needing people are not assessed, so their references
 * cannot mislead.
 */
export function assembleCases(collector: RowCollector): CaseList {
  const { stores } = collector;
  // Every row is in: what only appending needs goes before the cases are built.
  for (const table of TABLE_NAMES) stores[table].seal();
  let placedCount = 0;
  const caseStore = stores.cases;
  const caseIdNumber = caseStore.column('case_id');
  const caseRowById = new Map<string, number>();
  for (let row = 0; row < caseStore.size; row++) {
    if (++placedCount % HEAP_CHECK_EVERY === 0) checkHeap();
    const caseId = caseStore.value(caseIdNumber, row) as string;
    const existing = caseRowById.get(caseId);
    if (existing !== undefined) {
      const duplicate = caseStore.row(row) as AnyRow;
      collector.rejectValidated('cases', duplicateId('cases', duplicate, caseId, sourceOf(caseStore.row(existing) as AnyRow)), row);
      continue;
    }
    caseRowById.set(caseId, row);
  }
  const caseIds = [...caseRowById.keys()].sort(compareText);
  const caseCount = caseIds.length;
  const ordinalOf = new Map(caseIds.map((caseId, k) => [caseId, k]));
  const caseRows = Int32Array.from(caseIds, (caseId) => caseRowById.get(caseId) as number);

  const placed = new Map<ChildTableName, PlacedTable>();
  for (const table of CHILD_TABLES_IN_DEPENDENCY_ORDER) {
    const store = stores[table];
    if (store.size === 0) continue;
    const spec = tableSpec(table);
    const references: Reference[] = spec.columns.flatMap((column) => {
      if (!column.references || column.references === 'cases' || !collector.present.has(column.references)) return [];
      const referenced = column.references;
      const referencedPlaced = placed.get(referenced);
      const keyNumber = stores[referenced].column(tableSpec(referenced).key[0] as string);
      const self = (referenced as string) === table;
      return [{ column: column.name, columnNumber: store.column(column.name), referenced, self, placed: referencedPlaced, keyNumber, indexes: new Map() }];
    });
    const keyNumbers = spec.key.map((column) => store.column(column));
    const caseIdColumn = store.column('case_id');
    // A case's accepted rows as a chain through `next`, in the order read: no array per case and table.
    const first = new Int32Array(caseCount).fill(-1);
    const last = new Int32Array(caseCount).fill(-1);
    const counts = new Int32Array(caseCount);
    const next = new Int32Array(store.size).fill(-1);
    /** Per case, its accepted rows by key once they have outgrown a scan. */
    const ownIndexes = new Map<number, Map<string, number>>();
    const keyOf = (row: number): string =>
      keyNumbers.length === 1 ? (store.value(keyNumbers[0] as number, row) as string) : keyNumbers.map((column) => store.value(column, row) as string).join('\u0000');
    const sameKey = (a: number, b: number): boolean => keyNumbers.every((column) => store.value(column, a) === store.value(column, b));
    let accepted = 0;
    // An export lists a case's rows together, so the case of the row before is usually the case of this one.
    let lastCaseId: unknown;
    let k = -1;
    for (let row = 0; row < store.size; row++) {
      if (++placedCount % HEAP_CHECK_EVERY === 0) checkHeap();
      const caseId = store.value(caseIdColumn, row);
      if (k < 0 || caseId !== lastCaseId) {
        k = ordinalOf.get(caseId as string) ?? -1;
        lastCaseId = caseId;
        if (k < 0) {
          const orphan = store.row(row) as AnyRow;
          collector.rejectValidated(table, unknownCase(table, orphan, recordIdOf(table, orphan)), row);
          continue;
        }
      }
      let missing: Reference | undefined;
      for (const reference of references) {
        const id = store.value(reference.columnNumber, row);
        if (typeof id !== 'string') continue;
        const found = reference.self
          ? findInChain(store, reference.keyNumber, first[k] as number, next, id)
          : reference.placed !== undefined && findPlaced(reference.placed, reference.keyNumber, k, id, reference.indexes) >= 0;
        if (!found) {
          missing = reference;
          break;
        }
      }
      if (missing) {
        const orphan = store.row(row) as AnyRow;
        const missingId = orphan[missing.column] as string;
        collector.rejectValidated(table, unknownReference(table, orphan, recordIdOf(table, orphan), missing.column, missing.referenced, missingId), row);
        continue;
      }
      let earlier = -1;
      const ownIndex = (counts[k] as number) < SCAN_LIMIT ? undefined : ownIndexOf(ownIndexes, k, first, next, keyOf);
      if (ownIndex) earlier = ownIndex.get(keyOf(row)) ?? -1;
      else for (let at = first[k] as number; at >= 0 && earlier < 0; at = next[at] as number) if (sameKey(at, row)) earlier = at;
      if (earlier >= 0) {
        const duplicate = store.row(row) as AnyRow;
        const recordId = recordIdOf(table, duplicate) ?? keyOf(row);
        collector.rejectValidated(table, duplicateId(table, duplicate, recordId, sourceOf(store.row(earlier) as AnyRow)), row);
        continue;
      }
      if ((first[k] as number) < 0) first[k] = row;
      else next[last[k] as number] = row;
      last[k] = row;
      counts[k] = (counts[k] as number) + 1;
      ownIndex?.set(keyOf(row), row);
      accepted++;
    }
    const order = new Int32Array(accepted);
    const offsets = new Int32Array(caseCount + 1);
    let at = 0;
    for (let c = 0; c < caseCount; c++) {
      offsets[c] = at;
      for (let row = first[c] as number; row >= 0; row = next[row] as number) order[at++] = row;
    }
    offsets[caseCount] = at;
    placed.set(table, { store, order, offsets });
  }
  shareIds(stores, (caseId) => {
    const k = ordinalOf.get(caseId as string);
    return k === undefined ? caseId : caseIds[k];
  });
  return new StoredCases(caseStore, caseRows, placed);
}

/**
 * Each table's case ids, and its ids of people, assessments and meetings, replaced by the same strings as the
 * referenced table holds: each file read gave its own copy of an id, and an id held in five tables was five strings.
 */
function shareIds(stores: TableStores, caseIdOf: (caseId: unknown) => unknown): void {
  const held = new Map<string, Map<unknown, unknown>>();
  const idsOf = (table: ReferencedTable): ((id: unknown) => unknown) => {
    let ids = held.get(table);
    if (!ids) {
      ids = new Map();
      const store = stores[table];
      const key = store.column(tableSpec(table).key[0] as string);
      for (let row = 0; row < store.size; row++) {
        const id = store.value(key, row);
        if (!ids.has(id)) ids.set(id, id);
      }
      held.set(table, ids);
    }
    const found = ids;
    return (id) => found.get(id) ?? id;
  };
  for (const table of CHILD_TABLES) {
    const store = stores[table];
    if (store.size === 0) continue;
    store.share(store.column('case_id'), caseIdOf);
    for (const column of tableSpec(table).columns) {
      if (column.references === undefined || column.references === 'cases' || column.references === table) continue;
      store.share(store.column(column.name), idsOf(column.references));
    }
  }
}

/** Case k's accepted rows of the table being placed, by key: made once they outgrow a scan, then kept up to date. */
function ownIndexOf(
  indexes: Map<number, Map<string, number>>,
  k: number,
  first: Int32Array,
  next: Int32Array,
  keyOf: (row: number) => string,
): Map<string, number> {
  let index = indexes.get(k);
  if (!index) {
    index = new Map();
    for (let at = first[k] as number; at >= 0; at = next[at] as number) index.set(keyOf(at), at);
    indexes.set(k, index);
  }
  return index;
}

/** The one array every case's empty tables share: most cases have no rows in most tables. */
const NO_ROWS: readonly never[] = Object.freeze([]);

/** The cases of a loaded export: rows held in their tables' stores, each case's record made when asked. */
class StoredCases implements CaseList {
  readonly length: number;

  constructor(
    private readonly caseStore: RowStore,
    private readonly caseRows: Int32Array,
    private readonly placed: ReadonlyMap<ChildTableName, PlacedTable>,
  ) {
    this.length = caseRows.length;
  }

  caseRow(index: number): CaseRow {
    return this.caseStore.row(this.caseRows[index] as number) as unknown as CaseRow;
  }

  record(index: number): CaseRecord {
    const record: Record<string, unknown> = { case: this.caseRow(index) };
    for (const table of CHILD_TABLES) record[table] = this.rowsOf(table, index);
    return record as unknown as CaseRecord;
  }

  private rowsOf(table: ChildTableName, index: number): readonly unknown[] {
    const placed = this.placed.get(table);
    if (!placed) return NO_ROWS;
    const from = placed.offsets[index] as number;
    const to = placed.offsets[index + 1] as number;
    if (from === to) return NO_ROWS;
    const rows = new Array<unknown>(to - from);
    for (let at = from; at < to; at++) rows[at - from] = placed.store.row(placed.order[at] as number);
    return rows;
  }
}

