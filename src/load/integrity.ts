// Assembles the case model from validated rows, leaving out orphans and duplicates with a finding for each.
import { tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type CaseRecord, type CaseRow, type ChildTableName, type TableRows, sourceOf } from '../model/types.js';
import { duplicateId, recordIdOf, unknownCase, unknownReference } from './findings.js';
import { type RowCollector } from './rows.js';
import { compareText } from '../util/order.js';

// Tables other rows refer to come first, so their ids are known when the referring rows are checked.
const CHILD_TABLES_IN_DEPENDENCY_ORDER: readonly ChildTableName[] = [
  'people',
  'assessments',
  'meetings',
  'plans',
  'contact_attempts',
  'assessment_views',
  'meeting_parents',
  'visits',
  'incidents',
  'allegations',
  'letters',
];

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

type SameKeyScan = (rows: readonly AnyRow[], probe: Readonly<Record<string, unknown>>) => AnyRow | undefined;
type IdScan = (rows: readonly AnyRow[], id: string) => AnyRow | undefined;

// The scans are written out per table, as schemas.ts writes its row literals, so that each reads its key
// columns by a fixed name from rows of one shape (a fast load) rather than by a column held in a variable.
// Their text is made from the contract's own column names (tables.ts), never from an input.
function sameKeyScan(key: readonly string[]): SameKeyScan {
  const same = key.map((column) => `other[${JSON.stringify(column)}] === probe[${JSON.stringify(column)}]`).join(' && ');
  return new Function('rows', 'probe', `for (const other of rows) if (${same}) return other; return undefined;`) as SameKeyScan;
}

function idScan(column: string): IdScan {
  return new Function('rows', 'id', `for (const other of rows) if (other[${JSON.stringify(column)}] === id) return other; return undefined;`) as IdScan;
}

const SAME_KEY_SCANS = new Map(CHILD_TABLES_IN_DEPENDENCY_ORDER.map((table) => [table, sameKeyScan(tableSpec(table).key)]));
const ID_SCANS = new Map(
  (['people', 'assessments', 'meetings'] as const).map((table) => [table, idScan(tableSpec(table).key[0] as string)]),
);

/** The accepted row of the case with the same key as `row` (all of `key`'s columns equal), if any. */
function acceptedWithSameKey(
  target: CaseUnderConstruction,
  table: ChildTableName,
  key: readonly string[],
  row: Readonly<Record<string, unknown>>,
): AnyRow | undefined {
  const index = indexOf(target, table, key);
  if (index) return index.get(keyOf(row, key));
  return (SAME_KEY_SCANS.get(table) as SameKeyScan)(acceptedRows(target, table), row);
}

/** The accepted row of the case whose single key column holds `id`, if any. */
function acceptedWithId(target: CaseUnderConstruction, table: ReferencedTable, key: readonly string[], id: string): AnyRow | undefined {
  const index = indexOf(target, table, key);
  if (index) return index.get(id);
  return (ID_SCANS.get(table) as IdScan)(acceptedRows(target, table), id);
}

interface Reference {
  readonly column: string;
  readonly referenced: ReferencedTable;
  /** The referenced table's key, its id column alone. */
  readonly key: readonly string[];
}

/**
 * The audited cases, sorted by case_id. Reference checks run only against tables present in the input:
 * with no people table at all, the standards needing people are not assessed, so their references
 * cannot mislead.
 */
export function assembleCases(collector: RowCollector): CaseRecord[] {
  const cases = new Map<string, CaseUnderConstruction>();
  for (const row of collector.rows.cases) {
    const existing = cases.get(row.case_id);
    if (existing) {
      collector.rejectValidated('cases', duplicateId('cases', row, row.case_id, sourceOf(existing.tables.case)));
      continue;
    }
    cases.set(row.case_id, caseUnderConstruction(row));
  }

  for (const table of CHILD_TABLES_IN_DEPENDENCY_ORDER) {
    const spec = tableSpec(table);
    const references: Reference[] = spec.columns.flatMap((column) =>
      column.references && column.references !== 'cases' && collector.present.has(column.references)
        ? [{ column: column.name, referenced: column.references, key: tableSpec(column.references).key }]
        : [],
    );
    // An export lists a case's rows together, so the case of the row before is usually the case of this one.
    let lastCaseId: string | undefined;
    let lastTarget: CaseUnderConstruction | undefined;
    for (const row of collector.rows[table] as unknown as AnyRow[]) {
      const target = row.case_id === lastCaseId ? lastTarget : cases.get(row.case_id);
      if (!target) {
        collector.rejectValidated(table, unknownCase(table, row, recordIdOf(table, row)));
        continue;
      }
      lastCaseId = row.case_id;
      lastTarget = target;
      // The same id text, held once: the case's own string instead of a copy per row.
      row.case_id = target.tables.case.case_id;
      let missing: Reference | undefined;
      for (const reference of references) {
        const id = row[reference.column];
        if (typeof id !== 'string') continue;
        const referenced = acceptedWithId(target, reference.referenced, reference.key, id);
        if (!referenced) {
          missing = reference;
          break;
        }
        // As with case_id: the referenced row's own string, not a copy per referring row.
        (row as Record<string, unknown>)[reference.column] = referenced[reference.key[0] as string];
      }
      if (missing) {
        const missingId = row[missing.column] as string;
        collector.rejectValidated(
          table,
          unknownReference(table, row, recordIdOf(table, row), missing.column, missing.referenced, missingId),
        );
        continue;
      }
      const first = acceptedWithSameKey(target, table, spec.key, row);
      if (first) {
        collector.rejectValidated(table, duplicateId(table, row, recordIdOf(table, row) ?? keyOf(row, spec.key), sourceOf(first)));
        continue;
      }
      acceptedRows(target, table).push(row);
      target.indexes?.get(table)?.set(keyOf(row, spec.key), row);
    }
  }

  return [...cases.values()]
    .map((built) => built.tables as CaseRecord)
    .sort((a, b) => compareText(a.case.case_id, b.case.case_id));
}
