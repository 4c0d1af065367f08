// docs/COVERAGE.md stays true to the registry: each standard sits against every guidance paragraph it cites, only real standards are named, and the counts are the rows'.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS, STANDARD_IDS } from '../checks/index.js';
import { GUIDANCE_TITLES } from '../src/cli/explain.js';

/**
 * Standards the page may name before they land in checks/index.ts, when the page is written ahead of the code.
 * Empty while every named standard is registered; the test "names no pending standard that is already registered"
 * fails if one left here has landed.
 */
const PENDING_STANDARDS: readonly string[] = [];

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const PAGE = 'docs/COVERAGE.md';

const STATUSES = ['checked', 'partly', 'more data', 'not checkable'] as const;
type Status = (typeof STATUSES)[number];
/** The counts table's columns, in its order, for each status. */
const COUNT_COLUMNS: Readonly<Record<Status, string>> = {
  checked: 'checked',
  partly: 'partly checked',
  'more data': 'checkable with more data',
  'not checkable': 'not checkable',
};

/** The guidance documents by their three-digit number, as the page's sections and `meta.source` files name them. */
const DOCUMENTS = Object.keys(GUIDANCE_TITLES).map((file) => ({ doc: file.slice(0, 3), file, title: GUIDANCE_TITLES[file] as string }));
const GUIDANCE: Readonly<Record<string, string>> = Object.fromEntries(DOCUMENTS.map((d) => [d.doc, read(`docs/guidance/${d.file}`)]));

interface Cited {
  readonly id: string;
  readonly sources: readonly { readonly file: string; readonly paragraph: string }[];
}
const REGISTRY: readonly Cited[] = CHECKS.map((check) => ({ id: check.meta.id, sources: check.meta.source }));

interface Obligation {
  readonly line: number;
  readonly doc: string;
  readonly id: string;
  readonly paragraph: string;
  readonly status: string;
  readonly standards: readonly string[];
  readonly note: string;
}
interface ContextRow {
  readonly line: number;
  readonly doc: string;
  readonly paragraph: string;
  readonly standards: readonly string[];
}
interface CountRow {
  readonly line: number;
  readonly doc: string;
  readonly cells: readonly string[];
}
interface Problem {
  readonly kind: 'layout' | 'cited' | 'unknown' | 'counts' | 'pending';
  readonly message: string;
}

const LINK = /\[([^\]]*)\]\(standards\/([^)]*)\.md\)/g;
const NONE = '—';

/** The standard ids of a standards cell: links only, separated by commas, or a dash for none. */
function standardsOf(cell: string, where: string, problems: Problem[]): string[] {
  if (cell === NONE) return [];
  const ids: string[] = [];
  for (const [, text, target] of cell.matchAll(LINK)) {
    if (text !== target) problems.push({ kind: 'layout', message: `${where} links [${text}] to standards/${target}.md: the link text must be the id it links to` });
    ids.push(target as string);
  }
  if (cell.replace(LINK, '').replace(/[,\s]/g, '') !== '') {
    problems.push({ kind: 'layout', message: `${where} has "${cell}" as its standards: they must be links to standards/<id>.md separated by commas, or ${NONE}` });
  }
  return ids;
}

/** Whether the paragraph, as the page and `meta.source` name it, is in the guidance text. */
function inGuidance(paragraph: string, text: string): boolean {
  // The text before a document's first heading (002 opens without one).
  if (paragraph === 'opening') return true;
  const heading = /^"(.+)"$/.exec(paragraph);
  if (heading) return text.toLowerCase().includes((heading[1] as string).toLowerCase());
  const numbered = /^(?:§|standard )(\d+(?:\.\d+)*)( footnote)?$/.exec(paragraph);
  if (!numbered) return false;
  const number = (numbered[1] as string).replaceAll('.', '\\.');
  const footnoteFound = numbered[2] === undefined || /^\* /m.test(text);
  return new RegExp(`^\\s*${number}\\.?(\\s|$)`, 'm').test(text) && footnoteFound;
}

