// End to end: --passes audits the cases in disjoint sets one after another, and the merged report is the one-pass report byte for byte.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-10-31'];
const audit = (...args: string[]) => runBuiltCli(['audit', ...args, ...AS_OF]);

describe('audit --passes', () => {
  it.each([
    ['the sample export', '2', ['samples/monthly-export']],
    ['the sample export', '3', ['samples/monthly-export']],
    ['the sample with invalid rows', '2', ['samples/invalid-rows']],
    ['the SSD extract through its mapping (keep, lookups, filters)', '3', ['samples/ssd-export-ssms-quoted', '--mapping', 'samples/mappings/ssd.json']],
  ])('gives %s the same JSON report, stderr and exit status in %s passes', (_name, passes, input) => {
    const one = audit(...input, '-f', 'json', '--passes', '1');
    const several = audit(...input, '-f', 'json', '--passes', passes);
    expect(one.status).toBe(1);
    expect(several.stderr).toBe(one.stderr);
    expect(several.status).toBe(one.status);
    expect(several.stdout).toBe(one.stdout);
  });

  it('combines with --jobs: each pass on worker threads', () => {
    const one = audit('samples/monthly-export', '-f', 'json');
    const both = audit('samples/monthly-export', '-f', 'json', '--passes', '2', '--jobs', '2');
    expect([both.status, both.stdout]).toEqual([one.status, one.stdout]);
  });

  it('refuses passes over JSON documents or workbooks, and a count that is not one', () => {
    const json = audit('samples/monthly-export.json', '--passes', '2');
    expect([json.status, json.stderr]).toEqual([
      2,
      'practice-audit: --passes 2 needs every input to be delimited text (expected CSV exports (JSON, NDJSON and workbooks are audited in one pass), or --passes 1)\n',
    ]);
    const zero = audit('samples/monthly-export', '--passes', '0');
    expect([zero.status, zero.stderr]).toEqual([2, 'practice-audit: --passes "0" is not a number of passes (expected auto, or a whole number from 1 to 64)\n']);
  });

  describe('chosen from the heap (auto)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-passes-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const exportFolder = join(scratch, 'export');

    it('audits an export one pass cannot hold under a small heap, in passes, with the one-pass report', () => {
      const made = spawnGenerator(exportFolder);
      expect(made).toBe(0);
      const whole = join(scratch, 'whole.json');
      const parted = join(scratch, 'parted.json');
      expect(audit(exportFolder, '-f', 'json', '-o', whole, '-q').status).toBe(1);
      // 56 MiB of heap: one pass cannot hold this export and its report (the guard stops it; 64 MiB is enough), so the
      // estimate picks passes, which fit.
      const small = { NODE_OPTIONS: '--max-old-space-size=56' };
      const onePass = runBuiltCli(['audit', exportFolder, ...AS_OF, '-f', 'json', '-o', parted, '-q', '--passes', '1', '--no-memory-check'], small);
      expect([onePass.status, existsSync(parted)]).toEqual([2, false]);
      const auto = runBuiltCli(['audit', exportFolder, ...AS_OF, '-f', 'json', '-o', parted, '-q'], small);
      expect([auto.status, auto.stderr]).toEqual([1, '']);
      expect(readFileSync(parted, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    });

    it('stops a run that fills the heap anyway with one line and exit 2, never V8\'s abort and stack trace', () => {
      if (!existsSync(exportFolder)) expect(spawnGenerator(exportFolder)).toBe(0);
      const target = join(scratch, 'forced.json');
      // One pass forced past the estimate: without the guard this is V8's fatal error, its native stack and exit 134.
      // 40 MB: the case model of 10,000 cases and its report do not fit together beside Node's own 24 MB (64 MB is enough).
      const forced = runBuiltCli(['audit', exportFolder, ...AS_OF, '-f', 'json', '-o', target, '-q', '--passes', '1', '--no-memory-check'], {
        NODE_OPTIONS: '--max-old-space-size=40',
      });
      expect(forced.status).toBe(2);
      expect(forced.stderr).toBe(
        "practice-audit: the audit filled Node's heap (40 MB) and stopped before running out of memory, writing no report: run it in more passes, " +
          'each holding fewer cases (--passes with a higher number; CSV exports only), with a larger heap (NODE_OPTIONS=--max-old-space-size=512), ' +
          'or on the export split into parts by case\n',
      );
      expect(existsSync(target)).toBe(false);
    });
  });
});

/** A 10,000-case generated export (about 13 MB of CSV). */
function spawnGenerator(folder: string): number | null {
  return runNode(['dist/samples/generate.js', '--cases', '10000', '--out', folder, '--seed', 'passes']);
}

function runNode(args: readonly string[]): number | null {
  return spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' }).status;
}
