// The generated row builders, value tests and key scans against their plain versions: the same rows, keys in the same order, the same answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/model/tables.js';
import {
  compiledIdScan,
  compiledPlainTests,
  compiledRowFromCells,
  compiledRowFromObject,
  compiledSameKeyScan,
  plainIdScan,
  plainPlainTests,
  plainRowFromCells,
  plainRowFromObject,
  plainSameKeyScan,
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

  it('find the same first row by key and by id', () => {
    const key = fc.uniqueArray(fc.constantFrom('visit_id', 'person_id', 'meeting_id', 'a"b', "c'd"), { minLength: 1, maxLength: 3 });
    const cell = fc.constantFrom('1', '2', '3');
    fc.assert(
      fc.property(key, fc.array(fc.dictionary(fc.constantFrom('visit_id', 'person_id', 'meeting_id', 'a"b', "c'd"), cell), { maxLength: 20 }), fc.dictionary(fc.constantFrom('visit_id', 'person_id', 'meeting_id', 'a"b', "c'd"), cell), cell, (columns, rows, probe, id) => {
        expect(compiledSameKeyScan(columns)(rows, probe)).toBe(plainSameKeyScan(columns)(rows, probe));
        const [column] = columns as [string];
        expect(compiledIdScan(column)(rows, id)).toBe(plainIdScan(column)(rows, id));
      }),
      RUNS,
    );
  });
});
