// The pre-flight's look at values: on the first rows of each tabular input, per column, what the audit would read as empty, null tokens, unreadable dates and unknown codes.
import { UnreadableDate } from '../core/dates.js';
import { compareText } from '../core/order.js';
import type { ColumnSpec } from '../model/tables.js';
import type { FoundColumn, HeaderLayout } from '../read/header.js';
import { tokenKey } from '../read/mapping-rules.js';
import type { RecordObserver, SampledSource, ValueSampling } from '../read/scan.js';
import type { LeftOut } from '../read/shape.js';
import { repeatableValue } from '../validate/findings.js';
import { decodeCells, plainlyValidRow, type TableDecoder } from '../validate/schemas.js';
import { decoderFor } from '../validate/table-sink.js';

/** Rows read from each input when the command line does not say. */
export const DEFAULT_SAMPLE_ROWS = 1000;

/** Distinct offending values kept per column as examples, the first met first. */
const EXAMPLES_KEPT = 3;

/** One value behind unreadable dates, unknown codes or invalid values, where it first occurs. */
export interface ValueExample {
  readonly line: number;
  /** The value as the export writes it, when it may be repeated (a date, a number, a single short code); else null. */
  readonly value: string | null;
  /** Rows of the sample holding this same value. */
  readonly rows: number;
}

/** What the sample holds in one column of a table's input, judged as the audit judges it. */
export interface ColumnValues {
  readonly column: string;
  /** The export's header cell it is read from, as written (`file:column` for a column the mapping looks up). */
  readonly header: string;
  /** Whether the mapping names it under another name (or looks it up): then the report names both. */
  readonly mapped: boolean;
  readonly kind: ColumnSpec['kind'];
  readonly required: boolean;
  /** Rows whose cell is empty, null tokens apart: not recorded. */
  readonly empty: number;
  /** Rows whose cell was one of the mapping's null tokens (`NULL`, `#N/A`), read as empty. */
  readonly nullTokens: number;
  /** Of those, rows whose empty cell the mapping's `values` translate (`"": "open"`): recorded after all. */
  readonly translatedTokens: number;
  /** The null tokens met, as first written, in code-unit order. */
  readonly tokens: readonly string[];
  /** Date columns: values that are not a date the audit can read. */
  readonly unreadableDates: number;
  /** Listed-value columns: values outside the contract's list once the mapping's `values` have translated them. */
  readonly unknownCodes: number;
  /** Yes/no and whole-number columns: values the audit refuses. */
  readonly invalid: number;
  /** Up to three distinct values behind the unreadable dates, unknown codes and invalid values. */
  readonly examples: readonly ValueExample[];
}

/** The sample of one table's input (a delimited file or a sheet, through one mapping source). */
export interface FileValues {
  /** Records read after the header: the whole input when fewer than `limit`. */
  readonly rowsRead: number;
  /** Records read at most; null when every record was read (`--all-rows`). */
  readonly limit: number | null;
  /** Records the mapping's `where` left out. */
  readonly filtered: number;
  /** Records the mapping's `keep` superseded by another of their key, within the sample. */
  readonly superseded: number;
  /** Records with more or fewer cells than the header, which the audit leaves out (their cells are not judged), and the first's line. */
  readonly wrongCellCount: number;
  readonly wrongCellCountLine: number | null;
  /** Rows judged: read, not left out by the mapping, with the header's number of cells. */
  readonly rows: number;
  /** Every column read from a cell, in the contract's order (constants are not read from the export). */
  readonly columns: readonly ColumnValues[];
  /** What to add to the mapping, or to check, one sentence each. */
  readonly advice: readonly string[];
}

/** Why a date cell is unreadable: a form the reader does not know (a `dateFormats` entry reads it), or no such day. */
type DateTrouble = 'form' | 'us-order' | 'calendar';

const dateTrouble = (date: UnreadableDate): DateTrouble =>
  date.reason.includes('US order') ? 'us-order' : date.reason.startsWith('not a date in the form') ? 'form' : 'calendar';

/** A column being counted. */
class ColumnTally {
  empty = 0;
  nullTokens = 0;
  translatedTokens = 0;
  unreadableDates = 0;
  unknownCodes = 0;
  invalid = 0;
  readonly dateTroubles = new Set<DateTrouble>();
  /** Token key → the token as first written. */
  private readonly tokens = new Map<string, string>();
  /** The offending value's text → where it first occurs and how often; at most EXAMPLES_KEPT values. */
  private readonly examples = new Map<string, { line: number; value: string | null; rows: number }>();
  /** Whether offending values beyond the examples kept were met. */
  moreValues = false;

