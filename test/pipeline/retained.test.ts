// What the loaded export keeps alive: cells hold their own characters, not the file's text, and the rows go once audited.
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { releaseDeadPhase } from '../../src/core/heap.js';
import { idReader, textReader } from '../../src/model/values.js';
import { loadExport } from '../../src/pipeline/load.js';
import { recordsOf } from '../../src/model/types.js';

const CANONICAL = fileURLToPath(new URL('../fixtures/load/canonical', import.meta.url));
const MB = 1024 * 1024;

/** Live heap after a full collection. */
function liveBytes(): number {
  releaseDeadPhase();
  return getHeapStatistics().used_heap_size;
}

/**
 * The heap still held once 2,000 cells are kept from a text of about 13 MB and the text itself is dropped: each
 * cell is a GUID (36 characters) or a repeated text (29), long enough for V8 to cut it as a view into the text.
 */
function heldByCellsOf(read: (cell: string) => unknown, cell: (line: string) => string): { bytes: number; kept: unknown[] } {
  const before = liveBytes();
  const kept: unknown[] = [];
  // The text lives only in this call, so nothing but the kept cells can hold it once the call returns.
  ((): void => {
    const text = Array.from(
      { length: 200_000 },
      (_, i) => `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, '0')},child and family assessment ${i % 7}`,
    ).join('\n');
    for (let i = 0; i < 2000; i++) {
      const start = text.indexOf('\n', i * 6000) + 1;
      kept.push(read(cell(text.slice(start, text.indexOf('\n', start)))));
    }
  })();
  return { bytes: liveBytes() - before, kept };
}

const guid = (line: string) => line.slice(0, 36);
const assessmentType = (line: string) => line.slice(37);

describe('cells kept from a large text', () => {
  it('keep the whole text alive when kept as cut: the measure below can fail', () => {
    const { bytes, kept } = heldByCellsOf((cell) => cell, guid);
    expect(bytes).toBeGreaterThan(10 * MB);
    expect(kept).toHaveLength(2000);
  });

  it('hold only their own characters when read as ids', () => {
    const { bytes, kept } = heldByCellsOf(idReader(), guid);
    expect(bytes).toBeLessThan(2 * MB);
    expect(new Set(kept).size).toBe(2000);
    expect(kept[5]).toMatch(/^3f2504e0-4f89-11d3-9a0c-\d{12}$/);
  });

  it('hold only their own characters, one copy per distinct text, when read as text', () => {
    const { bytes, kept } = heldByCellsOf(textReader(), assessmentType);
    expect(bytes).toBeLessThan(2 * MB);
    expect(kept[3]).toMatch(/^child and family assessment \d$/);
    expect(new Set(kept).size).toBe(7);
  });
});

/** Registers the loaded export's cases, which hold its rows, to be reported once collected; the export itself is dropped on return. */
async function watchTheCasesOf(folder: string, collected: FinalizationRegistry<string>): Promise<number> {
  const loaded = await loadExport([folder]);
  if (!recordsOf(loaded.cases).some((record) => record.visits.length > 0)) throw new Error(`${folder} has no case with visits`);
  collected.register(loaded.cases, 'the cases and their rows');
  return loaded.cases.length;
}

describe('the loaded export', () => {
  it('shares one empty array among the tables cases have no rows in, and it cannot be changed', async () => {
    const cases = recordsOf((await loadExport([CANONICAL])).cases);
    const empty = cases.flatMap((record) => [record.updates, record.referrals, record.incidents]).filter((rows) => rows.length === 0);
    expect(empty.length).toBeGreaterThan(1);
    expect(new Set(empty).size).toBe(1);
    expect(Object.isFrozen(empty[0])).toBe(true);
  });

  it('lets its rows go once nothing of it is held, though the streams that read it have callbacks left', async () => {
    const gone: string[] = [];
    const collected = new FinalizationRegistry<string>((what) => gone.push(what));
    expect(await watchTheCasesOf(CANONICAL, collected)).toBeGreaterThan(0);
    // Collected at once, while the reader's last callbacks are still on the stack: what they reach stays.
    releaseDeadPhase();
    // The registry reports in a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gone).toEqual(['the cases and their rows']);
  });
});
