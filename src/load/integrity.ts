// Assembles the case model from validated rows, leaving out orphans and duplicates with a finding for each.
import { tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type CaseRecord, type CaseRow, type ChildTableName, type SourceRef, type TableName, type TableRows } from '../model/types.js';
import { duplicateId, recordIdOf, unknownCase, unknownReference } from './findings.js';
import { compareStrings, type RowCollector } from './rows.js';

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

const ID_COLUMN: Readonly<Record<ReferencedTable, string>> = {
  people: 'person_id',
  assessments: 'assessment_id',
  meetings: 'meeting_id',
};

type CaseTables = { -readonly [T in ChildTableName]: TableRows[T][] };

interface CaseUnderConstruction {
  readonly tables: CaseTables & { readonly case: CaseRow };
  /** Ids of the audited people, assessments and meetings of the case. */
  readonly ids: Readonly<Record<ReferencedTable, Set<string>>>;
  /** The first row of each key, per table, for duplicate detection. */
  readonly firstByKey: Map<TableName, Map<string, SourceRef>>;
}

function caseUnderConstruction(row: CaseRow): CaseUnderConstruction {
  const tables = { case: row } as CaseTables & { case: CaseRow };
  for (const table of TABLE_NAMES) if (table !== 'cases') (tables as unknown as Record<string, unknown[]>)[table] = [];
  return {
    tables,
    ids: { people: new Set(), assessments: new Set(), meetings: new Set() },
    firstByKey: new Map(),
  };
}

type AnyRow = Readonly<Record<string, unknown>> & { readonly case_id: string; readonly source: SourceRef };

function keyOf(row: AnyRow, key: readonly string[]): string {
  if (key.length === 1) return row[key[0] as string] as string;
  return key.map((column) => row[column] as string).join('\u0000');
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
      collector.rejectValidated('cases', duplicateId('cases', row, row.case_id, existing.tables.case.source));
      continue;
    }
    cases.set(row.case_id, caseUnderConstruction(row));
  }

  for (const table of CHILD_TABLES_IN_DEPENDENCY_ORDER) {
    const spec = tableSpec(table);
    const references = spec.columns.flatMap((column) =>
      column.references && column.references !== 'cases' && collector.present.has(column.references)
        ? [{ column: column.name, referenced: column.references }]
        : [],
    );
    const idColumn = table in ID_COLUMN ? ID_COLUMN[table as ReferencedTable] : undefined;
    for (const row of collector.rows[table] as unknown as AnyRow[]) {
      const target = cases.get(row.case_id);
      if (!target) {
        collector.rejectValidated(table, unknownCase(table, row, recordIdOf(table, row)));
        continue;
      }
      const missing = references.find(({ column, referenced }) => {
        const id = row[column];
        return typeof id === 'string' && !target.ids[referenced].has(id);
      });
      if (missing) {
        const missingId = row[missing.column] as string;
        collector.rejectValidated(
          table,
          unknownReference(table, row, recordIdOf(table, row), missing.column, missing.referenced, missingId),
        );
        continue;
      }
      let firstOfTable = target.firstByKey.get(table);
      if (!firstOfTable) {
        firstOfTable = new Map();
        target.firstByKey.set(table, firstOfTable);
      }
      const key = keyOf(row, spec.key);
      const first = firstOfTable.get(key);
      if (first) {
        collector.rejectValidated(table, duplicateId(table, row, recordIdOf(table, row) ?? key, first));
        continue;
      }
      firstOfTable.set(key, row.source);
      (target.tables[table] as unknown as AnyRow[]).push(row);
      if (idColumn !== undefined) target.ids[table as ReferencedTable].add(row[idColumn] as string);
    }
  }

  return [...cases.values()]
    .map((built) => built.tables as CaseRecord)
    .sort((a, b) => compareStrings(a.case.case_id, b.case.case_id));
}
