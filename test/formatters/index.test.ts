// The formatter registry: the names the CLI offers, each rendering the whole report in its own form.
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATTERS } from '../../src/formatters/index.js';
import { fixtureReport } from './fixture.js';

describe('formatter registry', () => {
  it('offers exactly the formats it names, in the CLI’s order', () => {
    expect(FORMAT_NAMES).toEqual(['table', 'json', 'csv', 'markdown', 'junit', 'html', 'xlsx']);
    expect(Object.keys(FORMATTERS).sort()).toEqual([...FORMAT_NAMES].sort());
  });

  it.each(FORMAT_NAMES.filter((name) => name !== 'xlsx'))('%s renders text that names every case with a finding', async (name) => {
    const output = await FORMATTERS[name](fixtureReport, { color: false });
    expect(typeof output).toBe('string');
    for (const caseId of ['C001', 'C003', 'C004']) expect(output, `${name} mentions ${caseId}`).toContain(caseId);
  });

  it('xlsx renders a zip archive, as bytes', async () => {
    const output = await FORMATTERS.xlsx(fixtureReport, { color: false });
    expect(output).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(output as Uint8Array).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it.each(FORMAT_NAMES)('%s gives the same output for the same report', async (name) => {
    const first = await FORMATTERS[name](fixtureReport, { color: false });
    const second = await FORMATTERS[name](fixtureReport, { color: false });
    expect(second).toEqual(first);
  });
});
