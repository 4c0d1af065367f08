// Runs every selected standard over every case and assembles the sorted, deterministic report.
import type { Evidence, Finding, PendingItem, Severity } from '../core/finding.js';
import type { IsoDate } from '../core/dates.js';
import { checkHeap, HEAP_CHECK_EVERY_CASES } from '../core/heap.js';
import type { AnyCheckModule, CheckContext } from '../../checks/types.js';
import type { StandardSettings } from '../config/config.js';
import { createCalendar, type Region } from '../core/calendar.js';
import type { CaseList, CaseRow, TableName } from '../model/types.js';
import type {
  Assumption,
  CaseResult,
  InputSummary,
  SkippedInput,
  Report,
  ReportFinding,
  ReportPending,
  StandardSummary,
} from '../core/report.js';
import { VERSION } from '../core/version.js';
import { compareFindingLike, compareText } from '../core/order.js';
import { periodKeepsFinding, periodKeepsPending } from './period.js';
import { caseAsOf } from './as-of.js';
import { judgeClauses, type ClauseJudgement } from './clauses.js';
import { renderMessage } from './messages.js';
import { textPool } from '../model/values.js';

/** A data-integrity standard as the engine needs it (its findings come from the loader). */
export interface IntegrityStandard {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly messages: Readonly<Record<string, string>>;
}

export interface AuditInput {
  readonly cases: CaseList;
  readonly tablesPresent: ReadonlySet<TableName>;
  /** The columns each present table has in at least one input; every contract column when left out. */
  readonly columnsPresent?: ReadonlyMap<TableName, ReadonlySet<string>>;
  /** Columns a mapping sets to one value for every row: reported as assumptions of the audit. */
  readonly assumptions?: readonly Assumption[];
  readonly inputs: readonly InputSummary[];
  /** Input files found but not read. */
  readonly skipped?: readonly SkippedInput[];
  readonly integrity: readonly Finding[];
}

export interface AuditSettings {
  readonly asOf: IsoDate;
  readonly period: { readonly from: IsoDate | null; readonly to: IsoDate | null };
  readonly region: Region;
  /** Settings per standard id (severity 'off' = not run); ids missing here run with their defaults. */
  readonly standards: ReadonlyMap<string, StandardSettings>;
  /** Run only these check ids (the data-integrity standards are always reported unless switched off). */
  readonly only: readonly string[] | null;
}

interface Running {
  readonly check: AnyCheckModule;
  // The registry holds ES module namespaces, whose properties are slow to read in a loop that runs for
  // every case and check: what the loop needs is read from them once, here.
  readonly id: string;
  readonly run: AnyCheckModule['run'];
  readonly messages: Readonly<Record<string, string>>;
  readonly severity: Severity;
  /** The check's context, the same for every case: built once rather than for each of them. */
  readonly context: CheckContext<unknown>;
  /** Whether a finding falls on or after the standard's effective date and inside the audit period. */
  readonly keep: (finding: Finding) => boolean;
  /** Whether a pending deadline falls on or after the standard's effective date and runs during the audit period. */
  readonly keepPending: (item: PendingItem) => boolean;
  readonly judgement: ClauseJudgement;
  readonly tally: Tally;
}

interface Tally {
  applicable: number;
  compliant: number;
  breaches: number;
  pending: number;
}

/** The report's order (case, standard, date, record, message id), then wording and line to break ties. */
export function compareListed(a: ReportPending | ReportFinding, b: ReportPending | ReportFinding): number {
  return compareFindingLike(a, b) || compareText(a.message, b.message) || (a.source?.line ?? 0) - (b.source?.line ?? 0);
}

export function comparePending(a: ReportPending, b: ReportPending): number {
  return compareListed(a, b) || compareText(a.due, b.due);
}

function onOrAfter(date: IsoDate | null, effectiveFrom: IsoDate | null): boolean {
  return effectiveFrom === null || date === null || date >= effectiveFrom;
}

function clausesCount(check: AnyCheckModule): number {
  return check.meta.clauses?.length ?? 1;
}

/** Why a standard was only partly assessed: the absent columns and the clauses they leave unjudged. */
function partlyReason(judgement: ClauseJudgement, none: boolean): string {
  const columns = judgement.absentColumns;
  const what = `column${columns.length > 1 ? 's' : ''} ${columns.join(', ')} absent from the input`;
  if (none) return `${what}: no clause of the rule can be judged`;
  return `${what}: not judged: ${judgement.unjudged.map((clause) => clause.requirement).join('; ')}`;
}

function missingTables(check: AnyCheckModule, present: ReadonlySet<TableName>): TableName[] {
  return check.meta.needs.filter((table) => !present.has(table));
}

