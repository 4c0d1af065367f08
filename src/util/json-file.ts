// Reads a small JSON file (config, mapping, waivers, baseline) and turns read and syntax errors into one clear line.
import { readFileSync } from 'node:fs';
import type { KnownError } from '../errors.js';

type KnownErrorClass = new (message: string, where?: { file?: string; line?: number }, expected?: string) => KnownError;

/** The 1-based line of a character offset in text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

export function readJsonFile(file: string, ErrorClass: KnownErrorClass, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ErrorClass(`cannot read ${what}${code ? ` (${code})` : ''}`, { file });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : lineAt(text, Number(position));
    throw new ErrorClass(
      `${what} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      line === undefined ? { file } : { file, line },
    );
  }
}
