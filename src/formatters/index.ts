// The output-format registry: every format's name, the file extensions that choose it, whether it is binary, and how it is rendered.
import type { Report } from '../core/report.js';
import { formatJson, formatJsonPieces } from './json.js';
import { formatTable } from './table.js';
import type { Formatter } from './types.js';

export type { FormatOptions, Formatter } from './types.js';

export interface OutputFormat {
  readonly name: string;
  /** Extensions (lower case, no dot) that give an `-o` file without `-f` this format. */
  readonly extensions: readonly string[];
  /** A binary format cannot go to standard output; this names what it is, for the error that says so. */
  readonly binary: string | null;
  readonly render: Formatter;
  /**
   * For a report file: the text in pieces as it is rendered, so a large report is never held whole and one piece
   * is written while the next is made. A format without it is rendered whole.
   */
  readonly pieces?: (report: Report) => Iterable<string>;
  /** For a report file of a run that stopped with exit 2: a report of that one failure, for CI to show. */
  readonly failure?: (errorLine: string, version: string) => Promise<string>;
}

// The table and JSON formats are the ones most runs ask for; the others' modules (and their libraries) are
// loaded only when asked for, which keeps every start of the CLI shorter.
export const OUTPUT_FORMATS = [
  { name: 'table', extensions: ['txt'], binary: null, render: formatTable },
  { name: 'json', extensions: ['json'], binary: null, render: formatJson, pieces: formatJsonPieces },
  { name: 'csv', extensions: ['csv'], binary: null, render: async (report) => (await import('./csv.js')).formatCsv(report) },
  {
    name: 'markdown',
    extensions: ['md', 'markdown'],
    binary: null,
    render: async (report, options) => (await import('./markdown.js')).formatMarkdown(report, options),
  },
  {
    name: 'junit',
    extensions: ['xml'],
    binary: null,
    render: async (report) => (await import('./junit.js')).formatJunit(report),
    failure: async (errorLine, version) => (await import('./junit.js')).formatJunitError(errorLine, version),
  },
  {
    name: 'html',
    extensions: ['html', 'htm'],
    binary: null,
    render: async (report, options) => (await import('./html.js')).formatHtml(report, options),
  },
  { name: 'xlsx', extensions: ['xlsx'], binary: 'a binary workbook', render: async (report) => (await import('./xlsx.js')).formatXlsx(report) },
] as const satisfies readonly OutputFormat[];

export type FormatName = (typeof OUTPUT_FORMATS)[number]['name'];

/** In the order the CLI lists them. */
export const FORMAT_NAMES: readonly FormatName[] = OUTPUT_FORMATS.map((format) => format.name);

export function outputFormat(name: FormatName): OutputFormat {
  const format = OUTPUT_FORMATS.find((entry) => entry.name === name);
  if (!format) throw new Error(`no output format ${name}`);
  return format;
}

/** The format an `-o` file's extension names, if any. */
export function formatOfExtension(extension: string): FormatName | undefined {
  return OUTPUT_FORMATS.find((format) => (format.extensions as readonly string[]).includes(extension))?.name;
}

/** Each format's renderer by name. */
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = Object.fromEntries(
  OUTPUT_FORMATS.map((format) => [format.name, format.render]),
) as Record<FormatName, Formatter>;
