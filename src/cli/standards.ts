// The catalogue listing printed by `practice-audit standards`, as an aligned table or JSON.
import { CATALOGUE } from '../../checks/index.js';

interface ListedStandard {
  readonly id: string;
  readonly severity: string;
  readonly title: string;
  readonly source: string;
  readonly needs: readonly string[];
}

export function listedStandards(): ListedStandard[] {
  return CATALOGUE.map((entry) =>
    entry.kind === 'check'
      ? {
          id: entry.id,
          severity: entry.check.meta.defaultSeverity,
          title: entry.check.meta.title,
          source: entry.check.meta.source.map((s) => `${s.file.slice(0, 3)} ${s.paragraph}`).join('; '),
          needs: entry.check.meta.needs,
        }
      : { id: entry.id, severity: entry.standard.defaultSeverity, title: entry.standard.title, source: 'DATA.md integrity', needs: [] },
  ).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function renderStandardsList(asJson: boolean): string {
  const standards = listedStandards();
  if (asJson) return `${JSON.stringify(standards, null, 2)}\n`;
  const idWidth = Math.max(...standards.map((s) => s.id.length));
  const lines = standards.map((s) => `${s.id.padEnd(idWidth)}  ${s.severity.padEnd(7)}  ${s.title}  [${s.source}]`);
  return `${lines.join('\n')}\n\n${standards.length} standards. \`practice-audit explain <id>\` prints one in full.\n`;
}
