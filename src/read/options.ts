// The input options shared by audit and preflight: --mapping (or the configuration's), --encoding, --delimiter.
import { dirname, isAbsolute, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseDelimiter, type Delimiter } from './dialect.js';
import { readMappingFile, type Mapping } from './mapping.js';
import { TEXT_ENCODINGS, type TextEncoding } from './text.js';

/** The options as commander hands them over. */
export interface InputArguments {
  readonly mapping?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
}

export interface InputOptions {
  readonly mapping: Mapping | undefined;
  readonly encoding: TextEncoding | undefined;
  readonly delimiter: Delimiter | undefined;
}

export const INPUT_OPTION_HELP = {
  mapping: 'mapping file (JSON): the export\'s file, column and value names onto the input contract (overrides the configuration\'s)',
  encoding: `encoding of text inputs: ${TEXT_ENCODINGS.join(', ')} (default: the byte-order mark, else UTF-8)`,
  delimiter: 'cell separator of delimited text: , ; | or tab (default: told from the header line)',
} as const;

const ENCODING_SPELLINGS: ReadonlyMap<string, TextEncoding> = new Map([
  ['utf8', 'utf8'],
  ['utf-8', 'utf8'],
  ['utf16le', 'utf16le'],
  ['utf-16le', 'utf16le'],
  ['utf16be', 'utf16be'],
  ['utf-16be', 'utf16be'],
  ['windows-1252', 'windows-1252'],
  ['windows1252', 'windows-1252'],
  ['cp1252', 'windows-1252'],
]);

export function parseEncoding(value: string): TextEncoding {
  const encoding = ENCODING_SPELLINGS.get(value.trim().toLowerCase());
  if (encoding === undefined) throw new UsageError(`--encoding "${value}" is not recognised`, {}, `one of ${TEXT_ENCODINGS.join(', ')}`);
  return encoding;
}

/**
 * Reads the options: the mapping named by --mapping (relative to the working folder) or, failing that, by
 * the configuration file's `mapping` (relative to the configuration file, so the two can travel together).
 */
export function inputOptions(args: InputArguments, configMapping: string | null, configFile: string | undefined): InputOptions {
  const fromConfig =
    configMapping === null
      ? undefined
      : isAbsolute(configMapping) || configFile === undefined
        ? configMapping
        : resolve(dirname(configFile), configMapping);
  const mappingFile = args.mapping ?? fromConfig;
  return {
    mapping: mappingFile === undefined ? undefined : readMappingFile(mappingFile),
    encoding: args.encoding === undefined ? undefined : parseEncoding(args.encoding),
    delimiter: args.delimiter === undefined ? undefined : parseDelimiter(args.delimiter),
  };
}
