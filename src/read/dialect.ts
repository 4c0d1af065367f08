// Tells a delimited text file's separator from its header line: comma, semicolon, tab or pipe.
import { UsageError } from '../core/errors.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** How a delimiter is named in messages and reports. */
export const delimiterName = (delimiter: Delimiter): string => NAMES[delimiter];

const SPELLINGS: ReadonlyMap<string, Delimiter> = new Map([
  [',', ','],
  ['comma', ','],
  [';', ';'],
  ['semicolon', ';'],
  ['\t', '\t'],
  ['\\t', '\t'],
  ['tab', '\t'],
  ['|', '|'],
  ['pipe', '|'],
]);

/** The --delimiter option: the character itself or its name (`tab` for a tab, which shells make awkward). */
export function parseDelimiter(value: string): Delimiter {
  const delimiter = SPELLINGS.get(value) ?? SPELLINGS.get(value.trim().toLowerCase());
  if (delimiter === undefined) {
    throw new UsageError(`--delimiter "${value}" is not recognised`, {}, 'one of , ; | or tab');
  }
  return delimiter;
}

const QUOTE = '"';

/** The first line that holds anything but spaces (the header: the parser skips blank lines too). */
export function firstContentLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

/**
 * The delimiter that occurs most often outside quotes in the header line; on a tie, the earlier of
 * comma, semicolon, tab, pipe. A header with none of them is one column, read as comma-separated.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === QUOTE) quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
