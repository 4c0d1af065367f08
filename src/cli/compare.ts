// The compare command: two saved JSON reports, what changed between them, and whether new errors fail the run.
import { InputError, UsageError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { COMPARISON_FORMAT_NAMES, formatComparisonJson, formatComparisonMarkdown, formatComparisonTable } from '../formatters/comparison.js';
import { compareReports } from '../report/compare.js';
import { readSavedReport } from '../report/saved-report.js';
import { oneOf } from './arguments.js';
import { EXIT, reportInterrupted, type CliIo } from './io.js';
import { checkOutputTargets, writeAllWhole } from './output.js';

export interface CompareOptions {
  readonly format: string;
  readonly output?: string;
  readonly failOn: string;
}

export async function compare(olderFile: string, newerFile: string, options: CompareOptions, io: CliIo): Promise<{ code: number; text: string | null }> {
  const format = oneOf(options.format, COMPARISON_FORMAT_NAMES, '--format');
  const failOn = oneOf(options.failOn, ['new', 'never'] as const, '--fail-on');
  const targets = options.output === undefined ? [] : [options.output];
  checkOutputTargets(targets, [olderFile, newerFile]);
  reportInterrupted(targets, io);
  const older = readSavedReport(olderFile, 'report', InputError);
  const newer = readSavedReport(newerFile, 'report', InputError);
  if (older.asOf > newer.asOf) {
    throw new UsageError(
      `${olderFile} (as of ${older.asOf}) is later than ${newerFile} (as of ${newer.asOf})`,
      {},
      'the earlier report first: compare <old.json> <new.json>',
    );
  }
  const comparison = compareReports(older, newer, { before: olderFile, after: newerFile });
  const text =
    format === 'json'
      ? formatComparisonJson(comparison, { name: 'practice-audit', version: VERSION })
      : format === 'markdown'
        ? formatComparisonMarkdown(comparison)
        : formatComparisonTable(comparison);
  const code = failOn === 'new' && comparison.summary.newErrors > 0 ? EXIT.findings : EXIT.ok;
  if (options.output !== undefined) {
    await writeAllWhole([{ file: options.output, content: text }]);
    return { code, text: null };
  }
  return { code, text };
}

