// Reads one input file of any format into the sinks its consumer gives: the one way in for the audit and the pre-flight.
import { TABLE_NAMES, type TableName } from '../model/types.js';
import { readCsv } from './csv.js';
import { delimiterName, type Delimiter } from './dialect.js';
import type { InputFile } from './files.js';
import type { InputFormat } from './formats.js';
import { tableNamedBy } from './header.js';
import { readJsonFile, readNdjsonFile } from './json.js';
import type { LookupTables } from './lookups.js';
import type { MappingIndex, SourceBinding } from './mapping.js';
import type { DocumentSink } from './records.js';
import { FanOut, MappedRows, NullCells, type ShapedSink } from './shape.js';
import { encodingName, type TextEncoding } from './text.js';
import { readWorkbook, sheetFile, tableNamedBySheet } from './xlsx.js';

/** One table's worth of a tabular input: a delimited file, or one sheet of a workbook. */
export interface TabularSource {
  /** As findings name it: the path, or `book.xlsx#visits` for a sheet. */
  readonly display: string;
  /** The table the file's or sheet's name gives, when no mapping source describes it. */
  readonly named: TableName | undefined;
  /** The mapping's source describing it, if any. */
  readonly binding: SourceBinding | undefined;
}

/** What reads the records: the audit validates them, the pre-flight keeps only the headers and keys. */
export interface InputConsumer {
  /**
   * Records read from each tabular file or sheet after its header: every one for the audit, 0 (the header alone)
   * or a sample for the pre-flight. A file feeding several tables is read once, so the limit is the file's.
   */
  readonly rowLimit: number;
  /** The sink for one tabular source; `finish` is called after its last record, `left` for each row the mapping leaves out. */
  tabular(source: TabularSource): ShapedSink;
  /** The sink for one JSON or NDJSON file's case documents; `finish` is called after the last. */
  documents(file: string): DocumentSink & { finish(): void };
}

export interface ReadOptions {
  readonly mapping: MappingIndex | undefined;
  readonly encoding: TextEncoding | undefined;
  readonly delimiter: Delimiter | undefined;
  /** The mapping's lookup files, read beforehand (see lookups.ts); without them looked-up columns are empty. */
  readonly lookups?: LookupTables | undefined;
}

/** What reading one file found beyond its records. */
export interface InputRead {
  /** For delimited text: how it was read, e.g. `UTF-8, comma`. */
  readonly dialect: string | null;
  /** For delimited text whose encoding was detected rather than declared or assumed: e.g. `windows-1252 (detected)`. */
  readonly encodingNote?: string;
  /** For a workbook: every sheet, and the sheets read as tables (neither named as a table nor by the mapping: passed over). */
  readonly sheets: readonly string[];
  readonly sheetsRead: readonly string[];
  /** Why the file gave no table at all (a workbook none of whose sheets is a table), or null. */
  readonly noTable: { readonly reason: string; readonly expected: string } | null;
}

type FormatReader = (file: string, consumer: InputConsumer, options: ReadOptions) => Promise<InputRead>;

/** The sink for a file or sheet: the consumer's own when no mapping source names it, else one per source with the source's row rules. */
function sinkFor(display: string, named: TableName | undefined, bindings: readonly SourceBinding[], consumer: InputConsumer, options: ReadOptions): ShapedSink {
  if (bindings.length === 0) {
    const sink = consumer.tabular({ display, named, binding: undefined });
    return options.mapping === undefined ? sink : new NullCells(options.mapping.mapping.nullTokens, sink);
  }
  const sinks = bindings.map(
    (binding) => new MappedRows(binding, options.lookups, consumer.tabular({ display, named: undefined, binding }), display),
  );
  return sinks.length === 1 ? (sinks[0] as ShapedSink) : new FanOut(sinks);
}

async function readDelimited(file: string, consumer: InputConsumer, options: ReadOptions): Promise<InputRead> {
  const sink = sinkFor(file, tableNamedBy(file), options.mapping?.forFile(file) ?? [], consumer, options);
  const dialect = await readCsv(file, sink, { encoding: options.encoding, delimiter: options.delimiter, rowLimit: consumer.rowLimit });
  sink.finish();
  const detected = dialect.detected ? ' (detected)' : '';
  return {
    dialect: `${encodingName(dialect.encoding)}${detected}, ${delimiterName(dialect.delimiter)}`,
    ...(dialect.detected ? { encodingNote: `${dialect.encoding}${detected}` } : {}),
    sheets: [],
    sheetsRead: [],
    noTable: null,
  };
}

async function readSheets(file: string, consumer: InputConsumer, options: ReadOptions): Promise<InputRead> {
  const sheetsRead: string[] = [];
  const sheets = await readWorkbook(file, (sheet) => {
    const named = tableNamedBySheet(sheet);
    const bindings = options.mapping?.forSheet(file, sheet, named) ?? [];
    if (!named && bindings.length === 0) return undefined;
    sheetsRead.push(sheet);
    const sink = sinkFor(sheetFile(file, sheet), named, bindings, consumer, options);
    return { sink, rowLimit: consumer.rowLimit, finish: () => sink.finish() };
  });
  const noTable =
    sheetsRead.length > 0
      ? null
      : {
          reason: `no sheet of the workbook is named as a table${sheets.length > 0 ? ` (its sheets: ${sheets.join(', ')})` : ''}`,
          expected: `sheets named ${TABLE_NAMES.join(', ')}, or a mapping whose sheet key names them`,
        };
  return { dialect: null, sheets, sheetsRead, noTable };
}

const documentsWith =
  (read: (file: string, sink: DocumentSink, encoding?: TextEncoding) => Promise<void>): FormatReader =>
  async (file, consumer, options) => {
    const sink = consumer.documents(file);
    await read(file, sink, options.encoding);
    sink.finish();
    return { dialect: null, sheets: [], sheetsRead: [], noTable: null };
  };

/** Every format of src/read/formats.ts has its reader here: the type demands one per format. */
const READERS: Readonly<Record<InputFormat, FormatReader>> = {
  csv: readDelimited,
  xlsx: readSheets,
  json: documentsWith(readJsonFile),
  ndjson: documentsWith(readNdjsonFile),
};

/** Reads one input file, its records going to the consumer's sinks. */
export function readInput(input: InputFile, consumer: InputConsumer, options: ReadOptions): Promise<InputRead> {
  return READERS[input.format](input.path, consumer, options);
}
