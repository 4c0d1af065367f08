// RuleTester for standards: tables of valid and invalid cases, each invalid case naming its expected findings.
import type { Finding } from '../../src/core/finding.js';
import { describe, expect, it } from 'vitest';
import type { AnyCheckModule } from '../../checks/types.js';
import { createCalendar, type Region } from '../../src/core/calendar.js';
import { judgeClauses } from '../../src/engine/clauses.js';
import { renderMessage } from '../../src/engine/messages.js';
import { TABLE_NAMES, type CaseRecord, type CaseRow, type ChildTableName, type SourceKeys, type TableRows } from '../../src/model/types.js';

type RowInput<T extends ChildTableName> = Omit<TableRows[T], SourceKeys | 'case_id'> & { case_id?: string };

/** A case written the short way: ids and sources are filled in. */
export type CaseInput = { case?: Partial<Omit<CaseRow, SourceKeys>> } & {
  [T in ChildTableName]?: RowInput<T>[];
};

const CHILD_TABLES = TABLE_NAMES.filter((table): table is ChildTableName => table !== 'cases');

/** Builds a CaseRecord from a short description; rows get the case id and a source line of their own. */
export function caseOf(input: CaseInput = {}): CaseRecord {
  const caseId = input.case?.case_id ?? 'C1';
  const record: Record<string, unknown> = {
    case: { case_id: caseId, status: 'open', ...input.case, sourceFile: 'cases.csv', sourceLine: 2 },
  };
  for (const table of CHILD_TABLES) {
    const rows = (input[table] ?? []) as Record<string, unknown>[];
    record[table] = rows.map((row, index) => ({
      case_id: caseId,
      ...row,
      sourceFile: `${table}.csv`,
      sourceLine: index + 2,
    }));
  }
  return record as CaseRecord;
}

export interface ExpectedFinding {
  readonly recordId: string | null;
  readonly messageId: string;
  readonly date?: string | null;
  /** The due date of a deadline breach; `null` checks that the finding carries none. */
  readonly due?: string | null;
  /** Checked as a subset of the finding's data. */
  readonly data?: Record<string, string | number>;
  /** Checked as a subset of the finding's evidence, entry by entry (table, id, date, note substring). */
  readonly evidence?: readonly { table: string; id?: string; date?: string; note?: string }[];
}

export interface ExpectedPending extends ExpectedFinding {
  readonly due: string;
}

interface TestCaseBase {
  readonly name: string;
  readonly case: CaseRecord;
  readonly asOf?: string;
  readonly options?: Record<string, unknown>;
  readonly region?: Region;
  readonly pending?: readonly ExpectedPending[];
  /** Columns the export lacks (`visits.child_seen`): the clauses that need them are not judged. */
  readonly absentColumns?: readonly string[];
}

export interface ValidCase extends TestCaseBase {
  /** Expected applicability; defaults to true. Use false for cases the standard has nothing to look at. */
  readonly applicable?: boolean;
}

export interface InvalidCase extends TestCaseBase {
  readonly findings: readonly ExpectedFinding[];
}

export interface RuleTests {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

const DEFAULT_AS_OF = '2026-10-31';

/** Runs the check as the engine does: findings of a clause the absent columns leave unjudged are left out. */
function runCheck(check: AnyCheckModule, test: TestCaseBase) {
  const options: unknown = check.meta.options.parse(test.options ?? {});
  const absent = new Set(test.absentColumns ?? []);
  const judgement = judgeClauses(check, (table, column) => !absent.has(`${table}.${column}`));
  const outcome = check.run(test.case, {
    asOf: test.asOf ?? DEFAULT_AS_OF,
    options,
    calendar: createCalendar(test.region ?? 'england-and-wales'),
    judges: judgement.judges,
  });
  const kept = <T extends Finding>(items: readonly T[]) => items.filter((item) => !judgement.droppedMessages.has(item.messageId));
  return { ...outcome, findings: kept(outcome.findings), pending: kept(outcome.pending) };
}

function matches(actual: Finding, expected: ExpectedFinding): void {
  expect(actual.recordId).toBe(expected.recordId);
  expect(actual.messageId).toBe(expected.messageId);
  if (expected.date !== undefined) expect(actual.date).toBe(expected.date);
  if (expected.due !== undefined) expect(actual.due ?? null).toBe(expected.due);
  if (expected.data) expect(actual.data).toMatchObject(expected.data);
  if (expected.evidence) {
    for (const wanted of expected.evidence) {
      const found = actual.evidence.some(
        (e) =>
          e.table === wanted.table &&
          (wanted.id === undefined || e.id === wanted.id) &&
          (wanted.date === undefined || e.date === wanted.date) &&
          (wanted.note === undefined || e.note.includes(wanted.note)),
      );
      expect(found, `evidence ${JSON.stringify(wanted)} in ${JSON.stringify(actual.evidence)}`).toBe(true);
    }
  }
}

/** Every finding and pending item renders its message in full: a placeholder its data lacks fails here. */
function expectRendered(check: AnyCheckModule, items: readonly Finding[]): void {
  for (const item of items) {
    const template = check.meta.messages[item.messageId];
    expect(template, `template for ${item.messageId}`).toBeDefined();
    const text = renderMessage(template as string, item.data, `${check.meta.id}/${item.messageId}`);
    expect(text).not.toMatch(/\{\{|\}\}/);
  }
}

function expectPending(actual: readonly Finding[], expected: readonly ExpectedPending[] = []): void {
  expect(actual.map((p) => p.recordId)).toEqual(expected.map((p) => p.recordId));
  expected.forEach((wanted, i) => {
    const got = actual[i] as Finding & { due: string };
    matches(got, wanted);
    expect(got.due).toBe(wanted.due);
  });
}

/** Registers one vitest suite per check: each valid case yields no finding, each invalid one exactly its findings. */
export function ruleTester(check: AnyCheckModule, tests: RuleTests): void {
  const names = [...tests.valid, ...tests.invalid].map((t) => t.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`${check.meta.id}: duplicate test case name "${duplicate}"`);
  for (const test of tests.invalid) {
    if (test.findings.length === 0) {
      throw new Error(`${check.meta.id}: invalid case "${test.name}" names no expected finding`);
    }
  }

  describe(check.meta.id, () => {
    describe('valid', () => {
      for (const test of tests.valid) {
        it(test.name, () => {
          const outcome = runCheck(check, test);
          expect(outcome.findings).toEqual([]);
          expect(outcome.applicable).toBe(test.applicable ?? true);
          expectPending(outcome.pending, test.pending);
          expectRendered(check, outcome.pending);
        });
      }
    });
    describe('invalid', () => {
      for (const test of tests.invalid) {
        it(test.name, () => {
          const outcome = runCheck(check, test);
          expect(outcome.applicable).toBe(true);
          expect(outcome.findings.map((f) => `${f.recordId}:${f.messageId}`)).toEqual(
            test.findings.map((f) => `${f.recordId}:${f.messageId}`),
          );
          test.findings.forEach((expected, i) => matches(outcome.findings[i] as Finding, expected));
          expectRendered(check, outcome.findings);
          expectPending(outcome.pending, test.pending);
          expectRendered(check, outcome.pending);
        });
      }
    });
  });
}
