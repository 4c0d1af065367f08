// The generated row builders and value tests against their plain versions: the same rows, keys in the same order, the same answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/model/tables.js';
import {
  compiledPlainTests,
  compiledRowFromCells,
  compiledRowFromColumns,
  compiledRowFromObject,
  plainPlainTests,
  plainRowFromCells,
  plainRowFromColumns,
  plainRowFromObject,
  type CellReader,
  type ValueTest,
} from '../../src/validate/compiled.js';

const RUNS = { numRuns: 300 };

// Column names as the contract has them, and odd ones the generated text must still quote safely.
const names = fc.uniqueArray(fc.oneof(fc.constantFrom(...TABLES.flatMap((table) => table.columns.map((column) => column.name))), fc.string()), {
  minLength: 1,
  maxLength: 12,
});
const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null));

/** Readers that mark what they were given, so a reader applied to the wrong cell shows. */
const readersFor = (count: number): CellReader[] => Array.from({ length: count }, (_, i) => (raw: unknown) => (raw === undefined ? undefined : `${i}:${String(raw)}`));

/** Same keys, same order, same values. */
const same = (a: object, b: object) => {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  expect(a).toEqual(b);
};

describe('the generated code and its plain version', () => {
  it('build the same row from a tabular record', () => {
    fc.assert(
      fc.property(names, fc.array(fc.string(), { maxLength: 14 }), fc.array(fc.integer({ min: -1, max: 13 }), { minLength: 12, maxLength: 12 }), (columns, cells, positions) => {
        const readers = readersFor(columns.length);
        same(compiledRowFromCells(columns)(readers, cells, positions), plainRowFromCells(columns)(readers, cells, positions));
      }),
      RUNS,
    );
  });

  it('build the same row from a JSON object, other keys left behind', () => {
    fc.assert(
      fc.property(names, fc.dictionary(fc.string(), value), (columns, extra) => {
        const raw = { ...extra, ...Object.fromEntries(columns.map((column, i) => [column, i % 2 === 0 ? `v${i}` : undefined])) };
        const readers = readersFor(columns.length);
        same(compiledRowFromObject(columns)(readers, raw), plainRowFromObject(columns)(readers, raw));
      }),
      RUNS,
    );
  });

  it('pass and fail the same rows on the value tests', () => {
    fc.assert(
      fc.property(names, fc.array(value, { minLength: 12, maxLength: 12 }), (columns, values) => {
        const tests: ValueTest[] = columns.map((_, i) => (candidate) => (i % 3 === 0 ? typeof candidate === 'string' : candidate !== null));
        const row = Object.fromEntries(columns.map((column, i) => [column, values[i]]));
        expect(compiledPlainTests(columns)(tests, row)).toBe(plainPlainTests(columns)(tests, row));
      }),
      RUNS,
    );
  });

  it('make the same row from stored columns', () => {
    fc.assert(
      fc.property(names, fc.array(value, { minLength: 12, maxLength: 12 }), fc.nat(5), (columns, values, index) => {
        // Column i answers with its value, marked with the row asked for.
        const stored = columns.map((_, i) => ({ get: (row: number) => (values[i] === undefined ? undefined : `${row}:${String(values[i])}`) }));
        same(compiledRowFromColumns(columns)(stored, index), plainRowFromColumns(columns)(stored, index));
      }),
      RUNS,
    );
  });
});
