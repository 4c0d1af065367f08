// End to end: --jobs runs the audit on worker threads, one part of the cases each, with the output of one thread.
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-10-31'];
const audit = (...args: string[]) => runBuiltCli(['audit', ...args, ...AS_OF]);

describe('audit --jobs', () => {
  it.each([
    ['the sample export', 'samples/monthly-export', '2'],
    ['the sample with invalid rows', 'samples/invalid-rows', '3'],
  ])('gives %s the same JSON report, stderr and exit status on worker threads', (_name, path, jobs) => {
    const one = audit(path, '-f', 'json', '--jobs', '1');
    const parts = audit(path, '-f', 'json', '--jobs', jobs);
    expect(one.status).toBe(1);
    expect(parts.stderr).toBe(one.stderr);
    expect(parts.status).toBe(one.status);
    expect(parts.stdout).toBe(one.stdout);
  });

  it('gives the same table through a mapping', () => {
    const mapping = ['--mapping', 'samples/mappings/carefirst.json'];
    const one = audit('samples/carefirst-export', ...mapping, '--jobs', '1');
    const parts = audit('samples/carefirst-export', ...mapping, '--jobs', '2');
    expect(parts.stdout).toBe(one.stdout);
    expect(parts.status).toBe(one.status);
  });

  it('gives the same report under a configuration (severities, options, a standard off) and an audit period', () => {
    const options = ['-c', 'test/fixtures/e2e/jobs-config.json', '--from', '2026-05-01', '--to', '2026-09-30', '-f', 'json'];
    const one = audit('samples/monthly-export', ...options, '--jobs', '1');
    const parts = audit('samples/monthly-export', ...options, '--jobs', '2');
    expect(one.stderr).toBe('');
    expect(parts.stdout).toBe(one.stdout);
    expect(parts.status).toBe(one.status);
  });

  it('stops a malformed file with the one line a single thread gives, exit 2', () => {
    const one = audit('samples/broken/unclosed-quote', '--jobs', '1');
    const parts = audit('samples/broken/unclosed-quote', '--jobs', '2');
    expect(one.status).toBe(2);
    expect(parts.status).toBe(2);
    expect(parts.stderr).toBe(one.stderr);
    expect(parts.stderr.trim().split('\n')).toHaveLength(1);
    expect(parts.stderr).toMatch(/^practice-audit: .*unclosed-quote.*:\d+: malformed CSV: a quoted cell is never closed/);
  });

  it.each(['0', 'two', '1.5', '17'])('refuses --jobs %s with one line, exit 2', (jobs) => {
    const run = audit('samples/monthly-export', '--jobs', jobs);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`practice-audit: --jobs "${jobs}" is not a number of threads (expected a whole number from 1 to 16 (1: no worker threads))\n`);
  });
});