/** Everything wrong with the page, each as a sentence saying what lacks what. */
function coverageProblems(page: string, registry: readonly Cited[], registered: readonly string[], pending: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const obligations: Obligation[] = [];
  const context: ContextRow[] = [];
  const counts: CountRow[] = [];
  const sections = new Map<string, string>();
  let section = '';
  page.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (text.startsWith('## ')) {
      section = text.slice(3);
      const doc = /^(\d{3}) — (.+)$/.exec(section);
      if (doc) sections.set(doc[1] as string, doc[2] as string);
      return;
    }
    if (!text.startsWith('|') || /^\|[-| ]+\|$/.test(text)) return;
    const cells = text.slice(1, -1).split('|').map((cell) => cell.trim());
    const where = `line ${line} of ${PAGE}`;
    const doc = /^(\d{3}) — /.exec(section)?.[1];
    if (doc !== undefined) {
      if (cells[0] === 'id') return;
      if (cells.length !== 6) {
        problems.push({ kind: 'layout', message: `${where} has ${cells.length} cells, but an obligation row has 6 (id, paragraph, obligation, status, standards, note)` });
        return;
      }
      const [id, paragraph, , status, standards, note] = cells as [string, string, string, string, string, string];
      obligations.push({ line, doc, id: id.replace(/^`|`$/g, ''), paragraph, status, standards: standardsOf(standards, where, problems), note });
    } else if (section === 'Counts') {
      if (cells[0] === 'document') {
        const expected = ['document', ...STATUSES.map((s) => COUNT_COLUMNS[s]), 'total'];
        if (cells.join('|') !== expected.join('|')) problems.push({ kind: 'counts', message: `${where} must head the counts table with: ${expected.join(', ')}` });
        return;
      }
      counts.push({ line, doc: (cells[0] ?? '').replaceAll('**', ''), cells: cells.slice(1).map((cell) => cell.replaceAll('**', '')) });
    } else if (section === 'Paragraphs cited for context') {
      if (cells[0] === 'document') return;
      if (cells.length !== 4) {
        problems.push({ kind: 'layout', message: `${where} has ${cells.length} cells, but a context row has 4 (document, paragraph, standard, why)` });
        return;
      }
      context.push({ line, doc: cells[0] as string, paragraph: cells[1] as string, standards: standardsOf(cells[2] as string, where, problems) });
    }
  });

  // Each guidance document has its section, titled as the standards' pages title it.
  for (const { doc, file, title } of DOCUMENTS) {
    const found = sections.get(doc);
    if (found === undefined) problems.push({ kind: 'layout', message: `${PAGE} has no section for ${file}: add "## ${doc} — ${title}" with its obligations` });
    else if (found !== title) problems.push({ kind: 'layout', message: `${PAGE} titles ${doc} "${found}", but the standards' pages title it "${title}"` });
  }

  // Each obligation: a unique id of its document, a paragraph the guidance has, a status, and standards that fit it.
  const seen = new Map<string, number>();
  for (const o of obligations) {
    const where = `obligation ${o.id} (line ${o.line} of ${PAGE})`;
    if (!new RegExp(`^${o.doc}-\\S+-[a-z]$`).test(o.id)) problems.push({ kind: 'layout', message: `${where} needs an id of the form ${o.doc}-<paragraph>-<letter>` });
    const first = seen.get(o.id);
    if (first !== undefined) problems.push({ kind: 'layout', message: `${where} has the id of the obligation on line ${first}: every obligation needs its own id` });
    else seen.set(o.id, o.line);
    if (!inGuidance(o.paragraph, GUIDANCE[o.doc] ?? '')) problems.push({ kind: 'layout', message: `${where} cites paragraph ${o.paragraph}, which docs/guidance/ has not for ${o.doc}` });
    if (!(STATUSES as readonly string[]).includes(o.status)) {
      problems.push({ kind: 'layout', message: `${where} has status "${o.status}": it must be one of ${STATUSES.join(', ')}` });
    } else if ((o.status === 'checked' || o.status === 'partly') && o.standards.length === 0) {
      problems.push({ kind: 'layout', message: `${where} is ${o.status} but names no standard that checks it` });
    } else if ((o.status === 'more data' || o.status === 'not checkable') && o.standards.length > 0) {
      problems.push({ kind: 'layout', message: `${where} is "${o.status}" but names ${o.standards.join(', ')} as checking it: say "partly", or move the standard to the note` });
    }
    if (o.status !== 'checked' && (o.note === '' || o.note === NONE)) {
      problems.push({ kind: 'layout', message: `${where} is "${o.status}" but does not say what is not checked, what the export would need, or why not` });
    }
  }
  for (const row of context) {
    const where = `the context row on line ${row.line} of ${PAGE}`;
    if (!inGuidance(row.paragraph, GUIDANCE[row.doc] ?? '')) problems.push({ kind: 'layout', message: `${where} cites ${row.doc} ${row.paragraph}, which docs/guidance/ has not` });
    for (const id of row.standards) {
      const cites = registry.find((r) => r.id === id)?.sources.some((s) => s.file.startsWith(`${row.doc}_`) && s.paragraph === row.paragraph);
      if (cites === false) problems.push({ kind: 'cited', message: `${where} lists ${id} for context against ${row.doc} ${row.paragraph}, which ${id}'s meta.source does not cite` });
    }
  }

  // Every id the page names, linked or in backticks, is a standard of the registry, or one still pending.
  const named = new Set([...[...page.matchAll(LINK)].map((m) => m[2] as string), ...[...page.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1] as string)]);
  for (const id of [...named].sort()) {
    if (!registered.includes(id) && !pending.includes(id)) {
      problems.push({ kind: 'unknown', message: `${PAGE} names ${id}, which is not a standard of the registry (checks/index.ts) nor in PENDING_STANDARDS` });
    }
  }
  for (const id of pending) {
    if (registered.includes(id)) problems.push({ kind: 'pending', message: `PENDING_STANDARDS still lists ${id}, which is now in the registry: remove it from the list` });
  }

  // Every standard stands against each paragraph its meta.source cites.
  for (const { id, sources } of registry) {
    const pairs = new Map(sources.map((s) => [`${s.file.slice(0, 3)} ${s.paragraph}`, { doc: s.file.slice(0, 3), paragraph: s.paragraph }]));
    for (const [label, { doc, paragraph }] of pairs) {
      const listed =
        obligations.some((o) => o.doc === doc && o.paragraph === paragraph && o.standards.includes(id)) ||
        context.some((c) => c.doc === doc && c.paragraph === paragraph && c.standards.includes(id));
      if (!listed) {
        problems.push({
          kind: 'cited',
          message: `${PAGE} does not list ${id} against ${label}, which ${id}'s meta.source cites: name it in the standards of an obligation of ${label} it checks, or under "Paragraphs cited for context"`,
        });
      }
    }
  }

  // The counts at the top are the rows': per document, and for all of them.
  const tally = (rows: readonly Obligation[]) => [...STATUSES.map((status) => rows.filter((o) => o.status === status).length), rows.length];
  const expected = [...DOCUMENTS.map(({ doc }) => ({ doc, numbers: tally(obligations.filter((o) => o.doc === doc)) })), { doc: 'all', numbers: tally(obligations) }];
  const headings = [...STATUSES.map((s) => `${COUNT_COLUMNS[s]} obligations`), 'obligations in all'];
  for (const { doc, numbers } of expected) {
    const row = counts.find((c) => c.doc === doc);
    if (row === undefined) {
      problems.push({ kind: 'counts', message: `the counts of ${PAGE} have no row for ${doc}: add | ${doc} | ${numbers.join(' | ')} |` });
      continue;
    }
    numbers.forEach((number, column) => {
      if (row.cells[column] !== String(number)) {
        problems.push({ kind: 'counts', message: `the counts of ${PAGE} say ${row.cells[column] ?? 'nothing'} ${headings[column]} for ${doc}, but its rows hold ${number}` });
      }
    });
  }
  for (const row of counts) {
    if (!expected.some((e) => e.doc === row.doc)) problems.push({ kind: 'counts', message: `the counts of ${PAGE} have a row for ${row.doc} (line ${row.line}), which is no guidance document` });
  }
  return problems;
}

