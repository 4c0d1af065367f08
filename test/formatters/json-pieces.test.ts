// The JSON report written in pieces joins to exactly the text of JSON.stringify over the whole report.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditPart } from '../../src/pipeline/parallel.js';
import { formatJson, formatJsonPieces, toJsonDocument } from '../../src/formatters/json.js';
import { tooLongAsError, writeAllWhole } from '../../src/cli/output.js';
import { InputError, OutputError } from '../../src/core/errors.js';
import type { Report, ReportFinding } from '../../src/core/report.js';
import { cleanReport, fixtureReport, statusReport } from './fixture.js';

const wholeText = (report: Report): string => `${JSON.stringify(toJsonDocument(report), null, 2)}\n`;
const joined = (report: Report): string => [...formatJsonPieces(report)].join('');

const settings = { asOf: '2026-10-31', period: { from: null, to: null }, region: 'england-and-wales', standards: new Map(), only: null } as const;

/** The fixture's findings repeated with new record ids until there are `count`, to span several batches. */
function manyFindings(report: Report, count: number): Report {
  const findings: ReportFinding[] = [];
  for (let i = 0; findings.length < count; i++) {
    const base = report.findings[i % report.findings.length] as ReportFinding;
    findings.push({ ...base, recordId: `R${String(i).padStart(6, '0')}` });
  }
  return { ...report, findings };
}

const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-json-pieces-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('formatJsonPieces', () => {
  it.each([
    ['the fixture report', fixtureReport],
    ['a report with nothing to list', cleanReport],
    ['a report with waivers and a baseline', statusReport],
    ['a report with more findings than one batch', manyFindings(fixtureReport, 9_001)],
    ['a report with no pending items and no cases', { ...fixtureReport, pending: [], cases: [] }],
  ])('joins to the whole text for %s', (_name, report) => {
    expect(joined(report)).toBe(wholeText(report));
    expect(formatJson(report)).toBe(wholeText(report));
  });

  it.each(['samples/monthly-export', 'samples/invalid-rows'])('joins to the whole text for the report of %s', async (path) => {
    const report = await auditPart({ paths: [path], load: {}, settings });
    expect(joined(report)).toBe(wholeText(report));
  });

  it('joins to the whole text whatever the strings hold, the placeholder text included', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('"findings": "\u0001findings"', '\u0001cases', '"x": [', '\n  ]\n}', '\u2028\u2029', '\ud800', '"\\'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, fc.option(text, { nil: null })), { maxLength: 12 }), (rows) => {
        const base = fixtureReport.findings[0] as ReportFinding;
        const findings = rows.map(([message, team, recordId]) => ({ ...base, message, team, recordId }));
        const report: Report = { ...fixtureReport, findings, inputs: [{ table: 'visits', file: rows[0]?.[0] ?? 'x', rows: 1, rejected: 0, keptWithRejectedCells: 0 }] };
        expect(joined(report)).toBe(wholeText(report));
      }),
      { numRuns: 200 },
    );
  });
});

describe('writeAllWhole with pieces', () => {
  it('writes the pieces in order and leaves no temporary file', async () => {
    const file = join(scratch, 'report.json');
    await writeAllWhole([{ file, content: formatJsonPieces(fixtureReport) }]);
    expect(readFileSync(file, 'utf8')).toBe(wholeText(fixtureReport));
    expect(readdirSync(scratch).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes nothing when the pieces fail part way, and rethrows the failure as it is', async () => {
    const file = join(scratch, 'broken.json');
    const other = join(scratch, 'other.json');
    function* failing(): Generator<string> {
      yield '{\n';
      throw new Error('formatter fault');
    }
    await expect(writeAllWhole([{ file: other, content: 'kept?' }, { file, content: failing() }])).rejects.toThrow('formatter fault');
    expect(readdirSync(scratch).filter((name) => name === 'broken.json' || name === 'other.json' || name.endsWith('.partial'))).toEqual([]);
  });

  it('a report that cannot be written is an output error, not an input error', async () => {
    const file = join(scratch, 'no-such-folder', 'report.json');
    const failure = await writeAllWhole([{ file, content: 'x' }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(OutputError);
    expect(failure).not.toBeInstanceOf(InputError);
  });
});

describe('a report too long for one string', () => {
  it('is an output error with what to do, for a format rendered whole; other errors pass through', async () => {
    const tooLong = () => {
      throw new RangeError('Invalid string length');
    };
    const error: unknown = await tooLongAsError('csv', tooLong).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).toLine()).toBe(
      'the csv report is longer than the longest text Node can hold (about 512 MB) (expected JSON (-f json, written piece by piece), or a smaller report: --only, --from/--to, or the export split by case)',
    );
    await expect(tooLongAsError('csv', () => 'fits')).resolves.toBe('fits');
    await expect(tooLongAsError('csv', () => { throw new RangeError('Maximum call stack size exceeded'); })).rejects.toBeInstanceOf(RangeError);
  });
});
