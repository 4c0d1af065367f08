// The loader: input paths → decoded rows → validated tables → the case model, with data-integrity findings.

import type { Finding } from '../core/finding.js';
import { InputError } from '../core/errors.js';
import { TABLE_NAMES, type CaseRecord, type TableName } from '../model/types.js';
import type { Assumption, InputSummary } from '../core/report.js';
import { readCsv } from '../read/csv.js';
import type { Delimiter } from '../read/dialect.js';
import { listInputFiles, type InputFormat } from '../read/files.js';
import { assembleCases } from '../assemble/cases.js';
import { readJsonFile, readNdjsonFile } from '../read/json.js';
import type { DocumentSink } from '../read/records.js';
import { CaseDocumentReader } from '../validate/documents.js';
import { MappingIndex, type Mapping } from '../read/mapping.js';
import { RowCollector, type CasePartition } from '../validate/rows.js';
import { TableSink, type ProgressReporter } from '../validate/table-sink.js';
import type { TextEncoding } from '../read/text.js';
import { readWorkbook, sheetFile, tableNamedBySheet } from '../read/xlsx.js';
import { compareText } from '../core/order.js';


export interface LoadOptions {
  /** Called now and then while reading, for a progress line on a TTY. */
  readonly onProgress?: (progress: { file: string; rows: number }) => void;
  /** How the export's own files, columns and values map onto the input contract. */
  readonly mapping?: Mapping | undefined;
  /** The encoding of every text input; by default each file's byte-order mark, else UTF-8. */
  readonly encoding?: TextEncoding | undefined;
  /** The delimiter of every delimited text input; by default each file's header line tells. */
  readonly delimiter?: Delimiter | undefined;
  /** Read only the rows of this part of the cases (see src/engine/parallel.ts); every row, without it. */
  readonly partition?: CasePartition | undefined;
}

export interface LoadedExport {
  /** Sorted by case_id; only valid, non-orphan, non-duplicate rows. */
  readonly cases: readonly CaseRecord[];
  readonly tablesPresent: ReadonlySet<TableName>;
  /** Per present table, the columns at least one of its inputs has. */
  readonly columnsPresent: ReadonlyMap<TableName, ReadonlySet<string>>;
  /** Columns the mapping sets to one value for every row of a table. */
  readonly assumptions: readonly Assumption[];
  /** One per (file, table), sorted by file then table. */
  readonly inputs: readonly InputSummary[];
  /** data-invalid-row, data-orphan-row and data-duplicate-id findings, sorted by file, line and standard. */
  readonly integrity: readonly Finding[];
}

interface ReadContext {
  readonly collector: RowCollector;
  readonly options: LoadOptions;
  readonly mapping: MappingIndex | undefined;
  readonly progressFor: (file: string) => ProgressReporter;
}

type FileReader = (file: string, context: ReadContext) => Promise<void>;

async function readCsvFile(file: string, { collector, options, mapping, progressFor }: ReadContext): Promise<void> {
  const sink = new TableSink(file, collector, progressFor(file), { binding: mapping?.forFile(file) });
  await readCsv(file, sink, { encoding: options.encoding, delimiter: options.delimiter });
  sink.finish();
}

/** Reads every sheet named as a table or by the mapping; a workbook offering none of them is an error. */
async function readXlsxFile(file: string, { collector, mapping, progressFor }: ReadContext): Promise<void> {
  let read = 0;
  const sheets = await readWorkbook(file, (sheet) => {
    const named = tableNamedBySheet(sheet);
    const binding = mapping?.forSheet(file, sheet, named);
    if (!named && !binding) return undefined;
    read++;
    const display = sheetFile(file, sheet);
    const sink = new TableSink(display, collector, progressFor(display), { named, binding });
    return { sink, finish: () => sink.finish() };
  });
  if (read === 0) {
    throw new InputError(
      `no sheet of the workbook is named as a table${sheets.length > 0 ? ` (its sheets: ${sheets.join(', ')})` : ''}`,
      { file },
      `sheets named ${TABLE_NAMES.join(', ')}, or a mapping whose sheet key names them`,
    );
  }
}

/** A JSON or NDJSON file: its case documents split into rows and validated. */
async function readDocuments(
  file: string,
  { collector, options, progressFor }: ReadContext,
  read: (file: string, sink: DocumentSink, encoding?: TextEncoding) => Promise<void>,
): Promise<void> {
  const sink = new CaseDocumentReader(file, collector, progressFor(file));
  await read(file, sink, options.encoding);
  sink.finish();
}

const READERS: Readonly<Record<InputFormat, FileReader>> = {
  csv: readCsvFile,
  xlsx: readXlsxFile,
  json: (file, context) => readDocuments(file, context, readJsonFile),
  ndjson: (file, context) => readDocuments(file, context, readNdjsonFile),
};

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
  const { files } = await listInputFiles(paths, mapping);
  // Only delimited text is read by part: its rows are filtered one by one (src/load/tabular.ts).
  if (options.partition !== undefined && files.some((file) => file.format !== 'csv')) {
    throw new Error('an export is read by part only when every input is delimited text');
  }
  const collector = new RowCollector(options.partition);
  const { onProgress } = options;
  const progressFor = (file: string): ProgressReporter =>
    onProgress ? (rows) => onProgress({ file, rows }) : () => undefined;
  const context: ReadContext = { collector, options, mapping, progressFor };
  for (const { path, format } of files) await READERS[format](path, context);
  if (!collector.present.has('cases')) {
    throw new InputError(
      `no cases table among the inputs (${files.map((file) => file.path).join(', ')})`,
      {},
      'a cases.csv file, a CSV whose header has case_id and status, or JSON case documents',
    );
  }
  const cases = assembleCases(collector);
  // A workbook's inputs are named file#sheet: the sheet is cut off to find the file.
  const linked = new Set(files.filter((file) => file.symlink).map((file) => file.path));
  return {
    cases,
    tablesPresent: new Set(collector.present),
    columnsPresent: collector.columns.present(),
    assumptions: collector.columns.assumptions(),
    inputs: collector.summaries().map((input) => (linked.has(input.file.replace(/#[^#]*$/, '')) || linked.has(input.file) ? { ...input, symlink: true } : input)),
    integrity: [...collector.findings].sort(byPlace),
  };
}
