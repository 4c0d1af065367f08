// The audit command: its options read, the pipeline run, the reports written, and the exit code its findings give.
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, resolve as resolvePath } from 'node:path';
import { CHECKS, INTEGRITY, STANDARD_IDS } from '../../checks/index.js';
import { readConfigFile, resolveConfig, type ConfigFile } from '../config/config.js';
import { REGIONS, type Region } from '../core/calendar.js';
import { InputError, KnownError, UsageError } from '../core/errors.js';
import type { ReportFinding } from '../core/report.js';
import { terminalText } from '../core/safe-text.js';
import { VERSION } from '../core/version.js';
import { FORMAT_NAMES, formatOfExtension, outputFormat, type FormatName } from '../formatters/index.js';
import { memoryShortfall, passesFor } from '../pipeline/memory.js';
import { partsFor, type AuditJob } from '../pipeline/parallel.js';
import { runPipeline } from '../pipeline/run.js';
import { listInputFiles, namedInputFiles } from '../read/files.js';
import { MappingIndex } from '../read/mapping.js';
import { inputOptions, type InputArguments } from '../read/options.js';
import { readBaselineFile } from '../report/baseline.js';
import { readWaiversFile } from '../report/waivers.js';
import { MAX_PASSES, oneOf, parseDateArgument, parseJobs, parseOnly, parsePasses, tableWidth } from './arguments.js';
import { EXIT, reportInterrupted, sizeLabel, type CliIo, type OutputStream } from './io.js';
import { checkOutputTargets, tooLongAsError, writeAllWhole, type ReportContent } from './output.js';

export const FAIL_ON = ['error', 'warning', 'new', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

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

export interface AuditOptions extends InputArguments {
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
  readonly passes?: string;
  readonly strictInputs?: boolean;
  readonly requireAssessed?: boolean;
  readonly width?: string;
  /** false with --no-memory-check: the estimate of the heap the audit needs is not compared with the limit. */
  readonly memoryCheck?: boolean;
}

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
      format = formatOfExtension(extension) ?? 'table';
    } else {
      format = 'table';
    }
    pairs.push({ format, file });
  }
  if (pairs.filter((p) => p.file === null).length > 1) {
    throw new UsageError('several formats would be written to standard output', {}, 'an -o <file> after each -f except one');
  }
  for (const { format, file } of pairs) {
    const { binary } = outputFormat(format);
    if (file === null && binary !== null) throw new UsageError(`the ${format} format is ${binary} and needs -o <file>`);
  }
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

/** --strict-inputs: a skipped input is an error, for CI on migrated data where every file must be read. */
function refuseSkipped(skipped: readonly { readonly file: string; readonly reason: string }[]): void {
  const [first] = skipped;
  if (first !== undefined) {
    throw new InputError(`skipped: ${first.reason}${skipped.length > 1 ? ` (and ${skipped.length - 1} more input(s) skipped)` : ''}`, { file: first.file }, 'only inputs practice-audit reads (--strict-inputs)');
  }
}

export async function audit(paths: string[], options: AuditOptions, io: CliIo): Promise<number> {
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
    if (error instanceof KnownError) {
      const failures = [];
      for (const { format, file } of outputs) {
        const { failure } = outputFormat(format);
        if (file !== null && failure) failures.push({ file, content: await failure(error.toLine(), VERSION) });
      }
      await writeAllWhole(failures).catch(() => undefined);
    }
    throw error;
  }
}

/** The audit once its report paths are known to be safe to write. */
export async function auditChecked(
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
  const passesAsked = options.passes === undefined ? 'auto' : parsePasses(options.passes);
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
  const { files: inputFiles, skipped } = await listInputFiles(paths, input.mapping ? new MappingIndex(input.mapping) : undefined);
  if (options.strictInputs === true) refuseSkipped(skipped);
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
  const sized = inputFiles.map((file) => ({ format: file.format, bytes: file.size }));
  const heapLimit = getHeapStatistics().heap_size_limit;
  // Only delimited text is read by part: JSON and NDJSON documents and workbooks are audited in one pass.
  const byPart = inputFiles.every((file) => file.format === 'csv');
  if (passesAsked !== 'auto' && passesAsked > 1 && !byPart) {
    throw new UsageError(`--passes ${passesAsked} needs every input to be delimited text`, {}, 'CSV exports (JSON, NDJSON and workbooks are audited in one pass), or --passes 1');
  }
  const passes = passesAsked !== 'auto' ? passesAsked : byPart ? passesFor(sized, parts, heapLimit, MAX_PASSES) : 1;
  // V8's out-of-memory end cannot be caught, and comes after minutes of loading with a stack trace and exit 134:
  // an export that clearly will not fit is refused now, with what to do.
  if (options.memoryCheck !== false) {
    const shortfall = memoryShortfall({ inputs: sized, parts, passes, heapLimit, totalMemory: totalmem() });
    if (shortfall !== null) throw new InputError(shortfall);
  }
  const showProgress = io.stderr.isTTY === true && !options.quiet;
  const phase = (text: string) => {
    if (showProgress) io.stderr.write(`\r\x1b[K${text}…`);
  };
  const report = await runPipeline({ job, parts, passes, waivers, baseline, onProgress: showProgress ? progressLine(io.stderr) : undefined, onPhase: phase });

  if (options.strictInputs === true) refuseSkipped(report.skipped ?? []);
  if (showProgress) io.stderr.write('\r\x1b[K');
  for (const { file, reason } of report.skipped ?? []) io.stderr.write(`practice-audit: skipped ${terminalText(file)}: ${reason}\n`);

  // The files are written all or none. A JSON file is written piece by piece as it is rendered (a large
  // report's text is never held whole, and the disk writes one piece while the next is made); every other
  // format is rendered first.
  const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const files: { file: string; content: ReportContent }[] = [];
  let toStdout: ReportContent | null = null;
  phase(`writing ${outputs.length === 1 ? 'the report' : `${outputs.length} reports`}`);
  for (const { format, file } of outputs) {
    const { render, pieces } = outputFormat(format);
    // On stdout too, JSON goes out piece by piece: a report of hundreds of MB is more text than one string may hold.
    const options = file === null ? { color, groupBy, width: width.stdout } : { color: false, groupBy, width: width.file };
    const content = pieces ? pieces(report) : await tooLongAsError(format, () => render(report, options));
    if (file === null) toStdout = content;
    else files.push({ file, content });
  }
  await writeAllWhole(files);
  if (showProgress) io.stderr.write('\r\x1b[K');
  if (typeof toStdout === 'string' || toStdout instanceof Uint8Array) io.stdout.write(toStdout);
  else if (toStdout !== null) for (const piece of toStdout) io.stdout.write(piece);
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