export function runAudit(
  input: AuditInput,
  checks: readonly AnyCheckModule[],
  integrityStandards: readonly IntegrityStandard[],
  settings: AuditSettings,
): Report {
  const calendar = createCalendar(settings.region);
  const settingsOf = (id: string, defaultSeverity: Severity): StandardSettings =>
    settings.standards.get(id) ?? { severity: defaultSeverity, options: undefined, effectiveFrom: null };

  const summaries: StandardSummary[] = [];
  const running: Running[] = [];
  const { columnsPresent } = input;
  // A present table with no column list (JSON documents that give it no row) has nothing to say against a column.
  const hasColumn = (table: TableName, column: string): boolean =>
    columnsPresent?.get(table)?.has(column) ?? input.tablesPresent.has(table);
  // Run in id order, so each case's applicable and breached lists come out sorted.
  for (const check of [...checks].sort((a, b) => compareText(a.meta.id, b.meta.id))) {
    const { id, title, defaultSeverity } = check.meta;
    const standard = settingsOf(id, defaultSeverity);
    const empty = { applicable: 0, compliant: 0, breaches: 0, pending: 0 };
    if (settings.only !== null && !settings.only.includes(id)) {
      summaries.push({ id, title, severity: 'off', status: 'off', reason: 'not selected by --only', ...empty });
      continue;
    }
    if (standard.severity === 'off') {
      summaries.push({ id, title, severity: 'off', status: 'off', reason: 'switched off in the configuration', ...empty });
      continue;
    }
    const missing = missingTables(check, input.tablesPresent);
    if (missing.length > 0) {
      summaries.push({
        id,
        title,
        severity: standard.severity,
        status: 'not-assessed',
        reason: `table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing from the input`,
        ...empty,
      });
      continue;
    }
    const judgement = judgeClauses(check, hasColumn);
    if (judgement.unjudged.length > 0 && judgement.unjudged.length === clausesCount(check)) {
      // No clause can be judged: nothing to run, and no case is applicable.
      summaries.push({
        id,
        title,
        severity: standard.severity,
        status: 'partly-assessed',
        reason: partlyReason(judgement, true),
        absentColumns: judgement.absentColumns,
        ...empty,
      });
      continue;
    }
    const options = standard.options === undefined ? check.meta.options.parse({}) : standard.options;
    const { effectiveFrom } = standard;
    const { droppedMessages } = judgement;
    const judged = (f: Finding) => droppedMessages.size === 0 || !droppedMessages.has(f.messageId);
    running.push({
      check,
      id,
      run: check.run.bind(check),
      messages: check.meta.messages,
      severity: standard.severity,
      context: { asOf: settings.asOf, options, calendar, judges: judgement.judges },
      keep: (f: Finding) => judged(f) && onOrAfter(f.date, effectiveFrom) && periodKeepsFinding(f, settings.period),
      keepPending: (p: PendingItem) => judged(p) && onOrAfter(p.date, effectiveFrom) && periodKeepsPending(p, settings.period),
      judgement,
      tally: { ...empty },
    });
  }

  const findings: ReportFinding[] = [];
  const pending: ReportPending[] = [];
  const caseResults: CaseResult[] = [];
  // Each case's place by its id: the integrity findings' teams and workers are looked up after the cases are
  // audited, in case rows made again then (few findings), not in a row per case held through the audit.
  const caseCount = input.cases.length;
  const caseIndexById = new Map<string, number>();
  for (let index = 0; index < caseCount; index++) caseIndexById.set(input.cases.caseRow(index).case_id, index);
  const caseRowOf = (caseId: string): CaseRow | undefined => {
    const index = caseIndexById.get(caseId);
    return index === undefined ? undefined : input.cases.caseRow(index);
  };
  const teamOf = (caseId: string) => caseRowOf(caseId)?.team ?? null;
  const workerOf = (caseId: string) => caseRowOf(caseId)?.worker ?? null;

  // Evidence notes repeat ("assessment completed", "cp_conference"): 266,000 notes on the 50,000-case export are
  // 34,000 texts. A check builds each from pieces, which V8 keeps as a chain of pieces, so the report held each
  // note as its own chain until it was written. Each text is kept once, whole.
  const noteOf = textPool();
  const evidenceOf = (items: readonly Evidence[]): Evidence[] =>
    items.map(({ table, id, date, note }) => ({ table, ...(id === undefined ? {} : { id }), ...(date === undefined ? {} : { date }), note: noteOf(note) }));

  /** `caseRow` is the finding's own case when the caller has it at hand, saving a lookup per finding. */
  const toReport = (
    finding: Finding,
    severity: Severity,
    messages: Readonly<Record<string, string>>,
    caseRow?: CaseRow,
  ): ReportFinding => {
    const template = messages[finding.messageId];
    if (template === undefined) throw new Error(`${finding.standard}: no message template "${finding.messageId}"`);
    const ownCase = caseRow !== undefined && caseRow.case_id === finding.caseId;
    return {
      standard: finding.standard,
      severity,
      caseId: finding.caseId,
      recordId: finding.recordId,
      date: finding.date,
      ...(finding.due !== undefined ? { due: finding.due } : {}),
      message: renderMessage(template, finding.data, finding.standard),
      messageId: finding.messageId,
      team: ownCase ? (caseRow.team ?? null) : teamOf(finding.caseId),
      worker: ownCase ? (caseRow.worker ?? null) : workerOf(finding.caseId),
      source: finding.source ?? null,
      evidence: evidenceOf(finding.evidence),
    };
  };

  // Cases share a few combinations of standards: each list is held once, frozen, rather than two growable arrays per case.
  const heldLists = new Map<string, readonly string[]>();
  const listOf = (ids: readonly string[]): readonly string[] => {
    const key = ids.join('\u0000');
    let held = heldLists.get(key);
    if (held === undefined) {
      held = Object.freeze([...ids]);
      heldLists.set(key, held);
    }
    return held;
  };

  for (let index = 0; index < caseCount; index++) {
    if ((index + 1) % HEAP_CHECK_EVERY_CASES === 0) checkHeap();
    // Made for this case's standards alone: its rows die young once they have run.
    const caseRecord = input.cases.record(index);
    const asOfCase = caseAsOf(caseRecord, settings.asOf);
    const caseRow = caseRecord.case;
    const applicable: string[] = [];
    const breached: string[] = [];
    for (const { id, run, messages, severity, context, keep, keepPending, tally } of running) {
      const outcome = run(asOfCase, context);
      if (!outcome.applicable) continue;
      // Most outcomes have nothing to report: filtering them would only allocate.
      const kept = outcome.findings.length === 0 ? outcome.findings : outcome.findings.filter(keep);
      const keptPending = outcome.pending.length === 0 ? outcome.pending : outcome.pending.filter(keepPending);
      tally.applicable += 1;
      applicable.push(id);
      if (kept.length > 0) {
        breached.push(id);
        tally.breaches += kept.length;
      } else {
        tally.compliant += 1;
      }
      tally.pending += keptPending.length;
      for (const finding of kept) findings.push(toReport(finding, severity, messages, caseRow));
      for (const item of keptPending as readonly PendingItem[]) {
        const { severity: _severity, ...rest } = toReport(item, severity, messages, caseRow);
        pending.push({ ...rest, due: item.due });
      }
    }
    caseResults.push({
      caseId: caseRow.case_id,
      team: caseRow.team ?? null,
      worker: caseRow.worker ?? null,
      applicable: listOf(applicable),
      breached: listOf(breached),
    });
  }
  for (const { check, severity, tally, judgement } of running) {
    const { id, title } = check.meta;
    if (judgement.unjudged.length === 0) {
      summaries.push({ id, title, severity, status: 'assessed', ...tally });
      continue;
    }
    summaries.push({
      id,
      title,
      severity,
      status: 'partly-assessed',
      reason: partlyReason(judgement, false),
      absentColumns: judgement.absentColumns,
      ...tally,
    });
  }

  for (const standard of integrityStandards) {
    const { severity } = settingsOf(standard.id, standard.defaultSeverity);
    const own = input.integrity.filter((f) => f.standard === standard.id);
    const empty = { applicable: 0, compliant: 0, pending: 0 };
    if (severity === 'off') {
      summaries.push({
        id: standard.id,
        title: standard.title,
        severity: 'off',
        status: 'off',
        reason: 'switched off in the configuration',
        ...empty,
        breaches: 0,
      });
      continue;
    }
    for (const finding of own) findings.push(toReport(finding, severity, standard.messages));
    summaries.push({ id: standard.id, title: standard.title, severity, status: 'assessed', ...empty, breaches: own.length });
  }

  findings.sort(compareListed);
  pending.sort(comparePending);
  summaries.sort((a, b) => compareText(a.id, b.id));
  caseResults.sort((a, b) => compareText(a.caseId, b.caseId));

  const casesWithBreaches = new Set(findings.filter((f) => caseIndexById.has(f.caseId)).map((f) => f.caseId)).size;
  return {
    schemaVersion: 1,
    tool: { name: 'practice-audit', version: VERSION },
    asOf: settings.asOf,
    period: settings.period,
    region: settings.region,
    inputs: input.inputs,
    ...(input.skipped !== undefined && input.skipped.length > 0 ? { skipped: input.skipped } : {}),
    assumptions: input.assumptions ?? [],
    summary: {
      cases: caseCount,
      casesWithBreaches,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      pending: pending.length,
      partlyAssessed: summaries.filter((s) => s.status === 'partly-assessed').length,
      notAssessed: summaries.filter((s) => s.status === 'not-assessed').length,
    },
    standards: summaries,
    findings,
    pending,
    cases: caseResults,
  };
}