  constructor(
    readonly spec: ColumnSpec,
    readonly found: FoundColumn,
    /** Its cell in the records. */
    readonly position: number,
    readonly lookedUp: boolean,
  ) {}

  nullToken(text: string): void {
    this.nullTokens++;
    const token = text.trim();
    const key = tokenKey(token);
    if (!this.tokens.has(key)) this.tokens.set(key, token);
  }

  offending(value: unknown, line: number): void {
    const text = value instanceof UnreadableDate ? value.text : String(value);
    const known = this.examples.get(text);
    if (known !== undefined) known.rows++;
    else if (this.examples.size < EXAMPLES_KEPT) this.examples.set(text, { line, value: repeatableValue(value, this.spec.kind) ?? null, rows: 1 });
    else this.moreValues = true;
  }

  result(): ColumnValues {
    const { spec, found } = this;
    return {
      column: spec.name,
      header: found.header ?? spec.name,
      mapped: found.origin === 'mapped',
      kind: spec.kind,
      required: spec.required,
      empty: this.empty,
      nullTokens: this.nullTokens,
      translatedTokens: this.translatedTokens,
      tokens: [...this.tokens.values()].sort(compareText),
      unreadableDates: this.unreadableDates,
      unknownCodes: this.unknownCodes,
      invalid: this.invalid,
      examples: [...this.examples.values()].map((example) => ({ ...example })),
    };
  }
}

/** Counts one input's sampled records, decoding each as the audit's table sink does. */
class InputSample implements RecordObserver {
  private readonly decoder: TableDecoder;
  private readonly tallies: ColumnTally[];
  private rowsRead = 0;
  private filtered = 0;
  private superseded = 0;
  private wrongCellCount = 0;
  private wrongCellCountLine: number | null = null;
  private values: FileValues | null = null;

  constructor(
    private readonly source: SampledSource,
    private readonly limit: number | null,
  ) {
    const { layout } = source;
    this.decoder = decoderFor(layout);
    this.tallies = this.decoder.columns.flatMap((spec, index) => {
      const found = layout.found.find((column) => column.column === spec.name);
      const position = layout.positions[index] ?? -1;
      // A constant is the mapping's own value, and a column looked up in an absent file is empty everywhere: neither is the export's.
      if (!found || found.origin === 'constant' || position < 0 || source.notLookedUp.has(spec.name)) return [];
      return [new ColumnTally(spec, found, position, layout.binding?.lookups.has(spec.name) === true)];
    });
  }

  record(cells: readonly string[], line: number, asRead?: readonly string[]): void {
    this.rowsRead++;
    if (cells.length !== this.source.headerLength) {
      // Its cells cannot be placed under the header's columns: the audit reports the row whole, and so does the sample.
      this.wrongCellCount++;
      this.wrongCellCountLine ??= line;
      return;
    }
    const { decoder } = this;
    const row = decodeCells(decoder, cells, this.source.layout.positions);
    const judged: ColumnTally[] = [];
    for (const tally of this.tallies) {
      const { position } = tally;
      const written = asRead?.[position];
      if (written !== undefined && written !== cells[position]) {
        tally.nullToken(written);
        // The mapping may give an empty cell a value (a status from a closing date): then it is judged as that value.
        if (row[tally.spec.name] === undefined) continue;
        tally.translatedTokens++;
        judged.push(tally);
      } else if (row[tally.spec.name] === undefined) tally.empty++;
      else judged.push(tally);
    }
    // As the audit validates a row: the plain tests pass most rows; the schema is the judge of the rest.
    if (plainlyValidRow(decoder, row)) return;
    const result = decoder.schema.safeParse(row);
    if (result.success) return;
    const failed = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    for (const tally of judged) {
      if (!failed.has(tally.spec.name)) continue;
      const value = row[tally.spec.name];
      if (value instanceof UnreadableDate) {
        tally.unreadableDates++;
        tally.dateTroubles.add(dateTrouble(value));
      } else if (tally.spec.kind === 'enum') {
        tally.unknownCodes++;
      } else {
        tally.invalid++;
      }
      tally.offending(value, line);
    }
  }

  left(_cells: readonly string[], _line: number, reason: LeftOut): void {
    this.rowsRead++;
    if (reason === 'filtered') this.filtered++;
    else this.superseded++;
  }

  finish(): void {
    const rows = this.rowsRead - this.filtered - this.superseded - this.wrongCellCount;
    const columns = this.tallies.map((tally) => tally.result());
    this.values = {
      rowsRead: this.rowsRead,
      limit: this.limit,
      filtered: this.filtered,
      superseded: this.superseded,
      wrongCellCount: this.wrongCellCount,
      wrongCellCountLine: this.wrongCellCountLine,
      rows,
      columns,
      advice: adviceFor(this.source.layout, this.tallies, columns, rows, this.wrongCellCount),
    };
  }

