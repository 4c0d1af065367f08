// The preflight command: what the inputs' headers and first rows offer, and which standards an audit of them would assess.
import { CHECKS, INTEGRITY } from '../../checks/index.js';
import { InputError } from '../core/errors.js';
import { readConfigFile, resolveConfig, type ConfigFile } from '../config/config.js';
import { preflight, preflightExitCode, renderPreflightJson, renderPreflightText } from '../engine/preflight.js';
import { DEFAULT_SAMPLE_ROWS, ValueSampler } from '../engine/preflight-values.js';
import { UsageError } from '../core/errors.js';
import { inputOptions, type InputArguments } from '../read/options.js';
import { scanHeaders } from '../read/scan.js';
import { oneOf, parseOnly, parseSampleRows } from './arguments.js';
import { type CliIo } from './io.js';

export interface PreflightOptions extends InputArguments {
  readonly config?: string;
  readonly only?: string;
  readonly format: string;
  readonly strictInputs?: boolean;
  readonly sampleRows?: string;
  readonly allRows?: boolean;
}

/** Rows read from each tabular input for the look at values: --sample-rows N, every one with --all-rows (null), else the default. */
function sampleLimit(options: PreflightOptions): number | null {
  if (options.allRows === true) {
    if (options.sampleRows !== undefined) throw new UsageError('--sample-rows and --all-rows cannot be given together', {}, `one of them, or neither for the first ${DEFAULT_SAMPLE_ROWS} rows`);
    return null;
  }
  return options.sampleRows === undefined ? DEFAULT_SAMPLE_ROWS : parseSampleRows(options.sampleRows);
}

/** Exit 0 when every selected standard would be assessed in full, 1 otherwise, 2 when the inputs cannot be read. */
export async function preflightCommand(paths: string[], options: PreflightOptions, io: CliIo): Promise<number> {
  const format = oneOf(options.format, ['table', 'json'] as const, '--format');
  const only = options.only === undefined ? null : parseOnly(options.only);
  const sampler = new ValueSampler(sampleLimit(options));
  const configFile: ConfigFile = options.config === undefined ? {} : readConfigFile(options.config);
  const config = resolveConfig(configFile, CHECKS, INTEGRITY, options.config);
  const scan = await scanHeaders(paths, { ...inputOptions(options, config.mapping, options.config), sample: sampler });
  const [skipped] = scan.skipped;
  if (options.strictInputs === true && skipped !== undefined) {
    throw new InputError(`skipped: ${skipped.reason}`, { file: skipped.file }, 'only inputs practice-audit reads (--strict-inputs)');
  }
  const report = preflight(
    scan,
    CHECKS.map((check) => check.meta),
    (id) =>
      only !== null && !only.includes(id)
        ? { off: true, reason: 'not selected by --only' }
        : config.standards.get(id)?.severity === 'off'
          ? { off: true, reason: 'switched off in the configuration' }
          : { off: false },
    sampler,
  );
  io.stdout.write(format === 'json' ? renderPreflightJson(report) : renderPreflightText(report));
  return preflightExitCode(report);
}

