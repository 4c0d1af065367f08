// What a command writes to and how a run ends: the streams, today's date, the exit codes of CLI.md, and the lines every command may print.
import { type IsoDate } from '../core/dates.js';
import { terminalText } from '../core/safe-text.js';
import { recoverInterrupted } from './output.js';

export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  /** A terminal's width in columns (process.stdout has it when it is one). */
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date, for the default as-of. */
  readonly today: () => IsoDate;
}

export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** Says on stderr what an earlier run stopped while writing these reports left behind (and was cleaned up). */
export function reportInterrupted(targets: readonly string[], io: CliIo): void {
  for (const note of recoverInterrupted(targets)) io.stderr.write(`practice-audit: warning: ${terminalText(note)}\n`);
}

/** A file's size for a person: bytes, kB or MB (decimal, one place). */
export function sizeLabel(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

