// Input paths: folders, single files, formats by extension, unreadable paths, progress and the cases table.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExport } from '../../src/pipeline/load.js';
import { INTEGRITY as INTEGRITY_STANDARDS } from '../../checks/index.js';
import { FIXTURES, inputFolder, loadChecked, loadFailure } from './_helpers.js';

const CASES = 'case_id,status\nC1,open\n';

describe('paths', () => {
  it('reads every .csv, .json, .ndjson and .jsonl of a folder, sorted, skipping other files (.txt too) and subfolders', async () => {
    const folder = await inputFolder({
      'b.ndjson': `${JSON.stringify({ case_id: 'C3', status: 'open' })}\n`,
      'a.JSON': JSON.stringify([{ case_id: 'C2', status: 'open' }]),
      'cases.csv': CASES,
      'c.jsonl': `${JSON.stringify({ case_id: 'C4', status: 'open' })}\n`,
      'README.md': '# not an input',
      'notes.txt': 'a .txt file is read only when given by name or named by the mapping',
    });
    await mkdir(join(folder, 'archive'));
    await writeFile(join(folder, 'archive', 'cases.csv'), 'case_id,status\nC9,open\n');
    const loaded = await loadChecked([folder]);
    expect(loaded.inputs.map((input) => input.file)).toEqual(['a.JSON', 'b.ndjson', 'c.jsonl', 'cases.csv'].map((name) => join(folder, name)));
    expect(loaded.cases.map((record) => record.case.case_id)).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  it('reads single files as given and a file reached twice only once', async () => {
    const folder = await inputFolder({ 'cases.csv': CASES, 'visits.csv': 'case_id,visit_id,date,outcome\nC1,V1,2026-01-01,completed\n' });
    const loaded = await loadChecked([join(folder, 'visits.csv'), folder, join(folder, 'cases.csv')]);
    expect(loaded.inputs.map((input) => [input.table, input.rows])).toEqual([
      ['cases', 1],
      ['visits', 1],
    ]);
    expect(loaded.integrity).toEqual([]);
  });

  it('refuses a path that does not exist, a file of another type and a folder with no inputs', async () => {
    const folder = await inputFolder({ 'notes.md': 'hello', 'notes.txt': 'hello' });
    expect((await loadFailure([join(folder, 'missing')])).toLine()).toBe(
      `${join(folder, 'missing')}: cannot read: no such file or folder (expected a folder of CSV files, or .csv, .tsv, .xlsx, .json, .ndjson or .jsonl files)`,
    );
    expect((await loadFailure([join(folder, 'notes.md')])).message).toBe('nothing to read: the only input was skipped, not a file type practice-audit reads (.md)');
    expect((await loadFailure([folder])).message).toBe('the folder holds no .csv, .tsv, .xlsx, .json, .ndjson or .jsonl file');
    expect((await loadFailure([])).message).toBe('no input given');
  });

  it('refuses an input without a cases table', async () => {
    const folder = await inputFolder({ 'visits.csv': 'case_id,visit_id,date,outcome\nC1,V1,2026-01-01,completed\n' });
    const error = await loadFailure([folder]);
    expect(error.message).toMatch(/^no cases table among the inputs/);
    expect(error.expected).toMatch(/cases\.csv/);
  });
});

describe('progress', () => {
  it('reports the rows read so far for each file', async () => {
    const reports: { file: string; rows: number }[] = [];
    await loadExport([join(FIXTURES, 'canonical')], { onProgress: (progress) => reports.push(progress) });
    const last = new Map(reports.map((report) => [report.file.split(/[\\/]/).pop(), report.rows]));
    expect(last.get('visits.csv')).toBe(3);
    expect(last.get('people.csv')).toBe(3);
    expect(last.size).toBe(14);
  });
});

describe('integrity standards', () => {
  it('describe each data-integrity standard fully, sorted by id, as errors', () => {
    expect(INTEGRITY_STANDARDS.map((standard) => standard.id)).toEqual(['data-duplicate-id', 'data-invalid-row', 'data-orphan-row']);
    for (const standard of INTEGRITY_STANDARDS) {
      expect(standard.defaultSeverity).toBe('error');
      expect(standard.title.length).toBeGreaterThan(10);
      expect(standard.rule.length).toBeGreaterThan(200);
      expect(Object.keys(standard.messages).length).toBeGreaterThan(0);
    }
  });
});
