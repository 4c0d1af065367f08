// The seeded generator: same seed same bytes, realistic proportions of rows, canonical CSV headers, data the loader accepts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateExport, outputPath } from '../../samples/generate.js';
import { generateCases } from '../../samples/generator.js';
import type { ExportFormat } from '../../samples/write.js';
import { loadExport } from '../../src/pipeline/load.js';
import { TABLES } from '../../src/model/tables.js';
import { recordsOf } from '../../src/model/types.js';

const CASES = 50;
const workspace = mkdtempSync(join(tmpdir(), 'practice-audit-generate-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

async function generate(name: string, seed: string, format: ExportFormat = 'csv') {
  const out = join(workspace, format === 'csv' ? name : `${name}.${format}`);
  const counts = await generateExport({ cases: CASES, out, seed, format });
  return { out, counts };
}

/** Every file of a CSV folder, by name, as bytes. */
function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((file) => [file, readFileSync(join(dir, file))]),
  );
}

describe('generated exports are reproducible', () => {
  it('writes the same bytes for the same seed, in every form', async () => {
    const first = await generate('first', 'demo');
    const second = await generate('second', 'demo');
    expect(folderBytes(second.out)).toEqual(folderBytes(first.out));
    for (const format of ['json', 'ndjson'] as const) {
      const a = await generate(`first-${format}`, 'demo', format);
      const b = await generate(`second-${format}`, 'demo', format);
      expect(readFileSync(b.out).equals(readFileSync(a.out))).toBe(true);
    }
  });

  it('writes different bytes for a different seed', async () => {
    const one = folderBytes((await generate('seed-one', '1')).out);
    const two = folderBytes((await generate('seed-two', '2')).out);
    const differing = [...one].filter(([file, bytes]) => !bytes.equals(two.get(file) ?? Buffer.alloc(0)));
    expect(differing.map(([file]) => file)).toEqual(expect.arrayContaining(['cases.csv', 'people.csv', 'visits.csv']));
  });

  it('gives the same cases whether or not they are written', async () => {
    const documents = [...generateCases({ cases: 5, seed: 9 })];
    const again = [...generateCases({ cases: 5, seed: 9 })];
    expect(again).toEqual(documents);
    expect(documents.map((d) => d.case_id)).toEqual(['C001', 'C002', 'C003', 'C004', 'C005']);
  });
});

describe('generated exports look like the samples', () => {
  it('writes every table with the canonical header, in contract column order', async () => {
    const { out } = await generate('headers', 'headers');
    for (const table of TABLES) {
      const firstLine = readFileSync(join(out, `${table.name}.csv`), 'utf8').split('\n')[0];
      expect(firstLine, table.name).toBe(table.columns.map((column) => column.name).join(','));
    }
  });

  it('has about thirty rows per case, spread over the tables as in a real export', async () => {
    const { counts } = await generate('proportions', 'proportions');
    const rows = (table: string): number => counts.get(table) ?? 0;
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    expect(total / CASES).toBeGreaterThan(22);
    expect(total / CASES).toBeLessThan(38);
    expect(rows('cases')).toBe(CASES);
    // Every case has an assessment (in progress for a new referral) and at least the mother on record.
    expect(rows('assessments')).toBe(CASES);
    expect(rows('people')).toBeGreaterThanOrEqual(CASES);
    expect(rows('plans')).toBeLessThanOrEqual(CASES);
    expect(rows('visits') / CASES).toBeGreaterThan(5);
    expect(rows('visits') / CASES).toBeLessThan(15);
    expect(rows('meeting_parents')).toBeGreaterThan(rows('meetings'));
    expect(rows('assessment_views')).toBeGreaterThan(CASES);
  });

  it('writes data the loader accepts whole: no invalid, orphan or duplicate rows', async () => {
    const { out } = await generate('valid', 'valid');
    const loaded = await loadExport([out]);
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases).toHaveLength(CASES);
    const visits = readFileSync(join(out, 'visits.csv'), 'utf8');
    expect(visits).toMatch(/,\d{2}\/\d{2}\/2026,/);
    expect(visits).toMatch(/,2026-\d{2}-\d{2},/);
  });

  it('loads the same cases from NDJSON as from CSV', async () => {
    const csv = await loadExport([(await generate('same-csv', 'forms')).out]);
    const ndjson = await loadExport([(await generate('same-ndjson', 'forms', 'ndjson')).out]);
    const withoutSources = (value: unknown): string => JSON.stringify(value, (key, v: unknown) => (key === 'sourceFile' || key === 'sourceLine' ? undefined : v));
    expect(ndjson.integrity).toEqual([]);
    expect(withoutSources(recordsOf(ndjson.cases))).toBe(withoutSources(recordsOf(csv.cases)));
  });
});

describe('outputPath', () => {
  it('writes CSV into the folder and JSON forms to the file named, or export.<ext> in a folder', () => {
    expect(outputPath('out', 'csv')).toBe('out');
    expect(outputPath('big.ndjson', 'ndjson')).toBe('big.ndjson');
    expect(outputPath('big.jsonl', 'ndjson')).toBe('big.jsonl');
    expect(outputPath('big.json', 'json')).toBe('big.json');
    expect(outputPath('out', 'ndjson')).toBe(join('out', 'export.ndjson'));
    expect(outputPath('out', 'json')).toBe(join('out', 'export.json'));
  });
});
