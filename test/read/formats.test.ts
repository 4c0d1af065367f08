// Every input format is read by the audit and by the pre-flight through the one reader, and they agree on what each file holds.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INPUT_FORMATS } from '../../src/read/formats.js';
import { scanHeaders } from '../../src/read/scan.js';
import { inputFolder, loadChecked } from '../pipeline/_helpers.js';

const CASES = [
  ['case_id', 'status', 'opened'],
  ['C1', 'open', '2026-01-05'],
];
const VISITS = [
  ['case_id', 'visit_id', 'date', 'type', 'outcome'],
  ['C1', 'V1', '2026-02-03', 'home', 'completed'],
];

const objects = (rows: readonly (readonly string[])[]) =>
  rows.slice(1).map((row) => Object.fromEntries(row.map((value, i) => [rows[0]?.[i] ?? '', value])));
const documents = () => objects(CASES).map((document) => ({ ...document, visits: objects(VISITS) }));

/** One small export (a case and its visit) in each format, as the files that format is read from. */
const EXPORTS: Readonly<Record<(typeof INPUT_FORMATS)[number]['name'], () => Promise<string[]>>> = {
  csv: async () => {
    const folder = await inputFolder({
      'cases.csv': CASES.map((row) => row.join(',')).join('\n'),
      'visits.csv': VISITS.map((row) => row.join(',')).join('\n'),
    });
    return [join(folder, 'cases.csv'), join(folder, 'visits.csv')];
  },
  xlsx: async () => {
    const folder = await inputFolder({});
    const book = new ExcelJS.Workbook();
    for (const [name, rows] of [['cases', CASES], ['visits', VISITS]] as const) book.addWorksheet(name).addRows(rows.map((row) => [...row]));
    const path = join(folder, 'export.xlsx');
    await book.xlsx.writeFile(path);
    return [path];
  },
  json: async () => {
    const folder = await inputFolder({});
    const path = join(folder, 'export.json');
    await writeFile(path, JSON.stringify(documents()));
    return [path];
  },
  ndjson: async () => {
    const folder = await inputFolder({});
    const path = join(folder, 'export.ndjson');
    await writeFile(path, documents().map((document) => JSON.stringify(document)).join('\n'));
    return [path];
  },
};

describe('the input formats', () => {
  it('each has a sample export in this test: a new format needs one here', () => {
    expect(Object.keys(EXPORTS).sort(), 'add the new format to EXPORTS in test/read/formats.test.ts').toEqual(
      INPUT_FORMATS.map((format) => format.name).sort(),
    );
  });

  it.each(INPUT_FORMATS.map((format) => format.name))('%s: the audit and the pre-flight find the same tables and columns', async (name) => {
    const paths = await EXPORTS[name]();
    const loaded = await loadChecked(paths);
    const scan = await scanHeaders(paths);
    expect([...loaded.tablesPresent].sort()).toEqual(['cases', 'visits']);
    expect(scan.files.map((file) => file.table).sort()).toEqual(['cases', 'visits']);
    for (const file of scan.files) {
      const table = file.table as 'cases' | 'visits';
      expect(file.format).toBe(name);
      expect(new Set(file.columns.map((column) => column.column))).toEqual(loaded.columnsPresent.get(table));
    }
    expect(loaded.cases.map((record) => [record.case.case_id, record.visits.length])).toEqual([['C1', 1]]);
  });

  it('an extension belongs to one format only', () => {
    const extensions = INPUT_FORMATS.flatMap((format) => [...format.extensions, ...format.namedExtensions]);
    expect(new Set(extensions).size).toBe(extensions.length);
  });
});
