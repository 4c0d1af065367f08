// One table's typed rows held column by column, each column in the narrowest form its values allow, and made back into row objects on demand.
//
// Why it exists: an export's rows, held as objects until the audit, were most of its memory (an object per row, 8 bytes
// per column filled or not, a pointer per row in its case's table, every row copied twice by the collector before it
// settled). Most columns hold few distinct values (dates, listed values, flags, the file): here such a column keeps a
// one- or two-byte code per row, and a row's line four bytes. A case's rows are made as objects again when its
// standards run, then die young. test/validate/row-store.test.ts holds the rows made back equal to the rows stored.
import { compiledRowFromColumns, type ColumnReader, type RowFromColumns } from './compiled.js';

/** Rows per chunk: a column grows by whole chunks, never by copying what it holds. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const WITHIN = CHUNK - 1;

/** A column that can take a value returns true; false when the value needs a wider form, which then takes over. */
interface Column extends ColumnReader {
  put(index: number, value: unknown): boolean;
  /** The same values in the widest form, which takes any value. */
  widened(length: number): Column;
  /** Lets go of what only appending needs. */
  seal(): void;
  /** Each value replaced by `same(value)`, an equal value held elsewhere, so that one copy of it is kept. */
  share(same: (value: unknown) => unknown, length: number): void;
}

/** Any value, by reference: for columns whose values rarely repeat (a row's own id). */
class ValueColumn implements Column {
  private readonly chunks: unknown[][] = [];

  get(index: number): unknown {
    return (this.chunks[index >>> CHUNK_BITS] as unknown[])[index & WITHIN];
  }

  put(index: number, value: unknown): boolean {
    const at = index >>> CHUNK_BITS;
    if (at === this.chunks.length) this.chunks.push(new Array<unknown>(CHUNK));
    (this.chunks[at] as unknown[])[index & WITHIN] = value;
    return true;
  }

  widened(): Column {
    return this;
  }

  seal(): void {}

  share(same: (value: unknown) => unknown, length: number): void {
    for (let index = 0; index < length; index++) {
      const chunk = this.chunks[index >>> CHUNK_BITS] as unknown[];
      chunk[index & WITHIN] = same(chunk[index & WITHIN]);
    }
  }

  static of(from: ColumnReader, length: number): ValueColumn {
    const column = new ValueColumn();
    for (let index = 0; index < length; index++) column.put(index, from.get(index));
    return column;
  }
}

/** Most distinct values a coded column holds before it is held by value. */
const MOST_CODES = 1 << 16;

/**
 * Each distinct value once, and per row its code: one byte while the column has at most 256 values, two up to 65,536.
 * A Map takes -0 for 0, so a -0 (a count written `-0`) moves the column to values, to come back as it was.
 */
class CodedColumn implements Column {
  private chunks: (Uint8Array | Uint16Array)[] = [];
  private values: unknown[] = [];
  /** Each value's code, while rows are appended. */
  private codes: Map<unknown, number> | undefined = new Map();
  private wide = false;
  // Consecutive rows often repeat a value (a case's id, the file, the date of a meeting's rows): no lookup then.
  private lastValue: unknown = undefined;
  private lastCode = -1;

  get(index: number): unknown {
    return this.values[(this.chunks[index >>> CHUNK_BITS] as Uint8Array)[index & WITHIN] as number];
  }

  put(index: number, value: unknown): boolean {
    if (Object.is(value, -0)) return false;
    let code = value === this.lastValue ? this.lastCode : -1;
    if (code < 0) {
      // Sealed stores refuse rows before any column is asked (RowStore.append).
      const codes = this.codes as Map<unknown, number>;
      code = codes.get(value) ?? -1;
      if (code < 0) {
        code = this.values.length;
        if (code === MOST_CODES) return false;
        if (code === 256 && !this.wide) this.widen();
        this.values.push(value);
        codes.set(value, code);
      }
      this.lastValue = value;
      this.lastCode = code;
    }
    const at = index >>> CHUNK_BITS;
    if (at === this.chunks.length) this.chunks.push(this.wide ? new Uint16Array(CHUNK) : new Uint8Array(CHUNK));
    (this.chunks[at] as Uint8Array)[index & WITHIN] = code;
    return true;
  }

