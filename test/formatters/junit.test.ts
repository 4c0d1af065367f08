// JUnit XML: valid for a strict parser, read correctly by a JUnit consumer, counts that match the elements.
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseJunit, type TestCase, type TestSuite, type TestSuites } from 'junit2json';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit.js';
import type { Report } from '../../src/core/report.js';
import { cleanReport, fixtureReport, HOSTILE_CASE_ID, HOSTILE_MESSAGE } from './fixture.js';

/** The first well-formedness error of a strict XML 1.0 parser (forbidden characters included), or null. */
function wellFormednessError(xml: string): string | null {
  const parser = new SaxesParser();
  let first: string | null = null;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  parser.write(xml).close();
  return first;
}

async function consume(xml: string): Promise<TestSuites> {
  const parsed = await parseJunit(xml);
  if (parsed === undefined || parsed === null || !('testsuite' in parsed)) throw new Error('junit2json did not read a <testsuites> document');
  return parsed as TestSuites;
}

function suite(document: TestSuites, name: string): TestSuite {
  const found = document.testsuite?.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no test suite ${name}`);
  return found;
}

function testCase(testSuite: TestSuite, name: string): TestCase {
  const found = testSuite.testcase?.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no test case ${name} in ${testSuite.name}`);
  return found;
}

describe('junit formatter', () => {
  const xml = formatJunit(fixtureReport);

  it('is well-formed XML for a strict parser and for fast-xml-parser’s validator', () => {
    expect(wellFormednessError(xml)).toBeNull();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  });

  it('has a suite per assessed or not-assessed standard, none for a standard switched off', async () => {
    const document = await consume(xml);
    expect(document.testsuite?.map((s) => s.name)).toEqual([
      'allegation-response-recorded',
      'data-invalid-row',
      'data-orphan-row',
      'defaulted-visits-escalated',
      'nrp-invited',
      'split-review-minutes',
    ]);
  });

  it('has a test case per applicable case, named by case id, with the standard as class name', async () => {
    const defaulted = suite(await consume(xml), 'defaulted-visits-escalated');
    expect(defaulted.testcase?.map((c) => c.name)).toEqual(['C001', 'C002', 'C003', 'C004']);
    expect(defaulted.testcase?.every((c) => c.classname === 'defaulted-visits-escalated')).toBe(true);
  });

  it('has a failure per breach, typed by severity, its body the record and evidence', async () => {
    const document = await consume(xml);
    const c001 = testCase(suite(document, 'defaulted-visits-escalated'), 'C001');
    expect(c001.failure?.map((f) => f.message)).toEqual(
      fixtureReport.findings.filter((f) => f.caseId === 'C001').map((f) => f.message),
    );
    expect(c001.failure?.[0]?.type).toBe('error');
    expect(c001.failure?.[0]?.inner).toBe(
      'case C001 · record V88 · date 2026-09-10 · due 2026-09-15 · source export/visits.csv:67\nvisits V88 2026-09-10: 4th defaulted visit\ndeadline 2026-09-15: core group due (3 working days)',
    );
    expect(testCase(suite(document, 'nrp-invited'), 'C003').failure?.[0]?.type).toBe('warning');
  });

  it('skips a case whose only outcome is pending, and reports pending beside a breach without skipping', async () => {
    const document = await consume(xml);
    const c002 = testCase(suite(document, 'defaulted-visits-escalated'), 'C002');
    expect(c002.skipped?.[0]?.message).toBe(
      'pending: due 2026-11-02 · Visit V95 on 2026-10-28 was the 4th defaulted visit; a core group is due by 2026-11-02.',
    );
    const c003 = testCase(suite(document, 'nrp-invited'), 'C003');
    expect(c003.skipped).toBeUndefined();
    expect(c003['system-out']?.[0]).toContain('due 2026-11-05');
  });

  it('gives a data-integrity standard a test case per offending row and a passing one when it found none', async () => {
    const document = await consume(xml);
    const invalid = suite(document, 'data-invalid-row');
    expect(invalid.testcase?.map((c) => c.name)).toEqual(['export/visits.csv:9']);
    expect(invalid.testcase?.[0]?.failure).toHaveLength(1);
    const orphan = suite(document, 'data-orphan-row');
    expect(orphan.tests).toBe(1);
    expect(orphan.testcase?.[0]?.failure).toBeUndefined();
  });

  it('skips a not-assessed standard with its reason', async () => {
    const notAssessed = suite(await consume(xml), 'split-review-minutes');
    expect(notAssessed.testcase?.[0]?.skipped?.[0]?.message).toBe(
      'not assessed: needs table meetings, which was not supplied',
    );
  });

  it('declares counts that match the test cases, failures and skips it contains', async () => {
    const document = await consume(xml);
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const testSuite of document.testsuite ?? []) {
      const cases = testSuite.testcase ?? [];
      expect(testSuite.tests, testSuite.name).toBe(cases.length);
      expect(testSuite.failures, testSuite.name).toBe(cases.filter((c) => (c.failure ?? []).length > 0).length);
      expect(testSuite.skipped, testSuite.name).toBe(cases.filter((c) => (c.skipped ?? []).length > 0).length);
      expect(testSuite.errors).toBe(0);
      tests += cases.length;
      failures += testSuite.failures ?? 0;
      skipped += testSuite.skipped ?? 0;
    }
    expect({ tests: document.tests, failures: document.failures }).toEqual({ tests, failures });
    expect(tests).toBe(14);
    expect(failures).toBe(6);
    expect(skipped).toBe(2);
    const failureElements = (document.testsuite ?? []).flatMap((s) => (s.testcase ?? []).flatMap((c) => c.failure ?? []));
    expect(failureElements).toHaveLength(fixtureReport.findings.length);
  });

  it('escapes hostile ids and messages so a parser gives them back unchanged', async () => {
    const hostile = testCase(suite(await consume(xml), 'nrp-invited'), HOSTILE_CASE_ID);
    expect(hostile.failure?.[0]?.message).toBe(HOSTILE_MESSAGE);
    expect(xml).not.toContain('<script>');
  });

  it('stays well-formed when the data holds characters XML forbids', () => {
    const broken: Report = {
      ...fixtureReport,
      findings: fixtureReport.findings.map((f) => ({ ...f, message: `${f.message}\u0000\u0008\uFFFF\uD800` })),
    };
    const output = formatJunit(broken);
    expect(wellFormednessError(output)).toBeNull();
    expect(output).toContain('\uFFFD');
  });

  it('renders a clean run as passing suites only', async () => {
    const document = await consume(formatJunit(cleanReport));
    expect(document.failures).toBe(0);
    expect(document.tests).toBeGreaterThan(0);
  });
});
