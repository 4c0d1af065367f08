// JSON report, schema version 1 of CLI.md: keys in a fixed order so the same input gives byte-identical output.
import type { Evidence, SourceRef } from '../core/finding.js';

import type { CaseResult, Report, ReportFinding, ReportPending, ResolvedFinding, WaiverEntry } from '../core/report.js';

function source(ref: SourceRef | null) {
  return ref === null ? null : { file: ref.file, line: ref.line };
}

function evidence(items: readonly Evidence[]) {
  return items.map((item) => ({ table: item.table, id: item.id, date: item.date, note: item.note }));
}

function finding(item: ReportFinding) {
  return {
    standard: item.standard,
    severity: item.severity,
    caseId: item.caseId,
    recordId: item.recordId,
    date: item.date,
    due: item.due,
    message: item.message,
    messageId: item.messageId,
    team: item.team,
    worker: item.worker,
    source: source(item.source),
    evidence: evidence(item.evidence),
    waiver:
      item.waiver === undefined
        ? undefined
        : { reason: item.waiver.reason, approvedBy: item.waiver.approvedBy, expires: item.waiver.expires },
    baseline: item.baseline,
  };
}

function waiverEntry(entry: WaiverEntry) {
  return {
    standard: entry.standard,
    caseId: entry.caseId,
    recordId: entry.recordId,
    reason: entry.reason,
    approvedBy: entry.approvedBy,
    expires: entry.expires,
  };
}

function resolved(item: ResolvedFinding) {
  return {
    standard: item.standard,
    severity: item.severity,
    caseId: item.caseId,
    recordId: item.recordId,
    date: item.date,
    due: item.due,
    message: item.message,
    messageId: item.messageId,
    team: item.team,
    worker: item.worker,
  };
}

function pending(item: ReportPending) {
  return {
    standard: item.standard,
    caseId: item.caseId,
    recordId: item.recordId,
    date: item.date,
    due: item.due,
    message: item.message,
    messageId: item.messageId,
    team: item.team,
    worker: item.worker,
    source: source(item.source),
    evidence: evidence(item.evidence),
  };
}

function caseResult(item: CaseResult) {
  return {
    caseId: item.caseId,
    team: item.team,
    worker: item.worker,
    applicable: [...item.applicable],
    breached: [...item.breached],
  };
}

/** The report as a plain object whose key order is the schema's, whatever order the report was built in. */
export function toJsonDocument(report: Report) {
  return {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    asOf: report.asOf,
    period: { from: report.period.from, to: report.period.to },
    region: report.region,
    inputs: report.inputs.map((input) => ({
      table: input.table,
      file: input.file,
      rows: input.rows,
      rejected: input.rejected,
      keptWithRejectedCells: input.keptWithRejectedCells,
      ...(input.symlink === true ? { symlink: true } : {}),
      ...(input.encoding === undefined ? {} : { encoding: input.encoding }),
      ...(input.filtered === undefined ? {} : { filtered: input.filtered }),
      ...(input.superseded === undefined ? {} : { superseded: input.superseded }),
      ...(input.pseudonymised === undefined ? {} : { pseudonymised: [...input.pseudonymised] }),
    })),
    ...(report.skipped === undefined ? {} : { skipped: report.skipped.map(({ file, reason }) => ({ file, reason })) }),
    assumptions: report.assumptions.map((assumption) => ({
      table: assumption.table,
      column: assumption.column,
      value: assumption.value,
    })),
    summary: {
      cases: report.summary.cases,
      casesWithBreaches: report.summary.casesWithBreaches,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      pending: report.summary.pending,
      partlyAssessed: report.summary.partlyAssessed,
      notAssessed: report.summary.notAssessed,
      waived: report.summary.waived,
    },
    standards: report.standards.map((standard) => ({
      id: standard.id,
      title: standard.title,
      severity: standard.severity,
      status: standard.status,
      reason: standard.reason,
      absentColumns: standard.absentColumns === undefined ? undefined : [...standard.absentColumns],
      applicable: standard.applicable,
      compliant: standard.compliant,
      breaches: standard.breaches,
      pending: standard.pending,
    })),
    findings: report.findings.map(finding),
    pending: report.pending.map(pending),
    cases: report.cases.map(caseResult),
    waivers:
      report.waivers === undefined
        ? undefined
        : {
            applied: report.waivers.applied,
            expired: report.waivers.expired.map(waiverEntry),
            stale: report.waivers.stale.map(waiverEntry),
          },
    baseline:
      report.baseline === undefined
        ? undefined
        : {
            asOf: report.baseline.asOf,
            new: report.baseline.new,
            known: report.baseline.known,
            resolved: report.baseline.resolved.map(resolved),
            notReassessed: report.baseline.notReassessed,
          },
  };
}

