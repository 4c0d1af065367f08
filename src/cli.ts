// The command line: parses arguments, runs a command and returns its exit code (only bin/ sets process.exitCode).
import { statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CHECKS } from '../checks/index.js';
import { readConfigFile, resolveConfig, type ConfigFile } from './config/config.js';
import { REGIONS, type Region } from './dates/calendar.js';
import { findStandard, INTEGRITY, STANDARD_IDS } from './engine/catalogue.js';
import { loadAndAudit, MAX_JOBS, partsFor, type AuditJob } from './engine/parallel.js';
import { InputError, KnownError, UsageError } from './errors.js';
import { renderIntegrityPage, renderStandardPage } from './explain.js';
import {
  COMPARISON_FORMAT_NAMES,
  formatComparisonJson,
  formatComparisonMarkdown,
  formatComparisonTable,
} from './formatters/comparison.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from './formatters/index.js';
import { formatJsonPieces } from './formatters/json.js';
import { DEFAULT_WIDTH, MIN_WIDTH } from './formatters/table.js';
import { listInputFiles, namedInputFiles } from './load/files.js';
import { scanHeaders } from './load/headers.js';
import { MappingIndex } from './load/mapping.js';
import { INPUT_OPTION_HELP, inputOptions, type InputArguments } from './load/options.js';
import { DATE_FORMS, parseDate, UnreadableDate } from './load/values.js';
import type { IsoDate } from './model/types.js';
import { checkOutputTargets, recoverInterrupted, writeAllWhole, type ReportContent } from './output.js';
import { preflight, preflightExitCode, renderPreflightJson, renderPreflightText } from './preflight.js';
import { applyBaseline, readBaselineFile } from './report/baseline.js';
import { compareReports } from './report/compare.js';
import { readSavedReport } from './report/saved-report.js';
import type { ReportFinding } from './report/types.js';
import { applyWaivers, readWaiversFile } from './report/waivers.js';
import { renderStandardsList } from './standards-list.js';
import { terminalText } from './util/safe-text.js';
import { VERSION } from './version.js';

export { discardUncommitted } from './output.js';

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

