// Runs the built CLI (bin/practice-audit.js) as a user would and captures stdout, stderr and the exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertReportSchema, jsonReportsOf } from './report-schema.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runBuiltCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, ['bin/practice-audit.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Every JSON report a run wrote is held to the published schema: a test cannot pass on a report that breaks it.
  if (result.status === 0 || result.status === 1) {
    const reports = jsonReportsOf(args, ROOT);
    if (reports.stdout) assertReportSchema(result.stdout, `practice-audit ${args.join(' ')}`);
    for (const file of reports.files) assertReportSchema(readFileSync(file, 'utf8'), file);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A small export written to a fresh temporary folder, one file per entry; the caller removes the folder. */
export function writeExport(prefix: string, files: Readonly<Record<string, string>>): string {
  const folder = mkdtempSync(join(tmpdir(), `practice-audit-${prefix}-`));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}
