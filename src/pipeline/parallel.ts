// Loads and audits an export, on several worker threads when it is large: each audits its own part of the cases.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHECKS, INTEGRITY } from '../../checks/index.js';
import { ConfigError, InputError, UsageError, type ErrorLocation, type KnownError } from '../core/errors.js';
import { listInputFiles } from '../read/files.js';
import { loadExport, type LoadOptions } from './load.js';
import { releaseDeadPhase } from '../core/heap.js';
import { MappingIndex } from '../read/mapping.js';
import type { CasePartition } from '../validate/rows.js';
import type { InputSummary, Report, StandardSummary } from '../core/report.js';
import { compareText } from '../core/order.js';
import { compareListed, comparePending, runAudit, type AuditSettings } from '../engine/audit.js';

/** Everything a part needs to load and audit its cases: plain data, as a worker receives it. */
export interface AuditJob {
  readonly paths: readonly string[];
  readonly load: Omit<LoadOptions, 'onProgress' | 'partition'>;
  readonly settings: AuditSettings;
}

export type ProgressListener = NonNullable<LoadOptions['onProgress']>;

/** Loads one part of the export's cases (all of them without a partition) and audits them. */
export async function auditPart(
  job: AuditJob,
  partition?: CasePartition,
  onProgress?: ProgressListener,
  onPhase?: (phase: string) => void,
): Promise<Report> {
  const loaded = await loadExport(job.paths, { ...job.load, partition, ...(onProgress ? { onProgress } : {}) });
  onPhase?.(`auditing ${loaded.cases.length.toLocaleString('en-GB')} cases`);
  return runAudit(loaded, CHECKS, INTEGRITY, job.settings);
}

/** A count absent from an input's summary when nought: summed over the parts, still absent when nought. */
function sumOptional(key: 'filtered' | 'superseded', a: InputSummary, b: InputSummary): Partial<InputSummary> {
  const total = (a[key] ?? 0) + (b[key] ?? 0);
  return total > 0 ? { [key]: total } : {};
}

function unionOptional(a: InputSummary, b: InputSummary): Partial<InputSummary> {
  const columns = [...new Set([...(a.pseudonymised ?? []), ...(b.pseudonymised ?? [])])].sort(compareText);
  return columns.length > 0 ? { pseudonymised: columns } : {};
}

function sumInputs(parts: readonly Report[]): InputSummary[] {
  const byKey = new Map<string, InputSummary>();
  for (const part of parts) {
    for (const input of part.inputs) {
      const key = `${input.table}\u0000${input.file}`;
      const seen = byKey.get(key);
      byKey.set(key, seen ? {
              ...seen,
              rows: seen.rows + input.rows,
              rejected: seen.rejected + input.rejected,
              keptWithRejectedCells: seen.keptWithRejectedCells + input.keptWithRejectedCells,
              ...sumOptional('filtered', seen, input),
              ...sumOptional('superseded', seen, input),
              ...unionOptional(seen, input),
            } : input);
    }
  }
  return [...byKey.values()].sort((a, b) => compareText(a.file, b.file) || compareText(a.table, b.table));
}

