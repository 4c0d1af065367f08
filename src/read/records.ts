// What a reader hands on to validation: a tabular file's header and records, or a JSON file's case documents, each with its line.
import type { RecordReceiver } from './csv-tokenizer.js';
import type { DocumentLayout } from './json-layout.js';

/**
 * Receives a tabular file's records (a CSV file, a workbook's sheet) as they are read, each with the line it starts
 * on; the first non-blank record is the header.
 */
export type TabularSink = RecordReceiver;

/** Receives a JSON or NDJSON file's case documents as they are parsed. */
export interface DocumentSink {
  /** `path` is the document's JSON path (`[3]`, `cases[3]`), empty for an NDJSON line; `layout` places its rows. */
  document(document: unknown, line: number, path: string, layout: DocumentLayout | undefined): void;
}
