// The configuration file: per-standard severity, options and effective date, and the bank-holiday region.
import type { Severity } from '../core/finding.js';
import { dateSetting, type IsoDate } from '../core/dates.js';
import { firstIssue } from '../core/issues.js';
import { z } from 'zod';
import type { AnyCheckModule } from '../../checks/types.js';
import { REGIONS, type Region } from '../core/calendar.js';
import { ConfigError } from '../core/errors.js';

import { readJsonFile } from '../read/json-file.js';

export type SeveritySetting = Severity | 'off';

const severitySetting = z.enum(['off', 'warning', 'error']);

const standardSetting = z.union([
  severitySetting,
  z.boolean(),
  z.looseObject({ severity: severitySetting.optional(), effectiveFrom: dateSetting.optional() }),
]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  region: z.enum(REGIONS).optional(),
  mapping: z.string().optional(),
  /** Waiver file (see src/report/waivers.ts); a relative path is read from the configuration file's folder. */
  waivers: z.string().min(1).optional(),
  standards: z.record(z.string(), standardSetting).optional(),
});
export type ConfigFile = z.output<typeof configSchema>;

/** A standard as the audit will run it. */
export interface StandardSettings {
  readonly severity: SeveritySetting;
  readonly options: unknown;
  readonly effectiveFrom: IsoDate | null;
}

export interface ResolvedConfig {
  readonly region: Region;
  readonly mapping: string | null;
  /** As written in the configuration file (the CLI resolves it against the file's folder). */
  readonly waivers: string | null;
  readonly standards: ReadonlyMap<string, StandardSettings>;
}

export interface IntegrityStandardLike {
  readonly id: string;
  readonly defaultSeverity: Severity;
}

function issueLine(error: z.ZodError, prefix: readonly (string | number)[] = []): string {
  const issue = firstIssue(error);
  if (issue === undefined) return 'invalid value';
  const path = [...prefix.map(String), ...(issue.path === '' ? [] : [issue.path])].join('.').replace(/\.\[/g, '[');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

export function readConfigFile(file: string): ConfigFile {
  const raw = readJsonFile(file, ConfigError, 'configuration');
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(issueLine(parsed.error), { file });
  return parsed.data;
}

/** Checks every standard id and option against the catalogue and fills in defaults. */
export function resolveConfig(
  config: ConfigFile,
  checks: readonly AnyCheckModule[],
  integrity: readonly IntegrityStandardLike[],
  file = 'configuration',
): ResolvedConfig {
  const settings = config.standards ?? {};
  const known = new Set([...checks.map((c) => c.meta.id), ...integrity.map((s) => s.id)]);
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) {
      throw new ConfigError(`unknown standard "${id}" in standards`, { file }, `one of: ${[...known].sort().join(', ')}`);
    }
  }

  const severityOf = (setting: z.output<typeof standardSetting> | undefined, fallback: Severity): SeveritySetting => {
    if (setting === undefined || setting === true) return fallback;
    if (setting === false) return 'off';
    if (typeof setting === 'string') return setting;
    return setting.severity ?? fallback;
  };
  const effectiveFromOf = (setting: z.output<typeof standardSetting> | undefined): IsoDate | null =>
    typeof setting === 'object' ? (setting.effectiveFrom ?? null) : null;
  const optionsOf = (setting: z.output<typeof standardSetting> | undefined): Record<string, unknown> => {
    if (typeof setting !== 'object') return {};
    const { severity: _severity, effectiveFrom: _effectiveFrom, ...options } = setting;
    return options;
  };

  const resolved = new Map<string, StandardSettings>();
  for (const check of checks) {
    const setting = settings[check.meta.id];
    const parsed = check.meta.options.safeParse(optionsOf(setting));
    if (!parsed.success) throw new ConfigError(issueLine(parsed.error, ['standards', check.meta.id]), { file });
    resolved.set(check.meta.id, {
      severity: severityOf(setting, check.meta.defaultSeverity),
      options: parsed.data,
      effectiveFrom: effectiveFromOf(setting),
    });
  }
  for (const standard of integrity) {
    const setting = settings[standard.id];
    const extra = Object.keys(optionsOf(setting));
    if (extra.length > 0) {
      throw new ConfigError(`standards.${standard.id}: unknown option "${extra[0]}"`, { file }, 'only "severity"');
    }
    resolved.set(standard.id, { severity: severityOf(setting, standard.defaultSeverity), options: {}, effectiveFrom: null });
  }
  return { region: config.region ?? 'england-and-wales', mapping: config.mapping ?? null, waivers: config.waivers ?? null, standards: resolved };
}