  result(): FileValues | null {
    return this.values;
  }
}

const quoted = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');

/** What a value of the column must be, in the words of the advice. */
function wanted(spec: ColumnSpec): string {
  switch (spec.kind) {
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'bool':
      return 'Y or N';
    case 'int':
      return 'a whole number';
    default:
      return 'a value the column can hold';
  }
}

/**
 * The sentences that tell the analyst what to add to the mapping: a `values` entry for codes and yes/no values the
 * audit cannot read, a `dateFormats` entry for dates in another form, a look at the column mapping when most of a
 * required column is empty, quoting for rows of the wrong length. Impossible dates are the record's own errors.
 */
function adviceFor(layout: HeaderLayout, tallies: readonly ColumnTally[], columns: readonly ColumnValues[], rows: number, wrongCellCount: number): string[] {
  const { binding } = layout;
  const where = binding?.where ?? `tables.${layout.table}`;
  // A canonical file read without a mapping gets one through --mapping, with a source naming the file.
  const inMapping = binding ? '' : ' (in a mapping given with --mapping, its source naming this file)';
  const advice: string[] = [];
  tallies.forEach((tally, i) => {
    const column = columns[i] as ColumnValues;
    const { spec } = tally;
    const shown = column.examples.flatMap((example) => (example.value === null ? [] : [example.value]));
    if (column.unknownCodes + column.invalid > 0) {
      const others = tally.moreValues || shown.length < column.examples.length;
      const which = shown.length > 0 ? `${quoted(shown)}${others ? ' and the others' : ''}` : 'each value the audit cannot read';
      advice.push(`add ${where}.values.${spec.name}${inMapping}: the export's ${which} → ${wanted(spec)}`);
    }
    if (column.unreadableDates > 0) {
      const format = binding?.dateFormats.get(spec.name);
      const troubles = tally.dateTroubles;
      if (format !== undefined && (troubles.has('form') || troubles.has('us-order'))) {
        advice.push(`check ${where}.dateFormats.${spec.name}: "${format}" does not read every date of the column`);
      } else if (troubles.has('us-order')) {
        advice.push(`add ${where}.dateFormats.${spec.name}${inMapping} if the export writes the month first: "MM/dd/yyyy" (date-fns tokens)`);
      } else if (troubles.has('form')) {
        advice.push(`add ${where}.dateFormats.${spec.name}${inMapping}: the export's date format in date-fns tokens, e.g. "dd-MMM-yyyy" for 05-Mar-2026`);
      }
      if (troubles.has('calendar')) {
        advice.push(`${spec.name}: dates that do not exist in the calendar are errors in the record itself: correct them in the source system (the audit reports each row)`);
      }
    }
    const notRecorded = column.empty + column.nullTokens - column.translatedTokens;
    if (spec.required && rows > 0 && notRecorded * 2 > rows) {
      const check = tally.lookedUp
        ? `check ${binding?.lookups.get(spec.name)?.where ?? where} finds the rows it looks up`
        : column.mapped
          ? `check that ${where}.columns.${spec.name} ("${column.header}") names the export's column that holds it`
          : `map the export's column that holds it in ${where}.columns.${spec.name}${inMapping}`;
      advice.push(`${spec.name} is required, yet ${notRecorded} of ${rows} rows have none (the audit leaves such rows out): ${check}`);
    }
  });
  if (wrongCellCount > 0) {
    advice.push('rows with more or fewer cells than the header are left out of the audit: a cell holding the delimiter, a quote or a line break must be enclosed in double quotes');
  }
  return advice;
}

/** Samples every tabular input the scan reads: as many records as the limit (every one when null). */
export class ValueSampler implements ValueSampling {
  readonly rows: number;
  private readonly inputs = new Map<string, InputSample>();

  constructor(readonly limit: number | null) {
    this.rows = limit ?? Number.POSITIVE_INFINITY;
  }

  observe(source: SampledSource): RecordObserver {
    const sample = new InputSample(source, this.limit);
    this.inputs.set(sampleKey(source.file, source.layout.binding?.where ?? null), sample);
    return sample;
  }

  /** The sample of one input (as the scan names it: its file and the mapping source), or null when it was not sampled. */
  valuesOf(file: string, mapping: string | null): FileValues | null {
    return this.inputs.get(sampleKey(file, mapping))?.result() ?? null;
  }
}

// One mapping source reads a file once: the file and the source tell its inputs apart.
const sampleKey = (file: string, mapping: string | null): string => `${file}\u0000${mapping ?? ''}`;
