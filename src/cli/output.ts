// Writes report files only to regular files, all or none: exclusive temporary files beside each target, flushed, renamed in one commit.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFile, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import { KnownError, OutputError, UsageError } from '../core/errors.js';
import { identityOf, kindOf, reasonOf } from '../core/regular-file.js';

/** A report's bytes: whole, or as pieces of text written in order (see formatJsonPieces). */
export type ReportContent = string | Uint8Array | Iterable<string>;

const TEMPORARY_SUFFIX = '.practice-audit-partial';
const JOURNAL_SUFFIX = '.practice-audit-journal';
/** The journal's second line, written (and flushed) just before the first rename. */
const COMMIT_MARK = 'commit';

/** 96 random bits: a name no one can plant a link at in advance. */
const token = (): string => randomBytes(12).toString('hex');

/** A report's temporary file: hidden, beside it (a rename within one folder is atomic), under a random name. */
export const temporaryName = (file: string, random: string): string =>
  join(dirname(file), `.${basename(file)}.${random}${TEMPORARY_SUFFIX}`);

/** The journal of a commit beside each report it replaces: a run stopped half way is found by the next. */
export const journalName = (file: string): string => join(dirname(file), `.${basename(file)}${JOURNAL_SUFFIX}`);

const isTemporaryOf = (temporary: string, file: string): boolean => {
  if (dirname(temporary) !== dirname(file)) return false;
  const name = basename(temporary);
  const prefix = `.${basename(file)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{24}\.practice-audit-partial$/.test(name.slice(prefix.length));
};

/**
 * Files this run created and has not yet committed. A signal before the commit removes them (see
 * discardUncommitted); the commit itself runs without yielding, so no signal handler can run in its middle.
 */
const uncommitted = new Set<string>();

/** Removes every temporary file and journal of a write not yet committed (on SIGINT/SIGTERM, or a failure). */
export function discardUncommitted(): void {
  for (const path of uncommitted) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing of it is left to remove.
    }
  }
  uncommitted.clear();
}

const TARGET_EXPECTED =
  'a regular file or a new name in an existing folder; to discard or pipe the report, leave out -o and redirect standard output';

/** Refuses a report path that is neither a regular file nor a new name in an existing folder. */
function checkTarget(file: string): void {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new OutputError(`cannot write the report here: ${reasonOf(error)}`, { file }, TARGET_EXPECTED);
    }
    const folder = statSync(dirname(file), { throwIfNoEntry: false });
    if (folder?.isDirectory() !== true) throw new OutputError('cannot write the report: its folder does not exist', { file }, TARGET_EXPECTED);
    return;
  }
  // A link is refused, not followed nor replaced: either would write somewhere the user did not name.
  if (!stats.isFile() || stats.isSymbolicLink()) throw new OutputError(`cannot write the report over ${kindOf(stats)}`, { file }, TARGET_EXPECTED);
}

/**
 * Checks the report paths before the run reads anything: each a regular file or a new name in a folder, none
 * named twice, and none a file the run reads (`reads`: compared by device and inode, so another name for the
 * same file is caught too).
 */
export function checkOutputTargets(files: readonly string[], reads: readonly string[]): void {
  const named = new Map<string, string>();
  for (const file of files) {
    checkTarget(file);
    for (const key of [resolve(file), identityOf(file)]) {
      if (key === null) continue;
      const earlier = named.get(key);
      if (earlier !== undefined) throw new UsageError(`-o names the same file twice (${earlier} and ${file})`, {}, 'a different file for each -o');
      named.set(key, file);
    }
  }
  const read = new Map<string, string>();
  for (const path of reads) {
    const identity = identityOf(path);
    if (identity !== null) read.set(identity, path);
  }
  for (const file of files) {
    const identity = identityOf(file);
    const input = identity === null ? undefined : read.get(identity);
    if (input !== undefined) {
      throw new UsageError(
        `-o names a file the run reads (${input}): the report would replace it`,
        { file },
        'a report path apart from the export, configuration, mapping, waiver and baseline files',
      );
    }
  }
}

interface JournalEntry {
  readonly file: string;
  readonly temporary: string;
}

interface Journal {
  readonly run: string;
  readonly files: readonly JournalEntry[];
  readonly committed: boolean;
}

/** The journal's first line; any other shape is not a journal of this tool. */
function parseJournal(text: string): Journal | null {
  const [first, second] = text.split('\n');
  try {
    const value = JSON.parse(first ?? '') as { run?: unknown; files?: unknown };
    if (typeof value.run !== 'string' || !Array.isArray(value.files)) return null;
    const files = (value.files as unknown[]).filter(
      (entry): entry is JournalEntry =>
        typeof (entry as JournalEntry | null)?.file === 'string' && typeof (entry as JournalEntry).temporary === 'string',
    );
    return { run: value.run, files, committed: second === COMMIT_MARK };
  } catch {
    return null;
  }
}

const MAX_JOURNAL_BYTES = 1024 * 1024;

/** A journal's content, or null when it cannot be read or is not a journal of this tool. */
function readJournal(path: string): Journal | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(MAX_JOURNAL_BYTES);
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += read;
      if (read === 0 || filled === buffer.length) break;
    }
    return parseJournal(buffer.subarray(0, filled).toString('utf8'));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

const isRegularFile = (path: string): boolean => {
  try {
    const stats = lstatSync(path);
    return stats.isFile() && !stats.isSymbolicLink();
  } catch {
    return false;
  }
};

const removeQuietly = (path: string): boolean => {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
};

const listed = (files: readonly string[]): string => files.join(', ');

/**
 * Finds what an earlier run stopped while writing reports to these paths left (its journal beside any of
 * them), removes the temporary files the journal names (only names this tool gives, beside their report)
 * and the journal, and returns what the user should know: which reports were replaced and which were not.
 */
export function recoverInterrupted(files: readonly string[]): string[] {
  const notes: string[] = [];
  const handled = new Set<string>();
  for (const given of files) {
    const journalPath = journalName(resolve(given));
    if (handled.has(journalPath)) continue;
    handled.add(journalPath);
    let stats;
    try {
      stats = lstatSync(journalPath);
    } catch {
      continue;
    }
    if (!stats.isFile() || stats.isSymbolicLink()) {
      throw new UsageError(
        `${kindOf(stats)} is in the way of the journal practice-audit keeps while it replaces reports`,
        { file: journalPath },
        'nothing at this name: remove it',
      );
    }
    const journal = readJournal(journalPath);
    removeQuietly(journalPath);
    if (journal === null) {
      // A journal is complete before any temporary file is made: a torn one means nothing was written yet.
      notes.push(`${journalPath}: an earlier run was stopped as it began writing its reports; none was replaced, its journal is removed`);
      continue;
    }
    const entries = journal.files.filter((entry) => isTemporaryOf(entry.temporary, entry.file));
    for (const entry of entries) {
      const sibling = journalName(entry.file);
      if (handled.has(sibling)) continue;
      if (isRegularFile(sibling) && readJournal(sibling)?.run === journal.run) {
        removeQuietly(sibling);
        handled.add(sibling);
      }
    }
    const left = entries.filter((entry) => isRegularFile(entry.temporary));
    for (const entry of left) removeQuietly(entry.temporary);
    const removed = left.length === 0 ? '' : `; removed its ${left.length} temporary file${left.length === 1 ? '' : 's'}`;
    const all = entries.map((entry) => entry.file);
    if (!journal.committed) {
      notes.push(`an earlier run was stopped before it replaced any of its reports (${listed(all)}): they are as they were${removed}`);
    } else if (left.length === 0) {
      notes.push(`an earlier run was stopped after it had replaced all its reports (${listed(all)})${removed}`);
    } else {
      const replaced = entries.filter((entry) => !left.includes(entry)).map((entry) => entry.file);
      notes.push(
        `an earlier run was stopped while replacing its reports: ${listed(replaced)} replaced, ${listed(left.map((entry) => entry.file))} not: they are from different runs${removed}`,
      );
    }
  }
  return notes;
}

/** Creates a file that did not exist (never through a link: O_EXCL), for this run only. */
function createExclusive(path: string): number {
  const fd = openSync(path, 'wx', 0o666);
  uncommitted.add(path);
  return fd;
}

function writeWholeSync(path: string, content: string | Uint8Array): void {
  const fd = createExclusive(path);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const writeAll = promisify(writeFile);

/** Writes text pieces to a new file, one piece on its way to the disk while the next is made. */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  // Created synchronously, in the same turn as it is recorded: a signal can never find it made but unrecorded.
  const fd = createExclusive(file);
  // writeFile, not write: it goes on until the whole piece is out (a full disk raises ENOSPC rather than
  // leaving a short piece behind), and on a descriptor each call continues where the last one ended.
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (const piece of pieces) {
      await writing;
      writing = writeAll(fd, piece);
    }
    await writing;
    fsyncSync(fd);
  } catch (error) {
    // A piece that failed to be made leaves a write in flight: it ends (or fails) before the file is closed,
    // and the first failure is the one reported.
    await writing.catch(() => undefined);
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** Flushes the folders' entries, so the renames themselves survive a power cut. */
function syncFolders(folders: Iterable<string>): void {
  for (const folder of folders) {
    try {
      const fd = openSync(folder, constants.O_RDONLY);
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Some file systems cannot flush a folder; the data itself was flushed before the rename.
    }
  }
}

const writeFailure = (error: unknown, file: string): Error => {
  const code = (error as NodeJS.ErrnoException).code;
  // Not a file system error (a formatter's fault while its pieces were being written): not the user's path.
  if (code === undefined) return error as Error;
  return new OutputError(`cannot write the report (${code})`, { file }, 'a writable path');
};

/**
 * Writes several report files all or none. A journal naming every temporary file goes beside each report
 * first; each report is written to its own temporary file (created exclusively, flushed); then the journals
 * are marked and every temporary file renamed over its report, and the journals removed. Stopped before the
 * mark (an error, a signal), nothing of the run is left; killed between renames, the next run is told.
 */
export async function writeAllWhole(outputs: readonly { readonly file: string; readonly content: ReportContent }[]): Promise<void> {
  if (outputs.length === 0) return;
  for (const { file } of outputs) checkTarget(file);
  const staged = outputs.map(({ file, content }) => {
    const absolute = resolve(file);
    return { given: file, file: absolute, content, temporary: temporaryName(absolute, token()) };
  });
  const journals = [...new Set(staged.map(({ file }) => journalName(file)))];
  const record = `${JSON.stringify({ tool: 'practice-audit', run: token(), files: staged.map(({ file, temporary }) => ({ file, temporary })) })}\n`;
  let current = staged[0]?.given ?? '';
  try {
    for (const journal of journals) writeWholeSync(journal, record);
    for (const { given, temporary, content } of staged) {
      current = given;
      if (typeof content === 'string' || content instanceof Uint8Array) writeWholeSync(temporary, content);
      else await writePieces(temporary, content);
    }
  } catch (error) {
    discardUncommitted();
    throw writeFailure(error, current);
  }
  commit(staged, journals);
}

/** The renames, without yielding to the event loop: a SIGINT or SIGTERM is handled before or after, never between. */
function commit(staged: readonly { given: string; file: string; temporary: string }[], journals: readonly string[]): void {
  try {
    // A report path that changed under the run (now a link or a folder) stops it before any rename.
    for (const { given } of staged) checkTarget(given);
    for (const journal of journals) {
      const fd = openSync(journal, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
      try {
        writeSync(fd, `${COMMIT_MARK}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    discardUncommitted();
    throw error instanceof KnownError ? error : writeFailure(error, staged[0]?.given ?? '');
  }
  const replaced: string[] = [];
  for (const { given, file, temporary } of staged) {
    try {
      renameSync(temporary, file);
      uncommitted.delete(temporary);
      replaced.push(given);
    } catch (error) {
      // Only the ones not yet renamed can be taken back (a rename within a folder almost never fails).
      discardUncommitted();
      const code = (error as NodeJS.ErrnoException).code;
      const partly = replaced.length === 0 ? '' : `; ${listed(replaced)} already replaced`;
      throw new OutputError(`cannot write the report (${code ?? 'rename failed'})${partly}`, { file: given }, 'a writable path');
    }
  }
  syncFolders(new Set(staged.map(({ file }) => dirname(file))));
  for (const journal of journals) {
    removeQuietly(journal);
    uncommitted.delete(journal);
  }
}

/**
 * A format rendered whole whose text would pass V8's longest string (about 512 MB) is an output error with what to
 * do, not a RangeError and its stack trace.
 */
export async function tooLongAsError<T>(format: string, render: () => T | Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof RangeError && /Invalid string length|Cannot create a string longer/.test(error.message)) {
      throw new OutputError(
        `the ${format} report is longer than the longest text Node can hold (about 512 MB)`,
        {},
        'JSON (-f json, written piece by piece), or a smaller report: --only, --from/--to, or the export split by case',
      );
    }
    throw error;
  }
}
