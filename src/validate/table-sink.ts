// Maps a decoded tabular file (header and records with lines) onto its table: identification, columns, rows.
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.js';
import { requiredColumns, TABLES } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { wrongCellCount } from './findings.js';
import { decoderFor, requireUsable, resolveHeader, sourceLabels, type HeaderContext } from '../read/header.js';
import type { RecordReceiver } from '../read/csv-tokenizer.js';
import type { InputCount, RowCollector } from './rows.js';
import { decodeCells, type TableDecoder } from './schemas.js';
import { presentValue } from '../model/values.js';

/**
 * Receives a tabular file's records as a decoder (CSV now; other encodings, delimiters or spreadsheets
 * later) produces them, each with the line it starts on; the first non-blank record is the header.
 */
export interface TabularSink {
  header(cells: readonly string[], line: number): void;
  record(cells: readonly string[], line: number): void;
  /** Records the reader may pass over unread, by one cell (see RecordReceiver in csv-tokenizer.ts). */
  readonly skip?: RecordReceiver['skip'];
}

/** Header names are compared trimmed and in any case. */
export const normalizeHeaderName = (name: string): string => name.trim().toLowerCase();

const isTableName = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);

const requiredList = (table: TableName) => requiredColumns(table).join(', ');

/** The table a file named `<table>.<ext>` (any case) holds, if its name says so. */
export function tableNamedBy(file: string): TableName | undefined {
  const name = basename(file, extname(file)).toLowerCase();
  return isTableName(name) ? name : undefined;
}

/**
 * The table a header belongs to: the one the file name says, else the one whose required columns are all
 * present. Several may qualify (an assessment_views header also has every column assessments requires):
 * the one with the most required columns wins, then the one with the most known columns; a remaining tie
 * is an error rather than a guess.
 */
export function identifyTable(file: string, header: readonly string[], line: number): TableName {
  const columns = new Set(header);
  const named = tableNamedBy(file);
  if (named) {
    const missing = requiredColumns(named).filter((column) => !columns.has(column));
    if (missing.length > 0) {
      throw new InputError(
        `table ${named} is missing required column(s) ${missing.join(', ')}`,
        { file, line },
        `a header with ${requiredList(named)}`,
      );
    }
    return named;
  }
  const scored = TABLES.map((spec) => ({
    name: spec.name,
    required: requiredColumns(spec.name),
    known: spec.columns.filter((column) => columns.has(column.name)).length,
  })).map((table) => ({ ...table, present: table.required.filter((column) => columns.has(column)).length }));
  const complete = scored
    .filter((table) => table.present === table.required.length)
    .sort((a, b) => b.required.length - a.required.length || b.known - a.known);
  const [best, runnerUp] = complete;
  if (best && !(runnerUp && runnerUp.required.length === best.required.length && runnerUp.known === best.known)) {
    return best.name;
  }
  if (best && runnerUp) {
    throw new InputError(
      `cannot tell whether this file holds ${best.name} or ${runnerUp.name}: its header fits both`,
      { file, line },
      `a file named ${best.name}.csv or ${runnerUp.name}.csv`,
    );
  }
  const closest = scored.filter((table) => table.present > 1).sort((a, b) => b.present - a.present)[0];
  const hint = closest
    ? `; its header comes closest to ${closest.name}, which also needs ${closest.required
        .filter((column) => !columns.has(column))
        .join(', ')}`
    : '';
  throw new InputError(
    `cannot tell which table this file holds${hint}`,
    { file, line },
    `a file named <table>.csv (${TABLE_NAMES.join(', ')}), or a header with every required column of one table, e.g. visits: ${requiredList('visits')}`,
  );
}

/** Calls `report` with the running row count every so many rows, for a progress line. */
export type ProgressReporter = (rows: number) => void;

/** Rows between two progress reports. */
export const PROGRESS_EVERY = 50_000;

/**
 * A sink that identifies the table from the header (or takes it from the mapping), maps each record's cells
 * to the table's columns by position (unknown columns ignored) and hands the decoded row to the collector.
 */
export class TableSink implements TabularSink {
  private count: InputCount | undefined;
  private decoder: TableDecoder | undefined;
  private headerLength = 0;
  private headerNames: readonly string[] = [];
  /** For each of the table's columns, its cell in this file's records, or -1. */
  private positions: readonly number[] = [];
  private rowsRead = 0;
  skip: TabularSink['skip'] = undefined;

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
    this.count = this.collector.input(this.file, layout.table, sourceLabels(layout));
    this.collector.columns.header(layout.table, layout.found);
    // Reading one part of the cases: the reader may pass over other parts' records by their case_id cell,
    // unsplit, when that cell is read as it stands (no mapping translates it).
    const caseIdCell = this.positions[this.decoder.names.indexOf('case_id')] ?? -1;
    if (this.collector.partition !== undefined && !layout.binding && caseIdCell >= 0) {
      const { collector } = this;
      this.skip = { cell: caseIdCell, test: (value) => !collector.owns(presentValue(value)) };
    }
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
    if (++this.rowsRead % PROGRESS_EVERY === 0) this.progress(this.rowsRead);
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
