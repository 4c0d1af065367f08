// Checks every JSON report the end-to-end suite produces against the published schema (docs/report.schema.json).
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Ajv } from 'ajv';

const schema: unknown = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema as object);

/** How many reports were checked, so a test can show the hook is live. */
export const checked = { reports: 0 };

/** Throws, naming every violation, when `text` is not a schema-version-1 report as published. */
export function assertReportSchema(text: string, where: string): void {
  const report: unknown = JSON.parse(text);
  checked.reports += 1;
  if (!validate(report)) {
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
    throw new Error(`${where}: the JSON report does not match docs/report.schema.json: ${problems}`);
  }
}

/** The JSON reports an audit command line writes: to stdout (`-f json` without `-o`) and to each `-o` paired with json. */
export function jsonReportsOf(args: readonly string[], cwd: string): { stdout: boolean; files: string[] } {
  if (args[0] !== 'audit') return { stdout: false, files: [] };
  const formats: string[] = [];
  const outputs: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-f' || arg === '--format') formats.push(args[++i] ?? '');
    else if (arg === '-o' || arg === '--output') outputs.push(args[++i] ?? '');
  }
  const count = Math.max(formats.length, outputs.length, 1);
  let stdout = false;
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = outputs[i];
    const format = formats[i] ?? (file?.endsWith('.json') === true ? 'json' : 'table');
    if (format !== 'json') continue;
    if (file === undefined) stdout = true;
    else files.push(isAbsolute(file) ? file : join(cwd, file));
  }
  return { stdout, files: files.filter((file) => existsSync(file)) };
}
