// Command line for the generator: `npm run generate -- --cases N --out PATH [--seed S] [--format csv|ndjson|json]`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { generateCases, seedFrom } from './generator.js';
import { EXPORT_FORMATS, openCsvExport, openJsonExport, openNdjsonExport, writeAll, type ExportFormat, type ExportWriter } from './write.js';

export interface GenerateRequest {
  readonly cases: number;
  readonly out: string;
  readonly seed: string;
  readonly format: ExportFormat;
}

/** Where the export goes: the folder for CSV; for JSON and NDJSON the file, or `export.<ext>` inside a folder. */
export function outputPath(out: string, format: ExportFormat): string {
  if (format === 'csv' || out.endsWith(`.${format}`) || (format === 'ndjson' && out.endsWith('.jsonl'))) return out;
  return join(out, `export.${format}`);
}

async function openWriter(path: string, format: ExportFormat): Promise<ExportWriter> {
  if (format === 'csv') return openCsvExport(path, { ukDateTables: ['visits'] });
  if (format === 'json') return openJsonExport(path);
  return openNdjsonExport(path);
}

/** Writes the generated export and returns the rows written per table. */
export async function generateExport(request: GenerateRequest): Promise<ReadonlyMap<string, number>> {
  const writer = await openWriter(outputPath(request.out, request.format), request.format);
  await writeAll(writer, generateCases({ cases: request.cases, seed: seedFrom(request.seed) }));
  return writer.rowCounts;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('generate')
    .description('Write a realistic, seeded export of N cases (same seed, same bytes).')
    .requiredOption('--cases <n>', 'number of cases', positiveInteger)
    .requiredOption('--out <path>', 'CSV: the folder; JSON/NDJSON: the file (or a folder for export.<ext>)')
    .option('--seed <seed>', 'any number or text', '1')
    .addOption(new Option('--format <format>', 'export form').choices(EXPORT_FORMATS).default('csv'))
    .parse(argv, { from: 'node' });
  const options = program.opts<{ cases: number; out: string; seed: string; format: ExportFormat }>();
  const started = performance.now();
  const counts = await generateExport(options);
  const rows = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${options.cases} cases, ${rows} rows, to ${outputPath(options.out, options.format)} in ${seconds}s`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv);
}
