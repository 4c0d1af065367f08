// Writes the committed sample exports (CSV, JSON, NDJSON), the broken inputs and the README's case table, byte for byte the same every run.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_AS_OF, SCENARIOS, STANDARD_IDS, type FindingCounts, type Scenario, type StandardId } from './scenarios.js';
import { writeSsdSaves } from './ssd.js';
import { openCsvExport, openJsonExport, openNdjsonExport, writeAll } from './write.js';

/** The package root: the nearest folder above this module holding package.json (works from src and from dist). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the samples build script');
    dir = parent;
  }
  return dir;
}

/** README sections written by this script, between their markers. */
const SECTIONS = ['planted-cases', 'invalid-rows'] as const;
const startMarker = (name: string): string => `<!-- ${name}:start (written by samples/build.ts) -->`;
const endMarker = (name: string): string => `<!-- ${name}:end -->`;

/** A CSV file written exactly as given: the broken samples must not pass through a CSV writer that would repair them. */
function writeRaw(path: string, lines: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`, 'utf8');
}

const VISIT_HEADER = 'case_id,visit_id,date,type,outcome,child_seen,joint,manager_informed';
const CASES_HEADER = 'case_id,status,opened,closed,team,worker';

export type IntegrityStandardId = 'data-invalid-row' | 'data-orphan-row' | 'data-duplicate-id';

/** A row of the invalid-rows sample; a faulty one says what is wrong with it and how the audit reports it. */
interface SampleRow {
  readonly cells: string;
  readonly fault?: { readonly record: string; readonly what: string; readonly reportedAs: IntegrityStandardId };
}

const bad = (cells: string, record: string, what: string, reportedAs: IntegrityStandardId): SampleRow => ({
  cells,
  fault: { record, what, reportedAs },
});
const good = (cells: string): SampleRow => ({ cells });

/** `samples/invalid-rows/`: a small export whose faulty rows break the contract in each way the loader reports. */
const INVALID_ROWS: readonly { readonly file: string; readonly header: string; readonly rows: readonly SampleRow[] }[] = [
  {
    file: 'cases.csv',
    header: CASES_HEADER,
    rows: [
      good('C101,open,2026-06-01,,North,W01'),
      good('C102,open,2026-07-06,,South,W04'),
      bad('C103,pending,2026-07-13,,East,W07', 'C103', '`status` = `pending` is neither open nor closed', 'data-invalid-row'),
    ],
  },
  {
    file: 'people.csv',
    header:
      'case_id,person_id,relationship,parent,resident,parental_responsibility,details_recorded,contactable,uncontactable_date,risk_flag,risk_reason,violence_flag,confidential_address,child_contact,no_contact_reason,no_contact_evidence',
    rows: [
      good('C101,M1,mother,Y,Y,Y,Y,Y,,,,,,,,'),
      good('C101,F1,father,Y,N,Y,Y,Y,,,,,,Y,,'),
      good('C102,M1,mother,Y,Y,Y,Y,Y,,,,,,,,'),
      bad('C102,F1,father,,N,Y,Y,Y,,,,,,Y,,', 'C102 F1', '`parent` is empty (a required column)', 'data-invalid-row'),
    ],
  },
  {
    file: 'assessments.csv',
    header: 'case_id,assessment_id,type,started,completed',
    rows: [good('C101,A101-1,child and family assessment,2026-06-01,2026-06-19')],
  },
  {
    file: 'assessment_views.csv',
    header: 'case_id,assessment_id,person_id,views_recorded,method,views_adopted,not_adopted_reason,exceptional_reason',
    rows: [
      good('C101,A101-1,M1,Y,in_person,yes,,'),
      good('C101,A101-1,F1,Y,in_person,yes,,'),
      bad('C101,A101-9,M1,Y,in_person,yes,,', 'C101 A101-9 / M1', 'assessment A101-9 does not exist', 'data-orphan-row'),
    ],
  },
  {
    file: 'visits.csv',
    header: VISIT_HEADER,
    rows: [
      good('C101,V101-01,2026-09-01,home,completed,Y,N,'),
      bad('C101,V101-02,31/02/2026,home,completed,Y,N,', 'C101 V101-02', 'date `31/02/2026` does not exist', 'data-invalid-row'),
      bad(
        'C101,V101-03,12/25/2026,home,completed,Y,N,',
        'C101 V101-03',
        'date `12/25/2026` is in US order (there is no month 25); US order is never guessed',
        'data-invalid-row',
      ),
      bad(
        'C101,V101-04,2026-09-15,home,dna,,N,',
        'C101 V101-04',
        'outcome `dna` is not a listed outcome (a mapping file would translate it)',
        'data-invalid-row',
      ),
      bad('C101,V101-05,2026-09-22,home,,Y,N,', 'C101 V101-05', '`outcome` is empty (a required column)', 'data-invalid-row'),
      bad('C999,V999-01,2026-09-10,home,completed,Y,N,', 'C999 V999-01', 'case C999 is not in `cases.csv`', 'data-orphan-row'),
      good('C102,V102-01,2026-09-03,home,completed,Y,N,'),
      bad('C102,V102-01,2026-09-17,home,completed,Y,N,', 'C102 V102-01 (again)', 'the visit id is already used', 'data-duplicate-id'),
    ],
  },
  {
    file: 'letters.csv',
    header: 'case_id,letter_id,date,recipient',
    rows: [
      good('C101,L101-1,2026-06-24,M1'),
      good('C101,L101-1,2026-06-24,F1'),
      bad('C101,L101-2,2026-09-02,F9', 'C101 L101-2 to F9', "person F9 is not among C101's people", 'data-orphan-row'),
    ],
  },
];

export interface PlantedFault {
  readonly file: string;
  /** 1-based line in the file, the header being line 1. */
  readonly line: number;
  readonly record: string;
  readonly what: string;
  readonly reportedAs: IntegrityStandardId;
}

/** Every faulty row of `samples/invalid-rows/` with the line it is written on. */
export function invalidRowFaults(): PlantedFault[] {
  return INVALID_ROWS.flatMap(({ file, rows }) =>
    rows.flatMap((row, index) => (row.fault ? [{ file, line: index + 2, ...row.fault }] : [])),
  );
}

function writeBrokenSamples(samples: string): void {
  const unclosed = join(samples, 'broken', 'unclosed-quote');
  rmSync(unclosed, { recursive: true, force: true });
  writeRaw(join(unclosed, 'cases.csv'), [CASES_HEADER, 'C001,open,2026-09-01,,North,W01']);
  writeRaw(join(unclosed, 'visits.csv'), [
    VISIT_HEADER,
    'C001,V001-01,2026-09-03,home,completed,Y,N,',
    'C001,V001-02,2026-09-17,"home,completed,Y,N,',
    'C001,V001-03,2026-10-01,home,completed,Y,N,',
  ]);

  const invalid = join(samples, 'invalid-rows');
  rmSync(invalid, { recursive: true, force: true });
  for (const { file, header, rows } of INVALID_ROWS) {
    writeRaw(join(invalid, file), [header, ...rows.map((row) => row.cells)]);
  }
}

function invalidRowsTable(): string {
  const lines = ['| file | line | row | what is wrong | reported as |', '|---|---|---|---|---|'];
  for (const fault of invalidRowFaults()) {
    lines.push(`| \`${fault.file}\` | ${fault.line} | ${fault.record} | ${fault.what} | \`${fault.reportedAs}\` |`);
  }
  return lines.join('\n');
}

