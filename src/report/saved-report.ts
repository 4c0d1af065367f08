// Reads an earlier JSON report (schema version 1) back in, for --baseline and `compare`; refuses any other version.
import { z } from 'zod';
import type { KnownError } from '../core/errors.js';
import { readJsonFile } from '../read/json-file.js';
import { firstIssueLine } from '../core/issues.js';

type KnownErrorClass = new (message: string, where?: { file?: string }, expected?: string) => KnownError;

const SUPPORTED_SCHEMA_VERSION = 1;

const nullableText = z.string().nullable();

const savedFindingSchema = z.looseObject({
  standard: z.string(),
  severity: z.enum(['error', 'warning']),
  caseId: z.string(),
  recordId: nullableText,
  date: nullableText,
  due: nullableText.optional(),
  message: z.string(),
  messageId: z.string(),
  team: nullableText,
  worker: nullableText,
  waiver: z.looseObject({ reason: z.string(), approvedBy: z.string(), expires: z.string() }).optional(),
});

const count = z.number().int().nonnegative();

const savedStandardSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  severity: z.enum(['error', 'warning', 'off']),
  status: z.enum(['assessed', 'partly-assessed', 'not-assessed', 'off']),
  applicable: count,
  compliant: count,
  breaches: count,
  pending: count,
});

const savedCaseSchema = z.looseObject({
  caseId: z.string(),
  team: nullableText,
  worker: nullableText,
  applicable: z.array(z.string()),
  breached: z.array(z.string()),
});

const savedReportSchema = z.looseObject({
  schemaVersion: z.literal(SUPPORTED_SCHEMA_VERSION),
  asOf: z.string(),
  period: z.looseObject({ from: nullableText, to: nullableText }),
  standards: z.array(savedStandardSchema),
  findings: z.array(savedFindingSchema),
  cases: z.array(savedCaseSchema),
});

/** The parts of an earlier report that baselines and comparisons use; anything else in the file is ignored. */
export type SavedReport = z.output<typeof savedReportSchema>;
export type SavedFinding = z.output<typeof savedFindingSchema>;

/** Validates a parsed JSON value as a schema-version-1 report; `what` names the file's role in messages. */
export function parseSavedReport(raw: unknown, file: string, what: string, ErrorClass: KnownErrorClass): SavedReport {
  const expected = 'a JSON report written by `practice-audit audit -f json`';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('schemaVersion' in raw)) {
    throw new ErrorClass(`${what} is not a practice-audit JSON report (no schemaVersion)`, { file }, expected);
  }
  const version = (raw as { schemaVersion: unknown }).schemaVersion;
  if (version !== SUPPORTED_SCHEMA_VERSION) {
    throw new ErrorClass(
      `${what} has schemaVersion ${JSON.stringify(version)}; this version of practice-audit reads schemaVersion ${SUPPORTED_SCHEMA_VERSION} only`,
      { file },
      expected,
    );
  }
  const parsed = savedReportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ErrorClass(`${what} is not a complete report: ${firstIssueLine(parsed.error, 'invalid')}`, { file }, expected);
  }
  return parsed.data;
}

export function readSavedReport(file: string, what: string, ErrorClass: KnownErrorClass): SavedReport {
  return parseSavedReport(readJsonFile(file, ErrorClass, what), file, what, ErrorClass);
}