  private widen(): void {
    this.chunks = this.chunks.map((chunk) => Uint16Array.from(chunk));
    this.wide = true;
  }

  widened(length: number): Column {
    return ValueColumn.of(this, length);
  }

  // A Map of every distinct value (a case id per case, in every table) costs more than the values themselves.
  seal(): void {
    this.codes = undefined;
    this.lastValue = undefined;
    this.lastCode = -1;
  }

  share(same: (value: unknown) => unknown): void {
    this.values = this.values.map(same);
  }
}

/** Whole numbers from 0 to 2³² − 1 in four bytes each: a row's line. */
class LineColumn implements Column {
  private readonly chunks: Uint32Array[] = [];

  get(index: number): unknown {
    return (this.chunks[index >>> CHUNK_BITS] as Uint32Array)[index & WITHIN];
  }

  put(index: number, value: unknown): boolean {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff || Object.is(value, -0)) return false;
    const at = index >>> CHUNK_BITS;
    if (at === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK));
    (this.chunks[at] as Uint32Array)[index & WITHIN] = value;
    return true;
  }

  widened(length: number): Column {
    return ValueColumn.of(this, length);
  }

  seal(): void {}

  share(): void {}
}

/** How a column starts: by value, as codes, or as line numbers; a value it cannot take moves it to the widest form. */
export type ColumnForm = 'values' | 'codes' | 'lines';

const START: Readonly<Record<ColumnForm, () => Column>> = {
  values: () => new ValueColumn(),
  codes: () => new CodedColumn(),
  lines: () => new LineColumn(),
};

/** One table's rows. A row is stored once and read back as often as needed, each time as a new object. */
export class RowStore {
  private readonly columns: Column[];
  private readonly makeRow: RowFromColumns;
  private readonly numbers: ReadonlyMap<string, number>;
  private sealed = false;
  size = 0;

  /**
   * `names` in the order the rows' keys are made; `forms` says how each starts (codes when left out); `makeRow`
   * makes a row from the columns (generated once per table by the caller, who makes a store per load).
   */
  constructor(
    readonly names: readonly string[],
    forms: Readonly<Record<string, ColumnForm>> = {},
    makeRow: RowFromColumns = compiledRowFromColumns(names),
  ) {
    this.columns = names.map((name) => START[forms[name] ?? 'codes']());
    this.makeRow = makeRow;
    this.numbers = new Map(names.map((name, i) => [name, i]));
  }

  /** Keeps the row's value of each named column (a missing key as undefined) and returns the row's index. */
  append(row: Readonly<Record<string, unknown>>): number {
    if (this.sealed) throw new Error('a row appended to a sealed store');
    const index = this.size++;
    const { columns, names } = this;
    for (let i = 0; i < columns.length; i++) {
      const value = row[names[i] as string];
      let column = columns[i] as Column;
      if (!column.put(index, value)) {
        column = column.widened(index);
        columns[i] = column;
        column.put(index, value);
      }
    }
    return index;
  }

  /** Once every row is in: what only appending needs goes. */
  seal(): void {
    this.sealed = true;
    for (const column of this.columns) column.seal();
  }

  /**
   * Each value of a column replaced by `same(value)`, an equal value held elsewhere: an id read in several tables is
   * then one string, not one per table.
   */
  share(column: number, same: (value: unknown) => unknown): void {
    (this.columns[column] as Column).share(same, this.size);
  }

  /** The number of a named column, for `value`. */
  column(name: string): number {
    const number = this.numbers.get(name);
    if (number === undefined) throw new Error(`no column ${name} among ${this.names.join(', ')}`);
    return number;
  }

  /** One cell of a stored row. */
  value(column: number, index: number): unknown {
    return (this.columns[column] as Column).get(index);
  }

  /** A stored row as a new object: every named key, in order. */
  row(index: number): Record<string, unknown> {
    return this.makeRow(this.columns, index);
  }
}
