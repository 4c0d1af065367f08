// JUnit XML for CI: a test suite per standard, a test case per applicable case, a failure per breach not waived.
import type { Report, ReportFinding, ReportPending, StandardSummary } from '../core/report.js';
import { escapeAttribute, escapeText } from './markup.js';
import { caseLabel, evidenceLine, isDataIntegrity, sourceLabel, waiverLine } from './shared.js';
import { compareText } from '../core/order.js';

interface TestCase {
  readonly name: string;
  readonly failures: readonly ReportFinding[];
  /** Breaches a waiver accepts: reported, never a failure. */
  readonly waived: readonly ReportFinding[];
  readonly pending: readonly ReportPending[];
  /** Set when the whole standard could not be run. */
  readonly notAssessed?: string;
  /** The not-assessed part is some clauses only (the standard is partly assessed). */
  readonly partly?: boolean;
}

interface TestSuite {
  readonly standard: StandardSummary;
  readonly cases: readonly TestCase[];
}

/** Placeholder test case names: parentheses keep them apart from real case ids and file:line names. */
const ALL_ROWS_CASE = '(all rows)';
const NOT_ASSESSED_CASE = '(not assessed)';
const PARTLY_ASSESSED_CASE = '(clauses not judged)';

function caseTestCases(report: Report, standard: StandardSummary): TestCase[] {
  const findings = report.findings.filter((finding) => finding.standard === standard.id);
  const pending = report.pending.filter((item) => item.standard === standard.id);
  // A breach or a pending deadline implies the standard applied, whatever the case list says.
  const caseIds = new Set([
    ...report.cases.filter((c) => c.applicable.includes(standard.id) || c.breached.includes(standard.id)).map((c) => c.caseId),
    ...findings.map((finding) => finding.caseId),
    ...pending.map((item) => item.caseId),
  ]);
  return [...caseIds].sort(compareText).map((caseId) => {
    const own = findings.filter((finding) => finding.caseId === caseId);
    return {
      name: caseLabel(caseId),
      failures: own.filter((finding) => finding.waiver === undefined),
      waived: own.filter((finding) => finding.waiver !== undefined),
      pending: pending.filter((item) => item.caseId === caseId),
    };
  });
}

function rowName(item: ReportFinding | ReportPending): string {
  return sourceLabel(item) || item.recordId || caseLabel(item.caseId);
}

/** Data-integrity standards judge rows, not cases: one test case per offending row. */
function rowTestCases(report: Report, standard: StandardSummary): TestCase[] {
  const findings = report.findings.filter((finding) => finding.standard === standard.id);
  const pending = report.pending.filter((item) => item.standard === standard.id);
  const cases: TestCase[] = [
    ...findings.map((finding) =>
      finding.waiver === undefined
        ? { name: rowName(finding), failures: [finding], waived: [], pending: [] }
        : { name: rowName(finding), failures: [], waived: [finding], pending: [] },
    ),
    ...pending.map((item) => ({ name: rowName(item), failures: [], waived: [], pending: [item] })),
  ];
  // A suite with no test case reads as "nothing ran" in most CI views; one passing case says the rows were checked.
  return cases.length > 0 ? cases : [{ name: ALL_ROWS_CASE, failures: [], waived: [], pending: [] }];
}

function suitesOf(report: Report): TestSuite[] {
  return report.standards
    .filter((standard) => standard.status !== 'off')
    .map((standard) => {
      if (standard.status === 'not-assessed') {
        const reason = standard.reason ?? 'not assessed';
        return { standard, cases: [{ name: NOT_ASSESSED_CASE, failures: [], waived: [], pending: [], notAssessed: reason }] };
      }
      const cases = isDataIntegrity(standard.id) ? rowTestCases(report, standard) : caseTestCases(report, standard);
      // Clauses left unjudged are a skipped case of their own, so CI never reads a partial check as a full pass.
      if (standard.status === 'partly-assessed') {
        const reason = standard.reason ?? 'partly assessed';
        cases.push({ name: PARTLY_ASSESSED_CASE, failures: [], waived: [], pending: [], notAssessed: reason, partly: true });
      }
      return { standard, cases };
    });
}

const isFailed = (testCase: TestCase) => testCase.failures.length > 0;
const isSkipped = (testCase: TestCase) =>
  !isFailed(testCase) && (testCase.pending.length > 0 || testCase.waived.length > 0 || testCase.notAssessed !== undefined);

function counts(cases: readonly TestCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter(isFailed).length,
    skipped: cases.filter(isSkipped).length,
  };
}

