// Reads only what each input says about its tables and columns (a tabular file's header, JSON's keys), for the pre-flight.
import { basename } from 'node:path';
import { InputError, KnownError } from '../core/errors.js';
import { tableSpec } from '../model/tables.js';
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { readCsv } from './csv.js';
import { delimiterName, type Delimiter } from './dialect.js';
import { listInputFiles, type InputFormat } from './files.js';
import { resolveHeader, type FoundColumn, type HeaderContext, type HeaderLayout, type MissingMappedColumn } from './header.js';
import { MappingIndex, type Mapping } from './mapping.js';
import { tableNamedBy } from './header.js';
import type { TabularSink } from './records.js';
import { decodeWhole, encodingName, type TextEncoding } from './text.js';
import { JsonSyntaxError, scanJson as scanJsonText } from './json-layout.js';
import { forEachLine, readJsonBytes } from './json.js';
import { readWorkbook, sheetFile, tableNamedBySheet } from './xlsx.js';

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
  /** Workbook sheets neither named as a table nor named by the mapping. */
  readonly skippedSheets: readonly string[];
  /** File names the mapping names that are not among the inputs, and sheets it names that a workbook lacks (`book.xlsx#sheet`). */
  readonly mappingFilesNotFound: readonly string[];
}

export interface ScanOptions {
  readonly mapping?: Mapping | undefined;
  readonly encoding?: TextEncoding | undefined;
  readonly delimiter?: Delimiter | undefined;
}

/** A sink that resolves the header and keeps its layout, or why it cannot be placed. */
class HeaderProbe implements TabularSink {
  layout: HeaderLayout | undefined;
  line: number | null = null;
  problem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly context: HeaderContext,
  ) {}

  header(cells: readonly string[], line: number): void {
    this.line = line;
    try {
      this.layout = resolveHeader(this.file, cells, line, this.context);
    } catch (error) {
      if (!(error instanceof KnownError)) throw error;
      this.problem = error.expected ? `${error.message} (expected ${error.expected})` : error.message;
    }
  }

  record(): void {
    // Only the header is read.
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

async function scanDelimited(file: string, options: ScanOptions, mapping: MappingIndex | undefined): Promise<FileHeader> {
  const binding = mapping?.forFile(file);
  const probe = new HeaderProbe(file, { binding, named: binding ? undefined : tableNamedBy(file) });
  const dialect = await readCsv(file, probe, { encoding: options.encoding, delimiter: options.delimiter, headerOnly: true });
  return probe.result('csv', `${encodingName(dialect.encoding)}, ${delimiterName(dialect.delimiter)}`);
}

async function scanWorkbook(file: string, mapping: MappingIndex | undefined, skipped: string[], notFound: string[]): Promise<FileHeader[]> {
  const probes: HeaderProbe[] = [];
  const sheets = await readWorkbook(file, (sheet) => {
    const named = tableNamedBySheet(sheet);
    const binding = mapping?.forSheet(file, sheet, named);
    if (!named && !binding) {
      skipped.push(sheetFile(file, sheet));
      return undefined;
    }
    const probe = new HeaderProbe(sheetFile(file, sheet), { named, binding });
    probes.push(probe);
    return { sink: probe, headerOnly: true, finish: () => undefined };
  });
  const present = new Set(sheets.map((sheet) => sheet.trim().toLowerCase()));
  for (const sheet of mapping?.sheetsNamed(file) ?? []) {
    if (!present.has(sheet.trim().toLowerCase())) notFound.push(`${basename(file)}#${sheet}`);
  }
  if (probes.length === 0) {
    const problem = 'no sheet of the workbook is named as a table';
    return [{ file, format: 'xlsx', table: null, mapping: null, dialect: null, line: null, columns: [], missingRequired: [], missingMapped: [], repeated: [], unused: 0, problem }];
  }
  return probes.map((probe) => probe.result('xlsx', null));
}

const CHILD_TABLES = TABLE_NAMES.filter((name) => name !== 'cases');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys case documents use, per table: a table is there once a document has its key, as the loader counts it. */
class KeyCollector {
  readonly keys = new Map<TableName, Set<string>>([['cases', new Set()]]);

  add(document: unknown): void {
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

const JSON_EXPECTED = 'a JSON array of case documents, or {"cases": [ ... ]}';

async function scanJson(file: string, options: ScanOptions): Promise<FileHeader[]> {
  const text = await decodeWhole(file, readJsonBytes(file), options.encoding);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const syntax = scanJsonText(text);
    const where = syntax instanceof JsonSyntaxError ? { file, line: syntax.line } : { file };
    throw new InputError(`invalid JSON${syntax instanceof JsonSyntaxError ? `: ${syntax.reason}` : ''}`, where, JSON_EXPECTED);
  }
  const documents: unknown = Array.isArray(value) ? value : isObject(value) ? value['cases'] : undefined;
  if (!Array.isArray(documents)) throw new InputError('JSON of the wrong shape', { file, line: 1 }, JSON_EXPECTED);
  const keys = new KeyCollector();
  for (const document of documents) keys.add(document);
  return keys.headers(file, 'json');
}

async function scanNdjson(file: string, options: ScanOptions): Promise<FileHeader[]> {
  const keys = new KeyCollector();
  let lineNumber = 0;
  const readLine = (line: string) => {
    lineNumber++;
    if (line.trim() === '') return;
    try {
      keys.add(JSON.parse(line));
    } catch {
      throw new InputError('invalid JSON', { file, line: lineNumber }, 'one JSON case document per line');
    }
  };
  await forEachLine(file, options.encoding, readLine);
  return keys.headers(file, 'ndjson');
}

/**
 * What every input offers, reading as little as possible: the header of each delimited file or sheet,
 * the keys of JSON documents. A file that cannot be placed in a table is listed with the reason; one that
 * cannot be read at all (missing, malformed, undecodable) stops the scan as it would stop the audit.
 */
export async function scanHeaders(paths: readonly string[], options: ScanOptions = {}): Promise<HeaderScan> {
  const mapping = options.mapping ? new MappingIndex(options.mapping) : undefined;
  const { files, ignored } = await listInputFiles(paths, mapping);
  const headers: FileHeader[] = [];
  const skippedSheets: string[] = [];
  const sheetsNotFound: string[] = [];
  for (const { path, format } of files) {
    if (format === 'csv') headers.push(await scanDelimited(path, options, mapping));
    else if (format === 'xlsx') headers.push(...(await scanWorkbook(path, mapping, skippedSheets, sheetsNotFound)));
    else if (format === 'json') headers.push(...(await scanJson(path, options)));
    else headers.push(...(await scanNdjson(path, options)));
  }
  const found = new Set(files.map((file) => file.path.split(/[\\/]/).pop()?.toLowerCase()));
  const mappingFilesNotFound = mapping ? [...mapping.namedFiles().filter((name) => !found.has(name.toLowerCase())), ...sheetsNotFound] : [];
  return { files: headers, ignored, skippedSheets, mappingFilesNotFound };
}
