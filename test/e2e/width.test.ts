// The table format fits its width: the terminal's on a terminal, 80 in a pipe, a log or a file, or --width.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { runBuiltCli } from './run-cli.js';

const EXPORT = 'samples/monthly-export';
const AS_OF = ['--as-of', '2026-10-31'];
// eslint-disable-next-line no-control-regex -- stripping SGR sequences to measure what the terminal shows
const visible = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;
const widest = (text: string) => Math.max(...text.split('\n').map(visible));

const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-width-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('audit -f table at a width', () => {
  it('fits 80 columns in a pipe, as a nightly log would read it', () => {
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF]);
    expect(run.status).toBe(1);
    // The sample's standards table is 108 columns wide in full: at 80 it is narrowed, not left to overflow.
    expect(widest(run.stdout)).toBe(80);
    // Left out in the stated order; how many depends on the longest standard id of the catalogue.
    expect(run.stdout).toMatch(/\(not shown at 80 columns: compliant, pending, applicable[,;]/);
  });

  it('fits the width given with --width, on stdout and in a file', () => {
    const wide = runBuiltCli(['audit', EXPORT, ...AS_OF, '--width', '120']);
    expect(wide.status).toBe(1);
    expect(widest(wide.stdout)).toBeLessThanOrEqual(120);
    expect(widest(wide.stdout)).toBeGreaterThan(100);
    expect(wide.stdout).not.toContain('not shown at');
    const file = join(scratch, 'report.txt');
    expect(runBuiltCli(['audit', EXPORT, ...AS_OF, '-q', '-o', file, '--width', '60']).status).toBe(1);
    expect(widest(readFileSync(file, 'utf8'))).toBeLessThanOrEqual(60);
  });

  it('refuses a width too narrow for the standards’ ids, with exit 2 and the range', () => {
    const run = runBuiltCli(['audit', EXPORT, ...AS_OF, '--width', '30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('practice-audit: --width "30" is not a number of columns (expected a whole number from 40 to 1000)\n');
  });

  it('takes a terminal’s own width, and 80 for a file written beside it', async () => {
    let stdout = '';
    const file = join(scratch, 'beside.txt');
    const status = await runCli(['audit', EXPORT, ...AS_OF, '-q', '-f', 'table', '-f', 'table', '-o', file], {
      stdout: { write: (chunk) => (stdout += String(chunk)), isTTY: true, columns: 132 },
      stderr: { write: () => undefined },
      env: { NO_COLOR: '1' },
      today: () => '2026-10-31',
    });
    expect(status).toBe(1);
    expect(widest(stdout)).toBeGreaterThan(100);
    expect(widest(stdout)).toBeLessThanOrEqual(132);
    expect(widest(readFileSync(file, 'utf8'))).toBe(80);
  });
});
