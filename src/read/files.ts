// Turns the paths given into the input files to read: folders expanded, formats told by extension.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { inspectPath, NotRegularFile } from '../core/regular-file.js';

import { FOLDER_EXTENSIONS, INPUT_FORMATS, type InputFormat } from './formats.js';

export type { InputFormat } from './formats.js';

export interface InputFile {
  /** As given on the command line, or the folder given joined with the file's name. */
  readonly path: string;
  readonly format: InputFormat;
  /** Reached through a symbolic link (to a regular file: links to anything else are refused). */
  readonly symlink: boolean;
  /** Its size in bytes when it was listed (for the memory estimate). */
  readonly size: number;
  /** Found in a folder given, not named itself: a workbook of no table there is skipped, not an error. */
  readonly inFolder?: true;
}

/** A file found but not read, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

/** Excel's (`~$book.xlsx`) and LibreOffice's (`.~lock.book.xlsx#`) lock files: never data. */
const isLockFile = (name: string): boolean => name.startsWith('~$') || name.startsWith('.~lock.');

/**
 * Whether a JSON or delimited file is a report practice-audit wrote (last month's, left in the export folder): its
 * JSON report names the tool at the top, its CSV report starts with its own header.
 */
function isOwnReport(path: string, format: InputFormat): boolean {
  if (format !== 'json' && format !== 'csv' && format !== 'ndjson') return false;
  let handle: number | undefined;
  try {
    handle = openSync(path, 'r');
    const buffer = Buffer.alloc(512);
    const head = buffer.subarray(0, readSync(handle, buffer, 0, 512, 0)).toString('utf8').replace(/^\uFEFF/, '');
    if (format === 'csv') return head.startsWith('"status","case","standard","severity"');
    return /^\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"practice-audit"/.test(head);
  } catch {
    // Unreadable here: the reader meets it and says so with the file's name.
    return false;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

const OWN_REPORT = "a practice-audit report (an earlier run's output), not an export";

const FORMATS: ReadonlyMap<string, InputFormat> = new Map(
  INPUT_FORMATS.flatMap((format) => format.extensions.map((extension) => [extension, format.name] as const)),
);

const NAMED_FORMATS: ReadonlyMap<string, InputFormat> = new Map(
  INPUT_FORMATS.flatMap((format) => format.namedExtensions.map((extension) => [extension, format.name] as const)),
);

/** `.csv, .tsv, .json, .ndjson or .jsonl`: every extension a folder's file is read by. */
const extensionList = `${FOLDER_EXTENSIONS.slice(0, -1).join(', ')} or ${FOLDER_EXTENSIONS.at(-1) ?? ''}`;

const INPUT_EXPECTED = `a folder of CSV files, or ${extensionList} files`;

const formatOf = (path: string, named: boolean): InputFormat | undefined => {
  const extension = extname(path).toLowerCase();
  return FORMATS.get(extension) ?? (named ? NAMED_FORMATS.get(extension) : undefined);
};

/** What a mapping says about input files: which it names and which it ignores. */
export interface FileSelection {
  names(path: string): boolean;
  ignores(path: string): boolean;
}

const NO_SELECTION: FileSelection = { names: () => false, ignores: () => false };

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files',
};

/** Whether an error comes from the file system (and so is the user's to fix), not from a bug. */
export const isFileSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';

/** A file system failure as the one-line error the user sees. */
export function readError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : REASONS[code];
  const reason = known ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`cannot read: ${reason}`, { file }, INPUT_EXPECTED);
}

const REGULAR_EXPECTED = 'a readable regular file (or a symbolic link to one)';

const notAFile = (path: string, reason: string, expected = REGULAR_EXPECTED): InputError =>
  new InputError(`cannot read: ${reason}`, { file: path }, expected);

/** A path as a readable regular file or a folder; anything else (a dangling link, a device, a pipe) is an error. */
function inspected(path: string, expected = REGULAR_EXPECTED): ReturnType<typeof inspectPath> {
  try {
    return inspectPath(path);
  } catch (error) {
    if (error instanceof NotRegularFile) throw notAFile(path, error.reason, expected);
    throw error;
  }
}