const page = read(PAGE);
const problemsOf = (kind: Problem['kind'], found = coverageProblems(page, REGISTRY, STANDARD_IDS, PENDING_STANDARDS)) =>
  found.filter((p) => p.kind === kind).map((p) => p.message);

describe('docs/COVERAGE.md', () => {
  it('lists every standard against each guidance paragraph its meta.source cites', () => {
    expect(problemsOf('cited')).toEqual([]);
  });

  it('names no standard that is not in the registry, except the pending ones', () => {
    expect(problemsOf('unknown')).toEqual([]);
  });

  it('counts at the top what its rows hold', () => {
    expect(problemsOf('counts')).toEqual([]);
  });

  it('gives each obligation its own id, a paragraph of the guidance, a status and the standards that fit it', () => {
    expect(problemsOf('layout')).toEqual([]);
  });

  it('names no pending standard that is already registered', () => {
    expect(problemsOf('pending')).toEqual([]);
  });

  it('is linked from the README and docs/STANDARDS.md', () => {
    expect(read('README.md'), 'README.md does not link docs/COVERAGE.md').toContain('](docs/COVERAGE.md)');
    expect(read('docs/STANDARDS.md'), 'docs/STANDARDS.md does not link COVERAGE.md').toContain('](COVERAGE.md)');
  });
});

