// The configuration file: defaults, severities, options and effective dates, and one clear error for each mistake.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.js';
import { readConfigFile, resolveConfig, type ConfigFile } from '../../src/config/config.js';
import { INTEGRITY } from '../../src/engine/catalogue.js';
import { ConfigError } from '../../src/errors.js';

const resolve = (config: ConfigFile) => resolveConfig(config, CHECKS, INTEGRITY, 'audit.json');
const errorOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).toLine();
  }
  throw new Error('expected a ConfigError');
};

describe('resolveConfig', () => {
  it('gives every standard its default severity and options, and England and Wales', () => {
    const resolved = resolve({});
    expect(resolved.region).toBe('england-and-wales');
    expect(resolved.standards.size).toBe(CHECKS.length + INTEGRITY.length);
    expect(resolved.standards.get('defaulted-visits-escalated')).toEqual({
      severity: 'error',
      options: { threshold: 3, cpWorkingDays: 3, otherWorkingDays: 7 },
      effectiveFrom: null,
    });
    expect(resolved.standards.get('nrp-met-in-person')?.severity).toBe('warning');
  });

  it('reads a severity, true/false, options and an effective date', () => {
    const resolved = resolve({
      region: 'scotland',
      standards: {
        'nrp-met-in-person': 'error',
        'child-seen': false,
        'split-review-minutes': true,
        'defaulted-visits-escalated': { severity: 'warning', threshold: 4, effectiveFrom: '2026-04-01' },
        'data-orphan-row': 'warning',
      },
    });
    expect(resolved.region).toBe('scotland');
    expect(resolved.standards.get('nrp-met-in-person')?.severity).toBe('error');
    expect(resolved.standards.get('child-seen')?.severity).toBe('off');
    expect(resolved.standards.get('split-review-minutes')?.severity).toBe('error');
    expect(resolved.standards.get('defaulted-visits-escalated')).toEqual({
      severity: 'warning',
      options: { threshold: 4, cpWorkingDays: 3, otherWorkingDays: 7 },
      effectiveFrom: '2026-04-01',
    });
    expect(resolved.standards.get('data-orphan-row')?.severity).toBe('warning');
  });

  it('rejects an unknown standard by name', () => {
    expect(errorOf(() => resolve({ standards: { 'child-seeen': 'off' } }))).toMatch(/^audit\.json: unknown standard "child-seeen"/);
  });

  it('rejects an unknown or badly typed option, naming its path', () => {
    expect(errorOf(() => resolve({ standards: { 'defaulted-visits-escalated': { treshold: 4 } } }))).toMatch(
      /standards\.defaulted-visits-escalated: .*treshold/,
    );
    expect(errorOf(() => resolve({ standards: { 'defaulted-visits-escalated': { threshold: 0 } } }))).toMatch(
      /standards\.defaulted-visits-escalated\.threshold: /,
    );
    expect(errorOf(() => resolve({ standards: { 'data-orphan-row': { threshold: 1 } } }))).toMatch(/unknown option "threshold"/);
  });
});

describe('readConfigFile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'practice-audit-config-'));
  const write = (name: string, text: string) => {
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads a valid file', () => {
    expect(readConfigFile(write('ok.json', '{"region": "northern-ireland", "standards": {"child-seen": "warning"}}'))).toMatchObject({
      region: 'northern-ireland',
    });
  });

  it('names the line of a JSON syntax error', () => {
    const file = write('syntax.json', '{\n  "region": "scotland",\n  "standards": {,}\n}');
    expect(errorOf(() => readConfigFile(file))).toMatch(/syntax\.json:3: configuration is not valid JSON/);
  });

  it('rejects an unknown key, a bad region and a bad effective date', () => {
    expect(errorOf(() => readConfigFile(write('key.json', '{"regoin": "scotland"}')))).toMatch(/regoin/);
    expect(errorOf(() => readConfigFile(write('region.json', '{"region": "wales"}')))).toMatch(/region: /);
    expect(
      errorOf(() => readConfigFile(write('date.json', '{"standards": {"child-seen": {"effectiveFrom": "1/4/2026"}}}'))),
    ).toMatch(/effectiveFrom: expected a date as YYYY-MM-DD/);
  });

  it('says a missing file cannot be read', () => {
    expect(errorOf(() => readConfigFile(join(folder, 'missing.json')))).toMatch(/missing\.json: cannot read configuration: no such file or folder/);
  });
});
