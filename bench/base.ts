// Builds an earlier commit of the project in a temporary folder, for the bench to compare the audit against, and removes it again.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './paths.js';

const execFileAsync = promisify(execFile);

export interface BaseBuild {
  readonly ref: string;
  readonly commit: string;
  readonly subject: string;
  /** The temporary folder holding the tree; removeBase(folder) deletes it. */
  readonly folder: string;
  readonly cli: string;
  readonly buildSeconds: number;
  readonly lockfileDiffers: boolean;
}

async function git(args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return stdout.trimEnd();
}

/** The commit a ref names, or undefined when there is none (a shallow clone has no HEAD~1). */
export async function resolveRef(ref: string): Promise<{ commit: string; short: string; subject: string } | undefined> {
  try {
    const commit = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    const [short = commit, subject = ''] = (await git(['log', '-1', '--format=%h%x00%s', commit])).split('\0');
    return { commit, short, subject };
  } catch {
    return undefined;
  }
}

// Every folder made and not yet removed: a run stopped by a signal or an uncaught error must not leave a built tree in /tmp.
const live = new Set<string>();
// The build under way, in a process group of its own: stopping only npm would leave tsc writing into a folder being removed.
let building: ChildProcess | undefined;

export function removeBase(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  live.delete(folder);
}

let handlersInstalled = false;
function removeOnExit(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const removeAll = (): void => {
    if (building?.pid !== undefined && building.exitCode === null) {
      try {
        process.kill(-building.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const folder of [...live]) removeBase(folder);
  };
  // 'exit' covers a normal end and an uncaught error; a signal's default action would skip it.
  process.on('exit', removeAll);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removeAll();
      process.exit(code);
    });
  }
}

/** Runs a command, keeping its output for the error message only: a build's chatter is no part of the bench's log. */
function runQuietly(file: string, args: readonly string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    building = child;
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      building = undefined;
      if (code === 0) return resolve();
      const tail = Buffer.concat(output).toString('utf8').trim().split('\n').slice(-20).join('\n');
      reject(new Error(`${file} ${args.join(' ')} in ${cwd} ended with ${code ?? signal ?? 'nothing'}\n${tail}`));
    });
  });
}

const sameFile = (a: string, b: string): boolean => existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));

/**
 * The commit `ref` names, extracted by `git archive` (no worktree to register and forget, and the user's checkout is
 * never touched) into a temporary folder, given this tree's node_modules through a symbolic link, and built with its
 * own `npm run build`. On any failure the folder is removed before the error is passed on.
 */
export async function buildBase(ref: string, log: (line: string) => void): Promise<BaseBuild> {
  const resolved = await resolveRef(ref);
  if (resolved === undefined) throw new Error(`bench: "${ref}" names no commit in ${PROJECT_ROOT}`);
  removeOnExit();
  const folder = mkdtempSync(join(tmpdir(), 'practice-audit-bench-base-'));
  live.add(folder);
  try {
    const tree = join(folder, 'tree');
    const archive = join(folder, 'base.tar');
    mkdirSync(tree);
    await git(['archive', '--format=tar', '-o', archive, resolved.commit]);
    await runQuietly('tar', ['-xf', archive, '-C', tree], folder);
    rmSync(archive);
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    log(`building ${ref} (${resolved.short}) in ${tree}`);
    const started = performance.now();
    await runQuietly('npm', ['run', 'build'], tree);
    const buildSeconds = (performance.now() - started) / 1000;
    const cli = join(tree, 'bin', 'practice-audit.js');
    if (!existsSync(cli)) throw new Error(`bench: ${ref} (${resolved.short}) has no bin/practice-audit.js to run`);
    log(`  built in ${buildSeconds.toFixed(1)} s`);
    return {
      ref,
      commit: resolved.short,
      subject: resolved.subject,
      folder,
      cli,
      buildSeconds,
      lockfileDiffers: !sameFile(join(tree, 'package-lock.json'), join(PROJECT_ROOT, 'package-lock.json')),
    };
  } catch (error) {
    removeBase(folder);
    throw error;
  }
}
