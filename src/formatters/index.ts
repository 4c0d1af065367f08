// The formatter registry: every output format by name, in the order the CLI lists them.
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';
import type { Formatter } from './types.js';
import { formatXlsx } from './xlsx.js';

export type { FormatOptions, Formatter } from './types.js';

export type FormatName = 'table' | 'json' | 'csv' | 'markdown' | 'junit' | 'html' | 'xlsx';

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  markdown: formatMarkdown,
  junit: formatJunit,
  html: formatHtml,
  xlsx: formatXlsx,
};

export const FORMAT_NAMES: readonly FormatName[] = ['table', 'json', 'csv', 'markdown', 'junit', 'html', 'xlsx'];
