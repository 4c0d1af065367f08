// The files the run reads are regular files only: a device, pipe or folder would be read forever, block, or not at all.
import { accessSync, closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** What a path that is not a regular file is, in words. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const CODES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/** A file system error in words (its code, when it has no words here). */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code === undefined ? undefined : CODES[code]) ?? (code ? `cannot be read (${code})` : String(error));
}

/** A path found to be a readable regular file (through a symbolic link or not), with its identity. */
export interface RegularFile {
  readonly symlink: boolean;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
}

/** A path refused as an input: `reason` says what it is instead of a readable regular file. */
export class NotRegularFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * What a path holds, followed through symbolic links: a readable regular file, or NotRegularFile saying why not
 * (a dangling link, a loop, a folder, a device, a pipe, no read permission). Folders are told apart by `folder`.
 */
export function inspectPath(path: string): RegularFile | { readonly folder: true; readonly symlink: boolean } {
  let own: Stats;
  try {
    own = lstatSync(path);
  } catch (error) {
    throw new NotRegularFile(reasonOf(error));
  }
  const symlink = own.isSymbolicLink();
  let target: Stats;
  try {
    target = symlink ? statSync(path) : own;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new NotRegularFile(code === 'ENOENT' ? 'a symbolic link to nothing (dangling)' : `a symbolic link that cannot be followed: ${reasonOf(error)}`);
  }
  if (target.isDirectory()) return { folder: true, symlink };
  if (!target.isFile()) throw new NotRegularFile(`${symlink ? 'a symbolic link to ' : ''}${kindOf(target).replace(/^a symbolic link to /, '')}, not a regular file`);
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw new NotRegularFile(reasonOf(error));
  }
  return { symlink, dev: target.dev, ino: target.ino, size: target.size };
}

/** A regular file's identity (device and inode), or null when the path is not one; never throws. */
export function identityOf(path: string): string | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? `${stats.dev}:${stats.ino}` : null;
  } catch {
    return null;
  }
}

const MIB = 1024 * 1024;

/** How a size limit is named in messages. */
export const sizeName = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

/**
 * A whole regular file, at most `limit` bytes. Opened without blocking (a named pipe would wait for a writer)
 * and checked on the open file itself, so what is read is what was checked.
 */
export function readRegularFile(path: string, limit: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP') inspectPath(path);
    throw new NotRegularFile(reasonOf(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFile(`${kindOf(stats)}, not a regular file`);
    if (stats.size > limit) throw new NotRegularFile(`larger than ${sizeName(limit)} (${stats.size} bytes)`);
    // One byte more than the limit is asked for: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(stats.size + 1);
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
      if (filled === buffer.length) throw new NotRegularFile(`larger than ${sizeName(limit)}, or growing while read`);
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