async function folderFiles(folder: string, selection: FileSelection, ignored: string[], skipped: SkippedFile[]): Promise<InputFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw readError(folder, error);
  }
  const files: InputFile[] = [];
  for (const name of names.sort()) {
    const path = join(folder, name);
    if (isLockFile(name)) {
      skipped.push({ file: path, reason: 'an Office lock file (the workbook is open in Excel)' });
      continue;
    }
    // Hidden files (.DS_Store, .gitkeep) are the file system's or a tool's, never an export: passed over in silence.
    if (name.startsWith('.')) continue;
    const format = formatOf(name, selection.names(name));
    if (!format) {
      if (!selection.ignores(path)) skipped.push({ file: path, reason: `not a file type practice-audit reads (${extname(name) || 'no extension'})` });
      continue;
    }
    // A table's file that cannot be read stops the run: skipped, its table would be reported as missing.
    const entry = inspected(path);
    if ('folder' in entry) throw notAFile(path, `${entry.symlink ? 'a symbolic link to ' : ''}a folder, not a file`);
    if (selection.ignores(path)) ignored.push(path);
    else if (!selection.names(path) && isOwnReport(path, format)) skipped.push({ file: path, reason: OWN_REPORT });
    else files.push({ path, format, symlink: entry.symlink, size: entry.size, inFolder: true });
  }
  if (files.length === 0 && ignored.length === 0) {
    throw new InputError(`the folder holds no ${extensionList} file`, { file: folder }, INPUT_EXPECTED);
  }
  return files;
}

/** The files to read, those left out because the mapping's `ignore` list names them, and those skipped. */
export interface InputFiles {
  readonly files: InputFile[];
  readonly ignored: string[];
  /** Files found but not read (lock files, other file types, the tool's own reports), in the order met. */
  readonly skipped: SkippedFile[];
}

/**
 * Every input file, in the order given (a folder's files sorted by name, subfolders not entered).
 * A file reached twice (given twice, or both alone and through its folder) is read once.
 */
export async function listInputFiles(paths: readonly string[], selection: FileSelection = NO_SELECTION): Promise<InputFiles> {
  if (paths.length === 0) throw new InputError('no input given', {}, INPUT_EXPECTED);
  const files: InputFile[] = [];
  const ignored: string[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const entry = inspected(path, INPUT_EXPECTED);
    let found: InputFile[];
    if ('folder' in entry) {
      found = await folderFiles(path, selection, ignored, skipped);
    } else {
      const format = formatOf(path, true);
      if (!format || isLockFile(basename(path))) {
        skipped.push({
          file: path,
          reason: format ? 'an Office lock file (the workbook is open in Excel)' : `not a file type practice-audit reads (${extname(path) || 'no extension'})`,
        });
        continue;
      }
      if (selection.ignores(path)) {
        ignored.push(path);
        continue;
      }
      if (!selection.names(path) && isOwnReport(path, format)) {
        skipped.push({ file: path, reason: OWN_REPORT });
        continue;
      }
      found = [{ path, format, symlink: entry.symlink, size: entry.size }];
    }
    for (const file of found) {
      const key = resolve(file.path);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  if (files.length === 0 && ignored.length === 0 && skipped.length > 0) {
    const [first] = skipped;
    throw new InputError(`nothing to read: ${skipped.length === 1 ? `the only input was skipped, ${first?.reason ?? ''}` : `all ${skipped.length} inputs were skipped`}`, { file: first?.file ?? '' }, INPUT_EXPECTED);
  }
  return { files, ignored, skipped };
}

/**
 * Every file the inputs could name, known before anything is read (no mapping yet): the files given, and the
 * files in the folders given whose extension is read. For checking report paths against the inputs early.
 */
export function namedInputFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    let names: string[] | null;
    try {
      names = readdirSync(path);
    } catch {
      names = null;
    }
    if (names === null) found.push(path);
    else found.push(...names.filter((name) => formatOf(name, false) !== undefined).map((name) => join(path, name)));
  }
  return found;
}
