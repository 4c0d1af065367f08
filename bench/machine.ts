// What the bench ran on: cores, memory, CPU, node, date, and which commit of the project (and whether it was edited).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { PROJECT_ROOT } from './paths.js';

export interface Machine {
  readonly nproc: string;
  readonly memory: string;
  readonly cpuModel: string;
  readonly node: string;
  readonly date: string;
  readonly commit: string;
  /** Files under src/, checks/ and bench/ that differ from the commit: the numbers are for the tree as it was. */
  readonly uncommitted: readonly string[];
}

function command(file: string, args: readonly string[]): string | undefined {
  try {
    // Only the end is trimmed: leading spaces are columns (`free -h`) and status flags (`git status --porcelain`).
    return execFileSync(file, args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return undefined;
  }
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // No /proc (not Linux): fall through to what node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(): Machine {
  const status = command('git', ['status', '--porcelain', '--', 'src', 'checks', 'bench']) ?? '';
  return {
    nproc: command('nproc', [])?.trim() ?? String(availableParallelism()),
    memory: command('free', ['-h']) ?? `${(totalmem() / 2 ** 30).toFixed(1)} GiB total`,
    cpuModel: cpuModel(),
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: command('git', ['rev-parse', '--short', 'HEAD'])?.trim() ?? 'unknown',
    uncommitted: status
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.slice(3)),
  };
}