describe('the check of docs/COVERAGE.md finds', () => {
  /** The page with one change; the change must apply, or the case below tests nothing. */
  const changed = (from: string | RegExp, to: string): string => {
    const result = page.replace(from, to);
    expect(result, `${PAGE} no longer holds ${String(from)}: pick another example`).not.toBe(page);
    return result;
  };
  const found = (kind: Problem['kind'], text: string, pending: readonly string[] = PENDING_STANDARDS) =>
    problemsOf(kind, coverageProblems(text, REGISTRY, STANDARD_IDS, pending));

  it('a standard left out of a paragraph it cites', () => {
    const link = '[split-review-minutes](standards/split-review-minutes.md)';
    expect(found('cited', changed(link, NONE))).toContain(
      `${PAGE} does not list split-review-minutes against 000 §4, which split-review-minutes's meta.source cites: name it in the standards of an obligation of 000 §4 it checks, or under "Paragraphs cited for context"`,
    );
  });

  it('a standard that is not in the registry', () => {
    const text = changed('[split-review-minutes](standards/split-review-minutes.md)', '[split-review-minute](standards/split-review-minute.md)');
    expect(found('unknown', text)).toEqual([`${PAGE} names split-review-minute, which is not a standard of the registry (checks/index.ts) nor in PENDING_STANDARDS`]);
  });

  it('a pending standard only while PENDING_STANDARDS lists it', () => {
    const text = changed('[split-review-minutes](standards/split-review-minutes.md)', '[split-review-minutes](standards/split-review-minutes.md), [a-future-standard](standards/a-future-standard.md)');
    expect(found('unknown', text, [...PENDING_STANDARDS, 'a-future-standard'])).toEqual([]);
    expect(found('unknown', text, PENDING_STANDARDS)).toContain(`${PAGE} names a-future-standard, which is not a standard of the registry (checks/index.ts) nor in PENDING_STANDARDS`);
    expect(found('pending', page, [...PENDING_STANDARDS, 'child-seen'])).toEqual([
      'PENDING_STANDARDS still lists child-seen, which is now in the registry: remove it from the list',
    ]);
  });

  it('counts that differ from the rows', () => {
    const text = changed(/^\| 001 \| (\d+) \|/m, '| 001 | 99 |');
    expect(found('counts', text)).toEqual([expect.stringMatching(/^the counts of docs\/COVERAGE\.md say 99 checked obligations for 001, but its rows hold \d+$/)]);
  });

  it('an obligation whose status changed without the counts', () => {
    const text = changed(/(\| `000-§2-d` \|[^\n]*?\| )not checkable \| — \|/, '$1more data | — |');
    expect(found('counts', text)).toHaveLength(4);
  });

  it('two obligations with one id, and a checked one that names no standard', () => {
    const twice = changed('`000-§2-b`', '`000-§2-a`');
    expect(found('layout', twice)).toEqual([expect.stringMatching(/^obligation 000-§2-a \(line \d+ of docs\/COVERAGE\.md\) has the id of the obligation on line \d+/)]);
    const unchecked = changed(/(\| `000-§4-e` \|[^\n]*?\| checked \| )[^|]+\|/, `$1${NONE} |`);
    expect(found('layout', unchecked)).toEqual([expect.stringMatching(/^obligation 000-§4-e .* is checked but names no standard that checks it$/)]);
  });
});
