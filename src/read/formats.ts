// The input formats: each one's name and file extensions. How each is read is src/read/input.ts, for the audit and the pre-flight alike.

export interface InputFormatEntry {
  /** `csv` is any delimited text (comma, semicolon, tab or pipe); `xlsx` an Excel workbook. */
  readonly name: string;
  /** Extensions (lower case, with the dot) a file of this format is recognised by, in a folder or given by name. */
  readonly extensions: readonly string[];
  /** Extensions read as this format only when the file is given by name or named by the mapping. */
  readonly namedExtensions: readonly string[];
}

export const INPUT_FORMATS = [
  // Excel's "Unicode text" is saved as .txt: read as delimited text when given by name or named by the mapping.
  { name: 'csv', extensions: ['.csv', '.tsv'], namedExtensions: ['.txt'] },
  { name: 'xlsx', extensions: ['.xlsx'], namedExtensions: [] },
  { name: 'json', extensions: ['.json'], namedExtensions: [] },
  { name: 'ndjson', extensions: ['.ndjson', '.jsonl'], namedExtensions: [] },
] as const satisfies readonly InputFormatEntry[];

export type InputFormat = (typeof INPUT_FORMATS)[number]['name'];

/** Every extension read from a folder, in the order the formats list them: `.csv, .tsv, .xlsx, …`. */
export const FOLDER_EXTENSIONS: readonly string[] = INPUT_FORMATS.flatMap((format) => format.extensions);