function sumStandards(parts: readonly Report[]): StandardSummary[] {
  const byId = new Map<string, StandardSummary>();
  for (const part of parts) {
    for (const standard of part.standards) {
      const seen = byId.get(standard.id);
      byId.set(
        standard.id,
        seen
          ? {
              ...seen,
              applicable: seen.applicable + standard.applicable,
              compliant: seen.compliant + standard.compliant,
              breaches: seen.breaches + standard.breaches,
              pending: seen.pending + standard.pending,
            }
          : standard,
      );
    }
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

const sum = (parts: readonly Report[], count: (part: Report) => number): number =>
  parts.reduce((total, part) => total + count(part), 0);

/**
 * One report from the reports of disjoint parts of the cases, equal to the report of the whole: every row of
 * a case, its integrity findings included, falls in the case's part, so counts add up and the lists only
 * need the report's own order (items that order cannot tell apart share a case, hence a part, and keep
 * their part's order).
 */
export function mergeReports(parts: readonly Report[]): Report {
  const [first] = parts;
  if (first === undefined) throw new Error('no part to merge');
  if (parts.length === 1) return first;
  return {
    ...first,
    inputs: sumInputs(parts),
    summary: {
      cases: sum(parts, (part) => part.summary.cases),
      casesWithBreaches: sum(parts, (part) => part.summary.casesWithBreaches),
      errors: sum(parts, (part) => part.summary.errors),
      warnings: sum(parts, (part) => part.summary.warnings),
      pending: sum(parts, (part) => part.summary.pending),
      // Every part reads every file's header, so each judges the standards the same way.
      partlyAssessed: first.summary.partlyAssessed,
      notAssessed: first.summary.notAssessed,
    },
    standards: sumStandards(parts),
    findings: parts.flatMap((part) => part.findings).sort(compareListed),
    pending: parts.flatMap((part) => part.pending).sort(comparePending),
    cases: parts.flatMap((part) => part.cases).sort((a, b) => compareText(a.caseId, b.caseId)),
  };
}




/** At most this many parts when asked for (`--jobs`). */
export const MAX_JOBS = 16;

/** The worker's entry, compiled beside this module (absent when this module runs from its TypeScript source). */
const WORKER_ENTRY = new URL('./part-worker.js', import.meta.url);

/** What decides whether workers are used: the cores, and whether the compiled worker entry exists. */
export interface Machine {
  readonly cores: number;
  readonly workersAvailable: () => boolean;
}

const THIS_MACHINE: Machine = {
  cores: availableParallelism(),
  workersAvailable: () => existsSync(fileURLToPath(WORKER_ENTRY)),
};

/**
 * How many parts to audit in parallel: `requested` when given (1 = on this thread), otherwise 1. Workers are
 * opt-in: on the 2-core machine they were measured slower than one thread, and nothing bigger was at hand to
 * measure a default on (bench/RESULTS.md). Only delimited text is split: JSON, NDJSON and workbooks are read in one part.
 * Run from the TypeScript sources (tests), where no compiled worker entry exists, always 1.
 */
export async function partsFor(job: AuditJob, requested: number | undefined, machine: Machine = THIS_MACHINE): Promise<number> {
  if (requested === undefined || requested <= 1) return 1;
  const mapping = job.load.mapping ? new MappingIndex(job.load.mapping) : undefined;
  const { files } = await listInputFiles(job.paths, mapping);
  if (files.some((file) => file.format !== 'csv') || !machine.workersAvailable()) return 1;
  return requested;
}

/** What a worker sends back. */
export type PartMessage =
  | { readonly kind: 'progress'; readonly file: string; readonly rows: number }
  // The report as JSON text: one string crosses threads in a copy, where a structured clone of the report's
  // many small objects costs more than JSON.stringify here and JSON.parse there.
  | { readonly kind: 'report'; readonly json: string }
  | {
      readonly kind: 'known-error';
      readonly type: KnownErrorType;
      readonly message: string;
      readonly where: ErrorLocation;
      readonly expected: string | undefined;
    }
  | { readonly kind: 'error'; readonly message: string; readonly stack: string | undefined };

export interface PartWorkerData {
  /** The job without its mapping, whose compiled form holds functions: the worker reads `mappingFile` again. */
  readonly job: AuditJob;
  readonly mappingFile: string | undefined;
  readonly partition: CasePartition;
  readonly progress: boolean;
}

/** Which known error a worker met, told by its class (not its name, which a bundler may change). */
export type KnownErrorType = 'usage' | 'config' | 'input';

export const knownErrorType = (error: KnownError): KnownErrorType =>
  error instanceof UsageError ? 'usage' : error instanceof ConfigError ? 'config' : 'input';

const KNOWN_ERRORS: Readonly<Record<KnownErrorType, new (message: string, where: ErrorLocation, expected?: string) => KnownError>> = {
  usage: UsageError,
  config: ConfigError,
  input: InputError,
};

/** The worker's failure as this thread would have thrown it: a known error stays one (one line, exit 2). */
function failureOf(message: Extract<PartMessage, { kind: 'known-error' | 'error' }>): Error {
  switch (message.kind) {
    case 'known-error': {
      const ErrorClass = KNOWN_ERRORS[message.type];
      return new ErrorClass(message.message, message.where, message.expected);
    }
    case 'error': {
      const error = new Error(message.message);
      if (message.stack !== undefined) error.stack = message.stack;
      return error;
    }
  }
}

/** A running part: its report (or failure) once it ends, and a way to stop it early. */
interface RunningPart {
  readonly outcome: Promise<Report>;
  stop(): void;
}

function startPart(data: PartWorkerData, onProgress: ProgressListener | undefined): RunningPart {
  const worker = new Worker(WORKER_ENTRY, { workerData: data });
  const outcome = new Promise<Report>((resolve, reject) => {
    let settled = false;
    const settle = (result: Report | Error) => {
      if (settled) return;
      settled = true;
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    worker.on('message', (message: PartMessage) => {
      if (message.kind === 'progress') onProgress?.({ file: message.file, rows: message.rows });
      else if (message.kind === 'report') settle(JSON.parse(message.json) as Report);
      else settle(failureOf(message));
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(new Error(`audit worker ${data.partition.index} stopped (exit ${code}) without a report`)));
  });
  return { outcome, stop: () => void worker.terminate() };
}

/**
 * Loads and audits the export in `parts` parts, each on its own worker thread (on this one when 1), and
 * merges their reports. Every part reads every file (for its header, and for the lines of the others'
 * rows), so a whole-file problem is met by each, with the same error; the first failure stops every part
 * and is thrown as one thread would have thrown it.
 */
export async function loadAndAudit(
  job: AuditJob,
  parts: number,
  onProgress?: ProgressListener,
  onPhase?: (phase: string) => void,
  passes = 1,
): Promise<Report> {
  if (passes <= 1) return auditPass(job, parts, { index: 0, count: 1 }, onProgress, onPhase);
  // Passes one after another, each over its own cases: only one pass's rows are held at a time, and the reports
  // of disjoint sets of cases merge into the report of the whole.
  const reports: Report[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const label = `pass ${pass + 1} of ${passes}`;
    reports.push(await auditPass(job, parts, { index: pass, count: passes }, onProgress, onPhase && ((phase) => onPhase(`${label}: ${phase}`)), label));
  }
  return mergeReports(reports);
}

/**
 * One pass over the cases of `pass` (all of them when its count is 1), in `parts` parts on worker threads (on
 * this one when 1). Pass i of n in p parts is parts i·p … i·p+p−1 of n·p, so every case has exactly one part.
 */
async function auditPass(
  job: AuditJob,
  parts: number,
  pass: CasePartition,
  onProgress: ProgressListener | undefined,
  onPhase: ((phase: string) => void) | undefined,
  label?: string,
): Promise<Report> {
  const whole = pass.count <= 1;
  if (parts <= 1) {
    if (label !== undefined) onPhase?.('reading');
    const report = await auditPart(job, whole ? undefined : pass, onProgress, onPhase);
    // The pass's case model died with auditPart: its memory is freed before the next pass, or the formatting, needs it.
    releaseDeadPhase();
    return report;
  }
  onPhase?.(`reading and auditing on ${parts} threads`);
  // Each part counts its own rows of a file: the progress line shows their sum.
  const rowsByPart = Array.from({ length: parts }, () => new Map<string, number>());
  const progressOf = (index: number): ProgressListener | undefined =>
    onProgress &&
    (({ file, rows }) => {
      (rowsByPart[index] as Map<string, number>).set(file, rows);
      onProgress({ file, rows: rowsByPart.reduce((total, part) => total + (part.get(file) ?? 0), 0) });
    });
  // The compiled mapping holds functions, which cannot cross to a worker: each worker reads the file again.
  const shared = { job: { ...job, load: { ...job.load, mapping: undefined } }, mappingFile: job.load.mapping?.file };
  const running: RunningPart[] = [];
  const stopAll = () => {
    for (const part of running) part.stop();
  };
  try {
    for (let index = 0; index < parts; index++) {
      const partition = { index: pass.index * parts + index, count: pass.count * parts };
      running.push(startPart({ ...shared, partition, progress: onProgress !== undefined }, progressOf(index)));
    }
    const reports = await Promise.all(running.map((part) => part.outcome));
    return mergeReports(reports);
  } catch (error) {
    stopAll();
    throw error;
  }
}
