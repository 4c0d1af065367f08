// Splits a JSON file's case documents into the rows of their tables and validates each, as the table sink does for CSV.
import { InputError } from '../core/errors.js';
import { checkHeap, HEAP_CHECK_EVERY } from '../core/heap.js';
import { TABLE_NAMES, type ChildTableName, type TableName } from '../model/types.js';
import { presentValue } from '../model/values.js';
import type { DocumentLayout } from '../read/json-layout.js';
import type { DocumentSink } from '../read/records.js';
import { caseIdMismatch } from './findings.js';
import type { InputCount, RowCollector } from './rows.js';
import { decodeObject, DECODERS } from './schemas.js';
import { PROGRESS_EVERY, type ProgressReporter } from './table-sink.js';

const CHILD_TABLES = TABLE_NAMES.filter((name): name is ChildTableName => name !== 'cases');

const DOCUMENT_EXPECTED = 'a case document: an object with the cases columns and child tables as arrays of objects';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits case documents into table rows for the collector. An embedded row without a `case_id` takes its
 * document's; one with a different `case_id` is invalid. A table counts as present for this file as soon
 * as one document has its key, even with an empty array; a `null` table is not recorded, like any null.
 */
export class CaseDocumentReader implements DocumentSink {
  private readonly counts = new Map<TableName, InputCount>();
  private rowsRead = 0;

  constructor(
    private readonly file: string,
    private readonly collector: RowCollector,
    private readonly progress: ProgressReporter,
  ) {
    this.count('cases');
  }

  private count(table: TableName): InputCount {
    let count = this.counts.get(table);
    if (!count) {
      count = this.collector.input(this.file, table);
      this.counts.set(table, count);
    }
    return count;
  }

  /** `path` is the document's JSON path (`[3]`, `cases[3]`), empty for an NDJSON line. */
  document(document: unknown, line: number, path: string, layout: DocumentLayout | undefined): void {
    if (!isObject(document)) {
      throw new InputError(`${path || 'the line'} is not a case document`, { file: this.file, line }, DOCUMENT_EXPECTED);
    }
    this.collector.columns.keys('cases', document);
    this.collector.validate(this.count('cases'), decodeObject(DECODERS.cases, document), this.file, line, path || null);
    this.tick();
    const documentCaseId = presentValue(document['case_id']);
    const prefix = path ? `${path}.` : '';
    for (const table of CHILD_TABLES) {
      const rows = document[table];
      if (rows === undefined || rows === null) continue;
      if (!Array.isArray(rows)) {
        throw new InputError(`${prefix}${table} is not an array`, { file: this.file, line }, DOCUMENT_EXPECTED);
      }
      const count = this.count(table);
      const lines = layout?.rows.get(table);
      for (let index = 0; index < rows.length; index++) {
        const row: unknown = rows[index];
        const rowLine = lines?.[index] ?? line;
        if (!isObject(row)) {
          throw new InputError(
            `${prefix}${table}[${index}] is not an object`,
            { file: this.file, line: rowLine },
            DOCUMENT_EXPECTED,
          );
        }
        const rowPath = `${prefix}${table}[${index}]`;
        this.collector.columns.keys(table, row);
        const decoded = decodeObject(DECODERS[table], row);
        if (decoded['case_id'] === undefined) {
          decoded['case_id'] = documentCaseId;
        } else if (typeof decoded['case_id'] === 'string' && typeof documentCaseId === 'string' && decoded['case_id'] !== documentCaseId) {
          const origin = { file: this.file, line: rowLine, jsonPath: rowPath };
          this.collector.rejectRead(count, caseIdMismatch(table, decoded, origin, documentCaseId));
          this.tick();
          continue;
        }
        this.collector.validate(count, decoded, this.file, rowLine, rowPath);
        this.tick();
      }
    }
  }

  private tick(): void {
    if (++this.rowsRead % HEAP_CHECK_EVERY === 0) {
      checkHeap();
      if (this.rowsRead % PROGRESS_EVERY === 0) this.progress(this.rowsRead);
    }
  }

  finish(): void {
    this.progress(this.rowsRead);
  }
}