const standardList = (counts: FindingCounts): string =>
  Object.entries(counts)
    .map(([id, count]) => (count === 1 ? `\`${id}\`` : `\`${id}\` ×${count}`))
    .join(', ') || '—';

function caseTable(scenarios: readonly Scenario[]): string {
  const lines = [
    '| case | team | worker | what it shows | breaches | pending | planted to meet |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const { document, story, breaches, pending, meets } of scenarios) {
    const met = meets.map((id) => `\`${id}\``).join(', ') || '—';
    lines.push(
      `| ${document.case_id} | ${document.team ?? '(none)'} | ${document.worker ?? '(none)'} | ${story} | ${standardList(breaches)} | ${standardList(pending)} | ${met} |`,
    );
  }
  return lines.join('\n');
}

/** Per standard, the cases that breach it and the cases planted to meet it; fails the build if either is empty. */
function coverageTable(scenarios: readonly Scenario[]): string {
  const lines = ['| standard | breached in | planted to meet in |', '|---|---|---|'];
  const gaps: string[] = [];
  for (const id of STANDARD_IDS) {
    const breached = scenarios.filter((s) => (s.breaches[id] ?? 0) > 0).map((s) => s.document.case_id);
    const met = scenarios.filter((s) => s.meets.includes(id)).map((s) => s.document.case_id);
    if (breached.length === 0 || met.length === 0) gaps.push(id);
    lines.push(`| \`${id}\` | ${breached.join(', ')} | ${met.join(', ')} |`);
  }
  if (gaps.length > 0) throw new Error(`every standard needs a planted breach and a planted compliant case: ${gaps.join(', ')}`);
  return lines.join('\n');
}

