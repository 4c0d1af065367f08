// The command line: parses arguments, runs a command and returns its exit code (only bin/ sets process.exitCode).
import { Command, CommanderError, Option } from 'commander';
import { CHECKS } from '../checks/index.js';
import { readConfigFile, resolveConfig, type ConfigFile } from './config/config.js';
import { REGIONS, type Region } from './dates/calendar.js';
import { runAudit } from './engine/audit.js';
import { findStandard, INTEGRITY, STANDARD_IDS } from './engine/catalogue.js';
import { KnownError, UsageError } from './errors.js';
import { renderIntegrityPage, renderStandardPage } from './explain.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from './formatters/index.js';
import { loadExport } from './load/index.js';
import { DATE_FORMS, parseDate, UnreadableDate } from './load/values.js';
import type { IsoDate } from './model/types.js';
import { writeWhole } from './output.js';
import { renderStandardsList } from './standards-list.js';
import { VERSION } from './version.js';

export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date, for the default as-of. */
  readonly today: () => IsoDate;
}

export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface AuditOptions {
  readonly format: string[];
  readonly output: string[];
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly config?: string;
  readonly only?: string;
  readonly failOn: string;
  readonly region?: string;
  readonly groupBy?: string;
  readonly quiet?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A date given on the command line: read exactly as a date cell of the export is. */
export function parseDateArgument(value: string, option: string): IsoDate {
  const date = parseDate(value.trim());
  if (date instanceof UnreadableDate) throw new UsageError(`${option} "${value}": ${date.reason}`, {}, DATE_FORMS);
  return date;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} "${value}" is not recognised`, {}, `one of ${allowed.join(', ')}`);
}

const EXTENSIONS: Readonly<Record<string, FormatName>> = {
  json: 'json',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  xml: 'junit',
  html: 'html',
  htm: 'html',
  xlsx: 'xlsx',
  txt: 'table',
};

/** Pairs each -f with the -o in the same position; an -o without -f takes its format from its extension. */
export function pairOutputs(formats: readonly string[], outputs: readonly string[]): { format: FormatName; file: string | null }[] {
  const pairs: { format: FormatName; file: string | null }[] = [];
  const count = Math.max(formats.length, outputs.length, 1);
  for (let i = 0; i < count; i += 1) {
    const file = outputs[i] ?? null;
    const given = formats[i];
    let format: FormatName;
    if (given !== undefined) {
      format = oneOf(given, FORMAT_NAMES, '--format');
    } else if (file !== null) {
      const extension = file.split('.').pop()?.toLowerCase() ?? '';
      const inferred = EXTENSIONS[extension];
      if (!inferred) {
        throw new UsageError(`cannot tell the format of --output "${file}" from its extension`, {}, `-f before -o, one of ${FORMAT_NAMES.join(', ')}`);
      }
      format = inferred;
    } else {
      format = 'table';
    }
    pairs.push({ format, file });
  }
  if (pairs.filter((p) => p.file === null).length > 1) {
    throw new UsageError('several formats would be written to standard output', {}, 'an -o <file> after each -f except one');
  }
  const binaryToStdout = pairs.find((p) => p.file === null && p.format === 'xlsx');
  if (binaryToStdout) throw new UsageError('the xlsx format is a binary workbook and needs -o <file>');
  return pairs;
}

async function audit(paths: string[], options: AuditOptions, io: CliIo): Promise<number> {
  const outputs = pairOutputs(options.format, options.output);
  const asOf = options.asOf === undefined ? io.today() : parseDateArgument(options.asOf, '--as-of');
  const from = options.from === undefined ? null : parseDateArgument(options.from, '--from');
  const to = options.to === undefined ? null : parseDateArgument(options.to, '--to');
  if (from !== null && to !== null && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const failOn = oneOf<FailOn>(options.failOn, FAIL_ON, '--fail-on');
  const groupBy = options.groupBy === undefined ? 'team' : oneOf(options.groupBy, ['team', 'worker'] as const, '--group-by');
  const only = options.only === undefined ? null : parseOnly(options.only);

  const configFile: ConfigFile = options.config === undefined ? {} : readConfigFile(options.config);
  const config = resolveConfig(configFile, CHECKS, INTEGRITY, options.config);
  const region: Region = options.region === undefined ? config.region : oneOf(options.region, REGIONS, '--region');

  const showProgress = io.stderr.isTTY === true && !options.quiet;
  const loaded = await loadExport(paths, {
    ...(showProgress
      ? { onProgress: ({ file, rows }) => io.stderr.write(`\rreading ${file}: ${rows.toLocaleString('en-GB')} rows`) }
      : {}),
  });
  if (showProgress) io.stderr.write('\r\x1b[K');

  const report = runAudit(loaded, CHECKS, INTEGRITY, {
    asOf,
    period: { from, to },
    region,
    standards: config.standards,
    only,
  });

  const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  for (const { format, file } of outputs) {
    const rendered = await FORMATTERS[format](report, { color: file === null && color, groupBy });
    if (file === null) io.stdout.write(rendered);
    else writeWhole(file, rendered);
  }

  const failing = report.findings.filter((f) => (failOn === 'never' ? false : failOn === 'warning' || f.severity === 'error'));
  return failing.length > 0 ? EXIT.findings : EXIT.ok;
}

function parseOnly(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const unknown = ids.filter((id) => !STANDARD_IDS.includes(id));
  if (unknown.length > 0 || ids.length === 0) {
    throw new UsageError(`--only names unknown standard${unknown.length > 1 ? 's' : ''} ${unknown.join(', ') || '(none given)'}`, {}, 'ids listed by `practice-audit standards`');
  }
  return ids;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('practice-audit')
    .description("Audit children's social care case-record exports against practice standards for work with parents.")
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's own error text is replaced by one line of ours (see runCli).
      writeErr: () => undefined,
      outputError: () => undefined,
    });

  program
    .command('audit')
    .description('run the standards over an export (a folder of CSV files, CSV files, JSON or NDJSON)')
    .argument('<path...>', 'export folder or files')
    .addOption(new Option('-f, --format <name>', `report format: ${FORMAT_NAMES.join(', ')} (repeat with -o for several)`).argParser(collect).default([]))
    .addOption(new Option('-o, --output <file>', 'write the report to a file, whole or not at all (repeatable)').argParser(collect).default([]))
    .option('--as-of <date>', 'audit date for deadlines (default: today)')
    .option('--from <date>', 'audit period start: only findings dated on or after it')
    .option('--to <date>', 'audit period end: only findings dated on or before it')
    .option('-c, --config <file>', 'configuration file (JSON): severities, options, region')
    .option('--only <ids>', 'comma-separated standards to run')
    .option('--fail-on <level>', `exit 1 on findings at or above: ${FAIL_ON.join(', ')}`, 'error')
    .option('--region <name>', `bank holidays: ${REGIONS.join(', ')} (default england-and-wales)`)
    .option('--group-by <key>', 'compliance breakdown in human formats: team or worker', 'team')
    .option('-q, --quiet', 'no progress on standard error')
    .action(async (paths: string[], options: AuditOptions) => setExit(await audit(paths, options, io)));

  program
    .command('standards')
    .description('list every standard: id, severity, title, source')
    .option('--json', 'as JSON')
    .action((options: { json?: boolean }) => {
      io.stdout.write(renderStandardsList(options.json === true));
      setExit(EXIT.ok);
    });

  program
    .command('explain')
    .description('the standard in full: rule, source text, data it needs, options')
    .argument('<id>', 'standard id (see `practice-audit standards`)')
    .action((id: string) => {
      const standard = findStandard(id);
      if (!standard) throw new UsageError(`unknown standard "${id}"`, {}, 'an id listed by `practice-audit standards`');
      io.stdout.write(standard.kind === 'check' ? renderStandardPage(standard.check) : renderIntegrityPage(standard.standard));
      setExit(EXIT.ok);
    });

  return program;
}

/** Runs the command line and returns the exit code: 0 clean, 1 findings, 2 the run could not be done. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      io.stderr.write(`practice-audit: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see --help)\n`);
      return EXIT.failure;
    }
    if (error instanceof KnownError) {
      io.stderr.write(`practice-audit: ${error.toLine()}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
