// The loader: input paths → decoded rows → validated tables → the case model, with data-integrity findings.
import type { Finding } from '../../checks/types.js';
import { InputError } from '../errors.js';
import type { CaseRecord, TableName } from '../model/types.js';
import type { InputSummary } from '../report/types.js';
import { readCsv } from './csv.js';
import { listInputFiles, type InputFormat } from './files.js';
import { assembleCases } from './integrity.js';
import { readJsonFile, readNdjsonFile } from './json.js';
import { compareStrings, RowCollector } from './rows.js';
import { TableSink, type ProgressReporter } from './tabular.js';

export { INTEGRITY_STANDARDS, type IntegrityStandardId, type IntegrityStandardMeta } from './standards.js';

export interface LoadOptions {
  /** Called now and then while reading, for a progress line on a TTY. */
  readonly onProgress?: (progress: { file: string; rows: number }) => void;
}

export interface LoadedExport {
  /** Sorted by case_id; only valid, non-orphan, non-duplicate rows. */
  readonly cases: readonly CaseRecord[];
  readonly tablesPresent: ReadonlySet<TableName>;
  /** One per (file, table), sorted by file then table. */
  readonly inputs: readonly InputSummary[];
  /** data-invalid-row, data-orphan-row and data-duplicate-id findings, sorted by file, line and standard. */
  readonly integrity: readonly Finding[];
}

type FileReader = (file: string, collector: RowCollector, progress: ProgressReporter) => Promise<void>;

async function readCsvFile(file: string, collector: RowCollector, progress: ProgressReporter): Promise<void> {
  const sink = new TableSink(file, collector, progress);
  await readCsv(file, sink);
  sink.finish();
}

const READERS: Readonly<Record<InputFormat, FileReader>> = {
  csv: readCsvFile,
  json: readJsonFile,
  ndjson: readNdjsonFile,
};

const byPlace = (a: Finding, b: Finding): number =>
  compareStrings(a.source?.file ?? '', b.source?.file ?? '') ||
  (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
  compareStrings(a.standard, b.standard);

/**
 * Reads every input (folders, CSV, JSON, NDJSON files), validates each row against DATA.md and assembles
 * the cases. Files are read one after another in the order given, which fixes which of two duplicates is
 * the first. A whole-file problem throws an InputError; a row-level one becomes an integrity finding.
 */
export async function loadExport(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedExport> {
  const files = await listInputFiles(paths);
  const collector = new RowCollector();
  const { onProgress } = options;
  for (const { path, format } of files) {
    const progress: ProgressReporter = onProgress ? (rows) => onProgress({ file: path, rows }) : () => undefined;
    await READERS[format](path, collector, progress);
  }
  if (!collector.present.has('cases')) {
    throw new InputError(
      `no cases table among the inputs (${files.map((file) => file.path).join(', ')})`,
      {},
      'a cases.csv file, a CSV whose header has case_id and status, or JSON case documents',
    );
  }
  const cases = assembleCases(collector);
  return {
    cases,
    tablesPresent: new Set(collector.present),
    inputs: collector.summaries(),
    integrity: [...collector.findings].sort(byPlace),
  };
}
