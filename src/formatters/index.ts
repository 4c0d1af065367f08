// The formatter registry: every output format by name, in the order the CLI lists them.
import { formatJson } from './json.js';
import { formatTable } from './table.js';
import type { Formatter } from './types.js';

export type { FormatOptions, Formatter } from './types.js';

export type FormatName = 'table' | 'json' | 'csv' | 'markdown' | 'junit' | 'html' | 'xlsx';

// The table and JSON formats are the ones most runs ask for; the others' modules (and their libraries) are
// loaded only when asked for, which keeps every start of the CLI shorter.
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  table: formatTable,
  json: formatJson,
  csv: async (report) => (await import('./csv.js')).formatCsv(report),
  markdown: async (report, options) => (await import('./markdown.js')).formatMarkdown(report, options),
  junit: async (report) => (await import('./junit.js')).formatJunit(report),
  html: async (report, options) => (await import('./html.js')).formatHtml(report, options),
  xlsx: async (report) => (await import('./xlsx.js')).formatXlsx(report),
};

export const FORMAT_NAMES: readonly FormatName[] = ['table', 'json', 'csv', 'markdown', 'junit', 'html', 'xlsx'];
