// The loader: input paths → records (src/read) → typed rows (src/validate) → the case model (src/assemble), with data-integrity findings.
import { assembleCases } from '../assemble/cases.js';
import { InputError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { compareText } from '../core/order.js';
import type { Assumption, InputSummary, SkippedInput } from '../core/report.js';
import type { CaseList, TableName } from '../model/types.js';
import type { Delimiter } from '../read/dialect.js';
import { listInputFiles } from '../read/files.js';
import { readInput, type InputConsumer } from '../read/input.js';
import { loadLookups } from '../read/lookups.js';
import { MappingIndex, type Mapping } from '../read/mapping.js';
import type { TextEncoding } from '../read/text.js';
import { CaseDocumentReader } from '../validate/documents.js';
import { RowCollector, type CasePartition } from '../validate/rows.js';
import { TableSink, type ProgressReporter } from '../validate/table-sink.js';

export interface LoadOptions {
  /** Called now and then while reading, for a progress line on a TTY. */
  readonly onProgress?: (progress: { file: string; rows: number }) => void;
  /** How the export's own files, columns and values map onto the input contract. */
  readonly mapping?: Mapping | undefined;
  /** The encoding of every text input; by default each file's byte-order mark, else UTF-8. */
  readonly encoding?: TextEncoding | undefined;
  /** The delimiter of every delimited text input; by default each file's header line tells. */
  readonly delimiter?: Delimiter | undefined;
  /** Read only the rows of this part of the cases (see src/pipeline/parallel.ts); every row, without it. */
  readonly partition?: CasePartition | undefined;
}

export interface LoadedExport {
  /** Sorted by case_id; only valid, non-orphan, non-duplicate rows. */
  readonly cases: CaseList;
  readonly tablesPresent: ReadonlySet<TableName>;
  /** Per present table, the columns at least one of its inputs has. */
  readonly columnsPresent: ReadonlyMap<TableName, ReadonlySet<string>>;
  /** Columns the mapping sets to one value for every row of a table. */
  readonly assumptions: readonly Assumption[];
  /** One per (file, table), sorted by file then table. */
  readonly inputs: readonly InputSummary[];
  /** Input files found but not read, sorted by file. */
  readonly skipped: readonly SkippedInput[];
  /** data-invalid-row, data-orphan-row and data-duplicate-id findings, sorted by file, line and standard. */
  readonly integrity: readonly Finding[];
}

const byPlace = (a: Finding, b: Finding): number =>
  compareText(a.source?.file ?? '', b.source?.file ?? '') ||
  (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
  compareText(a.standard, b.standard);

/**
 * Reads every input (folders; delimited text, xlsx, JSON, NDJSON files), applying the mapping to the files
 * it names, validates each row against DATA.md and assembles
 * the cases. Files are read one after another in the order given, which fixes which of two duplicates is
 * the first. A whole-file problem throws an InputError; a row-level one becomes an integrity finding.
 */
export async function loadExport(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedExport> {
  const mapping = options.mapping ? new MappingIndex(options.mapping) : undefined;
  const { files, ignored, skipped } = await listInputFiles(paths, mapping);
  const skippedFiles = [...skipped];
  // Only delimited text is read by part: its rows are filtered one by one (src/validate/table-sink.ts).
  if (options.partition !== undefined && files.some((file) => file.format !== 'csv')) {
    throw new Error('an export is read by part only when every input is delimited text');
  }
  const collector = new RowCollector(options.partition);
  const { onProgress } = options;
  const progressFor = (file: string): ProgressReporter =>
    onProgress ? (rows) => onProgress({ file, rows }) : () => undefined;
  const consumer: InputConsumer = {
    rowLimit: Number.POSITIVE_INFINITY,
    tabular: ({ display, named, binding }) => new TableSink(display, collector, progressFor(display), { named, binding }),
    documents: (file) => new CaseDocumentReader(file, collector, progressFor(file)),
  };
  const lookups =
    mapping === undefined
      ? undefined
      : await loadLookups(mapping, [...files.map((file) => file.path), ...ignored], { encoding: options.encoding, delimiter: options.delimiter });
  const readOptions = { mapping, encoding: options.encoding, delimiter: options.delimiter, lookups };
  const encodingNotes = new Map<string, string>();
  for (const file of files) {
    const { noTable, encodingNote } = await readInput(file, consumer, readOptions);
    if (noTable) {
      // A workbook in a folder whose sheets are no tables (last month's report saved as xlsx, a tracker) is passed over.
      if (file.inFolder === true) skippedFiles.push({ file: file.path, reason: noTable.reason });
      else throw new InputError(noTable.reason, { file: file.path }, noTable.expected);
    }
    if (encodingNote !== undefined) encodingNotes.set(file.path, encodingNote);
  }
  if (!collector.present.has('cases')) {
    throw new InputError(
      `no cases table among the inputs (${files.map((file) => file.path).join(', ')})`,
      {},
      'a cases.csv file, a CSV whose header has case_id and status, or JSON case documents',
    );
  }
  const cases = assembleCases(collector);
  collector.releaseRows();
  // A workbook's inputs are named file#sheet: the sheet is cut off to find the file.
  const linked = new Set(files.filter((file) => file.symlink).map((file) => file.path));
  return {
    cases,
    tablesPresent: new Set(collector.present),
    columnsPresent: collector.columns.present(),
    assumptions: collector.columns.assumptions(),
    inputs: collector.summaries().map((input) => {
      const encoding = encodingNotes.get(input.file);
      const noted = encoding === undefined ? input : { ...input, encoding };
      return linked.has(input.file.replace(/#[^#]*$/, '')) || linked.has(input.file) ? { ...noted, symlink: true } : noted;
    }),
    skipped: skippedFiles.sort((a, b) => compareText(a.file, b.file)),
    integrity: [...collector.findings].sort(byPlace),
  };
}
