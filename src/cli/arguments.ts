// The command line's values read and checked: dates (by the export's own date parser), numbers, names and lists.
import { DEFAULT_WIDTH, MIN_WIDTH } from '../formatters/table.js';
import type { OutputStream } from './io.js';
import { STANDARD_IDS } from '../../checks/index.js';
import { DATE_FORMS, parseDate, UnreadableDate, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { MAX_JOBS } from '../pipeline/parallel.js';

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A date given on the command line: read exactly as a date cell of the export is. */
export function parseDateArgument(value: string, option: string): IsoDate {
  const date = parseDate(value.trim());
  if (date instanceof UnreadableDate) throw new UsageError(`${option} "${value}": ${date.reason}`, {}, DATE_FORMS);
  return date;
}

/** Digits only (spaces around allowed), else NaN: `2.5`, `-1` and `1e3` are not numbers of threads or columns. */
const wholeNumber = (value: string): number => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** --jobs: how many worker threads audit the export, each its own part of the cases (1: none). */
export function parseJobs(value: string): number {
  const jobs = wholeNumber(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    throw new UsageError(`--jobs "${value}" is not a number of threads`, {}, `a whole number from 1 to ${MAX_JOBS} (1: no worker threads)`);
  }
  return jobs;
}

/** At most this many passes (`--passes`): each reads every file again. */
export const MAX_PASSES = 64;

/** `--passes`: a whole number of passes, or `auto` (chosen from the inputs' size and the heap). */
export function parsePasses(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const passes = wholeNumber(value);
  if (!Number.isInteger(passes) || passes < 1 || passes > MAX_PASSES) {
    throw new UsageError(`--passes "${value}" is not a number of passes`, {}, `auto, or a whole number from 1 to ${MAX_PASSES}`);
  }
  return passes;
}

/** --sample-rows: how many rows of each tabular input the pre-flight reads for its look at values. */
export function parseSampleRows(value: string): number {
  const rows = wholeNumber(value);
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new UsageError(`--sample-rows "${value}" is not a number of rows`, {}, 'a whole number, 1 or more (or --all-rows for every row)');
  }
  return rows;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} "${value}" is not recognised`, {}, `one of ${allowed.join(', ')}`);
}

export function parseOnly(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const unknown = ids.filter((id) => !STANDARD_IDS.includes(id));
  if (unknown.length > 0 || ids.length === 0) {
    throw new UsageError(`--only names unknown standard${unknown.length > 1 ? 's' : ''} ${unknown.join(', ') || '(none given)'}`, {}, 'ids listed by `practice-audit standards`');
  }
  return ids;
}


/** --width: the columns the table format fits; a log or a pipe gets DEFAULT_WIDTH, a terminal its own width. */
export function tableWidth(value: string | undefined, stdout: OutputStream): { stdout: number; file: number } {
  if (value === undefined) {
    const columns = stdout.isTTY === true && stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : DEFAULT_WIDTH;
    return { stdout: Math.max(MIN_WIDTH, columns), file: DEFAULT_WIDTH };
  }
  const width = wholeNumber(value);
  if (!Number.isInteger(width) || width < MIN_WIDTH || width > 1000) {
    throw new UsageError(`--width "${value}" is not a number of columns`, {}, `a whole number from ${MIN_WIDTH} to 1000`);
  }
  return { stdout: width, file: width };
}
