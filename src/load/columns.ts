// Which contract columns each table's inputs have, and which the mapping sets to one value for every row.
import type { TableName } from '../model/types.js';
import type { Assumption } from '../report/types.js';
import { compareText } from '../util/order.js';
import type { FoundColumn } from './header.js';

/** One input of a table (a file, a sheet, a mapping source): its columns, and the constants among them. */
interface Source {
  readonly columns: Set<string>;
  readonly constants: Map<string, string>;
}

export class ColumnPresence {
  private readonly sources = new Map<TableName, Source[]>();

  /** A tabular input's header, as resolved (header cells, mapped cells and the mapping's constants). */
  header(table: TableName, found: readonly FoundColumn[]): void {
    const source: Source = { columns: new Set(), constants: new Map() };
    for (const column of found) {
      source.columns.add(column.column);
      if (column.origin === 'constant' && column.constant !== undefined) source.constants.set(column.column, column.constant);
    }
    this.add(table, source);
  }

  /** A JSON document's rows of a table: a column is present when any row has its key. */
  keys(table: TableName, row: Readonly<Record<string, unknown>>): void {
    let list = this.sources.get(table);
    if (list === undefined || list.length === 0) {
      list = [{ columns: new Set(), constants: new Map() }];
      this.sources.set(table, list);
    }
    const { columns } = list[0] as Source;
    for (const key in row) columns.add(key);
  }

  private add(table: TableName, source: Source): void {
    const list = this.sources.get(table);
    if (list === undefined) this.sources.set(table, [source]);
    else list.push(source);
  }

  /** Per table, the columns found in at least one of its inputs. */
  present(): Map<TableName, ReadonlySet<string>> {
    const present = new Map<TableName, ReadonlySet<string>>();
    for (const [table, list] of this.sources) present.set(table, new Set(list.flatMap((source) => [...source.columns])));
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
        if (rest.every((source) => source.constants.get(column) === value)) assumptions.push({ table, column, value });
      }
    }
    return assumptions.sort((a, b) => compareText(a.table, b.table) || compareText(a.column, b.column));
  }
}
