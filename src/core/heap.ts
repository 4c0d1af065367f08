// Stops a run about to exhaust Node's heap with one line and exit 2, where V8 would abort with a native stack trace.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InputError } from './errors.js';

/**
 * Live data past this share of the heap limit, even after a full collection, means the run cannot finish: V8
 * would spend minutes collecting ever smaller gains and then abort (exit 134, its own stack trace, no report).
 * Below V8's own line: four full collections in a row that leave 80 % of the old space live, with the program
 * getting less than 40 % of the time, and V8 aborts, even inside the collection this guard asks for. At 90 %
 * the guard was met by that abort (1 run in 6 of 10,000 cases under a 40 MB heap).
 */
export const HEAP_SHARE_LIMIT = 0.75;

/** How often the loops over rows (read, placed) ask: a few microseconds a call. The progress interval (50,000 rows) is a multiple of it. */
export const HEAP_CHECK_EVERY = 10_000;

/** How often the engine asks, in cases: a case is about thirty rows, and its findings grow the report. */
export const HEAP_CHECK_EVERY_CASES = 1_000;

/** The export is too large for this heap: an input problem the user fixes with more passes or more heap. */
export class OutOfMemoryError extends InputError {}

const MIB = 1024 * 1024;

/**
 * The part of heap_size_limit that is V8's young generation (three 16 MiB semi-spaces on 64-bit): measured, a
 * 96 MiB old space gives a limit of 144 MiB and the default 4,096 MiB one 4,144. Live data outgrows the old space.
 */
const YOUNG_GENERATION_BYTES = 48 * MIB;

/**
 * What --max-old-space-size set; never less than a quarter of the limit, whatever a future V8 counts in it. (Half,
 * before: under a heap of 40 MiB or less that put the guard's line above the old space, and V8 aborted first.)
 */
const oldSpaceOf = (heapSizeLimit: number): number => Math.max(heapSizeLimit - YOUNG_GENERATION_BYTES, heapSizeLimit / 4);

let fullCollection: (() => void) | undefined;

/**
 * A full garbage collection on demand. The flag can be set at run time; only a context made after it sees `gc`.
 * Used when the heap is nearly full, and once at the end of each single-thread pass (releaseDeadPhase).
 */
function collectGarbage(): void {
  if (fullCollection === undefined) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/**
 * A full collection at a phase's end, when most of the heap has just died (a pass's case model, once its report is
 * made). Left to itself, V8 next collects only when the heap has grown by a multiple of what it last found live,
 * so the dead model would stay in memory while the report is formatted, and that is the audit's peak. Costs
 * one full collection of what is still live: the report.
 */
export function releaseDeadPhase(): void {
  collectGarbage();
}

/** Throws OutOfMemoryError when live data fills HEAP_SHARE_LIMIT of the heap after a full collection. */
export function checkHeap(statistics: () => { used_heap_size: number; heap_size_limit: number } = getHeapStatistics, collect: () => void = collectGarbage): void {
  const full = ({ used_heap_size, heap_size_limit }: ReturnType<typeof statistics>) =>
    used_heap_size >= oldSpaceOf(heap_size_limit) * HEAP_SHARE_LIMIT;
  if (!full(statistics())) return;
  collect();
  const after = statistics();
  if (!full(after)) return;
  const oldSpace = oldSpaceOf(after.heap_size_limit);
  // Twice the old space, in whole 512 MiB steps: the run was at the limit, and the report still had to be written.
  const suggested = Math.ceil((oldSpace * 2) / (512 * MIB)) * 512;
  throw new OutOfMemoryError(
    `the audit filled Node's heap (${Math.round(oldSpace / MIB)} MB) and stopped before running out of memory, writing no report: ` +
      `run it in more passes, each holding fewer cases (--passes with a higher number; CSV exports only), with a larger heap ` +
      `(NODE_OPTIONS=--max-old-space-size=${suggested}), or on the export split into parts by case`,
  );
}
