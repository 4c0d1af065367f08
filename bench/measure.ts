// Runs one measurement in its own node process: wall time from spawn to exit, that process's CPU time and peak memory.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiled, OUT_FOLDER } from './paths.js';

export interface ChildRun {
  readonly wallSeconds: number;
  /** Peak resident set size of the child (getrusage maxrss), in MB of 2^20 bytes. */
  readonly peakMb: number;
  /**
   * User + system CPU time of the child, every thread (the garbage collector's helpers too). Less disturbed
   * than wall time when other processes share the cores, though not immune.
   */
  readonly cpuSeconds: number;
  readonly exitCode: number;
  readonly stdout: string;
}

interface PeakRecord {
  readonly maxRssKb: number;
  readonly vmHwmKb: number | null;
  readonly cpuMicroseconds: number;
}

let runsStarted = 0;

/**
 * `node [nodeFlags] <script> [args]` with the peak-memory hook preloaded. Each child is a fresh process, so
 * its peak is its own and no measurement inherits another's heap or JIT state.
 */
export async function runMeasured(
  script: string,
  args: readonly string[],
  options: { readonly nodeFlags?: readonly string[]; readonly okExitCodes?: readonly number[] } = {},
): Promise<ChildRun> {
  const peakFolder = join(OUT_FOLDER, 'peaks');
  mkdirSync(peakFolder, { recursive: true });
  const peakFile = join(peakFolder, `peak-${process.pid}-${++runsStarted}.json`);
  rmSync(peakFile, { force: true });
  const hook = pathToFileURL(compiled('peak-memory')).href;
  const nodeArgs = [...(options.nodeFlags ?? []), '--import', hook, script, ...args];

  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_PEAK_FILE: peakFile },
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;

  const okExitCodes = options.okExitCodes ?? [0];
  if (!okExitCodes.includes(exitCode)) {
    const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-15).join('\n');
    throw new Error(`${script} ${args.join(' ')} exited with ${exitCode}\n${tail}`);
  }
  const peak = JSON.parse(readFileSync(peakFile, 'utf8')) as PeakRecord;
  rmSync(peakFile, { force: true });
  return {
    wallSeconds,
    peakMb: (peak.vmHwmKb ?? peak.maxRssKb) / 1024,
    cpuSeconds: peak.cpuMicroseconds / 1e6,
    exitCode,
    stdout: Buffer.concat(stdout).toString('utf8'),
  };
}
