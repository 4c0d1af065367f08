// Workbooks too large to read stop before exceljs unpacks them: the unpacked sizes, each sheet's declared range, rows and columns past Excel's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dimensionSize } from '../../src/read/xlsx-guard.js';
import { inputFolder, loadChecked, loadFailure } from '../pipeline/_helpers.js';
import { craftedWorkbook, withCell, withDimension, type Crafting } from './_workbooks.js';

const EXPECTED = '(expected an .xlsx workbook (Excel 2007 or later), one sheet per table)';

async function failure(crafting: Crafting): Promise<{ line: string; path: string }> {
  const folder = await inputFolder({ 'book.xlsx': await craftedWorkbook(crafting) });
  const path = join(folder, 'book.xlsx');
  return { line: (await loadFailure([path])).toLine(), path };
}

describe('dimensionSize', () => {
  it('reads a range or one cell as rows and columns, absolute or not, and nothing else', () => {
    expect(dimensionSize('A1:XFD1048576')).toEqual({ rows: 1_048_576, columns: 16_384 });
    expect(dimensionSize('$B$2:$C$10')).toEqual({ rows: 9, columns: 2 });
    expect(dimensionSize('A1')).toEqual({ rows: 1, columns: 1 });
    expect(dimensionSize('AA1:A1')).toEqual({ rows: 1, columns: 27 });
    expect(dimensionSize('')).toBeUndefined();
    expect(dimensionSize('A1:B')).toBeUndefined();
  });
});

describe('the guard', () => {
  it('reads a workbook within the limits as before', async () => {
    const folder = await inputFolder({ 'book.xlsx': await craftedWorkbook({ sheet: withDimension('A1:P100000') }) });
    const loaded = await loadChecked([folder]);
    expect(loaded.cases.map((record) => record.case.case_id)).toEqual(['C1']);
  });

  it('refuses a sheet declaring more cells than the limit (Excel\'s whole grid), naming the sheet', async () => {
    const { line, path } = await failure({ sheet: withDimension('A1:XFD1048576') });
    expect(line).toBe(
      `${path}#cases: the sheet declares 17,179,869,184 cells (A1:XFD1048576: 1,048,576 rows × 16,384 columns), more than the limit of 50,000,000 ${EXPECTED}`,
    );
  });

  it('finds the range behind 40,000 characters that pack poorly, and stops unpacking there however far the sheet goes on', async () => {
    // Digits from a simple generator: deflate packs them only about twofold, so the packed start must be read in full.
    let seed = 1;
    const digits = Array.from({ length: 40_000 }, () => ((seed = (seed * 48_271) % 2_147_483_647) % 10)).join('');
    const late = (xml: string) =>
      withDimension('A1:XFD1048576')(xml)
        .replace('<dimension', `<sheetPr codeName="C${digits}"/><dimension`)
        .replace('</sheetData>', `</sheetData><!--${'x'.repeat(20_000_000)}-->`);
    const { line, path } = await failure({ sheet: late });
    expect(line).toBe(
      `${path}#cases: the sheet declares 17,179,869,184 cells (A1:XFD1048576: 1,048,576 rows × 16,384 columns), more than the limit of 50,000,000 ${EXPECTED}`,
    );
  });

  it('refuses a sheet declaring more rows or columns than Excel has', async () => {
    const rows = await failure({ sheet: withDimension('A1:B2000000') });
    expect(rows.line).toBe(`${rows.path}#cases: the sheet declares 2,000,000 rows (A1:B2000000), more than the limit of 1,048,576 ${EXPECTED}`);
    const columns = await failure({ sheet: withDimension('A1:ZZZ2') });
    expect(columns.line).toBe(`${columns.path}#cases: the sheet declares 18,278 columns (A1:ZZZ2), more than the limit of 16,384 ${EXPECTED}`);
  });

  it('refuses a row numbered past Excel\'s last row found while reading (a cell past its last column, exceljs refuses)', async () => {
    const row = await failure({ sheet: withCell('A', 900_000_000) });
    expect(row.line).toBe(`${row.path}#cases: the sheet has a row numbered 900,000,000, past the limit of 1,048,576 rows ${EXPECTED}`);
    const column = await failure({ sheet: withCell('XFE', 3) });
    expect(column.line).toBe(`${column.path}: cannot read the workbook: Out of bounds. Invalid column letter: XFE ${EXPECTED}`);
  });

  it('refuses a sheet, and a workbook, that unpack to more than their limits, as the zip directory states', async () => {
    const sheet = await failure({ declaredSizes: { 'xl/worksheets/sheet1.xml': 0x30000000 } });
    expect(sheet.line).toBe(`${sheet.path}#cases: the sheet unpacks to 768 MiB, more than the limit of 512 MiB ${EXPECTED}`);
    const whole = await failure({ declaredSizes: { 'xl/sharedStrings.xml': 0x48000000 } });
    // 1,207,959,552 bytes of shared strings and the other parts' few kilobytes.
    expect(whole.line.startsWith(`${whole.path}: the workbook unpacks to 1,207,9`)).toBe(true);
    expect(whole.line).toMatch(/^[^#]*: the workbook unpacks to [\d,]+ bytes, more than the limit of 1 GiB \(expected/);
  });
});
