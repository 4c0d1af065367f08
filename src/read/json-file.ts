// Reads a small JSON file (config, mapping, waivers, baseline) and turns read and syntax errors into one clear line.
import type { KnownError } from '../core/errors.js';
import { JsonSyntaxError, scanJson } from './json-layout.js';
import { NotRegularFile, readRegularFile, reasonOf, sizeName } from '../core/regular-file.js';

type KnownErrorClass = new (message: string, where?: { file?: string; line?: number }, expected?: string) => KnownError;

/** The largest such file read (parsed whole): a baseline is a whole earlier report, far larger than any configuration. */
export const MAX_SETTINGS_BYTES = 256 * 1024 * 1024;

export function readJsonFile(file: string, ErrorClass: KnownErrorClass, what: string): unknown {
  let text: string;
  try {
    text = readRegularFile(file, MAX_SETTINGS_BYTES).toString('utf8');
  } catch (error) {
    const reason = error instanceof NotRegularFile ? error.reason : reasonOf(error);
    throw new ErrorClass(`cannot read ${what}: ${reason}`, { file }, `a readable JSON file of at most ${sizeName(MAX_SETTINGS_BYTES)}`);
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    // V8's message quotes the text around the fault, which may be a name or a secret: our scanner's never does.
    const syntax = scanJson(text);
    if (syntax instanceof JsonSyntaxError) {
      throw new ErrorClass(`${what} is not valid JSON: ${syntax.reason} at column ${syntax.column}`, { file, line: syntax.line });
    }
    throw new ErrorClass(`${what} is not valid JSON`, { file });
  }
}
