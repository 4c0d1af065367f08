// Turns the paths given into the input files to read: folders expanded, formats told by extension.
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
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
}

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

async function folderFiles(folder: string, selection: FileSelection, ignored: string[]): Promise<InputFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw readError(folder, error);
  }
  const files: InputFile[] = [];
  for (const name of names.sort()) {
    const format = formatOf(name, selection.names(name));
    if (!format) continue;
    const path = join(folder, name);
    // A table's file that cannot be read stops the run: skipped, its table would be reported as missing.
    const entry = inspected(path);
    if ('folder' in entry) throw notAFile(path, `${entry.symlink ? 'a symbolic link to ' : ''}a folder, not a file`);
    if (selection.ignores(path)) ignored.push(path);
    else files.push({ path, format, symlink: entry.symlink, size: entry.size });
  }
  if (files.length === 0 && ignored.length === 0) {
    throw new InputError(`the folder holds no ${extensionList} file`, { file: folder }, INPUT_EXPECTED);
  }
  return files;
}

/** The files to read, and those left out because the mapping's `ignore` list names them. */
export interface InputFiles {
  readonly files: InputFile[];
  readonly ignored: string[];
}

/**
 * Every input file, in the order given (a folder's files sorted by name, subfolders not entered).
 * A file reached twice (given twice, or both alone and through its folder) is read once.
 */
export async function listInputFiles(paths: readonly string[], selection: FileSelection = NO_SELECTION): Promise<InputFiles> {
  if (paths.length === 0) throw new InputError('no input given', {}, INPUT_EXPECTED);
  const files: InputFile[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const entry = inspected(path, INPUT_EXPECTED);
    let found: InputFile[];
    if ('folder' in entry) {
      found = await folderFiles(path, selection, ignored);
    } else {
      const format = formatOf(path, true);
      if (!format) {
        const extension = extname(path) || 'without an extension';
        throw new InputError(`unsupported file type (${extension})`, { file: path }, INPUT_EXPECTED);
      }
      if (selection.ignores(path)) {
        ignored.push(path);
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
  return { files, ignored };
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
