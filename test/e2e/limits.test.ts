// End to end: inputs too large to audit stop at once with one line and exit 2, a hostile workbook and an export beyond the heap.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { craftedWorkbook, withDimension } from '../read/_workbooks.js';
import { runBuiltCli, writeExport } from './run-cli.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const AS_OF = ['--as-of', '2026-06-30', '-q', '-f', 'json'];

describe('a workbook whose sheet declares Excel\'s whole grid', () => {
  it('stops before exceljs reads it, naming the sheet and the limit, exit 2', async () => {
    const folder = writeExport('grid', {});
    folders.push(folder);
    const path = join(folder, 'book.xlsx');
    writeFileSync(path, await craftedWorkbook({ sheet: withDimension('A1:XFD1048576') }));
    const run = runBuiltCli(['audit', path, ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `practice-audit: ${path}#cases: the sheet declares 17,179,869,184 cells (A1:XFD1048576: 1,048,576 rows × 16,384 columns), more than the limit of 50,000,000 (expected an .xlsx workbook (Excel 2007 or later), one sheet per table)\n`,
    );
  });
});

describe('an export larger than the heap allows', () => {
  // 29 MB of case documents, whose estimate is above a 64 MiB heap. The first line is not JSON, so a run that
  // goes past the memory check stops at once on it instead of filling the heap.
  const folder = writeExport('heap', { 'cases.ndjson': `{oops\n${'{"case_id":"C0000001","status":"open"}\n'.repeat(750_000)}` });
  // 17 MB of CSV, also over that heap: audited in passes rather than refused. The header lacks `status`, so it stops on that.
  const csvFolder = writeExport('heap-csv', { 'cases.csv': `case_id,note\n${'C0000001,x\n'.repeat(1_500_000)}` });
  folders.push(folder, csvFolder);
  const small = { NODE_OPTIONS: '--max-old-space-size=64' };

  it('stops before reading, with the sizes and the heap to run with, exit 2', () => {
    const run = runBuiltCli(['audit', folder, ...AS_OF], small);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^practice-audit: the export is about 29 MB and its audit needs about 1\d\d MB of memory; Node's heap allows about 1\d\d MB: run with a larger heap, NODE_OPTIONS=--max-old-space-size=512 \(or node --max-old-space-size=512 bin\/practice-audit\.js …\), or split the export into parts by case \(or, if you know it fits, --no-memory-check\)\n$/,
    );
  });

  it('audits a CSV export of that size in passes instead (--passes auto), or refuses it when one pass is asked for', () => {
    const passes = runBuiltCli(['audit', csvFolder, ...AS_OF], small);
    expect([passes.status, passes.stderr]).toEqual([2, `practice-audit: ${join(csvFolder, 'cases.csv')}:1: table cases is missing required column(s) status (expected a header with case_id, status)\n`]);
    const onePass = runBuiltCli(['audit', csvFolder, ...AS_OF, '--passes', '1'], small);
    expect([onePass.status, onePass.stderr]).toEqual([2, expect.stringMatching(/^practice-audit: the export is about 17 MB and its audit needs about 1\d\d MB of memory/)]);
  });

  it('goes ahead under the heap it advised, or with --no-memory-check', () => {
    const missing = /^practice-audit: .*cases\.ndjson:1: invalid JSON/;
    expect(runBuiltCli(['audit', folder, ...AS_OF], { NODE_OPTIONS: '--max-old-space-size=512' }).stderr).toMatch(missing);
    expect(runBuiltCli(['audit', folder, ...AS_OF, '--no-memory-check'], small).stderr).toMatch(missing);
  });
});
