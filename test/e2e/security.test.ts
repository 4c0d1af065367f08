// The built CLI attacked and misused: report paths, planted links, signals, non-regular inputs, hostile bytes, limits.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
    linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli, type CliRun } from './run-cli.js';

const SAMPLE = join(ROOT, 'samples/monthly-export');
const AS_OF = ['--as-of', '2026-10-31', '-q'];

let work: string;
const fresh = (name: string): string => mkdtempSync(join(work, `${name}-`));

/** A copy of the sample export that a test may change. */
function exportCopy(): string {
  const folder = join(fresh('export'), 'export');
  cpSync(SAMPLE, folder, { recursive: true });
  return folder;
}

/** The CLI with extra node flags (a preload), its own working folder and a time limit: a hang is a failure. */
function runNode(nodeArgs: readonly string[], args: readonly string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'bin/practice-audit.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const preload = (name: string, source: string): string => {
  const file = join(work, name);
  writeFileSync(file, source);
  return `--import=${pathToFileURL(file).href}`;
};

const VICTIM_TEXT = 'not the report: must survive\n';

function victim(): string {
  const file = join(fresh('victim'), 'precious.txt');
  writeFileSync(file, VICTIM_TEXT);
  return file;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'practice-audit-security-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('-o writes only regular files and never a file the run reads', () => {
  it('refuses /dev/null and leaves it a device', () => {
    // The machine's own /dev/null, when it is one (a shared machine's may have been broken by an older build);
    // always a device node of the test's own, the same kind of file.
    const own = join(fresh('device'), 'null');
    execFileSync('mknod', ['-m', '666', own, 'c', '1', '3']);
    const devices = statSync('/dev/null').isCharacterDevice() ? ['/dev/null', own] : [own];
    for (const device of devices) {
      const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, '-o', device]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/: cannot write the report over a character device/);
      expect(statSync(device).isCharacterDevice()).toBe(true);
    }
  });

  it('refuses a named pipe at once, without waiting for a reader', () => {
    const pipe = join(fresh('pipe'), 'report.json');
    execFileSync('mkfifo', [pipe]);
    const run = runNode([], ['audit', SAMPLE, ...AS_OF, '-o', pipe]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('named pipe');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('refuses a symbolic link, leaving the link and the file it points to as they were', () => {
    const target = victim();
    const link = join(fresh('link'), 'report.json');
    symlinkSync(target, link);
    const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, '-f', 'json', '-o', link]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('symbolic link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(VICTIM_TEXT);
  });

  it('refuses a folder', () => {
    const folder = fresh('folder');
    const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, '-f', 'json', '-o', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot write the report over a folder');
  });

  it('refuses an input table, by name or through another name (a hard link), and leaves it intact', () => {
    const folder = exportCopy();
    const visits = join(folder, 'visits.csv');
    const before = readFileSync(visits, 'utf8');
    const byName = runBuiltCli(['audit', folder, ...AS_OF, '-f', 'csv', '-o', visits]);
    expect(byName.status).toBe(2);
    expect(byName.stderr).toContain('-o names a file the run reads');
    const hardLink = join(fresh('hard'), 'findings.csv');
    linkSync(visits, hardLink);
    const byInode = runBuiltCli(['audit', folder, ...AS_OF, '-f', 'csv', '-o', hardLink]);
    expect(byInode.status).toBe(2);
    expect(byInode.stderr).toContain(`(${visits})`);
    expect(readFileSync(visits, 'utf8')).toBe(before);
  });

  it('refuses the configuration, waiver and baseline files as report paths', () => {
    const folder = fresh('settings');
    const config = join(folder, 'config.json');
    writeFileSync(config, '{}');
    const waivers = join(folder, 'waivers.json');
    cpSync(join(ROOT, 'samples/waivers.json'), waivers);
    const baseline = join(folder, 'baseline.json');
    expect(runBuiltCli(['audit', SAMPLE, ...AS_OF, '-f', 'json', '-o', baseline]).status).toBe(1);
    const kept = readFileSync(baseline, 'utf8');
    for (const [option, file] of [['-c', config], ['--waivers', waivers], ['--baseline', baseline]] as const) {
      const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, option, file, '-f', 'csv', '-o', file]);
      expect(run.status, option).toBe(2);
      expect(run.stderr).toContain('-o names a file the run reads');
    }
    expect(readFileSync(config, 'utf8')).toBe('{}');
    expect(readFileSync(baseline, 'utf8')).toBe(kept);
  });

  it('refuses the same path twice, however it is written', () => {
    const folder = fresh('twice');
    const run = runNode([], ['audit', SAMPLE, ...AS_OF, '-f', 'json', '-o', 'a.json', '-f', 'csv', '-o', './a.json'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('-o names the same file twice');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a link planted at the journal name, and writes nothing through it', () => {
    const folder = fresh('journal-link');
    const target = victim();
    symlinkSync(target, join(folder, '.report.json.practice-audit-journal'));
    const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, '-f', 'json', '-o', join(folder, 'report.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is in the way of the journal');
    expect(readFileSync(target, 'utf8')).toBe(VICTIM_TEXT);
    expect(readdirSync(folder)).toEqual(['.report.json.practice-audit-journal']);
  });

  it('never follows a link planted at a temporary file name, even one it could guess', () => {
    // The names are random; here the randomness is pinned so a link can be planted at the very name the run picks.
    const pinned = preload(
      'pinned-random.mjs',
      [
        "import crypto from 'node:crypto';",
        "import { syncBuiltinESMExports } from 'node:module';",
        'crypto.randomBytes = (size) => Buffer.alloc(size, 0xab);',
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    const folder = fresh('temporary-link');
    const target = victim();
    const planted = `.report.json.${'ab'.repeat(12)}.practice-audit-partial`;
    symlinkSync(target, join(folder, planted));
    const run = runNode([pinned], ['audit', SAMPLE, ...AS_OF, '-f', 'json', '-o', join(folder, 'report.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot write the report (EEXIST)');
    expect(readFileSync(target, 'utf8')).toBe(VICTIM_TEXT);
    expect(readdirSync(folder)).toEqual([planted]);
  });

  it('leaves only the reports behind, each with the mode of a new file', () => {
    const folder = fresh('clean');
    const names = ['r.json', 'r.csv', 'r.xlsx', 'r.md'];
    const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, ...names.flatMap((name) => ['-o', join(folder, name)])]);
    expect(run.status).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([...names].sort());
    const mask = process.umask();
    for (const name of names) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o666 & ~mask);
  });
});

/** Every format, each to its own file: the most files one commit can replace. */
const OUTPUT_NAMES = ['r.json', 'r.csv', 'r.xlsx', 'r.md', 'r.xml', 'r.html'];
const OLD_TEXT = 'an earlier report\n';

describe('several outputs are all or none across signals', () => {
  let big: string;
  let expected: Map<string, string>;
  let duration: number;

  const outputArgs = (folder: string) => OUTPUT_NAMES.flatMap((name) => ['-o', join(folder, name)]);

  const seeded = (): string => {
    const folder = fresh('signals');
    for (const name of OUTPUT_NAMES) writeFileSync(join(folder, name), OLD_TEXT);
    return folder;
  };

  /** What the folder holds: every report old, or every report new, and nothing else. */
  const state = (folder: string): 'old' | 'new' | 'mixed' => {
    const contents = OUTPUT_NAMES.map((name) => readFileSync(join(folder, name)).toString('base64'));
    if (contents.every((content) => content === Buffer.from(OLD_TEXT).toString('base64'))) return 'old';
    if (OUTPUT_NAMES.every((name, i) => contents[i] === expected.get(name))) return 'new';
    return 'mixed';
  };

  beforeAll(() => {
    big = join(fresh('big'), 'export');
    execFileSync(process.execPath, [join(ROOT, 'dist/samples/generate.js'), '--cases', '800', '--out', big, '--seed', 'signals']);
    const folder = fresh('reference');
    const started = performance.now();
    expect(runBuiltCli(['audit', big, ...AS_OF, ...outputArgs(folder)]).status).toBe(1);
    duration = performance.now() - started;
    expected = new Map(OUTPUT_NAMES.map((name) => [name, readFileSync(join(folder, name)).toString('base64')]));
  });

  const killedRun = (folder: string, signal: NodeJS.Signals, delay: number) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/practice-audit.js'), 'audit', big, ...AS_OF, ...outputArgs(folder)], {
        stdio: 'ignore',
      });
      const timer = setTimeout(() => child.kill(signal), delay);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} at random moments: every report as it was or every one new, and no file of the run left`, async () => {
      for (let trial = 0; trial < 6; trial++) {
        const folder = seeded();
        const code = await killedRun(folder, signal, Math.random() * duration * 1.1);
        // null: the signal came while no handler was set (before the CLI started, or as the process ended).
        expect([0, 1, null, signal === 'SIGINT' ? 130 : 143]).toContain(code);
        expect(readdirSync(folder).sort()).toEqual([...OUTPUT_NAMES].sort());
        const now = state(folder);
        expect(now).not.toBe('mixed');
        // Finished before the signal, it replaced everything; stopped by it, everything or (before the commit) nothing.
        if (code === 0 || code === 1) expect(now).toBe('new');
      }
    });
  }

  it('SIGKILL at random moments: whatever is left, the next run says so, cleans it and writes every report', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const folder = seeded();
      await killedRun(folder, 'SIGKILL', Math.random() * duration * 1.1);
      const left = readdirSync(folder).filter((name) => !OUTPUT_NAMES.includes(name));
      const before = state(folder);
      if (before === 'mixed') expect(left.some((name) => name.endsWith('.practice-audit-journal'))).toBe(true);
      const next = runBuiltCli(['audit', big, ...AS_OF, ...outputArgs(folder)]);
      expect(next.status).toBe(1);
      if (left.some((name) => name.endsWith('.practice-audit-journal'))) expect(next.stderr).toContain('an earlier run was stopped');
      else expect(next.stderr).toBe('');
      expect(readdirSync(folder).sort()).toEqual([...OUTPUT_NAMES].sort());
      expect(state(folder)).toBe('new');
    }
  });

  it('killed between two renames, the next run names the reports replaced and those not', () => {
    const folder = seeded();
    // Kills the process itself, uncatchably, right after the second report is renamed into place.
    const killer = preload(
      'kill-after-rename.mjs',
      [
        "import fs from 'node:fs';",
        "import { syncBuiltinESMExports } from 'node:module';",
        'const rename = fs.renameSync;',
        'let renames = 0;',
        "fs.renameSync = (from, to) => { rename(from, to); if (++renames === 2) process.kill(process.pid, 'SIGKILL'); };",
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    const killed = runNode([killer], ['audit', big, ...AS_OF, ...outputArgs(folder)]);
    expect(killed.status).toBeNull();
    expect(state(folder)).toBe('mixed');
    const next = runBuiltCli(['audit', big, ...AS_OF, ...outputArgs(folder)]);
    expect(next.status).toBe(1);
    expect(next.stderr).toMatch(/^practice-audit: warning: an earlier run was stopped while replacing its reports: .*r\.json, .*r\.csv replaced, .*r\.xlsx, .*not: they are from different runs; removed its 4 temporary files\n$/);
    expect(readdirSync(folder).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(state(folder)).toBe('new');
  });
});

describe('inputs are readable regular files, or the run stops naming them', () => {
  const withVisits = (make: (visits: string) => void): { folder: string; visits: string } => {
    const folder = exportCopy();
    const visits = join(folder, 'visits.csv');
    rmSync(visits);
    make(visits);
    return { folder, visits };
  };

  for (const [what, make] of [
    ['a link to /dev/zero', (visits: string) => symlinkSync('/dev/zero', visits)],
    ['a link to /dev/urandom', (visits: string) => symlinkSync('/dev/urandom', visits)],
    ['a dangling link', (visits: string) => symlinkSync(join(work, 'nothing-here.csv'), visits)],
    ['a loop of links', (visits: string) => symlinkSync(visits, visits)],
    ['a named pipe', (visits: string) => execFileSync('mkfifo', [visits])],
    ['a folder', (visits: string) => mkdirSync(visits)],
  ] as const) {
    it(`stops on visits.csv as ${what}, never calling the table missing`, () => {
      const { folder, visits } = withVisits(make);
      const run = runNode([], ['audit', folder, ...AS_OF]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^practice-audit: ${visits}: cannot read: `));
      expect(run.stdout).toBe('');
    });
  }

  it.skipIf(process.getuid?.() === 0)('stops on a visits.csv it has no permission to read', () => {
    const { folder, visits } = withVisits((file) => {
      writeFileSync(file, 'visit_id\n');
      chmodSync(file, 0o000);
    });
    const run = runBuiltCli(['audit', folder, ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${visits}: cannot read: permission denied`);
  });

  it('reads a link to a regular file, and says so in the inputs', () => {
    const { folder } = withVisits((visits) => symlinkSync(join(SAMPLE, 'visits.csv'), visits));
    const run = runBuiltCli(['audit', folder, ...AS_OF, '-f', 'json']);
    expect(run.status).toBe(1);
    const inputs = (JSON.parse(run.stdout) as { inputs: { table: string; symlink?: boolean }[] }).inputs;
    expect(inputs.filter((input) => input.symlink === true).map((input) => input.table)).toEqual(['visits']);
  });

  it('stops on a configuration file that is a link to a device', () => {
    const config = join(fresh('config'), 'config.json');
    symlinkSync('/dev/zero', config);
    const run = runNode([], ['audit', SAMPLE, ...AS_OF, '-c', config]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${config}: cannot read configuration: a character device, not a regular file`);
  });

  it('stops on an NDJSON line past 16 million characters at its line, in linear time', () => {
    const file = join(fresh('ndjson'), 'cases.ndjson');
    const line = `{"case_id":"C1","status":"open","note":"${'x'.repeat(40 * 1024 * 1024)}"}`;
    writeFileSync(file, `{"case_id":"C0","status":"open"}\n${line}\n`);
    const started = performance.now();
    const run = runNode([], ['audit', file, ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cases\.ndjson:2: a line runs on for more than 16 million characters/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('stops on a JSON case document past 16 million characters at the line it starts, as soon as it passes them', () => {
    const file = join(fresh('json'), 'cases.json');
    // A document of 100 million characters, read under a 64 MiB heap: a reader that held it (or the file) whole would run out.
    const note = 'x'.repeat(100 * 1024 * 1024);
    writeFileSync(file, `{"cases": [\n  {"case_id": "C0", "status": "open"},\n  {"case_id": "C1", "status": "open",\n   "note": "${note}"}]}\n`);
    const started = performance.now();
    const run = runNode(['--max-old-space-size=64'], ['audit', file, ...AS_OF, '--no-memory-check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `practice-audit: ${file}:3: a case document runs on for more than 16 million characters (expected a JSON array of case documents, or {"cases": [ ... ]}, each document at most 16 million characters)\n`,
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

/** Characters that break consumers: escape sequences, NUL, BEL, and two characters XML forbids. */
const HOSTILE_ID = 'C\u001b[2J\u0000\u0007\uFFFE\uFFFF005';

describe('every output is valid for its consumer whatever the bytes in the data', () => {
  let folder: string;
  let out: string;

  const parseXml = (text: string): void => {
    const parser = new SaxesParser();
    parser.on('error', (error) => {
      throw error;
    });
    parser.write(text).close();
  };

  beforeAll(() => {
    folder = exportCopy();
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\bC005\b/g, HOSTILE_ID));
    }
    out = fresh('hostile-out');
    const run = runBuiltCli(['audit', folder, ...AS_OF, ...['r.xlsx', 'r.xml', 'r.csv', 'r.md'].flatMap((name) => ['-o', join(out, name)])]);
    expect(run.status).toBe(1);
  });

  it('shows controls as \\xNN on the terminal, in CSV and in markdown', () => {
    const table = runBuiltCli(['audit', folder, ...AS_OF]);
    expect(table.stdout).toContain('C\\x1b[2J\\x00\\x07');
    for (const text of [table.stdout, readFileSync(join(out, 'r.csv'), 'utf8'), readFileSync(join(out, 'r.md'), 'utf8')]) {
      // eslint-disable-next-line no-control-regex -- no raw control may pass
      expect(text).not.toMatch(/[\u0000\u0007\u001b]/);
    }
    expect(readFileSync(join(out, 'r.csv'), 'utf8')).toContain('C\\x1b[2J\\x00\\x07');
  });

  it('writes JUnit XML and every part of the workbook as well-formed XML, forbidden characters replaced', async () => {
    const junit = readFileSync(join(out, 'r.xml'), 'utf8');
    expect(junit).toContain('C\uFFFD[2J');
    parseXml(junit);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'r.xlsx')));
    const parts = Object.values(zip.files).filter((entry) => entry.name.endsWith('.xml'));
    expect(parts.length).toBeGreaterThan(3);
    let sawId = false;
    for (const part of parts) {
      const text = await part.async('string');
      parseXml(text);
      expect(text).not.toMatch(/[\uFFFE\uFFFF]/);
      sawId ||= text.includes('\uFFFD\uFFFD005');
    }
    expect(sawId).toBe(true);
  });

  it('shows controls in a file name of an error line as \\xNN', () => {
    const run = runBuiltCli(['audit', join(work, 'no-such\u001b]0;owned\u0007.csv'), ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such\\x1b]0;owned\\x07.csv');
    // eslint-disable-next-line no-control-regex -- no raw control may pass
    expect(run.stderr).not.toMatch(/[\u0007\u001b]/);
  });

  it('shows controls in a file name on the preflight screen as \\xNN', () => {
    const file = join(fresh('preflight'), 'visits\u001b[31m.csv');
    cpSync(join(SAMPLE, 'visits.csv'), file);
    const run = runBuiltCli(['preflight', file]);
    expect(run.stdout).toContain('visits\\x1b[31m.csv');
    // eslint-disable-next-line no-control-regex -- no raw control may pass
    expect(run.stdout).not.toMatch(/\u001b/);
  });

  it('shows controls in a waiver standard id of an error line as \\xNN', () => {
    const waivers = join(fresh('waivers'), 'waivers.json');
    writeFileSync(waivers, JSON.stringify({ waivers: [{ standard: 'x\u001b[2Jy', caseId: 'C001', reason: 'r', approvedBy: 'a', expires: '2027-01-01' }] }));
    const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, '--waivers', waivers]);
    expect(run.status).toBe(2);
    // eslint-disable-next-line no-control-regex -- no raw control may pass
    expect(run.stderr).not.toMatch(/\u001b/);
  });

  it('never quotes a file that is not valid JSON in its error line', () => {
    const folder = fresh('not-json');
    const secret = 'Zebedee Quartermaine';
    for (const [option, name] of [['-c', 'config.json'], ['--waivers', 'waivers.json'], ['--mapping', 'mapping.json'], ['--baseline', 'baseline.json']] as const) {
      const file = join(folder, name);
      writeFileSync(file, `${secret} lives at 1 Acacia Avenue`);
      const run = runBuiltCli(['audit', SAMPLE, ...AS_OF, option, file]);
      expect(run.status, option).toBe(2);
      expect(run.stderr).toContain('is not valid JSON');
      expect(run.stderr).not.toContain('Zebedee');
    }
    const exportFile = join(folder, 'cases.json');
    writeFileSync(exportFile, `[{"case_id": ${secret}}]`);
    const run = runBuiltCli(['audit', exportFile, ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('Zebedee');
  });
});

describe('configuration numbers have upper limits', () => {
  it('refuses cpWorkingDays of 100,000,000 at once, and accepts 365', () => {
    const folder = fresh('limits');
    const config = (days: number) => {
      const file = join(folder, `config-${days}.json`);
      writeFileSync(file, JSON.stringify({ standards: { 'defaulted-visits-escalated': { cpWorkingDays: days } } }));
      return file;
    };
    const refused = runNode([], ['audit', SAMPLE, ...AS_OF, '-c', config(100_000_000)]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('cpWorkingDays');
    expect(runBuiltCli(['audit', SAMPLE, ...AS_OF, '-c', config(365)]).status).toBe(1);
  });
});

describe('the promises of SECURITY.md', () => {
  it('never touches the network, in any command and format', () => {
    const guard = preload(
      'no-network.mjs',
      [
        "import dns from 'node:dns';",
        "import http from 'node:http';",
        "import https from 'node:https';",
        "import net from 'node:net';",
        "import tls from 'node:tls';",
        "import { syncBuiltinESMExports } from 'node:module';",
        "const refuse = (what) => () => { process.stderr.write(`NETWORK USED: ${what}\\n`); process.exit(99); };",
        "net.Socket.prototype.connect = refuse('socket');",
        "net.connect = net.createConnection = refuse('net.connect');",
        "tls.connect = refuse('tls.connect');",
        "dns.lookup = dns.resolve = dns.resolve4 = dns.resolve6 = refuse('dns');",
        "dns.promises.lookup = dns.promises.resolve = refuse('dns');",
        "http.request = http.get = https.request = https.get = refuse('http');",
        "globalThis.fetch = refuse('fetch');",
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    const folder = fresh('network');
    const report = join(folder, 'r.json');
    const runs = [
      ['audit', SAMPLE, ...AS_OF, '--jobs', '2', ...['r.json', 'r.csv', 'r.xlsx', 'r.md', 'r.xml', 'r.html', 'r.txt'].flatMap((name) => ['-o', join(folder, name)])],
      ['audit', join(ROOT, 'samples/monthly-export.ndjson'), ...AS_OF, '--waivers', join(ROOT, 'samples/waivers.json'), '--baseline', report],
      ['compare', report, report],
      ['preflight', SAMPLE],
      ['standards'],
      ['explain', 'child-seen'],
    ];
    for (const args of runs) {
      const run = runNode([guard], args);
      expect(run.stderr, args[0]).not.toContain('NETWORK USED');
      expect([0, 1], args.join(' ')).toContain(run.status);
    }
  });

  it('never puts free text from the export (where names live) into any report', async () => {
    const folder = exportCopy();
    const secret = 'Zebedee Quartermaine';
    const FREE_TEXT = ['risk_reason', 'no_contact_evidence', 'not_adopted_reason', 'exceptional_reason', 'not_invited_reason', 'exclusion_reason'];
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      const [header = '', ...lines] = readFileSync(file, 'utf8').split('\n');
      const columns = header.split(',');
      const targets = columns.map((column, i) => (FREE_TEXT.includes(column) ? i : -1)).filter((i) => i >= 0);
      if (targets.length === 0) continue;
      // The sample's free-text cells hold no commas or quotes, so a plain split is exact.
      const changed = lines.map((line) => {
        if (line === '') return line;
        const cells = line.split(',');
        for (const i of targets) if (cells[i] !== '') cells[i] = secret;
        return cells.join(',');
      });
      writeFileSync(file, [header, ...changed].join('\n'));
    }
    const out = fresh('no-names');
    const names = ['r.json', 'r.csv', 'r.xlsx', 'r.md', 'r.xml', 'r.html'];
    const run = runBuiltCli(['audit', folder, ...AS_OF, ...names.flatMap((name) => ['-o', join(out, name)])]);
    expect(run.status).toBe(1);
    const table = runBuiltCli(['audit', folder, ...AS_OF]);
    expect(table.stdout).not.toContain('Zebedee');
    // The pre-flight reads every row of the export here, and shows what it found in them.
    for (const format of ['table', 'json']) expect(runBuiltCli(['preflight', folder, '--all-rows', '-f', format]).stdout, `preflight -f ${format}`).not.toContain('Zebedee');
    for (const name of names) {
      const bytes = readFileSync(join(out, name));
      if (name.endsWith('.xlsx')) {
        const zip = await JSZip.loadAsync(bytes);
        for (const part of Object.values(zip.files)) if (!part.dir) expect(await part.async('string')).not.toContain('Zebedee');
      } else {
        expect(bytes.toString('utf8'), name).not.toContain('Zebedee');
      }
    }
  });
});
