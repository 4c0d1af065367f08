// The preflight command: what the inputs' headers offer and which standards an audit of them would assess.
import { CHECKS, INTEGRITY } from '../../checks/index.js';
import { readConfigFile, resolveConfig, type ConfigFile } from '../config/config.js';
import { preflight, preflightExitCode, renderPreflightJson, renderPreflightText } from '../engine/preflight.js';
import { inputOptions, type InputArguments } from '../read/options.js';
import { scanHeaders } from '../read/scan.js';
import { oneOf, parseOnly } from './arguments.js';
import { type CliIo } from './io.js';

export interface PreflightOptions extends InputArguments {
  readonly config?: string;
  readonly only?: string;
  readonly format: string;
}

/** Exit 0 when every selected standard would be assessed in full, 1 otherwise, 2 when the inputs cannot be read. */
export async function preflightCommand(paths: string[], options: PreflightOptions, io: CliIo): Promise<number> {
  const format = oneOf(options.format, ['table', 'json'] as const, '--format');
  const only = options.only === undefined ? null : parseOnly(options.only);
  const configFile: ConfigFile = options.config === undefined ? {} : readConfigFile(options.config);
  const config = resolveConfig(configFile, CHECKS, INTEGRITY, options.config);
  const scan = await scanHeaders(paths, inputOptions(options, config.mapping, options.config));
  const report = preflight(
    scan,
    CHECKS.map((check) => check.meta),
    (id) =>
      only !== null && !only.includes(id)
        ? { off: true, reason: 'not selected by --only' }
        : config.standards.get(id)?.severity === 'off'
          ? { off: true, reason: 'switched off in the configuration' }
          : { off: false },
  );
  io.stdout.write(format === 'json' ? renderPreflightJson(report) : renderPreflightText(report));
  return preflightExitCode(report);
}

