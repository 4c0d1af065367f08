// Which contract columns each table's inputs have, and which the mapping sets to one value for every row.
import { tableSpec } from '../model/tables.js';
import type { TableName } from '../model/types.js';
import type { Assumption } from '../core/report.js';
import { compareText } from '../core/order.js';
import type { FoundColumn } from '../read/header.js';

/** One input of a table (a file, a sheet, a mapping source): its columns, and the constants among them. */
interface Source {
  readonly columns: Set<string>;
  readonly constants: Map<string, string>;
}

/** Kinds whose constant may be repeated in a report: a code, a flag, a date or a number, never free text. */
const SHOWN_KINDS: ReadonlySet<string> = new Set(['bool', 'enum', 'date', 'int']);

/** A mapping constant as a report may show it: a text column's value could be a name or a note, so it is not. */
function shownValue(table: TableName, column: string, value: string): string {
  const kind = tableSpec(table).columns.find((spec) => spec.name === column)?.kind;
  return kind !== undefined && SHOWN_KINDS.has(kind) ? value : '(a text, not shown)';
}

export class ColumnPresence {
  private readonly sources = new Map<TableName, Source[]>();
  /** The one source standing for every JSON input of a table. */
  private readonly json = new Map<TableName, Source>();

  /** A tabular input's header, as resolved (header cells, mapped cells and the mapping's constants). */
  header(table: TableName, found: readonly FoundColumn[]): void {
    const source: Source = { columns: new Set(), constants: new Map() };
    for (const column of found) {
      source.columns.add(column.column);
      if (column.origin === 'constant' && column.constant !== undefined) source.constants.set(column.column, column.constant);
    }
    this.add(table, source);
  }

  /** A JSON document's rows of a table: a column is present when any row of any JSON input has its key. */
  keys(table: TableName, row: Readonly<Record<string, unknown>>): void {
    let source = this.json.get(table);
    if (source === undefined) {
      // An embedded row's case_id comes from its document.
      source = { columns: new Set(table === 'cases' ? [] : ['case_id']), constants: new Map() };
      this.json.set(table, source);
      this.add(table, source);
    }
    for (const key in row) source.columns.add(key);
  }

  private add(table: TableName, source: Source): void {
    const list = this.sources.get(table);
    if (list === undefined) this.sources.set(table, [source]);
    else list.push(source);
  }

  /**
   * Per table, the columns every one of its inputs has. A column one file of a table lacks is absent for the
   * rows of that file, and a breach must not rest on it there: the clauses that need it are not judged. (A JSON
   * input counts as one, holding every key any of its rows has, since JSON leaves an empty value's key out.)
   */
  present(): Map<TableName, ReadonlySet<string>> {
    const present = new Map<TableName, ReadonlySet<string>>();
    for (const [table, list] of this.sources) {
      const [first, ...rest] = list;
      if (first === undefined) continue;
      // A JSON document's keys include its child tables and any other key: only the contract's columns count.
      const contract = new Set(tableSpec(table).columns.map((column) => column.name));
      const shared = [...first.columns].filter((column) => contract.has(column) && rest.every((source) => source.columns.has(column)));
      present.set(table, new Set(shared));
    }
    return present;
  }

  /**
   * Columns every input of a table gives as the same mapping constant: the export does not record them, the audit
   * assumes them. Constants that differ between inputs (cin and cp plans from two files) carry information.
   */
  assumptions(): Assumption[] {
    const assumptions: Assumption[] = [];
    for (const [table, list] of this.sources) {
      const [first, ...rest] = list;
      if (first === undefined) continue;
      for (const [column, value] of first.constants) {
        if (rest.every((source) => source.constants.get(column) === value)) assumptions.push({ table, column, value: shownValue(table, column, value) });
      }
    }
    return assumptions.sort((a, b) => compareText(a.table, b.table) || compareText(a.column, b.column));
  }
}
