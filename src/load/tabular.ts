// Maps a decoded tabular file (header and records with lines) onto its table: identification, columns, rows.
import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { requiredColumns, TABLES, tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { wrongCellCount } from './findings.js';
import type { TabularSink } from './csv.js';
import type { InputCount, RowCollector } from './rows.js';

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

const PROGRESS_EVERY = 50_000;

/**
 * A sink that identifies the table from the header, maps each record's cells to the table's columns by
 * position (unknown columns ignored) and hands the raw row to the collector.
 */
export class TableSink implements TabularSink {
  private count: InputCount | undefined;
  private headerNames: readonly string[] = [];
  private columnNames: readonly string[] = [];
  private columnPositions: readonly number[] = [];
  private rowsRead = 0;

  constructor(
    private readonly file: string,
    private readonly collector: RowCollector,
    private readonly progress: ProgressReporter,
  ) {}

  header(cells: readonly string[], line: number): void {
    const header = cells.map(normalizeHeaderName);
    const table = identifyTable(this.file, header, line);
    const known: string[] = [];
    const positions: number[] = [];
    for (const column of tableSpec(table).columns) {
      const position = header.indexOf(column.name);
      if (position === -1) continue;
      if (header.indexOf(column.name, position + 1) !== -1) {
        throw new InputError(
          `column ${column.name} appears more than once in the header`,
          { file: this.file, line },
          'each column once',
        );
      }
      known.push(column.name);
      positions.push(position);
    }
    this.headerNames = header;
    this.columnNames = known;
    this.columnPositions = positions;
    this.count = this.collector.input(this.file, table);
  }

  record(cells: readonly string[], line: number): void {
    const count = this.count as InputCount;
    const raw: Record<string, unknown> = {};
    const names = this.columnNames;
    const positions = this.columnPositions;
    for (let i = 0; i < names.length; i++) raw[names[i] as string] = cells[positions[i] as number];
    if (cells.length === this.headerNames.length) {
      this.collector.validate(count, raw, this.file, line, null);
    } else {
      const origin = { file: this.file, line, jsonPath: null };
      this.collector.rejectRead(count, wrongCellCount(count.table, raw, origin, this.headerNames, cells.length));
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
