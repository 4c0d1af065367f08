// End to end: the errors a user meets in waiver, configuration and baseline files, each one line in plain words, exit 2.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const write = (name: string, value: unknown): string => {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const audit = (...args: string[]) => runBuiltCli(['audit', 'samples/monthly-export', '--as-of', '2026-10-31', '-q', '-f', 'json', ...args]);
const waiver = { standard: 'child-seen', caseId: 'C040', recordId: 'V040-06', reason: 'Visit note being added', approvedBy: 'Head of QA' };

describe('waiver files', () => {
  it('accept a UK date, as every other input does', () => {
    const run = audit('--waivers', write('uk.json', { waivers: [{ ...waiver, expires: '31/12/2026' }] }));
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { findings: { recordId: string; waiver?: { expires: string } }[] };
    expect(report.findings.find((f) => f.recordId === 'V040-06')?.waiver?.expires).toBe('2026-12-31');
  });

  it('name a misspelt key and the keys an entry may hold', () => {
    const file = write('misspelt.json', { waivers: [{ ...waiver, expiry: '2026-12-31' }] });
    const run = audit('--waivers', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `practice-audit: ${file}: waivers[0]: unknown key "expiry" (expected standard, caseId, recordId, reason, approvedBy, expires)\n`,
    );
  });

  it('say which date is not a date, and which forms are', () => {
    const file = write('bad-date.json', { waivers: [{ ...waiver, expires: '31/02/2026' }] });
    const run = audit('--waivers', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('waivers[0].expires: "31/02/2026" is not a date');
    expect(run.stderr).toContain('expected YYYY-MM-DD or DD/MM/YYYY');
  });
});

describe('configuration files', () => {
  it('name a misspelt option in plain words', () => {
    const file = write('config.json', { standards: { 'defaulted-visits-escalated': { threshhold: 3 } } });
    const run = audit('-c', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`practice-audit: ${file}: standards.defaulted-visits-escalated: unknown key "threshhold"\n`);
  });
});

describe('a baseline that is not there yet', () => {
  it('says what to do on the first night instead of a bare ENOENT', () => {
    const file = join(scratch, 'baseline.json');
    const run = audit('--baseline', file, '--fail-on', 'new');
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('ENOENT');
    expect(run.stderr).toBe(
      `practice-audit: ${file}: no baseline report at this path (--baseline) (expected a JSON report of an earlier run; on the first night, run without --baseline (and --fail-on new) and keep its -f json report as the next baseline)\n`,
    );
  });
});

describe('a run that stops with exit 2 and was asked for a JUnit file', () => {
  it('still writes one, with one failing test carrying the error line', () => {
    const out = join(scratch, 'audit.xml');
    const run = runBuiltCli(['audit', 'samples/broken/unclosed-quote', '--as-of', '2026-10-31', '-q', '-f', 'junit', '-o', out]);
    expect(run.status).toBe(2);
    const line = run.stderr.replace(/^practice-audit: /, '').trimEnd();
    expect(line).toContain('visits.csv');
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<testsuites name="practice-audit 0.1.0" tests="1" failures="1" errors="0" skipped="0" time="0">');
    const failure = /<failure message="([^"]*)" type="exit 2">([^<]*)<\/failure>/.exec(xml);
    const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(unescape(failure?.[2] ?? '')).toBe(line);
    expect(unescape(failure?.[1] ?? '')).toBe(line);
  });

  it('writes none when the JUnit path itself is what is wrong', () => {
    const run = runBuiltCli(['audit', 'samples/monthly-export', '-q', '-f', 'junit', '-o', join(scratch, 'no-such-folder', 'audit.xml')]);
    expect(run.status).toBe(2);
    expect(existsSync(join(scratch, 'no-such-folder'))).toBe(false);
  });
});

describe('what a run says on stderr for a nightly log', () => {
  it('one line per file written, with its size, then the time taken; nothing with -q', () => {
    const json = join(scratch, 'night.json');
    const html = join(scratch, 'night.html');
    const run = runBuiltCli(['audit', 'samples/monthly-export', '--as-of', '2026-10-31', '-f', 'json', '-o', json, '-f', 'html', '-o', html]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^wrote ${json.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(\\d+\\.\\d kB\\)$`));
    expect(lines[1]).toMatch(/^wrote .*night\.html \(\d+\.\d kB\)$/);
    expect(lines[2]).toMatch(/^done in \d+\.\d s$/);
    const quiet = runBuiltCli(['audit', 'samples/monthly-export', '--as-of', '2026-10-31', '-q', '-f', 'json', '-o', json]);
    expect(quiet.stderr).toBe('');
  });
});
