// Waivers: breaches the QA team has accepted until a date, read from a JSON file and applied to a finished report.
import { dateSetting, type IsoDate } from '../core/dates.js';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';

import { readJsonFile } from '../read/json-file.js';
import { firstIssueLine } from '../core/issues.js';
import { compareNullable, compareText } from '../core/order.js';
import type { Report, ReportFinding, WaiverEntry } from '../core/report.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const waiverSchema = z.strictObject({
  standard: nonEmpty,
  caseId: nonEmpty,
  recordId: nonEmpty.optional(),
  reason: nonEmpty,
  approvedBy: nonEmpty,
  expires: dateSetting,
});

const WAIVER_KEYS = ['standard', 'caseId', 'recordId', 'reason', 'approvedBy', 'expires'] as const;

const waiverFileSchema = z.strictObject({
  $schema: z.string().optional(),
  waivers: z.array(waiverSchema),
});

/**
 * Validates waivers already parsed from JSON: `{"waivers": [...]}` or a bare array of entries. Unknown standard ids
 * are refused by name, so a typo never silently waives nothing.
 */
export function parseWaivers(raw: unknown, knownStandards: readonly string[], file: string): WaiverEntry[] {
  const isArray = Array.isArray(raw);
  if (!isArray && (raw === null || typeof raw !== 'object')) {
    throw new ConfigError('a waiver file holds a list of waivers', { file }, 'an object {"waivers": [...]} or an array of waivers');
  }
  const parsed = isArray ? z.array(waiverSchema).safeParse(raw) : waiverFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(firstIssueLine(parsed.error, 'invalid waiver', WAIVER_KEYS), { file });
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.waivers;
  const known = new Set(knownStandards);
  entries.forEach((entry, index) => {
    if (!known.has(entry.standard)) {
      throw new ConfigError(
        `${isArray ? '' : 'waivers'}[${index}].standard: unknown standard "${entry.standard}"`,
        { file },
        'an id listed by `practice-audit standards`',
      );
    }
  });
  return entries.map((entry) => ({
    standard: entry.standard,
    caseId: entry.caseId,
    recordId: entry.recordId ?? null,
    reason: entry.reason,
    approvedBy: entry.approvedBy,
    expires: entry.expires,
  }));
}

export function readWaiversFile(file: string, knownStandards: readonly string[]): WaiverEntry[] {
  return parseWaivers(readJsonFile(file, ConfigError, 'waiver file'), knownStandards, file);
}

export function waiverCovers(waiver: WaiverEntry, finding: Pick<ReportFinding, 'standard' | 'caseId' | 'recordId'>): boolean {
  return (
    waiver.standard === finding.standard &&
    waiver.caseId === finding.caseId &&
    (waiver.recordId === null || waiver.recordId === finding.recordId)
  );
}

/** In force on the as-of date: the expiry date itself is the last day the waiver applies. */
export function waiverInForce(waiver: WaiverEntry, asOf: IsoDate): boolean {
  return asOf <= waiver.expires;
}

/** When several waivers cover a finding, the one naming its record wins over a case-wide one, then the latest expiry. */
function preferred(a: WaiverEntry, b: WaiverEntry): WaiverEntry {
  if ((a.recordId === null) !== (b.recordId === null)) return a.recordId === null ? b : a;
  return b.expires > a.expires ? b : a;
}

function compareWaivers(a: WaiverEntry, b: WaiverEntry): number {
  return (
    compareText(a.caseId, b.caseId) ||
    compareText(a.standard, b.standard) ||
    compareNullable(a.recordId, b.recordId) ||
    compareText(a.expires, b.expires) ||
    compareText(a.approvedBy, b.approvedBy) ||
    compareText(a.reason, b.reason)
  );
}

/**
 * Marks every finding an unexpired waiver covers. A waived finding stays in the report (the case still breached the
 * standard, so compliance rates are unchanged) but leaves the error and warning counts for `summary.waived`, and so
 * never fails the run. Expired waivers no longer apply and are listed; unexpired ones that matched nothing are stale.
 */
export function applyWaivers(report: Report, waivers: readonly WaiverEntry[]): Report {
  const inForce = waivers.filter((waiver) => waiverInForce(waiver, report.asOf));
  const used = new Set<WaiverEntry>();
  const findings = report.findings.map((finding): ReportFinding => {
    const covering = inForce.filter((waiver) => waiverCovers(waiver, finding));
    const [first, ...others] = covering;
    if (first === undefined) return finding;
    for (const waiver of covering) used.add(waiver);
    const chosen = others.reduce(preferred, first);
    return { ...finding, waiver: { reason: chosen.reason, approvedBy: chosen.approvedBy, expires: chosen.expires } };
  });

  const assessed = new Set(report.standards.filter((s) => s.status === 'assessed').map((s) => s.id));
  const counted = findings.filter((finding) => finding.waiver === undefined);
  return {
    ...report,
    summary: {
      ...report.summary,
      errors: counted.filter((finding) => finding.severity === 'error').length,
      warnings: counted.filter((finding) => finding.severity === 'warning').length,
      waived: findings.length - counted.length,
    },
    findings,
    waivers: {
      applied: used.size,
      expired: waivers.filter((waiver) => !waiverInForce(waiver, report.asOf)).sort(compareWaivers),
      // A standard that did not run this time (off, --only, table missing) cannot show whether its waiver is stale.
      stale: inForce.filter((waiver) => !used.has(waiver) && assessed.has(waiver.standard)).sort(compareWaivers),
    },
  };
}
