// Helpers for the loader tests: temporary inputs, the accounting invariant and rendering integrity messages.
import type { Finding } from '../../src/core/finding.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

import { InputError } from '../../src/core/errors.js';
import { loadExport, type LoadedExport, type LoadOptions } from '../../src/pipeline/load.js';
import { CHECKS, INTEGRITY as INTEGRITY_STANDARDS } from '../../checks/index.js';
import { resolveConfig } from '../../src/config/config.js';
import type { AuditSettings } from '../../src/engine/audit.js';
import { recordsOf, TABLE_NAMES, type CaseRecord } from '../../src/model/types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/load', import.meta.url));

/** The audit's settings under the default configuration: as of 2026-10-31, England and Wales, every standard. */
export const defaultSettings = (): AuditSettings => ({
  asOf: '2026-10-31',
  period: { from: null, to: null },
  region: 'england-and-wales',
  standards: resolveConfig({}, CHECKS, INTEGRITY_STANDARDS).standards,
  only: null,
});

/** Writes the files (name → exact content, text or bytes) into a fresh temporary folder and returns its path. */
export async function inputFolder(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'practice-audit-load-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}

/** A loaded export with every case's record made: what a test looks into. */
export type LoadedRecords = Omit<LoadedExport, 'cases'> & { readonly cases: CaseRecord[] };

/** Loads the files from a fresh folder, checking the accounting invariant and every finding's message. */
export async function loadFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
  options: LoadOptions = {},
): Promise<LoadedRecords & { folder: string }> {
  const folder = await inputFolder(files);
  return { ...(await loadChecked([folder], options)), folder };
}

/** loadExport, then the invariants every load must keep. */
export async function loadChecked(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedRecords> {
  const loaded = await loadRecords(paths, options);
  expectAccounted(loaded);
  for (const finding of loaded.integrity) render(finding);
  return loaded;
}

/** loadExport, with every case's record made. */
export async function loadRecords(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedRecords> {
  const loaded = await loadExport(paths, options);
  return { ...loaded, cases: recordsOf(loaded.cases) };
}

/** The rejection of a load that must fail as a whole. */
export async function loadFailure(paths: readonly string[], options: LoadOptions = {}): Promise<InputError> {
  const error: unknown = await loadExport(paths, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** Every input's rows are audited or rejected: rows = audited + rejected, rejected = its findings. */
export function expectAccounted(loaded: LoadedRecords): void {
  const audited = new Map<string, number>();
  const auditedLines = new Set<string>();
  const count = (file: string, table: string, line: number) => {
    audited.set(`${table}|${file}`, (audited.get(`${table}|${file}`) ?? 0) + 1);
    auditedLines.add(`${table}|${file}|${line}`);
  };
  for (const record of loaded.cases) {
    count(record.case.sourceFile, 'cases', record.case.sourceLine);
    for (const table of TABLE_NAMES) {
      if (table === 'cases') continue;
      for (const row of record[table]) count(row.sourceFile, table, row.sourceLine);
    }
  }
  const keptCell = (finding: Finding) => finding.messageId.startsWith('cellRejected');
  for (const input of loaded.inputs) {
    const key = `${input.table}|${input.file}`;
    const findings = loaded.integrity.filter(
      (finding) => finding.source?.file === input.file && finding.data['table'] === input.table,
    );
    const cells = findings.filter(keptCell);
    expect({ key, audited: audited.get(key) ?? 0, rejected: findings.length - cells.length, kept: cells.length }).toEqual({
      key,
      audited: input.rows - input.rejected,
      rejected: input.rejected,
      kept: input.keptWithRejectedCells,
    });
    // Every rejected cell belongs to a row that is audited, so no cell read goes unaccounted for.
    for (const finding of cells) expect(auditedLines.has(`${input.table}|${input.file}|${finding.source?.line ?? 0}`)).toBe(true);
    audited.delete(key);
  }
  expect([...audited.keys()]).toEqual([]);
}

/** The finding's message as the engine renders it; fails on an unknown message id or a missing value. */
export function render(finding: Finding): string {
  const standard = INTEGRITY_STANDARDS.find((meta) => meta.id === finding.standard);
  const template = standard?.messages[finding.messageId];
  expect(template, `${finding.standard}/${finding.messageId}`).toBeTypeOf('string');
  const message = (template as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = finding.data[name];
    expect(value, `${finding.messageId} needs data.${name}`).toBeDefined();
    return String(value);
  });
  return message;
}

/** The case model without row sources, to compare input forms. */
export function withoutSources(loaded: Pick<LoadedRecords, 'cases'>): unknown {
  return JSON.parse(JSON.stringify(loaded.cases, (key, value: unknown) => (key === 'sourceFile' || key === 'sourceLine' ? undefined : value)));
}

/** The integrity findings in short form: standard, file name, line, column, for compact expectations. */
export function briefly(loaded: Pick<LoadedExport, 'integrity'>): string[] {
  return loaded.integrity.map((finding) => {
    const file = finding.source?.file.split(/[\\/]/).pop() ?? '?';
    const column = finding.data['column'] === undefined ? '' : ` ${String(finding.data['column'])}`;
    return `${finding.standard} ${file}:${finding.source?.line ?? '?'}${column}`;
  });
}
