// Turns the paths given into the input files to read: folders expanded, formats told by extension.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export type InputFormat = 'csv' | 'json' | 'ndjson';

export interface InputFile {
  /** As given on the command line, or the folder given joined with the file's name. */
  readonly path: string;
  readonly format: InputFormat;
}

const FORMATS: ReadonlyMap<string, InputFormat> = new Map([
  ['.csv', 'csv'],
  ['.json', 'json'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
]);

const INPUT_EXPECTED = 'a folder of CSV files, or .csv, .json, .ndjson or .jsonl files';

const formatOf = (path: string): InputFormat | undefined => FORMATS.get(extname(path).toLowerCase());

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

async function folderFiles(folder: string): Promise<InputFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw readError(folder, error);
  }
  const files: InputFile[] = [];
  for (const name of names.sort()) {
    const format = formatOf(name);
    if (!format) continue;
    const path = join(folder, name);
    const entry = await stat(path).catch(() => undefined);
    if (entry?.isFile()) files.push({ path, format });
  }
  if (files.length === 0) {
    throw new InputError('the folder holds no .csv, .json, .ndjson or .jsonl file', { file: folder }, INPUT_EXPECTED);
  }
  return files;
}

/**
 * Every input file, in the order given (a folder's files sorted by name, subfolders not entered).
 * A file reached twice (given twice, or both alone and through its folder) is read once.
 */
export async function listInputFiles(paths: readonly string[]): Promise<InputFile[]> {
  if (paths.length === 0) throw new InputError('no input given', {}, INPUT_EXPECTED);
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    let entry;
    try {
      entry = await stat(path);
    } catch (error) {
      throw readError(path, error);
    }
    let found: InputFile[];
    if (entry.isDirectory()) {
      found = await folderFiles(path);
    } else {
      const format = formatOf(path);
      if (!format) {
        const extension = extname(path) || 'without an extension';
        throw new InputError(`unsupported file type (${extension})`, { file: path }, INPUT_EXPECTED);
      }
      found = [{ path, format }];
    }
    for (const file of found) {
      const key = resolve(file.path);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}
