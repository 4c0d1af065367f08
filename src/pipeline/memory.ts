// Estimates from the inputs' sizes whether an audit fits Node's heap, so a run too large stops at once with what to do.
import type { InputFormat } from '../read/formats.js';

/**
 * Memory the audit holds per byte of input, by format: peak resident memory over the file's size on generated
 * exports (docs/DECISIONS.md, "Out of memory", "JSON read as a stream" and "Rows held by column"), rounded up; CSV's
 * is the 21.3M-row export's in one pass (3.2 GB from 961 MB since rows are held by column; 8.8 GB before). A CSV row
 * is about 44 bytes on disk; JSON repeats every key in every row (about 117 bytes a row), and is read document by
 * document like NDJSON (the same peak on the same cases: 0.35 GB from 179 MB at 1.52M rows, 2 per byte); a workbook
 * is packed about tenfold, and exceljs keeps an object per cell.
 */
export const HEAP_PER_INPUT_BYTE: Readonly<Record<InputFormat, number>> = {
  csv: 4,
  json: 2,
  ndjson: 2,
  xlsx: 120,
};

/** What the run holds before any row: the code, the standards, the calendars. */
export const BASE_HEAP_BYTES = 64 * 1024 * 1024;

const GB = 1e9;
const MIB = 1024 * 1024;

export interface SizedInput {
  readonly format: InputFormat;
  readonly bytes: number;
}

/**
 * The heap one thread needs to audit these inputs. With `parts` worker threads (CSV only) each holds its share
 * of the cases, and each thread has a heap of its own, so the rows are divided between them.
 */
export function estimateHeapBytes(inputs: readonly SizedInput[], parts = 1): number {
  const rows = inputs.reduce((sum, input) => sum + input.bytes * HEAP_PER_INPUT_BYTE[input.format], 0);
  return BASE_HEAP_BYTES + rows / Math.max(1, parts);
}

/** The share of the heap beyond the base a pass may plan to fill: the report of the passes before it is held too. */
const PASS_SHARE = 0.6;

/**
 * How many passes a CSV export needs to fit the heap: 1 when the estimate fits, else enough that each pass's
 * share of the rows fits in part of the heap (the rest holds the merged report so far). At most `max`.
 */
export function passesFor(inputs: readonly SizedInput[], parts: number, heapLimit: number, max: number): number {
  const needed = estimateHeapBytes(inputs, parts);
  if (needed <= heapLimit) return 1;
  const room = (heapLimit - BASE_HEAP_BYTES) * PASS_SHARE;
  if (room <= 0) return max;
  return Math.min(max, Math.ceil((needed - BASE_HEAP_BYTES) / room));
}

/** Decimal units, as a file manager shows sizes: `850 MB`, `5.8 GB`. */
const gigabytes = (bytes: number) => (bytes < GB ? `${Math.max(1, Math.round(bytes / 1e6))} MB` : `${(bytes / GB).toFixed(1)} GB`);

export interface MemoryCheck {
  readonly inputs: readonly SizedInput[];
  readonly parts: number;
  /** Passes over the cases (CSV only): each holds its share of the rows. */
  readonly passes?: number;
  /** v8.getHeapStatistics().heap_size_limit */
  readonly heapLimit: number;
  /** os.totalmem(): a heap larger than the machine's memory is no advice. */
  readonly totalMemory: number;
}

/**
 * The one line that stops a run whose estimate exceeds the heap limit, or null when it fits. It says how large
 * the export is, what the audit would need and the heap allows, and what to do about it.
 */
export function memoryShortfall({ inputs, parts, passes = 1, heapLimit, totalMemory }: MemoryCheck): string | null {
  const needed = estimateHeapBytes(inputs, parts * passes);
  if (needed <= heapLimit) return null;
  const size = inputs.reduce((sum, input) => sum + input.bytes, 0);
  // A tenth more than the estimate, in whole 512 MiB steps: the estimate is a middle figure, not a bound.
  const suggested = Math.ceil((needed * 1.1) / (512 * MIB)) * 512;
  const start = `the export is about ${gigabytes(size)} and its audit needs about ${gigabytes(needed)} of memory; Node's heap allows about ${gigabytes(heapLimit)}`;
  const skip = 'or, if you know it fits, --no-memory-check';
  if (suggested * MIB > totalMemory * 0.9) {
    return `${start}, and this machine has ${gigabytes(totalMemory)}: split the export into parts by case and audit each (${skip})`;
  }
  return `${start}: run with a larger heap, NODE_OPTIONS=--max-old-space-size=${suggested} (or node --max-old-space-size=${suggested} bin/practice-audit.js …), or split the export into parts by case (${skip})`;
}
