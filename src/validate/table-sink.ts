// Receives a tabular file's header and records (CSV, a workbook's sheet) and validates each record into a typed row of its table.
import { InputError } from '../core/errors.js';
import { checkHeap, HEAP_CHECK_EVERY } from '../core/heap.js';
import { requireUsable, resolveHeader, sourceLabels, tableNamedBy, type HeaderContext, type HeaderLayout } from '../read/header.js';
import { type CellReader, mappedReader } from '../read/mapping.js';
import type { LeftOut, ShapedSink } from '../read/shape.js';
import { wrongCellCount } from './findings.js';
import type { InputCount, RowCollector } from './rows.js';
import { DECODERS, decodeCells, type TableDecoder } from './schemas.js';

/** Calls `report` with the running row count every so many rows, for a progress line. */
export type ProgressReporter = (rows: number) => void;

/** Rows between two progress reports. */
export const PROGRESS_EVERY = 50_000;

/** The table's decoder as this file needs it: the table's own, or one whose readers apply the mapping. */
export function decoderFor(layout: HeaderLayout): TableDecoder {
  const decoder = DECODERS[layout.table];
  const { binding } = layout;
  if (!binding) return decoder;
  const readers: CellReader[] = decoder.columns.map((column, i) => mappedReader(binding, column, decoder.readers[i] as CellReader));
  return { ...decoder, readers };
}

/**
 * A sink that identifies the table from the header (or takes it from the mapping), maps each record's cells
 * to the table's columns by position (unknown columns ignored) and hands the decoded row to the collector.
 */
export class TableSink implements ShapedSink {
  private count: InputCount | undefined;
  private decoder: TableDecoder | undefined;
  private headerLength = 0;
  private headerNames: readonly string[] = [];
  /** For each of the table's columns, its cell in this file's records, or -1. */
  private positions: readonly number[] = [];
  private rowsRead = 0;

  /** `file` is the name findings give (`book.xlsx#visits` for a sheet); `context` the mapping source or named table. */
  constructor(
    private readonly file: string,
    private readonly collector: RowCollector,
    private readonly progress: ProgressReporter,
    private readonly context: HeaderContext = {},
  ) {}

  header(cells: readonly string[], line: number): void {
    const named = this.context.named ?? (this.context.binding ? undefined : tableNamedBy(this.file));
    const layout = resolveHeader(this.file, cells, line, { ...this.context, named });
    requireUsable(layout, this.file, line);
    this.positions = layout.positions;
    this.decoder = decoderFor(layout);
    // Findings name the export's own columns: its header as written when mapped, the contract's names otherwise.
    this.headerNames = layout.binding ? layout.headerNames : layout.headerNames.map((name) => name.toLowerCase());
    this.headerLength = cells.length;
    this.count = this.collector.input(this.file, layout.table, sourceLabels(layout), layout.binding?.personal);
    this.collector.columns.header(layout.table, layout.found);
  }

  record(cells: readonly string[], line: number): void {
    const count = this.count as InputCount;
    const row = decodeCells(this.decoder as TableDecoder, cells, this.positions);
    if (!this.collector.owns(row['case_id'])) return;
    if (cells.length === this.headerLength) {
      this.collector.validate(count, row, this.file, line, null);
    } else {
      const origin = { file: this.file, line, jsonPath: null };
      this.collector.rejectRead(count, wrongCellCount(count.table, row, origin, this.headerNames, cells.length));
    }
    if (++this.rowsRead % HEAP_CHECK_EVERY === 0) {
      checkHeap();
      if (this.rowsRead % PROGRESS_EVERY === 0) this.progress(this.rowsRead);
    }
  }

  /** A record the mapping left out: counted when its case is in the part being read, like a row read. */
  left(cells: readonly string[], _line: number, reason: LeftOut): void {
    const count = this.count as InputCount;
    const row = decodeCells(this.decoder as TableDecoder, cells, this.positions);
    if (this.collector.owns(row['case_id'])) this.collector.leftOut(count, reason);
  }

  /** After the last record: a file without even a header is an error; otherwise a final progress report. */
  finish(): void {
    if (!this.count) {
      throw new InputError(
        'the file is empty: it has no header row',
        { file: this.file, line: 1 },
        'a header row naming the columns, then one row per record',
      );
    }
    this.progress(this.rowsRead);
  }
}
