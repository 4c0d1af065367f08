// The mapping's row rules applied to one mapped source as its records pass: null tokens, filters, lookups and keep-one-per-key.
import { mappedColumnFinder, normalizeHeaderName } from './header.js';
import type { LookupTable, LookupTables } from './lookups.js';
import type { SourceBinding } from './mapping.js';
import { dayOf, preferred, type Candidate, type NullTokens } from './mapping-rules.js';
import type { TabularSink } from './records.js';

/** The record with its null tokens emptied: the same array when it holds none (most records), else a copy. */
function withoutNullTokens(cells: readonly string[], tokensAt: (position: number) => NullTokens): readonly string[] {
  let row = cells;
  for (let i = 0; i < cells.length; i++) {
    if (tokensAt(i).isNull(cells[i] as string)) {
      if (row === cells) row = [...cells];
      (row as string[])[i] = '';
    }
  }
  return row;
}

/** Why a record read was not handed on: the mapping's `where` left it out, or its `keep` kept another row of its key. */
export type LeftOut = 'filtered' | 'superseded';

/**
 * What a mapped source's records go to: a table sink, told of the rows the mapping leaves out so it can count them.
 * `asRead` comes with a record some of whose cells were the mapping's null tokens: the record as the file holds
 * it, cell for cell, where `cells` has those cells empty (the pre-flight counts them; the audit needs only `cells`).
 */
export interface ShapedSink extends TabularSink {
  record(cells: readonly string[], line: number, asRead?: readonly string[]): void;
  finish(): void;
  left?(cells: readonly string[], line: number, reason: LeftOut, asRead?: readonly string[]): void;
}

interface HeldRow extends Candidate {
  readonly cells: readonly string[];
  readonly line: number;
  readonly asRead: readonly string[] | undefined;
}

interface BoundLookup {
  readonly table: LookupTable | undefined;
  readonly match: readonly number[];
  readonly at: number;
}

/**
 * Applies a source's row rules between the reader and the table sink. Null tokens become empty cells; a row
 * failing a `where` condition is left out (and counted); looked-up values are appended as extra cells under the
 * lookup's label, so the header resolves them like any column; with `keep`, rows are held to the end of the file
 * and only the kept row of each key is handed on, in the file's order.
 */
export class MappedRows implements ShapedSink {
  private nulls: readonly NullTokens[] = [];
  private fallbackNulls: NullTokens;
  private conditions: { position: number; test: (cell: string) => boolean }[] = [];
  private lookups: BoundLookup[] = [];
  private keep: { per: number[]; open: number; latest: number } | null = null;
  private readonly held = new Map<string, HeldRow>();
  private readonly unkeyed: HeldRow[] = [];
  private order = 0;

  constructor(
    private readonly binding: SourceBinding,
    private readonly lookupTables: LookupTables | undefined,
    private readonly target: ShapedSink,
    private readonly file: string,
  ) {
    this.fallbackNulls = binding.nullTokens;
  }

  header(cells: readonly string[], line: number): void {
    const { binding } = this;
    const column = mappedColumnFinder(
      cells,
      this.file,
      line,
      'file',
      (header) => `a header with "${header}", or a mapping that names this file's column (${binding.mappingFile})`,
    );
    this.nulls = cells.map(normalizeHeaderName).map((name) => binding.columnNullTokens.get(name) ?? binding.nullTokens);
    this.conditions = binding.conditions.map((condition) => ({ position: column(condition.header, condition.where), test: condition.test }));
    this.lookups = [...binding.lookups.values()].map((spec) => ({
      table: this.lookupTables?.get(spec),
      match: spec.match.map(([, ours]) => column(ours, `${spec.where}.match`)),
      at: column(spec.at?.date ?? null, `${spec.where}.at.date`),
    }));
    const { keep } = binding;
    this.keep = keep === null ? null : { per: keep.per.map((header) => column(header, `${keep.where}.per`)), open: column(keep.open, `${keep.where}.open`), latest: column(keep.latest, `${keep.where}.latest`) };
    this.target.header([...cells, ...[...binding.lookups.values()].map((spec) => spec.label)], line);
  }

  record(cells: readonly string[], line: number): void {
    let row = withoutNullTokens(cells, (i) => this.nulls[i] ?? this.fallbackNulls);
    const asRead = row === cells ? undefined : cells;
    const text = (position: number): string => (position < 0 ? '' : (row[position] ?? '').trim());
    for (const { position, test } of this.conditions) {
      if (!test(text(position))) {
        this.target.left?.(row, line, 'filtered', asRead);
        return;
      }
    }
    if (this.lookups.length > 0) {
      row = [...row, ...this.lookups.map(({ table, match, at }) => table?.find(match.map(text), at < 0 ? '' : dayOf(text(at))) ?? '')];
    }
    const { keep } = this;
    if (keep === null) {
      this.target.record(row, line, asRead);
      return;
    }
    const key = keep.per.map(text);
    const candidate: HeldRow = {
      // Held past this call: the reader reuses its array for the next record, so a row it handed over is copied.
      cells: row === cells ? [...cells] : row,
      line,
      asRead: asRead && [...asRead],
      open: keep.open >= 0 && text(keep.open) === '',
      date: keep.latest >= 0 ? dayOf(text(keep.latest)) : '',
      order: this.order++,
    };
    // A row with no key cannot be told apart from others: it is kept, as it would be without the rule.
    if (key.every((value) => value === '')) {
      this.unkeyed.push(candidate);
      return;
    }
    const id = key.join('\u0000');
    const earlier = this.held.get(id);
    if (earlier === undefined || preferred(candidate, earlier)) {
      this.held.set(id, candidate);
      if (earlier !== undefined) this.target.left?.(earlier.cells, earlier.line, 'superseded', earlier.asRead);
    } else {
      this.target.left?.(candidate.cells, candidate.line, 'superseded', candidate.asRead);
    }
  }

  finish(): void {
    if (this.keep !== null) {
      const kept = [...this.held.values(), ...this.unkeyed].sort((a, b) => a.order - b.order);
      for (const row of kept) this.target.record(row.cells, row.line, row.asRead);
    }
    this.target.finish();
  }
}

/**
 * Null tokens for a file no source of the mapping names (read under the contract's own names): the mapping's
 * tokens hold for every tabular input, so a `NULL` there is not read as a value either.
 */
export class NullCells implements ShapedSink {
  constructor(
    private readonly tokens: NullTokens,
    private readonly target: ShapedSink,
  ) {}

  header(cells: readonly string[], line: number): void {
    this.target.header(cells, line);
  }

  record(cells: readonly string[], line: number): void {
    this.target.record(withoutNullTokens(cells, () => this.tokens), line);
  }

  finish(): void {
    this.target.finish();
  }
}

/** Hands one reader's records to several sinks: one file (or sheet) feeding several tables. */
export class FanOut implements ShapedSink {
  constructor(private readonly sinks: readonly ShapedSink[]) {}

  header(cells: readonly string[], line: number): void {
    for (const sink of this.sinks) sink.header(cells, line);
  }

  record(cells: readonly string[], line: number): void {
    for (const sink of this.sinks) sink.record(cells, line);
  }

  finish(): void {
    for (const sink of this.sinks) sink.finish();
  }
}
