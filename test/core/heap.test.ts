// The heap guard: it collects only when the heap is nearly full, and stops only when a full collection leaves it so.
import { describe, expect, it } from 'vitest';
import { checkHeap, HEAP_SHARE_LIMIT, OutOfMemoryError } from '../../src/core/heap.js';
import { InputError } from '../../src/core/errors.js';

const MIB = 1024 * 1024;
// A 1,024 MiB old space, as --max-old-space-size=1024 gives: V8 adds its 48 MiB young generation to the limit.
const LIMIT = 1072 * MIB;
const at = (usedMib: number) => ({ used_heap_size: usedMib * MIB, heap_size_limit: LIMIT });

function guard(before: number, after: number) {
  let collections = 0;
  let call = 0;
  const statistics = () => at(call++ === 0 ? before : after);
  const run = () => checkHeap(statistics, () => void collections++);
  return { run, collections: () => collections };
}

describe('checkHeap', () => {
  it('does nothing below the share of the old space, not even a collection', () => {
    const below = guard(1024 * HEAP_SHARE_LIMIT - 1, 0);
    below.run();
    expect(below.collections()).toBe(0);
  });

  it('collects at the share and goes on when the collection frees enough', () => {
    const freed = guard(1000, 500);
    freed.run();
    expect(freed.collections()).toBe(1);
  });

  it('stops with a known input error, naming the heap and a larger one to ask for, when the collection frees too little', () => {
    const full = guard(1000, 990);
    expect(full.run).toThrow(OutOfMemoryError);
    expect(full.run).toThrow(InputError);
    expect(full.run).toThrow(/filled Node's heap \(1024 MB\).*--max-old-space-size=2048\)/);
  });
});
