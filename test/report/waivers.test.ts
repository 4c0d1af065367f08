// Waivers: the file's validation, which findings an in-force waiver accepts, and expired and stale waivers.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { applyWaivers, parseWaivers } from '../../src/report/waivers.js';
import type { WaiverEntry } from '../../src/core/report.js';
import { fixtureReport } from '../formatters/fixture.js';

const KNOWN = fixtureReport.standards.map((standard) => standard.id);
const FILE = 'qa/waivers.json';

function waiver(overrides: Partial<WaiverEntry> = {}): WaiverEntry {
  return {
    standard: 'defaulted-visits-escalated',
    caseId: 'C001',
    recordId: 'V88',
    reason: 'Core group held by partner agency; minutes requested',
    approvedBy: 'Head of QA',
    expires: '2026-12-31',
    ...overrides,
  };
}

function parseError(raw: unknown): ConfigError {
  try {
    parseWaivers(raw, KNOWN, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('parseWaivers accepted an invalid file');
}

describe('parseWaivers', () => {
  const entry = {
    standard: 'nrp-invited',
    caseId: 'C003',
    reason: 'Father in custody; invitation sent via prison',
    approvedBy: 'Service manager',
    expires: '2026-11-30',
  };

  it('reads {"waivers": [...]}, a missing recordId meaning every record of the case', () => {
    expect(parseWaivers({ waivers: [entry, { ...entry, recordId: 'M7' }] }, KNOWN, FILE)).toEqual([
      { ...entry, recordId: null },
      { ...entry, recordId: 'M7' },
    ]);
  });

  it('reads a bare array of waivers as well', () => {
    expect(parseWaivers([entry], KNOWN, FILE)).toEqual([{ ...entry, recordId: null }]);
  });

  it('refuses an unknown standard by name, with the entry’s path and the file', () => {
    const error = parseError({ waivers: [entry, { ...entry, standard: 'nrp-invitd' }] });
    expect(error.message).toBe('waivers[1].standard: unknown standard "nrp-invitd"');
    expect(error.toLine()).toBe(
      `${FILE}: waivers[1].standard: unknown standard "nrp-invitd" (expected an id listed by \`practice-audit standards\`)`,
    );
  });

  it('refuses a date that does not exist, naming the entry, the value and the forms accepted', () => {
    expect(parseError({ waivers: [{ ...entry, expires: '2026-02-30' }] }).message).toBe(
      'waivers[0].expires: "2026-02-30" is not a date (not a real calendar date (day 30 of month 2 of 2026)); expected YYYY-MM-DD or DD/MM/YYYY',
    );
    expect(parseError({ waivers: [{ ...entry, expires: '12/25/2026' }] }).message).toMatch(/^waivers\[0\]\.expires: "12\/25\/2026" is not a date/);
  });

  it('reads a UK date as every other input does, and keeps it as YYYY-MM-DD', () => {
    expect(parseWaivers({ waivers: [{ ...entry, expires: '31/12/2026' }] }, KNOWN, FILE)[0]?.expires).toBe('2026-12-31');
    expect(parseWaivers({ waivers: [{ ...entry, expires: '1/3/2027' }] }, KNOWN, FILE)[0]?.expires).toBe('2027-03-01');
  });

  it('refuses a missing or empty reason and approver', () => {
    const { reason: _reason, ...noReason } = entry;
    expect(parseError({ waivers: [noReason] }).message).toMatch(/^waivers\[0\]\.reason: /);
    expect(parseError([{ ...entry, approvedBy: '  ' }]).message).toBe('[0].approvedBy: must not be empty');
  });

  it('refuses a misspelt key rather than ignoring it, naming it and the keys an entry may hold', () => {
    expect(parseError({ waivers: [{ ...entry, recordID: 'M7' }] }).message).toBe(
      'waivers[0]: unknown key "recordID" (expected standard, caseId, recordId, reason, approvedBy, expires)',
    );
    // The misspelling is named before the key it leaves missing.
    const { expires, ...noExpires } = entry;
    expect(parseError({ waivers: [{ ...noExpires, expiry: expires }] }).message).toBe(
      'waivers[0]: unknown key "expiry" (expected standard, caseId, recordId, reason, approvedBy, expires)',
    );
    expect(parseError({ waivers: [noExpires] }).message).toBe('waivers[0].expires: missing (expected text)');
  });

  it('refuses a file that is not a list of waivers', () => {
    expect(parseError('waivers').message).toBe('a waiver file holds a list of waivers');
    expect(parseError({ waiver: [] }).message).toMatch(/waiver/);
  });
});

describe('applyWaivers', () => {
  it('waives the finding of the named record only, keeps it in the report and moves it from errors to waived', () => {
    const report = applyWaivers(fixtureReport, [waiver()]);
    const waived = report.findings.filter((finding) => finding.waiver !== undefined);
    expect(waived.map((finding) => finding.recordId)).toEqual(['V88']);
    expect(waived[0]?.waiver).toEqual({
      reason: 'Core group held by partner agency; minutes requested',
      approvedBy: 'Head of QA',
      expires: '2026-12-31',
    });
    expect(report.findings).toHaveLength(fixtureReport.findings.length);
    expect(report.summary).toEqual({ ...fixtureReport.summary, errors: fixtureReport.summary.errors - 1, waived: 1 });
    expect(report.waivers).toEqual({ applied: 1, expired: [], stale: [] });
  });

  it('waives every finding of the standard in the case when the waiver names no record', () => {
    const report = applyWaivers(fixtureReport, [waiver({ recordId: null })]);
    expect(report.findings.filter((f) => f.waiver !== undefined).map((f) => f.recordId)).toEqual(['V88', 'V90']);
    expect(report.summary.waived).toBe(2);
  });

  it('leaves compliance untouched: a waiver accepts a breach, it does not erase it', () => {
    const report = applyWaivers(fixtureReport, [waiver({ recordId: null })]);
    expect(report.cases).toEqual(fixtureReport.cases);
    expect(report.standards).toEqual(fixtureReport.standards);
    expect(report.summary.casesWithBreaches).toBe(fixtureReport.summary.casesWithBreaches);
  });

  it('applies on its expiry date and not the day after; an expired waiver is listed and its finding counts again', () => {
    expect(applyWaivers(fixtureReport, [waiver({ expires: '2026-10-31' })]).summary.waived).toBe(1);
    const expired = waiver({ expires: '2026-10-30' });
    const report = applyWaivers(fixtureReport, [expired]);
    expect(report.summary.waived).toBe(0);
    expect(report.summary.errors).toBe(fixtureReport.summary.errors);
    expect(report.waivers).toEqual({ applied: 0, expired: [expired], stale: [] });
  });

  it('lists an in-force waiver that matched no finding as stale', () => {
    const stale = waiver({ caseId: 'C002' });
    const report = applyWaivers(fixtureReport, [waiver(), stale]);
    expect(report.waivers).toEqual({ applied: 1, expired: [], stale: [stale] });
  });

  it('does not call a waiver stale when its standard was not assessed in this run', () => {
    const notAssessed = waiver({ standard: 'split-review-minutes', caseId: 'C002', recordId: null });
    const switchedOff = waiver({ standard: 'nrp-copied-into-letters', caseId: 'C002', recordId: null });
    expect(applyWaivers(fixtureReport, [notAssessed, switchedOff]).waivers?.stale).toEqual([]);
  });

  it('prefers the waiver naming the record over a case-wide one, then the later expiry', () => {
    const caseWide = waiver({ recordId: null, reason: 'case-wide', expires: '2027-06-30' });
    const specific = waiver({ reason: 'record', expires: '2026-11-30' });
    const later = waiver({ reason: 'record, renewed', expires: '2026-12-31' });
    const report = applyWaivers(fixtureReport, [caseWide, specific, later]);
    expect(report.findings.find((f) => f.recordId === 'V88')?.waiver?.reason).toBe('record, renewed');
    expect(report.findings.find((f) => f.recordId === 'V90')?.waiver?.reason).toBe('case-wide');
    expect(report.waivers).toEqual({ applied: 3, expired: [], stale: [] });
  });

  it('waives warnings too, and lists expired waivers sorted by case', () => {
    const report = applyWaivers(fixtureReport, [
      waiver({ standard: 'nrp-invited', caseId: 'C003', recordId: 'M7', expires: '2026-11-01' }),
      waiver({ caseId: 'C009', expires: '2026-01-01' }),
      waiver({ caseId: 'C002', expires: '2026-02-01' }),
    ]);
    expect(report.summary).toMatchObject({ errors: fixtureReport.summary.errors, warnings: fixtureReport.summary.warnings - 1, waived: 1 });
    expect(report.waivers?.expired.map((w) => w.caseId)).toEqual(['C002', 'C009']);
  });

  it('is the identity on findings when no waiver is given, apart from the waived count', () => {
    const report = applyWaivers(fixtureReport, []);
    expect(report.findings).toEqual(fixtureReport.findings);
    expect(report.summary).toEqual({ ...fixtureReport.summary, waived: 0 });
  });
});