const FAIL_ON = ['error', 'warning', 'new', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

/**
 * The findings that fail the run. A waived finding never does. `new` needs a baseline: only error-severity
 * findings the baseline did not hold fail, so a nightly job fails on what changed, not on known breaches.
 */
export function failingFindings(findings: readonly ReportFinding[], failOn: FailOn): ReportFinding[] {
  return findings.filter((finding) => {
    if (finding.waiver !== undefined || failOn === 'never') return false;
    if (failOn === 'new') return finding.severity === 'error' && finding.baseline === 'new';
    return failOn === 'warning' || finding.severity === 'error';
  });
}

interface AuditOptions extends InputArguments {
  readonly format: string[];
  readonly output: string[];
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly config?: string;
  readonly only?: string;
  readonly failOn: string;
  readonly waivers?: string;
  readonly baseline?: string;
  readonly region?: string;
  readonly groupBy?: string;
  readonly quiet?: boolean;
  readonly jobs?: string;
  readonly requireAssessed?: boolean;
  readonly width?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A date given on the command line: read exactly as a date cell of the export is. */
export function parseDateArgument(value: string, option: string): IsoDate {
  const date = parseDate(value.trim());
  if (date instanceof UnreadableDate) throw new UsageError(`${option} "${value}": ${date.reason}`, {}, DATE_FORMS);
  return date;
}

/** --jobs: how many worker threads audit the export, each its own part of the cases (1: none). */
function parseJobs(value: string): number {
  const jobs = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    throw new UsageError(`--jobs "${value}" is not a number of threads`, {}, `a whole number from 1 to ${MAX_JOBS} (1: no worker threads)`);
  }
  return jobs;
}

/** --width: the columns the table format fits; a log or a pipe gets DEFAULT_WIDTH, a terminal its own width. */
function tableWidth(value: string | undefined, stdout: OutputStream): { stdout: number; file: number } {
  if (value === undefined) {
    const columns = stdout.isTTY === true && stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : DEFAULT_WIDTH;
    return { stdout: Math.max(MIN_WIDTH, columns), file: DEFAULT_WIDTH };
  }
  const width = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(width) || width < MIN_WIDTH || width > 1000) {
    throw new UsageError(`--width "${value}" is not a number of columns`, {}, `a whole number from ${MIN_WIDTH} to 1000`);
  }
  return { stdout: width, file: width };
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
      // An extension that names no format (report.txt, audit.log) gets the default format, as with no -o.
      format = EXTENSIONS[extension] ?? 'table';
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

/** A one-line progress display on a terminal: the file, the files done, rows read in all and the rate. */
function progressLine(stderr: OutputStream): (progress: { file: string; rows: number }) => void {
  const started = performance.now();
  // Rows read so far per file (the loader reports a running count for the file it is reading).
  const rowsByFile = new Map<string, number>();
  return ({ file, rows }) => {
    rowsByFile.set(file, rows);
    const total = [...rowsByFile.values()].reduce((sum, n) => sum + n, 0);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(total / seconds).toLocaleString('en-GB') : '—';
    stderr.write(
      `\r\x1b[Kreading ${terminalText(file)} (file ${rowsByFile.size}): ${total.toLocaleString('en-GB')} rows, ${rate} rows/s`,
    );
  };
}

/** Says on stderr what an earlier run stopped while writing these reports left behind (and was cleaned up). */
function reportInterrupted(targets: readonly string[], io: CliIo): void {
  for (const note of recoverInterrupted(targets)) io.stderr.write(`practice-audit: warning: ${terminalText(note)}\n`);
}

/** A file's size for a person: bytes, kB or MB (decimal, one place). */
export function sizeLabel(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

async function audit(paths: string[], options: AuditOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const outputs = pairOutputs(options.format, options.output);
  const targets = outputs.flatMap(({ file }) => (file === null ? [] : [file]));
  // Before anything is read: a report path that is a device, a link or a file the run reads is refused.
  const namedReads = [...namedInputFiles(paths), ...[options.config, options.mapping, options.waivers, options.baseline].filter((file) => file !== undefined)];
  checkOutputTargets(targets, namedReads);
  try {
    return await auditChecked(paths, options, io, outputs, targets, namedReads, started);
  } catch (error) {
    // CI reads the JUnit file: a run that could not be done still leaves one, saying why (the other reports stay as they were).
    const junit = outputs.find((output) => output.format === 'junit' && output.file !== null)?.file;
    if (error instanceof KnownError && junit !== undefined && junit !== null) {
      const { formatJunitError } = await import('./formatters/junit.js');
      await writeAllWhole([{ file: junit, content: formatJunitError(error.toLine(), VERSION) }]).catch(() => undefined);
    }
    throw error;
  }
}

/** The audit once its report paths are known to be safe to write. */
async function auditChecked(
  paths: string[],
  options: AuditOptions,
  io: CliIo,
  outputs: readonly { format: FormatName; file: string | null }[],
  targets: readonly string[],
  namedReads: readonly string[],
  started: number,
): Promise<number> {
  reportInterrupted(targets, io);
  const asOf = options.asOf === undefined ? io.today() : parseDateArgument(options.asOf, '--as-of');
  const from = options.from === undefined ? null : parseDateArgument(options.from, '--from');
  const to = options.to === undefined ? null : parseDateArgument(options.to, '--to');
  if (from !== null && to !== null && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const failOn = oneOf<FailOn>(options.failOn, FAIL_ON, '--fail-on');
  const groupBy = options.groupBy === undefined ? 'team' : oneOf(options.groupBy, ['team', 'worker'] as const, '--group-by');
  const only = options.only === undefined ? null : parseOnly(options.only);
  const jobs = options.jobs === undefined ? undefined : parseJobs(options.jobs);
  const width = tableWidth(options.width, io.stdout);

  const configFile: ConfigFile = options.config === undefined ? {} : readConfigFile(options.config);
  const config = resolveConfig(configFile, CHECKS, INTEGRITY, options.config);
  const region: Region = options.region === undefined ? config.region : oneOf(options.region, REGIONS, '--region');
  // Read before the export, so a bad waiver or baseline file stops the run before minutes of loading.
  const waiversFile =
    options.waivers ?? (config.waivers === null || options.config === undefined ? null : resolvePath(dirname(options.config), config.waivers));
  const waivers = waiversFile === null ? null : readWaiversFile(waiversFile, STANDARD_IDS);
  if (failOn === 'new' && options.baseline === undefined) {
    throw new UsageError('--fail-on new needs --baseline', {}, '--baseline <report.json> from an earlier run with -f json');
  }
  const baseline = options.baseline === undefined ? null : readBaselineFile(options.baseline);

  const input = inputOptions(options, config.mapping, options.config);
  // Now that the mapping is known (the files it names, the configuration's own mapping and waivers), again.
  const { files: inputFiles } = await listInputFiles(paths, input.mapping ? new MappingIndex(input.mapping) : undefined);
  checkOutputTargets(targets, [
    ...namedReads,
    ...inputFiles.map((file) => file.path),
    ...(input.mapping?.file === undefined ? [] : [input.mapping.file]),
    ...(waiversFile === null ? [] : [waiversFile]),
  ]);

  const job: AuditJob = {
    paths,
    load: input,
    settings: { asOf, period: { from, to }, region, standards: config.standards, only },
  };
  const parts = await partsFor(job, jobs);
  const showProgress = io.stderr.isTTY === true && !options.quiet;
  const phase = (text: string) => {
    if (showProgress) io.stderr.write(`\r\x1b[K${text}…`);
  };
  const audited = await loadAndAudit(job, parts, showProgress ? progressLine(io.stderr) : undefined, phase);

  const waived = waivers === null ? audited : applyWaivers(audited, waivers);
  const report = baseline === null ? waived : applyBaseline(waived, baseline);

  // The files are written all or none. A JSON file is written piece by piece as it is rendered (a large
  // report's text is never held whole, and the disk writes one piece while the next is made); every other
  // format is rendered first.
  const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const files: { file: string; content: ReportContent }[] = [];
  let toStdout: string | Uint8Array | null = null;
  phase(`writing ${outputs.length === 1 ? 'the report' : `${outputs.length} reports`}`);
  for (const { format, file } of outputs) {
    if (file === null) toStdout = await FORMATTERS[format](report, { color, groupBy, width: width.stdout });
    else if (format === 'json') files.push({ file, content: formatJsonPieces(report) });
    else files.push({ file, content: await FORMATTERS[format](report, { color: false, groupBy, width: width.file }) });
  }
  await writeAllWhole(files);
  if (showProgress) io.stderr.write('\r\x1b[K');
  if (toStdout !== null) io.stdout.write(toStdout);
  // A nightly log says what the run wrote and how long it took; a pipe to stdout is left alone unless a person watches.
  if (!options.quiet && (files.length > 0 || io.stderr.isTTY === true)) {
    for (const { file } of files) io.stderr.write(`wrote ${terminalText(file)} (${sizeLabel(statSync(file).size)})\n`);
    io.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }

  if (options.requireAssessed === true) {
    const gaps = report.standards.filter((s) => s.status === 'partly-assessed' || s.status === 'not-assessed');
    if (gaps.length > 0) {
      const list = gaps.map((s) => `${s.id} (${s.status === 'partly-assessed' ? 'partly' : 'not'} assessed)`).join(', ');
      io.stderr.write(`practice-audit: --require-assessed: ${gaps.length} selected standard(s) not fully assessed: ${list}\n`);
      return EXIT.findings;
    }
  }
  return failingFindings(report.findings, failOn).length > 0 ? EXIT.findings : EXIT.ok;
}

interface CompareOptions {
  readonly format: string;
  readonly output?: string;
  readonly failOn: string;
}

async function compare(olderFile: string, newerFile: string, options: CompareOptions, io: CliIo): Promise<{ code: number; text: string | null }> {
  const format = oneOf(options.format, COMPARISON_FORMAT_NAMES, '--format');
  const failOn = oneOf(options.failOn, ['new', 'never'] as const, '--fail-on');
  const targets = options.output === undefined ? [] : [options.output];
  checkOutputTargets(targets, [olderFile, newerFile]);
  reportInterrupted(targets, io);
  const older = readSavedReport(olderFile, 'report', InputError);
  const newer = readSavedReport(newerFile, 'report', InputError);
  if (older.asOf > newer.asOf) {
    throw new UsageError(
      `${olderFile} (as of ${older.asOf}) is later than ${newerFile} (as of ${newer.asOf})`,
      {},
      'the earlier report first: compare <old.json> <new.json>',
    );
  }
  const comparison = compareReports(older, newer, { before: olderFile, after: newerFile });
  const text =
    format === 'json'
      ? formatComparisonJson(comparison, { name: 'practice-audit', version: VERSION })
      : format === 'markdown'
        ? formatComparisonMarkdown(comparison)
        : formatComparisonTable(comparison);
  const code = failOn === 'new' && comparison.summary.newErrors > 0 ? EXIT.findings : EXIT.ok;
  if (options.output !== undefined) {
    await writeAllWhole([{ file: options.output, content: text }]);
    return { code, text: null };
  }
  return { code, text };
}

interface PreflightOptions extends InputArguments {
  readonly config?: string;
  readonly only?: string;
  readonly format: string;
}

/** Exit 0 when every selected standard would be assessed in full, 1 otherwise, 2 when the inputs cannot be read. */
async function preflightCommand(paths: string[], options: PreflightOptions, io: CliIo): Promise<number> {
  const format = oneOf(options.format, ['table', 'json'] as const, '--format');
  const only = options.only === undefined ? null : parseOnly(options.only);
  const configFile: ConfigFile = options.config === undefined ? {} : readConfigFile(options.config);
  const config = resolveConfig(configFile, CHECKS, INTEGRITY, options.config);
  const scan = await scanHeaders(paths, inputOptions(options, config.mapping, options.config));
  const report = preflight(
    scan,
    CHECKS.map((check) => check.meta),
    (id) =>
      only !== null && !only.includes(id)
        ? { off: true, reason: 'not selected by --only' }
        : config.standards.get(id)?.severity === 'off'
          ? { off: true, reason: 'switched off in the configuration' }
          : { off: false },
  );
  io.stdout.write(format === 'json' ? renderPreflightJson(report) : renderPreflightText(report));
  return preflightExitCode(report);
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
    .option('--fail-on <level>', `exit 1 on findings at or above: ${FAIL_ON.join(', ')} (new: new errors since --baseline)`, 'error')
    .option('--require-assessed', 'exit 1 when a selected standard is partly or not assessed (a table or column it needs is absent)')
    .option('--waivers <file>', 'accepted breaches (JSON): reported as waived, never fail the run')
    .option('--baseline <report.json>', 'an earlier JSON report: mark findings new or known, list resolved breaches')
    .option('--region <name>', `bank holidays: ${REGIONS.join(', ')} (default england-and-wales)`)
    .option('--group-by <key>', 'compliance breakdown in human formats: team or worker', 'team')
    .option('-q, --quiet', 'no progress on standard error')
    .option('--width <n>', `columns the table format fits (default: the terminal's width; ${DEFAULT_WIDTH} in a file, pipe or log)`)
    .option('--jobs <n>', `worker threads for a CSV export, each auditing its share of the cases (default 1: this thread; up to ${MAX_JOBS})`)
    .option('--mapping <file>', INPUT_OPTION_HELP.mapping)
    .option('--encoding <name>', INPUT_OPTION_HELP.encoding)
    .option('--delimiter <char>', INPUT_OPTION_HELP.delimiter)
    .action(async (paths: string[], options: AuditOptions) => setExit(await audit(paths, options, io)));

  program
    .command('preflight')
    .description('before an audit: the tables and columns the inputs offer, and which standards will be assessed')
    .argument('<path...>', 'export folder or files')
    .option('--mapping <file>', INPUT_OPTION_HELP.mapping)
    .option('-c, --config <file>', 'configuration file (JSON): standards switched off, mapping')
    .option('--only <ids>', 'comma-separated standards to consider')
    .option('-f, --format <name>', 'table or json', 'table')
    .option('--encoding <name>', INPUT_OPTION_HELP.encoding)
    .option('--delimiter <char>', INPUT_OPTION_HELP.delimiter)
    .action(async (paths: string[], options: PreflightOptions) => setExit(await preflightCommand(paths, options, io)));

  program
    .command('compare')
    .description('compare two JSON reports: compliance then and now per standard and team, breaches resolved and new')
    .argument('<old.json>', 'the earlier report (audit -f json)')
    .argument('<new.json>', 'the later report')
    .option('-f, --format <name>', `${COMPARISON_FORMAT_NAMES.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write to a file, whole or not at all')
    .option('--fail-on <level>', 'never (default), or new: exit 1 when the later report has new unwaived errors', 'never')
    .action(async (older: string, newer: string, options: CompareOptions) => {
      const { code, text } = await compare(older, newer, options, io);
      if (text !== null) io.stdout.write(text);
      setExit(code);
    });

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
      // No command is a usage mistake (a scheduled job with a broken command line must not pass).
      io.stderr.write(program.helpInformation());
      return EXIT.failure;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      io.stderr.write(`practice-audit: ${terminalText(error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))} (see --help)\n`);
      return EXIT.failure;
    }
    if (error instanceof KnownError) {
      // A file name, waiver id or mapping value in the line could hold terminal escapes: they are shown, not sent.
      io.stderr.write(`practice-audit: ${terminalText(error.toLine())}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