function countAttributes(total: { tests: number; failures: number; skipped: number }): string {
  return `tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}" time="0"`;
}

function failureBody(finding: ReportFinding): string {
  const where = [
    `case ${caseLabel(finding.caseId)}`,
    finding.recordId === null ? null : `record ${finding.recordId}`,
    finding.date === null ? null : `date ${finding.date}`,
    finding.due === undefined ? null : `due ${finding.due}`,
    finding.source === null ? null : `source ${sourceLabel(finding)}`,
    finding.baseline === undefined ? null : finding.baseline === 'new' ? 'new since the baseline' : 'known (in the baseline)',
  ].filter((part): part is string => part !== null);
  return [where.join(' · '), ...finding.evidence.map(evidenceLine)].join('\n');
}

function pendingLine(item: ReportPending): string {
  return `pending: due ${item.due} · ${item.message}`;
}

function waivedLine(finding: ReportFinding): string {
  return finding.waiver === undefined ? finding.message : `${waiverLine(finding.waiver)} · ${finding.message}`;
}

/** The first of several items for a skipped element's message, then how many more there are. */
function firstOf(lines: readonly string[], noun: string): string {
  const [first, ...rest] = lines;
  return `${first ?? ''}${rest.length === 0 ? '' : ` (and ${rest.length} more ${noun})`}`;
}

function testCaseXml(standardId: string, testCase: TestCase): string[] {
  const open = `    <testcase classname="${escapeAttribute(standardId)}" name="${escapeAttribute(testCase.name)}" time="0"`;
  const children: string[] = [];
  for (const finding of testCase.failures) {
    children.push(
      `      <failure message="${escapeAttribute(finding.message)}" type="${finding.severity}">${escapeText(failureBody(finding))}</failure>`,
    );
  }
  const waived = testCase.waived.map(waivedLine);
  const pending = testCase.pending.map(pendingLine);
  if (testCase.notAssessed !== undefined) {
    const label = testCase.partly === true ? 'partly assessed' : 'not assessed';
    children.push(`      <skipped message="${escapeAttribute(`${label}: ${testCase.notAssessed}`)}"/>`);
  } else if (testCase.failures.length === 0 && waived.length > 0) {
    children.push(`      <skipped message="${escapeAttribute(firstOf(waived, 'waived'))}"/>`);
  } else if (testCase.failures.length === 0 && pending.length > 0) {
    children.push(`      <skipped message="${escapeAttribute(firstOf(pending, 'pending'))}"/>`);
  }
  if (waived.length > 0 || pending.length > 0) {
    children.push(`      <system-out>${escapeText([...waived, ...pending].join('\n'))}</system-out>`);
  }
  if (children.length === 0) return [`${open}/>`];
  return [`${open}>`, ...children, '    </testcase>'];
}

function suiteXml(suite: TestSuite): string[] {
  const { standard } = suite;
  return [
    `  <testsuite name="${escapeAttribute(standard.id)}" ${countAttributes(counts(suite.cases))}>`,
    '    <properties>',
    `      <property name="title" value="${escapeAttribute(standard.title)}"/>`,
    `      <property name="severity" value="${escapeAttribute(standard.severity)}"/>`,
    `      <property name="status" value="${escapeAttribute(standard.status)}"/>`,
    '    </properties>',
    ...suite.cases.flatMap((testCase) => testCaseXml(standard.id, testCase)),
    '  </testsuite>',
  ];
}

/**
 * Warnings are failures too (type="warning"): the report states what was breached; whether CI stops is the exit
 * code's decision (--fail-on). A waived breach is skipped, not failed, with the waiver as the message. Waived
 * breaches and pending deadlines skip a case only when it has no other breach of that standard.
 */
export function formatJunit(report: Report): string {
  const suites = suitesOf(report);
  const total = counts(suites.flatMap((suite) => suite.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttribute(report.tool.name)} as of ${escapeAttribute(report.asOf)}" ${countAttributes(total)}>`,
    ...suites.flatMap(suiteXml),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The JUnit file of a run that could not be done (exit 2): one failing test carrying the error line, so a CI
 * pipeline that reads the file shows why instead of no test report at all.
 */
export function formatJunitError(errorLine: string, version: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="practice-audit ${escapeAttribute(version)}" tests="1" failures="1" errors="0" skipped="0" time="0">`,
    '  <testsuite name="practice-audit" tests="1" failures="1" errors="0" skipped="0" time="0">',
    '    <testcase classname="practice-audit" name="the audit could be run" time="0">',
    `      <failure message="${escapeAttribute(errorLine)}" type="exit 2">${escapeText(errorLine)}</failure>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
