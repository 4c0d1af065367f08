// Reads only what each input says about its tables and columns (a tabular file's header, JSON's keys), for the pre-flight.
import { basename } from 'node:path';
import { KnownError } from '../core/errors.js';
import { tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import type { Delimiter } from './dialect.js';
import { listInputFiles, type InputFormat } from './files.js';
import { resolveHeader, type FoundColumn, type HeaderContext, type HeaderLayout, type MissingMappedColumn } from './header.js';
import { readInput, type InputConsumer } from './input.js';
import { loadLookups, type LookupTables } from './lookups.js';
import { MappingIndex, type Mapping, type SourceBinding } from './mapping.js';
import type { DocumentSink } from './records.js';
import type { LeftOut, ShapedSink } from './shape.js';
import type { TextEncoding } from './text.js';
import { sheetFile } from './xlsx.js';

/** What one input offers one table: its columns and what keeps it from being read. */
export interface FileHeader {
  /** As findings would name it: the path, or `book.xlsx#sheet`. */
  readonly file: string;
  readonly format: InputFormat;
  /** Null when the file cannot be placed in any table. */
  readonly table: TableName | null;
  /** Where the mapping describes the file (`tables.visits`), or null when read as canonical. */
  readonly mapping: string | null;
  /** For delimited text: how it was read, e.g. `UTF-8, comma`. */
  readonly dialect: string | null;
  /** The header's line (the sheet's row for a workbook); null for JSON. */
  readonly line: number | null;
  readonly columns: readonly FoundColumn[];
  readonly missingRequired: readonly string[];
  readonly missingMapped: readonly MissingMappedColumn[];
  readonly repeated: readonly string[];
  /** Header cells no column is read from (counted, never listed: a header may be a data row by mistake). */
  readonly unused: number;
  /** Why the file cannot be read as a table, when it cannot. */
  readonly problem: string | null;
}

export interface HeaderScan {
  readonly files: readonly FileHeader[];
  /** Files the mapping's `ignore` list leaves out. */
  readonly ignored: readonly string[];
  /** Files read only for the mapping's lookups (not as tables). */
  readonly lookupFiles: readonly string[];
  /** Files found but not read (lock files, other file types, practice-audit's own reports). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  /** Workbook sheets neither named as a table nor named by the mapping. */
  readonly skippedSheets: readonly string[];
  /** File names the mapping names that are not among the inputs, and sheets it names that a workbook lacks (`book.xlsx#sheet`). */
  readonly mappingFilesNotFound: readonly string[];
}

/** One table's input (a delimited file or a sheet, through one mapping source) whose records the pre-flight samples. */
export interface SampledSource {
  /** As findings would name it: the path, or `book.xlsx#sheet`. */
  readonly file: string;
  readonly layout: HeaderLayout;
  /** Cells of the header, looked-up columns included: a record with another count is one the audit leaves out. */
  readonly headerLength: number;
  /** Columns the mapping looks up in a file that is not among the inputs: empty on every row, so not judged. */
  readonly notLookedUp: ReadonlySet<string>;
}

/** Sees a sampled source's records after the header as the audit's table sink would: handed on, or left out by the mapping. */
export interface RecordObserver {
  record(cells: readonly string[], line: number, asRead?: readonly string[]): void;
  left(cells: readonly string[], line: number, reason: LeftOut, asRead?: readonly string[]): void;
  finish(): void;
}

/** The pre-flight's look at values: how many records of each tabular file or sheet to read, and what sees them. */
export interface ValueSampling {
  /** Records read after each header; `Infinity` for every one. */
  readonly rows: number;
  observe(source: SampledSource): RecordObserver;
}

export interface ScanOptions {
  readonly mapping?: Mapping | undefined;
  readonly encoding?: TextEncoding | undefined;
  readonly delimiter?: Delimiter | undefined;
  /** Without it only headers (and JSON keys) are read. */
  readonly sample?: ValueSampling | undefined;
}

/** A sink that resolves the header and keeps its layout, or why it cannot be placed; with a sample, hands the records on. */
class HeaderProbe implements ShapedSink {
  layout: HeaderLayout | undefined;
  line: number | null = null;
  problem: string | null = null;
  private observer: RecordObserver | undefined;

  constructor(
    private readonly file: string,
    private readonly context: HeaderContext,
    private readonly sample: ValueSampling | undefined,
    private readonly lookups: LookupTables | undefined,
  ) {}

  header(cells: readonly string[], line: number): void {
    this.line = line;
    try {
      this.layout = resolveHeader(this.file, cells, line, this.context);
    } catch (error) {
      if (!(error instanceof KnownError)) throw error;
      this.problem = error.expected ? `${error.message} (expected ${error.expected})` : error.message;
      return;
    }
    if (this.sample) {
      const notLookedUp = notLookedUpIn(this.context.binding, this.lookups);
      this.observer = this.sample.observe({ file: this.file, layout: this.layout, headerLength: cells.length, notLookedUp });
    }
  }

  record(cells: readonly string[], line: number, asRead?: readonly string[]): void {
    this.observer?.record(cells, line, asRead);
  }

  left(cells: readonly string[], line: number, reason: LeftOut, asRead?: readonly string[]): void {
    this.observer?.left(cells, line, reason, asRead);
  }

  finish(): void {
    this.observer?.finish();
  }

  result(format: InputFormat, dialect: string | null): FileHeader {
    const { layout } = this;
    const problem = this.problem ?? (this.line === null ? 'the file is empty: it has no header row' : null);
    return {
      file: this.file,
      format,
      table: layout?.table ?? null,
      mapping: layout?.binding?.where ?? null,
      dialect,
      line: this.line,
      columns: layout?.found ?? [],
      missingRequired: layout?.missingRequired ?? [],
      missingMapped: layout?.missingMapped ?? [],
      repeated: layout?.repeated ?? [],
      unused: layout?.unused ?? 0,
      problem,
    };
  }
}

/** An input that offers no table at all, with why. */
const unplaced = (file: string, format: InputFormat, problem: string): FileHeader => ({
  file,
  format,
  table: null,
  mapping: null,
  dialect: null,
  line: null,
  columns: [],
  missingRequired: [],
  missingMapped: [],
  repeated: [],
  unused: 0,
  problem,
});

/** A source's looked-up columns whose lookup file was not among the inputs (and so was not read). */
function notLookedUpIn(binding: SourceBinding | undefined, lookups: LookupTables | undefined): ReadonlySet<string> {
  const columns = new Set<string>();
  for (const [column, spec] of binding?.lookups ?? []) if (!lookups?.has(spec)) columns.add(column);
  return columns;
}

const CHILD_TABLES = TABLE_NAMES.filter((name) => name !== 'cases');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys case documents use, per table: a table is there once a document has its key, as the loader counts it. */
class KeyCollector implements DocumentSink {
  readonly keys = new Map<TableName, Set<string>>([['cases', new Set()]]);

  document(document: unknown): void {
    if (!isObject(document)) return;
    const cases = this.keys.get('cases') as Set<string>;
    for (const key of Object.keys(document)) cases.add(key);
    for (const table of CHILD_TABLES) {
      const rows = document[table];
      if (!Array.isArray(rows)) continue;
      let keys = this.keys.get(table);
      if (!keys) {
        // An embedded row's case_id comes from its document.
        keys = new Set(['case_id']);
        this.keys.set(table, keys);
      }
      for (const row of rows) if (isObject(row)) for (const key of Object.keys(row)) keys.add(key);
    }
  }

  finish(): void {
    // The keys are all in once the last document is read.
  }

  headers(file: string, format: InputFormat): FileHeader[] {
    return [...this.keys].map(([table, keys]) => {
      const columns = tableSpec(table).columns.filter((column) => keys.has(column.name));
      const present = new Set(columns.map((column) => column.name));
      return {
        file,
        format,
        table,
        mapping: null,
        dialect: null,
        line: null,
        columns: columns.map((column) => ({ column: column.name, origin: 'header' as const, header: column.name })),
        missingRequired: tableSpec(table).columns.filter((column) => column.required && !present.has(column.name)).map((column) => column.name),
        missingMapped: [],
        repeated: [],
        unused: [...keys].filter((key) => !tableSpec(table).columns.some((column) => column.name === key) && !(CHILD_TABLES as string[]).includes(key)).length,
        problem: null,
      };
    });
  }
}

/**
 * What every input offers, reading as little as possible: the header of each delimited file or sheet,
 * the keys of JSON documents. A file that cannot be placed in a table is listed with the reason; one that
 * cannot be read at all (missing, malformed, undecodable) stops the scan as it would stop the audit.
 * With a sample, the first records of each delimited file or sheet go to the sample's observers too, through
 * the mapping's row rules and its lookups (read whole, as the audit reads them), and a malformed record among
 * them stops the scan as it would stop the audit.
 */
export async function scanHeaders(paths: readonly string[], options: ScanOptions = {}): Promise<HeaderScan> {
  const mapping = options.mapping ? new MappingIndex(options.mapping) : undefined;
  const { files, ignored, skipped } = await listInputFiles(paths, mapping);
  const headers: FileHeader[] = [];
  const skippedSheets: string[] = [];
  const sheetsNotFound: string[] = [];
  let probes: HeaderProbe[] = [];
  let keys: KeyCollector | undefined;
  const { sample } = options;
  // A lookup whose file is absent is listed below as a file the mapping names that is not among the inputs.
  const lookups =
    sample === undefined || mapping === undefined
      ? undefined
      : await loadLookups(mapping, [...files.map((file) => file.path), ...ignored], { encoding: options.encoding, delimiter: options.delimiter, skipAbsent: true });
  const consumer: InputConsumer = {
    rowLimit: sample?.rows ?? 0,
    tabular: ({ display, named, binding }) => {
      const probe = new HeaderProbe(display, { named, binding }, sample, lookups);
      probes.push(probe);
      return probe;
    },
    documents: () => (keys = new KeyCollector()),
  };
  const readOptions = { mapping, encoding: options.encoding, delimiter: options.delimiter, lookups };
  for (const file of files) {
    probes = [];
    keys = undefined;
    const read = await readInput(file, consumer, readOptions);
    headers.push(...probes.map((probe) => probe.result(file.format, read.dialect)));
    const documentKeys = keys as KeyCollector | undefined;
    if (documentKeys) headers.push(...documentKeys.headers(file.path, file.format));
    if (read.noTable) headers.push(unplaced(file.path, file.format, read.noTable.reason));
    const present = new Set(read.sheets.map((sheet) => sheet.trim().toLowerCase()));
    const readSheets = new Set(read.sheetsRead);
    for (const sheet of read.sheets) if (!readSheets.has(sheet)) skippedSheets.push(sheetFile(file.path, sheet));
    if (file.format === 'xlsx') {
      for (const sheet of mapping?.sheetsNamed(file.path) ?? []) {
        if (!present.has(sheet.trim().toLowerCase())) sheetsNotFound.push(`${basename(file.path)}#${sheet}`);
      }
    }
  }
  // A name may be a pattern (`ssd_cp_visits*.csv`): found when any input matches it; lookup files are among the ignored.
  const inputs = [...files.map((file) => file.path), ...ignored];
  const mappingFilesNotFound = mapping
    ? [...mapping.namedFiles().filter((name) => !inputs.some((path) => MappingIndex.matches(name, path))), ...sheetsNotFound]
    : [];
  const lookupFiles = mapping === undefined ? [] : ignored.filter((path) => mapping.isLookupFile(path));
  return { files: headers, ignored: ignored.filter((path) => !lookupFiles.includes(path)), lookupFiles, skipped, skippedSheets, mappingFilesNotFound };
}
