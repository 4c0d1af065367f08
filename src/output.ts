// Writes a report file whole or not at all: to a temporary file beside it, then renamed into place.
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

/** A report's bytes: whole, or as pieces of text written in order (see formatJsonPieces). */
export type ReportContent = string | Uint8Array | Iterable<string>;

/** Writes text pieces to a new file, one piece on its way to the disk while the next is made. */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  // writeFile, not write: it goes on until the whole piece is out (a full disk raises ENOSPC rather than
  // leaving a short piece behind), and on a handle each call continues where the last one ended.
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (const piece of pieces) {
      await writing;
      writing = handle.writeFile(piece);
    }
    await writing;
  } catch (error) {
    // A piece that failed to be made leaves a write in flight: it ends (or fails) before the file is closed,
    // and the first failure is the one reported.
    await writing.catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/**
 * Writes several report files all or none: each goes to a temporary file beside its target first, and only when
 * every one was written are they renamed into place. A scheduler that sees exit 2 finds no new file of the run.
 */
export async function writeAllWhole(outputs: readonly { readonly file: string; readonly content: ReportContent }[]): Promise<void> {
  const staged: { temporary: string; file: string }[] = [];
  const discard = () => {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
  };
  for (const { file, content } of outputs) {
    const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${staged.length}.partial`);
    try {
      // A folder as the target would only fail at the rename, after other files were put in place.
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory() === true) {
        throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      }
      if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temporary, content);
      else await writePieces(temporary, content);
    } catch (error) {
      rmSync(temporary, { force: true });
      discard();
      const code = (error as NodeJS.ErrnoException).code;
      // Not a file system error (a formatter's fault while its pieces were being written): not the user's path.
      if (code === undefined) throw error;
      throw new InputError(`cannot write the report${code ? ` (${code})` : ''}`, { file }, 'a writable path');
    }
    staged.push({ temporary, file });
  }
  for (const [index, { temporary, file }] of staged.entries()) {
    try {
      renameSync(temporary, file);
    } catch (error) {
      // Only the ones not yet renamed can be taken back (a rename within a folder almost never fails).
      for (const rest of staged.slice(index)) rmSync(rest.temporary, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot write the report${code ? ` (${code})` : ''}`, { file }, 'a writable path');
    }
  }
}