function totals(scenarios: readonly Scenario[], pick: (s: Scenario) => FindingCounts): Map<StandardId, number> {
  const sums = new Map<StandardId, number>();
  for (const scenario of scenarios) {
    for (const [id, count] of Object.entries(pick(scenario)) as [StandardId, number][]) {
      sums.set(id, (sums.get(id) ?? 0) + count);
    }
  }
  return sums;
}

function plantedSection(scenarios: readonly Scenario[]): string {
  const breaches = [...totals(scenarios, (s) => s.breaches).values()].reduce((a, b) => a + b, 0);
  const pending = [...totals(scenarios, (s) => s.pending).values()].reduce((a, b) => a + b, 0);
  const withBreaches = scenarios.filter((s) => Object.keys(s.breaches).length > 0).length;
  return [
    `${scenarios.length} cases; ${withBreaches} with at least one breach; ${breaches} findings and ${pending} pending deadlines expected as of ${SAMPLE_AS_OF}.`,
    '',
    '### Every case',
    '',
    caseTable(scenarios),
    '',
    '### Every standard',
    '',
    coverageTable(scenarios),
  ].join('\n');
}

function updateReadme(samples: string, scenarios: readonly Scenario[]): void {
  const path = join(samples, 'README.md');
  let text = readFileSync(path, 'utf8');
  const content: Record<(typeof SECTIONS)[number], string> = {
    'planted-cases': plantedSection(scenarios),
    'invalid-rows': invalidRowsTable(),
  };
  for (const name of SECTIONS) {
    const start = text.indexOf(startMarker(name));
    const end = text.indexOf(endMarker(name));
    if (start < 0 || end < start) throw new Error(`${path} lacks the ${name} markers`);
    text = `${text.slice(0, start)}${startMarker(name)}\n\n${content[name]}\n\n${text.slice(end)}`;
  }
  writeFileSync(path, text, 'utf8');
}

export async function buildSamples(samples: string): Promise<void> {
  const documents = SCENARIOS.map((s) => s.document);
  const folder = join(samples, 'monthly-export');
  rmSync(folder, { recursive: true, force: true });
  await writeAll(await openCsvExport(folder, { ukDateTables: ['visits'] }), documents);
  await writeAll(openJsonExport(join(samples, 'monthly-export.json'), { readable: true }), documents);
  await writeAll(openNdjsonExport(join(samples, 'monthly-export.ndjson')), documents);
  writeBrokenSamples(samples);
  // The SSD's saved forms come from the plain extract as committed (hand-written, in the SSD's own tables).
  writeSsdSaves(join(packageRoot(), 'samples', 'ssd-export'), samples);
  updateReadme(samples, SCENARIOS);
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const root = packageRoot();
  const samples = join(root, 'samples');
  await buildSamples(samples);
  console.log(`wrote ${SCENARIOS.length} sample cases to ${relative(process.cwd(), samples) || '.'}`);
}
