// Lookup files read before the export: the mapping fills a column from another file's row with a matching key (one level).
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.js';
import { readCsv } from './csv.js';
import type { Delimiter } from './dialect.js';
import { compareText } from '../core/order.js';
import { mappedColumnFinder } from './header.js';
import type { MappingIndex } from './mapping.js';
import { dayOf, preferred, type Candidate, type LookupSpec, type NullTokens } from './mapping-rules.js';
import type { TabularSink } from './records.js';
import type { TextEncoding } from './text.js';
import { readWorkbook, sheetFile } from './xlsx.js';

interface LookupRow extends Candidate {
  readonly value: string;
  readonly from: string;
  /** '' when the row is still in force. */
  readonly to: string;
}

const keyOf = (values: readonly string[]): string => values.join('\u0000');

/** One lookup's rows, by key: `find` gives the value of the row the mapping's rule picks. */
export class LookupTable implements TabularSink {
  private readonly rows = new Map<string, LookupRow[]>();
  private positions: {
    match: number[];
    column: number;
    conditions: { position: number; test: (cell: string) => boolean }[];
    open: number;
    latest: number;
    from: number;
    to: number;
  } | null = null;
  private order = 0;
  private file = '';

  constructor(
    readonly spec: LookupSpec,
    private readonly nullTokens: NullTokens,
  ) {}

  /** Reads the next file of the lookup (a pattern may name several, read as one). */
  reading(file: string): this {
    this.file = file;
    this.positions = null;
    return this;
  }

  header(cells: readonly string[], line: number): void {
    const { spec } = this;
    const at = mappedColumnFinder(cells, this.file, line, 'lookup file', (header) => `a header with "${header}", or a mapping that names this file's column`);
    this.positions = {
      match: spec.match.map(([theirs]) => at(theirs, `${spec.where}.match`)),
      column: at(spec.column, `${spec.where}.column`),
      conditions: spec.conditions.map((condition) => ({ position: at(condition.header, condition.where), test: condition.test })),
      open: at(spec.open, `${spec.where}.keep.open`),
      latest: at(spec.latest, `${spec.where}.keep.latest`),
      from: at(spec.at?.from ?? null, `${spec.where}.at.from`),
      to: at(spec.at?.to ?? null, `${spec.where}.at.to`),
    };
  }

  record(cells: readonly string[]): void {
    const positions = this.positions;
    if (positions === null) return;
    const cell = (position: number): string => {
      if (position < 0) return '';
      const text = (cells[position] ?? '').trim();
      return this.nullTokens.isNull(text) ? '' : text;
    };
    if (!positions.conditions.every(({ position, test }) => test(cell(position)))) return;
    const key = keyOf(positions.match.map(cell));
    const row: LookupRow = {
      value: cell(positions.column),
      open: positions.open >= 0 && cell(positions.open) === '',
      date: dayOf(cell(positions.latest >= 0 ? positions.latest : positions.from)),
      order: this.order++,
      from: dayOf(cell(positions.from)),
      to: dayOf(cell(positions.to)),
    };
    const list = this.rows.get(key);
    if (list === undefined) this.rows.set(key, [row]);
    else list.push(row);
  }

  /**
   * The value for a row whose key cells are `keys`, on the day `day` (YYYY-MM-DD, or '' for no day): among the
   * rows with that key (and in force on the day, when the lookup has `at`), an open one, then the latest, then
   * the last in the file. '' when none is found: the column is then not recorded for that row.
   */
  find(keys: readonly string[], day: string): string {
    const candidates = this.rows.get(keyOf(keys));
    if (candidates === undefined) return '';
    let best: LookupRow | undefined;
    for (const row of candidates) {
      if (day !== '' && this.spec.at !== null && (row.from === '' || row.from > day || (row.to !== '' && row.to < day))) continue;
      if (best === undefined || preferred(row, best)) best = row;
    }
    return best?.value ?? '';
  }
}

export type LookupTables = ReadonlyMap<LookupSpec, LookupTable>;

export interface LookupReadOptions {
  readonly encoding: TextEncoding | undefined;
  readonly delimiter: Delimiter | undefined;
  /** Leave out a lookup whose file is not among the inputs instead of stopping (the pre-flight lists the file as absent). */
  readonly skipAbsent?: boolean;
}

/**
 * Reads every lookup's file among the inputs (read as tables or not), before the export: a lookup whose file is not
 * among them stops the run, since every row of its table would lose the column (unless `skipAbsent`).
 */
export async function loadLookups(index: MappingIndex, paths: readonly string[], options: LookupReadOptions): Promise<LookupTables> {
  const tables = new Map<LookupSpec, LookupTable>();
  for (const spec of index.lookups()) {
    const files = paths.filter((path) => spec.filePattern.test(basename(path))).sort(compareText);
    if (files.length === 0) {
      if (options.skipAbsent === true) continue;
      throw new InputError(
        `the mapping (${spec.where}.file) looks ${spec.column} up in "${spec.file}", which is not among the inputs`,
        { file: index.mapping.file },
        `the file "${spec.file}" beside the export, or a mapping that names a file of it`,
      );
    }
    const table = new LookupTable(spec, index.mapping.nullTokens);
    for (const path of files) {
      if (extname(path).toLowerCase() === '.xlsx') {
        let found = false;
        await readWorkbook(path, (sheet) => {
          if (found || (spec.sheet !== null && sheet.trim().toLowerCase() !== spec.sheet.trim().toLowerCase())) return undefined;
          found = true;
          return { sink: table.reading(sheetFile(path, sheet)), finish: () => undefined };
        });
        if (!found) {
          throw new InputError(`the mapping (${spec.where}.sheet) names sheet "${spec.sheet ?? ''}", which this workbook lacks`, { file: path });
        }
      } else {
        await readCsv(path, table.reading(path), { encoding: options.encoding, delimiter: options.delimiter });
      }
    }
    tables.set(spec, table);
  }
  return tables;
}
