// Auditing an export by parts of its cases gives the report of the whole, byte for byte, whatever the parts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../samples/generate.js';
import { auditPart, mergeReports, partsFor, type AuditJob, type Machine } from '../../src/pipeline/parallel.js';
import { formatJson } from '../../src/formatters/json.js';
import { readMappingFile } from '../../src/read/mapping.js';
import { partOfCase } from '../../src/validate/rows.js';

const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-parallel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const settings = (from: string | null = null, to: string | null = null): AuditJob['settings'] => ({
  asOf: '2026-10-31',
  period: { from, to },
  region: 'england-and-wales',
  standards: new Map(),
  only: null,
});

/** The JSON report of the whole export, and the one merged from `count` parts read one after another. */
async function wholeAndMerged(job: AuditJob, count: number): Promise<[string, string]> {
  const whole = formatJson(await auditPart(job));
  const parts = [];
  for (let index = 0; index < count; index++) parts.push(await auditPart(job, { index, count }));
  return [whole, formatJson(mergeReports(parts))];
}

// A generated export with damage that lands in every part: rows of unknown cases, duplicate ids within a
// case, rows that fail validation, a row with too few cells, blank lines, quoted cells with line breaks.
let damaged = '';
beforeAll(async () => {
  damaged = join(scratch, 'damaged');
  await generateExport({ cases: 120, out: damaged, seed: '7', format: 'csv' });
  const visits = join(damaged, 'visits.csv');
  const lines = readFileSync(visits, 'utf8').split('\n');
  const extra = [
    lines[1]?.replace(/^[^,]*,[^,]*/, 'V-ORPHAN,C99999') ?? '',
    lines[2] ?? '',
    lines[3]?.replace(/\d{2}\/\d{2}\/\d{4}/, '31/02/2026') ?? '',
    'V-SHORT,C00003',
    // A case id with spaces around it belongs to its case (the part is told from the trimmed id).
    lines[5]?.replace(/^([^,]*),([^,]*)/, ' $1 ,V-PADDED') ?? '',
    lines[6]?.replace(/^([^,]*),([^,]*)/, '"$1",V-QUOTED') ?? '',
    '',
    lines[4]?.replace(/,([^,]*)$/, ',"a note\nover two lines"') ?? '',
  ];
  writeFileSync(visits, [...lines.slice(0, -1), ...extra, ''].join('\n'));
});

describe('a report merged from parts of the cases', () => {
  it.each([2, 3, 5])('equals the whole on the sample export, in %i parts', async (count) => {
    const [whole, merged] = await wholeAndMerged({ paths: ['samples/monthly-export'], load: {}, settings: settings() }, count);
    expect(merged).toBe(whole);
  });

  it.each([2, 4])('equals the whole on an export with rejected rows, in %i parts', async (count) => {
    const [whole, merged] = await wholeAndMerged({ paths: [damaged], load: {}, settings: settings() }, count);
    const report = JSON.parse(whole) as { inputs: { rejected: number }[]; findings: { standard: string; recordId: string | null }[] };
    expect(report.inputs.reduce((sum, input) => sum + input.rejected, 0)).toBeGreaterThanOrEqual(4);
    // The padded and quoted case ids were audited with their cases, not rejected.
    const rejected = report.findings.filter((f) => f.standard.startsWith('data-')).map((f) => f.recordId);
    expect(rejected).not.toContain('V-PADDED');
    expect(rejected).not.toContain('V-QUOTED');
    expect(rejected).toContain('C99999');
    expect(merged).toBe(whole);
  });

  it('equals the whole on the sample with invalid rows and within an audit period', async () => {
    const [whole, merged] = await wholeAndMerged(
      { paths: ['samples/invalid-rows'], load: {}, settings: settings('2026-06-01', '2026-09-30') },
      3,
    );
    expect(merged).toBe(whole);
  });

  it('equals the whole through a mapping (the part is told from the decoded case id)', async () => {
    const mapping = readMappingFile('samples/mappings/carefirst.json');
    const [whole, merged] = await wholeAndMerged({ paths: ['samples/carefirst-export'], load: { mapping }, settings: settings() }, 2);
    expect(merged).toBe(whole);
  });

  it('spreads case ids over the parts, and puts a row without one in the first', () => {
    const ids = Array.from({ length: 64 }, (_, i) => `C${String(i).padStart(5, '0')}`);
    for (const count of [2, 3, 5]) {
      const parts = ids.map((id) => partOfCase(id, count));
      expect(new Set(parts).size).toBe(count);
      for (const part of parts) expect(part).toBeLessThan(count);
    }
    expect(partOfCase(undefined, 4)).toBe(0);
    expect(partOfCase('C00001', 1)).toBe(0);
  });
});

describe('how many parts', () => {
  const machine = (cores: number, workersAvailable = true): Machine => ({ cores, workersAvailable: () => workersAvailable });
  const job = (paths: string[]): AuditJob => ({ paths, load: {}, settings: settings() });

  it('is 1 unless asked, whatever the machine and the export, and 1 for JSON or NDJSON whatever is asked', async () => {
    const large = join(scratch, 'large');
    cpSync('samples/monthly-export', large, { recursive: true });
    writeFileSync(join(large, 'notes.csv'), `case_id,status\n${'\n'.repeat(8 * 1024 * 1024)}`);
    expect(await partsFor(job([large]), undefined, machine(64))).toBe(1);
    expect(await partsFor(job(['samples/monthly-export']), undefined, machine(64))).toBe(1);
    expect(await partsFor(job(['samples/monthly-export']), 3, machine(2))).toBe(3);
    expect(await partsFor(job(['samples/monthly-export.json']), 3, machine(64))).toBe(1);
    expect(await partsFor(job(['samples/monthly-export.ndjson']), 2, machine(64))).toBe(1);
  });

  it('is 1 where there is no compiled worker entry (this module run from its TypeScript source)', async () => {
    expect(await partsFor(job(['samples/monthly-export']), 3, machine(64, false))).toBe(1);
    expect(await partsFor(job(['samples/monthly-export']), 3)).toBe(1);
  });
});
