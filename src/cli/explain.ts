// Renders a standard's page — rule, quoted source, data read, options, examples — for `explain` and docs/standards/.
import { clausesOf } from '../engine/clauses.js';
import { z } from 'zod';
import type { AnyCheckModule, IntegrityStandardMeta } from '../../checks/types.js';

/** The practice guidance documents the standards cite (see the guidance index). */
export const GUIDANCE_TITLES: Readonly<Record<string, string>> = {
  '000_63b099550a155220.txt': 'Practice Guidance for Working with Non-Resident Parents (2015)',
  '001_81b12f5ae3e93dd6.txt': '"Getting it Right" Practice Standards: Working with Non-Resident Parents (2016)',
  '002_aa42d365639e64d7.txt': "Parents' guide to involvement in child protection (Working Together 2018)",
  '003_cbca143e51c92a67.txt': 'Hertfordshire procedures 3.9: Non Compliance by Parents or Carers',
  '004_f16987ff627e63e9.txt': 'Bridgend Safeguarding Children Board: hostile and uncooperative parents/carers',
};

interface JsonSchemaProperty {
  readonly type?: string;
  readonly default?: unknown;
  readonly description?: string;
  readonly items?: { readonly type?: string; readonly enum?: readonly unknown[] };
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(property: JsonSchemaProperty): string {
  if (property.enum) return property.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (property.type === 'array') {
    const items = property.items?.enum
      ? property.items.enum.map((v) => `\`${String(v)}\``).join(' \\| ')
      : (property.items?.type ?? 'value');
    return `list of ${items}`;
  }
  if (property.type !== 'integer') return property.type ?? 'value';
  const { minimum, maximum } = property;
  if (minimum !== undefined && maximum !== undefined) return `integer ${minimum}–${maximum}`;
  return `integer${minimum !== undefined ? ` ≥ ${minimum}` : ''}${maximum !== undefined ? ` ≤ ${maximum}` : ''}`;
}

function optionsSection(check: AnyCheckModule): string[] {
  const schema = z.toJSONSchema(check.meta.options, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaProperty>;
  };
  const properties = Object.entries(schema.properties ?? {});
  const lines = ['## Options', ''];
  if (properties.length === 0) {
    lines.push('None besides `severity` and `effectiveFrom`.', '');
  } else {
    lines.push('| option | type | default | meaning |', '|---|---|---|---|');
    for (const [name, property] of properties) {
      lines.push(
        `| \`${name}\` | ${typeOf(property)} | \`${JSON.stringify(property.default)}\` | ${cell(property.description ?? '')} |`,
      );
    }
    lines.push('');
  }
  const example: Record<string, unknown> = { severity: check.meta.defaultSeverity === 'error' ? 'warning' : 'error' };
  const first = properties[0];
  if (first) example[first[0]] = first[1].default;
  example.effectiveFrom = '2026-04-01';
  lines.push(
    'Set in the configuration file (`-c config.json`); `effectiveFrom` judges only events on or after that date:',
    '',
    '```json',
    JSON.stringify({ standards: { [check.meta.id]: example } }),
    '```',
    '',
  );
  return lines;
}

function messagesSection(messages: Readonly<Record<string, string>>): string[] {
  return [
    '## Messages',
    '',
    ...Object.entries(messages).map(([id, template]) => `- \`${id}\`: ${template}`),
    '',
  ];
}

/** The full page of one standard, in Markdown. */
export function renderStandardPage(check: AnyCheckModule): string {
  const { meta } = check;
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}.**`,
    '',
    `- Severity: \`${meta.defaultSeverity}\` by default`,
    `- Needs: ${meta.needs.map((t) => `\`${t}\``).join(', ')} (without ${meta.needs.length > 1 ? 'these tables' : 'this table'} the standard is reported not-assessed)`,
    `- Source: ${meta.source.map((s) => `${s.file} ${s.paragraph}`).join('; ')}`,
    '',
    '## Rule',
    '',
    meta.rule,
    '',
    '## Source',
    '',
  ];
  for (const source of meta.source) {
    lines.push(`> ${source.quote}`, '', `— ${GUIDANCE_TITLES[source.file] ?? source.file}, ${source.paragraph} (\`${source.file}\`)`, '');
  }
  lines.push('## Data it reads', '', '| table | columns |', '|---|---|');
  for (const [table, columns] of Object.entries(meta.reads)) {
    lines.push(`| \`${table}\` | ${(columns ?? []).map((c) => `\`${c}\``).join(', ')} |`);
  }
  lines.push('');
  lines.push(
    '## Clauses and the columns each needs',
    '',
    'A clause whose column is absent from the export (not merely empty in some rows) is not judged, and the standard is reported `partly-assessed`, naming the column.',
    '',
    '| clause | requirement | needs |',
    '|---|---|---|',
  );
  for (const clause of clausesOf(check)) {
    const needs = Object.entries(clause.reads).flatMap(([table, columns]) => (columns ?? []).map((c) => `\`${table}.${c}\``));
    lines.push(`| \`${clause.id}\` | ${clause.requirement} | ${needs.join(', ')} |`);
  }
  lines.push('');
  lines.push(...optionsSection(check));
  lines.push(...messagesSection(meta.messages));
  lines.push('## Examples', '', `- Breaches: ${meta.examples.breaches}`, `- Complies: ${meta.examples.complies}`, '');
  return lines.join('\n');
}

/** The page of a data-integrity standard (its findings come from the loader). */
export function renderIntegrityPage(standard: IntegrityStandardMeta): string {
  return [
    `# ${standard.id}`,
    '',
    `**${standard.title}.**`,
    '',
    `- Severity: \`${standard.defaultSeverity}\` by default (CI on migrated data must fail on it)`,
    '- Needs: any input; reported by the loader for every table',
    '',
    '## Rule',
    '',
    standard.rule,
    '',
    ...messagesSection(standard.messages),
  ].join('\n');
}
