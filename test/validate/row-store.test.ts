// Rows stored column by column come back equal to the rows stored, whatever the values and however often a column widens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainRowFromColumns } from '../../src/validate/compiled.js';
import { RowStore, type ColumnForm } from '../../src/validate/row-store.js';

const NAMES = ['case_id', 'visit_id', 'date', 'outcome', 'child_seen', 'sourceFile', 'sourceLine'] as const;
const FORMS: Record<string, ColumnForm> = { visit_id: 'values', sourceLine: 'lines' };

// Any value a typed row can hold, and some it never does (a line of -0, 2³², a fraction), so every column must widen.
const value = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 300 }),
  fc.boolean(),
  fc.constant(undefined),
  fc.constantFrom(-0, 0.5, 2 ** 32, Number.MAX_SAFE_INTEGER),
);
const row = fc.record(Object.fromEntries(NAMES.map((name) => [name, value])) as Record<(typeof NAMES)[number], fc.Arbitrary<unknown>>);

describe('a row store', () => {
  it('gives back every row stored, keys in order, through the generated and the plain row maker', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const compiled = new RowStore(NAMES, FORMS);
        const plain = new RowStore(NAMES, FORMS, plainRowFromColumns(NAMES));
        rows.forEach((stored, i) => {
          expect(compiled.append(stored)).toBe(i);
          plain.append(stored);
        });
        expect(compiled.size).toBe(rows.length);
        rows.forEach((stored, i) => {
          const back = compiled.row(i);
          expect(Object.keys(back)).toEqual([...NAMES]);
          expect(Object.keys(plain.row(i))).toEqual([...NAMES]);
          expect(plain.row(i)).toEqual(back);
          for (const name of NAMES) expect(back[name]).toBe(stored[name]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a coded column right across its widening from one byte to two and on to values', () => {
    const store = new RowStore(['code', 'line'], { line: 'lines' });
    const count = 70_000;
    for (let i = 0; i < count; i++) store.append({ code: `v${i}`, line: i + 1 });
    for (const i of [0, 255, 256, 4095, 4096, 65_535, 65_536, count - 1]) {
      expect(store.row(i)).toEqual({ code: `v${i}`, line: i + 1 });
      expect(store.value(store.column('code'), i)).toBe(`v${i}`);
    }
  });

  it('keeps 0, -0, NaN and undefined apart across both widenings', () => {
    const special = [0, -0, Number.NaN, undefined, '', false] as const;
    // Special values before the first widening, between the two, and after: each row's value comes back as stored.
    const valueAt = (i: number): unknown => (i % 97 === 0 ? special[(i / 97) % special.length] : `v${i % 70_000}`);
    const store = new RowStore(['code']);
    const count = 140_000;
    for (let i = 0; i < count; i++) store.append({ code: valueAt(i) });
    for (let i = 0; i < count; i += 13) expect(Object.is(store.value(0, i), valueAt(i))).toBe(true);
  });

  it('refuses a row once sealed, and is left as it was', () => {
    const store = new RowStore(['a', 'b'], { a: 'values' });
    store.append({ a: 'x', b: 'y' });
    store.seal();
    expect(() => store.append({ a: 'z', b: 'w' })).toThrow('a row appended to a sealed store');
    expect(store.size).toBe(1);
    expect(store.row(0)).toEqual({ a: 'x', b: 'y' });
  });

  it('reads a missing key as undefined, and names the columns it has when asked for another', () => {
    const store = new RowStore(['a', 'b']);
    store.append({ a: 'x' });
    expect(store.row(0)).toEqual({ a: 'x', b: undefined });
    expect('b' in store.row(0)).toBe(true);
    expect(() => store.column('c')).toThrow('no column c among a, b');
  });
});
