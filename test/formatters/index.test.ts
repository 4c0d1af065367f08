// The formatter registry: the names the CLI offers, each rendering the whole report in its own form.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATTERS, formatOfExtension, OUTPUT_FORMATS } from '../../src/formatters/index.js';
import { fixtureReport } from './fixture.js';

describe('formatter registry', () => {
  const root = new URL('../../', import.meta.url);

  it('offers exactly the formats it names, in the CLI’s order', () => {
    expect(Object.keys(FORMATTERS)).toEqual(FORMAT_NAMES);
    expect(new Set(FORMAT_NAMES).size).toBe(FORMAT_NAMES.length);
  });

  it.each(FORMAT_NAMES)('%s has its module, its test file and its place in the README', (name) => {
    expect(existsSync(new URL(`src/formatters/${name}.ts`, root)), `a format's renderer lives in src/formatters/${name}.ts`).toBe(true);
    expect(existsSync(new URL(`test/formatters/${name}.test.ts`, root)), `add test/formatters/${name}.test.ts`).toBe(true);
    const options = readFileSync(new URL('README.md', root), 'utf8').split('\n').find((line) => line.startsWith('| `-f, --format <name>`'));
    expect(options, `list \`${name}\` in the README's -f, --format row`).toContain(`\`${name}\``);
  });

  it('gives each extension one format', () => {
    const extensions = OUTPUT_FORMATS.flatMap((format) => [...format.extensions]);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const format of OUTPUT_FORMATS) for (const extension of format.extensions) expect(formatOfExtension(extension)).toBe(format.name);
  });

  it.each(OUTPUT_FORMATS.filter((format) => format.binary === null).map((format) => format.name))('%s renders text that names every case with a finding', async (name) => {
    const output = await FORMATTERS[name](fixtureReport, { color: false });
    expect(typeof output).toBe('string');
    for (const caseId of ['C001', 'C003', 'C004']) expect(output, `${name} mentions ${caseId}`).toContain(caseId);
  });

  it('xlsx, the binary format, renders a zip archive, as bytes', async () => {
    expect(OUTPUT_FORMATS.filter((format) => format.binary !== null).map((format) => format.name)).toEqual(['xlsx']);
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
