// The catalogue stays whole: every check module is registered, sorted, tested and documented, and the README lists it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, CHECKS, INTEGRITY_MODULES } from '../checks/index.js';
import { GUIDANCE_TITLES, renderIntegrityPage, renderStandardPage } from '../src/cli/explain.js';
import { VERSION } from '../src/core/version.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
// `npm run docs` sets this to rewrite the generated pages instead of comparing them.
const updating = process.env.UPDATE_DOCS === '1';

const moduleIds = readdirSync(new URL('checks/', root))
  .filter((name) => name.endsWith('.ts') && !name.startsWith('_') && name !== 'index.ts' && name !== 'types.ts')
  .map((name) => name.slice(0, -3))
  .sort();

describe('the check registry', () => {
  it('registers every module in checks/, and nothing else', () => {
    const registered = CHECKS.map((c) => c.meta.id);
    for (const id of moduleIds) {
      expect(registered, `checks/${id}.ts is not in checks/index.ts: import it and add it to CHECKS in sorted order`).toContain(id);
    }
    expect(registered.length).toBe(moduleIds.length);
  });

  it('keeps the registry sorted by id', () => {
    const ids = CHECKS.map((c) => c.meta.id);
    expect(ids, 'checks/index.ts must list CHECKS sorted by id').toEqual([...ids].sort());
  });

  it.each(moduleIds)('%s: its id is its file name and it has a test file', async (id) => {
    const module = (await import(/* @vite-ignore */ new URL(`checks/${id}.ts`, root).href)) as { meta: { id: string } };
    expect(module.meta.id, `meta.id of checks/${id}.ts`).toBe(id);
    expect(existsSync(new URL(`test/checks/${id}.test.ts`, root)), `add test/checks/${id}.test.ts`).toBe(true);
  });

  it.each(CHECKS.map((c) => [c.meta.id, c] as const))('%s: its metadata is complete', (_id, check) => {
    const { meta } = check;
    expect(meta.title.length).toBeGreaterThan(10);
    expect(meta.source.length).toBeGreaterThan(0);
    for (const source of meta.source) {
      expect(Object.keys(GUIDANCE_TITLES), `${meta.id}: unknown guidance file`).toContain(source.file);
      // The guidance travels with the project (docs/guidance/), so the quotes are checked in every clone.
      const guidance = read(`docs/guidance/${source.file}`).replace(/\s+/g, ' ');
      expect(guidance, `${meta.id}: quote from ${source.file} must be verbatim`).toContain(source.quote.replace(/\s+/g, ' '));
    }
    expect(meta.needs.length).toBeGreaterThan(0);
    for (const table of meta.needs) expect(Object.keys(meta.reads)).toContain(table);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    expect(() => meta.options.parse({})).not.toThrow();
    expect(meta.examples.breaches.length).toBeGreaterThan(0);
    expect(meta.examples.complies.length).toBeGreaterThan(0);
  });
});

const integrityIds = readdirSync(new URL('checks/integrity/', root))
  .filter((name) => name.endsWith('.ts') && !name.startsWith('_'))
  .map((name) => name.slice(0, -3))
  .sort();

describe('the data-integrity registry', () => {
  it('registers every module in checks/integrity/, sorted by id, each named by its id', () => {
    const registered = INTEGRITY_MODULES.map((module) => module.meta.id);
    expect(registered, 'checks/index.ts must list INTEGRITY_MODULES sorted by id').toEqual([...registered].sort());
    expect(registered, 'every checks/integrity/<id>.ts must be imported into INTEGRITY_MODULES of checks/index.ts, as meta.id <id>').toEqual(integrityIds);
  });

  it('every id of the catalogue is used once', () => {
    const ids = CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size, 'a check and a data-integrity standard share an id').toBe(ids.length);
  });
});

describe('the docs', () => {
  const pages = CATALOGUE.map((entry) => ({
    id: entry.id,
    page: entry.kind === 'check' ? renderStandardPage(entry.check) : renderIntegrityPage(entry.standard),
  }));

  it.each(pages.map((p) => [p.id, p.page] as const))('docs/standards/%s.md is up to date', (id, page) => {
    const file = new URL(`docs/standards/${id}.md`, root);
    if (updating) {
      mkdirSync(new URL('docs/standards/', root), { recursive: true });
      writeFileSync(file, page);
    }
    expect(existsSync(file), `docs/standards/${id}.md is missing: run npm run docs`).toBe(true);
    expect(readFileSync(file, 'utf8'), `docs/standards/${id}.md is stale: run npm run docs`).toBe(page);
  });

  it('the README lists every standard of the catalogue, in order, as the registry describes it', () => {
    // The table is generated from the registry: `npm run docs` writes it, so a new standard never edits the README.
    const rows = [...CATALOGUE]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((entry) => {
        const meta = entry.kind === 'check' ? entry.check.meta : entry.standard;
        return `| [\`${entry.id}\`](docs/standards/${entry.id}.md) | ${meta.defaultSeverity} | ${meta.title} |`;
      });
    const table = ['| standard | default severity | requirement |', '|---|---|---|', ...rows].join('\n');
    const readme = read('README.md');
    const start = readme.indexOf('| standard | default severity | requirement |');
    const end = readme.indexOf('\n\n', start);
    expect(start, 'README.md needs its standards table (| standard | default severity | requirement |)').toBeGreaterThan(-1);
    const generated = `${readme.slice(0, start)}${table}${readme.slice(end)}`;
    if (updating) writeFileSync(new URL('README.md', root), generated);
    expect(read('README.md'), 'README.md standards table is stale: run npm run docs').toBe(generated);
  });

  it('the version in the code is the package version', () => {
    expect(VERSION).toBe((JSON.parse(read('package.json')) as { version: string }).version);
  });
});
