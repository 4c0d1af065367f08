// The estimate of the heap an audit needs, from its inputs' sizes, and the line that stops a run too large for it.
import { describe, expect, it } from 'vitest';
import { BASE_HEAP_BYTES, estimateHeapBytes, HEAP_PER_INPUT_BYTE, memoryShortfall, passesFor } from '../../src/pipeline/memory.js';

const GiB = 1024 ** 3;

describe('estimateHeapBytes', () => {
  it('adds each input at its format\'s rate to the base, and shares CSV rows among worker threads', () => {
    expect(estimateHeapBytes([])).toBe(BASE_HEAP_BYTES);
    const { csv, ndjson } = HEAP_PER_INPUT_BYTE;
    expect(estimateHeapBytes([{ format: 'csv', bytes: 1_000_000 }])).toBe(BASE_HEAP_BYTES + csv * 1_000_000);
    expect(estimateHeapBytes([{ format: 'csv', bytes: 1_000_000 }, { format: 'ndjson', bytes: 1_000_000 }])).toBe(BASE_HEAP_BYTES + (csv + ndjson) * 1_000_000);
    expect(estimateHeapBytes([{ format: 'csv', bytes: 2_000_000 }], 2)).toBe(BASE_HEAP_BYTES + csv * 1_000_000);
  });
});

describe('memoryShortfall', () => {
  const check = (bytes: number, heapLimit: number, totalMemory = 24 * GiB, parts = 1) =>
    memoryShortfall({ inputs: [{ format: 'csv', bytes }], parts, heapLimit, totalMemory });

  it('is null when the estimate fits the heap', () => {
    expect(check(100_000_000, 4 * GiB)).toBeNull();
  });

  it('names the export, the need and the heap, and the heap size to run with', () => {
    // 2 GB of CSV, about 44 million rows: twice the largest export measured in one pass under the default heap.
    expect(check(2_000_000_000, 4 * GiB)).toBe(
      "the export is about 2.0 GB and its audit needs about 8.1 GB of memory; Node's heap allows about 4.3 GB: run with a larger heap, NODE_OPTIONS=--max-old-space-size=8704 (or node --max-old-space-size=8704 bin/practice-audit.js …), or split the export into parts by case (or, if you know it fits, --no-memory-check)",
    );
  });

  it('advises splitting the export when the heap it needs is more than the machine has', () => {
    expect(check(2_000_000_000, 4 * GiB, 4 * GiB)).toBe(
      "the export is about 2.0 GB and its audit needs about 8.1 GB of memory; Node's heap allows about 4.3 GB, and this machine has 4.3 GB: split the export into parts by case and audit each (or, if you know it fits, --no-memory-check)",
    );
  });

  it('lets worker threads share the rows, each with a heap of its own', () => {
    expect(check(2_000_000_000, 4 * GiB, 24 * GiB, 2)).toBeNull();
  });
});

describe('passesFor', () => {
  const MIB = 1024 * 1024;
  it('is one pass when the estimate fits the heap', () => {
    expect(passesFor([{ format: 'csv', bytes: 100 * MIB }], 1, 4096 * MIB, 64)).toBe(1);
  });

  it('divides the rows so each pass fits in 60% of the heap beyond the base, beside the report so far', () => {
    const rows = 1000 * MIB * HEAP_PER_INPUT_BYTE.csv;
    expect(passesFor([{ format: 'csv', bytes: 1000 * MIB }], 1, 2048 * MIB, 64)).toBe(Math.ceil(rows / ((2048 * MIB - BASE_HEAP_BYTES) * 0.6)));
    expect(passesFor([{ format: 'csv', bytes: 1000 * MIB }], 2, 2048 * MIB, 64)).toBe(Math.ceil(rows / 2 / ((2048 * MIB - BASE_HEAP_BYTES) * 0.6)));
  });

  it('is capped, and the memory check then says what to do', () => {
    expect(passesFor([{ format: 'csv', bytes: 100_000 * MIB }], 1, 1024 * MIB, 64)).toBe(64);
    expect(passesFor([{ format: 'csv', bytes: 10 * MIB }], 1, BASE_HEAP_BYTES, 64)).toBe(64);
    expect(memoryShortfall({ inputs: [{ format: 'csv', bytes: 100_000 * MIB }], parts: 1, passes: 64, heapLimit: 1024 * MIB, totalMemory: 8192 * MIB })).toMatch(/^the export is about 104.9 GB/);
  });
});