// Absent optional keys (reason, evidence id/date, and the waiver and baseline parts of a run without them) are
// dropped by JSON.stringify rather than written as null, so a plain run's output is unchanged by those features.
export function formatJson(report: Report): string {
  return [...formatJsonPieces(report)].join('');
}

/** The report's long lists, each item made ready for JSON as its batch is written, never all at once. */
interface LongList {
  readonly list: 'findings' | 'pending' | 'cases';
  readonly count: (report: Report) => number;
  /** Items `from` up to `to`, each made ready for JSON. */
  readonly batch: (report: Report, from: number, to: number) => unknown[];
}

const longList = <T>(list: LongList['list'], items: (report: Report) => readonly T[], ready: (item: T) => unknown): LongList => ({
  list,
  count: (report) => items(report).length,
  batch: (report, from, to) => items(report).slice(from, to).map(ready),
});

const LISTS: readonly LongList[] = [
  longList('findings', (report) => report.findings, finding),
  longList('pending', (report) => report.pending, pending),
  longList('cases', (report) => report.cases, caseResult),
];

/**
 * Items per batch: a batch's text (about 70 KB of findings) stays below the size V8 gives a space of its own
 * (128 KiB), so it dies in the young generation. A batch of thousands was a string of megabytes, kept until the
 * next full collection: the report's whole text again in garbage, and the audit's peak.
 */
const BATCH = 100;

// JSON.stringify of `{ "x": [items] }` with two-space indentation puts the items at the depth the report's
// lists have (two levels in): between this head and tail is exactly their text in the whole report.
const BATCH_HEAD = '{\n  "x": [\n';
const BATCH_TAIL = '\n  ]\n}';

/**
 * The text of formatJson in pieces, in order, byte for byte the same once joined: the report without its
 * three long lists, cut where each list goes, and each list in batches. A caller writing a file can write
 * one piece while the next is made, and never holds the whole text.
 */
export function* formatJsonPieces(report: Report): Generator<string> {
  // Each list's place is held by a string value: in the text, `"findings": "…"` with bare quotes can only be
  // that key and value, since quotes inside any string (a file name, a message) come out escaped.
  const placeholders = Object.fromEntries(LISTS.map(({ list }) => [list, `\u0001${list}`]));
  let rest = JSON.stringify({ ...toJsonDocument({ ...report, findings: [], pending: [], cases: [] }), ...placeholders }, null, 2);
  for (const { list, count: countOf, batch } of LISTS) {
    const marker = `${JSON.stringify(list)}: ${JSON.stringify(placeholders[list])}`;
    const at = rest.indexOf(marker);
    if (at === -1) throw new Error(`the JSON report lost the place of its ${list}`);
    yield rest.slice(0, at);
    rest = rest.slice(at + marker.length);
    const count = countOf(report);
    if (count === 0) {
      yield `${JSON.stringify(list)}: []`;
      continue;
    }
    yield `${JSON.stringify(list)}: [\n`;
    for (let start = 0; start < count; start += BATCH) {
      const text = JSON.stringify({ x: batch(report, start, start + BATCH) }, null, 2);
      yield `${start > 0 ? ',\n' : ''}${text.slice(BATCH_HEAD.length, text.length - BATCH_TAIL.length)}`;
    }
    yield '\n  ]';
  }
  yield `${rest}\n`;
}
