// The mapping file: its checks (one line, file and path) and each feature applied to real rows with findings in the export's own terms.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { readMappingFile, type Mapping } from '../../src/read/mapping.js';
import { briefly, inputFolder, loadChecked, loadFailure, render } from '../pipeline/_helpers.js';

/** Writes the mapping into a fresh folder and reads it back. */
async function mappingFrom(content: unknown): Promise<Mapping> {
  const folder = await inputFolder({});
  const file = join(folder, 'mapping.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return readMappingFile(file);
}

async function mappingError(content: unknown): Promise<string> {
  const error: unknown = await mappingFrom(content).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const line = (error as ConfigError).toLine();
  expect(line).toMatch(/mapping\.json(:\d+)?: /);
  return line.replace(/^.*mapping\.json(:\d+)?: /, '');
}

const VISITS = { file: 'Visits.csv', columns: { case_id: 'Case No', visit_id: 'Ref', date: 'Visit Date', outcome: 'Outcome' } };

describe('checking the mapping', () => {
  it.each([
    [{ tables: {}, tabels: {} }, 'unknown key "tabels"'],
    [{ tables: { visits: { ...VISITS, colums: {} } } }, 'tables.visits: unknown key "colums"'],
    [{ tables: { plans: [{ file: 'A.csv' }, { file: 'B.csv', colums: {} }] } }, 'tables.plans[1]: unknown key "colums"'],
    [{ tables: { visits: { ...VISITS, columns: { outcome: 3 } } } }, 'tables.visits.columns.outcome: expected the column name in the export'],
    [{ tables: { visit: VISITS } }, 'tables.visit: not a table (expected one of cases, plans, people, contact_attempts, assessments, assessment_views, meetings, meeting_parents, visits, incidents, allegations, letters, updates, referrals)'],
    [{ tables: { visits: { ...VISITS, columns: { visit_date: 'Date' } } } }, 'tables.visits.columns.visit_date: not a column of visits (expected one of case_id, visit_id, date, type, outcome, child_seen, joint, manager_informed)'],
    [{ tables: { visits: { ...VISITS, file: 3 } } }, 'tables.visits.file: expected a file name or a list of them'],
    [{ tables: { visits: { ...VISITS, file: 'export/Visits.csv' } } }, 'tables.visits.file: expected a file name without a folder: files are matched by name among the inputs'],
    [{ tables: { visits: { ...VISITS, file: 'visits.json' } } }, 'tables.visits.file: "visits.json" is not a delimited text or workbook file (expected a .csv, .tsv, .txt or .xlsx file name (JSON case documents need no mapping))'],
    [{ tables: { visits: { ...VISITS, values: { outcome: { DNA: 'missed' } } } } }, 'tables.visits.values.outcome.DNA: "missed" is not one of the outcome values (completed, defaulted, no_access, cancelled_by_family, cancelled_by_service)'],
    [{ tables: { visits: { ...VISITS, values: { child_seen: { Seen: 'maybe' } } } } }, 'tables.visits.values.child_seen.Seen: "maybe" is not a yes/no value (Y/N, Yes/No, true/false, 1/0)'],
    [{ tables: { visits: { ...VISITS, constants: { type: 'home visit' } } } }, 'tables.visits.constants.type: "home visit" is not one of the type values (home, office, school, other)'],
    [{ tables: { visits: { ...VISITS, constants: { type: ' ' } } } }, 'tables.visits.constants.type: a constant must not be empty (expected a value for every row)'],
    [{ tables: { visits: { ...VISITS, constants: { outcome: 'completed' } } } }, 'tables.visits.constants.outcome: the column is also mapped in columns (expected a column either read from the export or constant)'],
    [{ tables: { meetings: { file: 'M.csv', constants: { minutes_sets: 'two' } } } }, 'tables.meetings.constants.minutes_sets: "two" is not a whole number'],
    [{ tables: { visits: { ...VISITS, dateFormats: { outcome: 'dd/MM/yyyy' } } } }, 'tables.visits.dateFormats.outcome: visits.outcome is not a date column'],
    [{ tables: { visits: { ...VISITS, dateFormats: { date: 'YYYY-MM-DD' } } } }, 'tables.visits.dateFormats.date: "YYYY-MM-DD" is not a usable date format: write the year as yyyy (or yy) and the day as dd (or d): YYYY and DD mean the week year and the day of the year (expected a date-fns format such as dd-MMM-yyyy or d/M/yy)'],
    [{ tables: { visits: { ...VISITS, dateFormats: { date: 'MMM yyyy' } } } }, 'tables.visits.dateFormats.date: "MMM yyyy" is not a usable date format: it does not give a day, month and year (expected a date-fns format such as dd-MMM-yyyy or d/M/yy)'],
    [{ tables: { visits: { ...VISITS, prefix: { date: 'V-' } } } }, 'tables.visits.prefix.date: visits.date is not an id column'],
    [{ tables: { visits: { ...VISITS, sheet: 'Visits' } } }, 'tables.visits.sheet: "Visits.csv" is not a workbook (expected sheet only with .xlsx files)'],
    [{ tables: { visits: [VISITS, { file: 'visits.CSV' }] } }, 'tables.visits[1].file: "visits.CSV" is already mapped to visits at tables.visits[0].file (expected each file (or sheet) in one source of a table)'],
    [{ tables: { visits: { ...VISITS, where: { Outcome: { matches: '([' } } } } }, 'tables.visits.where.Outcome.matches: "([" is not a regular expression: Invalid regular expression: /([/i: Unterminated character class'],
    [{ tables: { visits: { ...VISITS, values: { outcome: { '/(/': 'completed' } } } } }, 'tables.visits.values.outcome./(/: "/(/" is not a regular expression: Invalid regular expression: /(/: Unterminated group (expected a pattern written /.../ or /.../i)'],
    [{ tables: { visits: { ...VISITS, keep: { per: 'Case No' } } } }, 'tables.visits.keep: expected "open" (an end-date column), "latest" (a date column) or both'],
    [{ tables: { visits: { ...VISITS, lookup: { case_id: { file: 'plans.csv', match: { plan: 'Plan' }, column: 'child' } } } } }, 'tables.visits.lookup.case_id: visits.case_id is also read from columns (expected a column either read, constant or looked up)'],
    [{ tables: { visits: { ...VISITS, personal: ['date'] } } }, 'tables.visits.personal: visits.date is a date column, which holds no names (expected id or text columns)'],
    [{ tables: { visits: { ...VISITS, nullTokens: { type: ['-'] } } } }, 'tables.visits.nullTokens.type: visits.type is not read from a column of the export (expected a column mapped in tables.visits.columns)'],
    [{ tables: { plans: [{ file: 'A.csv' }, { file: 'B.csv', constants: { type: 'foster' } }] } }, 'tables.plans[1].constants.type: "foster" is not one of the type values (cin, cp, lac)'],
  ])('refuses %j', async (content, message) => {
    expect(await mappingError(content)).toBe(message);
  });

  it('refuses a mapping that is not JSON, naming the line', async () => {
    const line = await mappingError('{\n  "tables": {\n    "visits": {,\n  }\n}\n');
    expect(line).toMatch(/^mapping is not valid JSON/);
  });
});

const CASES_EXPORT = 'Case No,Case Status\r\nK1,Current\r\nK2,Closed\r\n';
const CASES_MAPPING = { file: 'Cases_Export.csv', columns: { case_id: 'Case No', status: 'Case Status' }, values: { status: { Current: 'open' } } };

async function loadMapped(files: Record<string, string>, tables: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const folder = await inputFolder(files);
  const mapping = await mappingFrom({ tables: { cases: CASES_MAPPING, ...tables }, ...extra });
  return { folder, loaded: await loadChecked([folder], { mapping }) };
}

describe('applying the mapping', () => {
  it('renames columns and translates values, exactly or in any case; values not listed pass through as written', async () => {
    const { loaded } = await loadMapped(
      {
        'Cases_Export.csv': CASES_EXPORT,
        'Visits_Export.csv': 'Visit Ref,Case No,Visit Date,Outcome,Seen?\nV1,K1,03/04/2026,DNA,\nV2,K1,04/04/2026,no access,N\nV3,K1,05/04/2026,completed,Yes - seen alone\n',
      },
      {
        visits: {
          file: 'Visits_Export.csv',
          columns: { visit_id: 'Visit Ref', case_id: 'Case No', date: 'Visit Date', outcome: 'Outcome', child_seen: 'Seen?' },
          values: { outcome: { DNA: 'defaulted', 'No Access': 'no_access' }, child_seen: { 'Yes - seen alone': 'Y' } },
        },
      },
    );
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map((record) => record.case.status)).toEqual(['open', 'closed']);
    expect(loaded.cases[0]?.visits.map(({ visit_id, date, outcome, child_seen }) => ({ visit_id, date, outcome, child_seen }))).toEqual([
      { visit_id: 'V1', date: '2026-04-03', outcome: 'defaulted', child_seen: undefined },
      { visit_id: 'V2', date: '2026-04-04', outcome: 'no_access', child_seen: false },
      { visit_id: 'V3', date: '2026-04-05', outcome: 'completed', child_seen: true },
    ]);
  });

  it('translates an empty cell with "" and any other value with "*"', async () => {
    const folder = await inputFolder({ 'episodes.csv': 'Person,Closed On\nK1,\nK2,2026-05-01 00:00:00.000\n' });
    const mapping = await mappingFrom({
      tables: { cases: { file: 'episodes.csv', columns: { case_id: 'Person', status: 'Closed On', closed: 'Closed On' }, values: { status: { '': 'open', '*': 'closed' } } } },
    });
    const episodes = await loadChecked([folder], { mapping });
    expect(episodes.cases.map(({ case: row }) => [row.case_id, row.status, row.closed])).toEqual([
      ['K1', 'open', undefined],
      ['K2', 'closed', '2026-05-01'],
    ]);
  });

  it('fills constant columns for every row, and reads columns it does not map under their own names', async () => {
    const { loaded } = await loadMapped(
      { 'Cases_Export.csv': CASES_EXPORT, 'Core_Groups.csv': 'Case No,Ref,Held,chair_role\nK1,CG1,02/03/2026,CPRO\n' },
      { meetings: { file: 'Core_Groups.csv', columns: { case_id: 'Case No', meeting_id: 'Ref', date: 'Held' }, constants: { type: 'core_group', minutes_sets: 1 } } },
    );
    expect(loaded.cases[0]?.meetings.map(({ meeting_id, type, date, minutes_sets, chair_role }) => ({ meeting_id, type, date, minutes_sets, chair_role }))).toEqual([
      { meeting_id: 'CG1', type: 'core_group', date: '2026-03-02', minutes_sets: 1, chair_role: 'CPRO' },
    ]);
  });

  it('reads dates in the export\'s own format (a time after them allowed) or ISO, no other; two-digit years fall in 1950–2049', async () => {
    const { loaded } = await loadMapped(
      {
        'Cases_Export.csv': CASES_EXPORT,
        'Visits.csv': 'Case No,Ref,Visit Date,Outcome,Told\nK1,V1,05-Mar-2026,Seen,6/3/26\nK1,V2,12-Mar-2026 14:30,Seen,13/3/26 09:00\nK1,V3,31-Feb-2026,Seen,\nK1,V4,2026-03-20,Seen,20/3/49\nK1,V5,20/03/2026,Seen,\n',
      },
      {
        visits: {
          ...VISITS,
          columns: { ...VISITS.columns, manager_informed: 'Told' },
          values: { outcome: { Seen: 'completed' } },
          dateFormats: { date: 'dd-MMM-yyyy', manager_informed: 'd/M/yy' },
        },
      },
    );
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.date, visit.manager_informed])).toEqual([
      ['V1', '2026-03-05', '2026-03-06'],
      ['V2', '2026-03-12', '2026-03-13'],
      ['V4', '2026-03-20', '2049-03-20'],
    ]);
    expect(loaded.integrity.map((finding) => render(finding))).toEqual([
      'visits row left out of the audit: Visit Date "31-Feb-2026" is not valid (not a date in the form dd-MMM-yyyy (the mapping\'s dateFormats)).',
      'visits row left out of the audit: Visit Date "20/03/2026" is not valid (not a date in the form dd-MMM-yyyy (the mapping\'s dateFormats)).',
    ]);
    expect(briefly(loaded)).toEqual(['data-invalid-row Visits.csv:4 Visit Date', 'data-invalid-row Visits.csv:6 Visit Date']);
  });

  it('merges several files of one layout, and several sources with their own columns and constants, into one table', async () => {
    const visitLayout = 'Case No,Ref,Visit Date,Outcome\n';
    const { loaded } = await loadMapped(
      {
        'Cases_Export.csv': CASES_EXPORT,
        'CP_Visits.csv': `${visitLayout}K1,V1,01/03/2026,completed\n`,
        'CIN_Visits.csv': `${visitLayout}K2,V1,02/03/2026,completed\n`,
        'cp_plans.csv': 'person,plan,from\nK1,5001,01/02/2026\n',
        'cin_plans.csv': 'person,plan,from,to\nK1,5001,01/01/2026,31/01/2026\n',
      },
      {
        visits: { ...VISITS, file: ['CP_Visits.csv', 'CIN_Visits.csv'] },
        plans: [
          { file: 'cp_plans.csv', columns: { case_id: 'person', plan_id: 'plan', start: 'from' }, constants: { type: 'cp' }, prefix: { plan_id: 'CP-' } },
          { file: 'cin_plans.csv', columns: { case_id: 'person', plan_id: 'plan', start: 'from', end: 'to' }, constants: { type: 'cin' }, prefix: { plan_id: 'CIN-' } },
        ],
      },
    );
    expect(loaded.integrity).toEqual([]);
    expect(loaded.inputs.map((input) => `${input.table} ${input.file.split(/[\\/]/).pop()} ${input.rows}`)).toEqual([
      'visits CIN_Visits.csv 1',
      'visits CP_Visits.csv 1',
      'cases Cases_Export.csv 2',
      'plans cin_plans.csv 1',
      'plans cp_plans.csv 1',
    ]);
    expect(loaded.cases[0]?.plans.map((plan) => [plan.plan_id, plan.type])).toEqual([
      ['CIN-5001', 'cin'],
      ['CP-5001', 'cp'],
    ]);
    expect(loaded.cases.map((record) => record.visits.map((visit) => visit.visit_id))).toEqual([['V1'], ['V1']]);
  });

  it('reads files the mapping does not name as canonical, and leaves out those it ignores', async () => {
    const { loaded } = await loadMapped(
      {
        'Cases_Export.csv': CASES_EXPORT,
        'visits.csv': 'case_id,visit_id,date,outcome\nK1,V1,2026-03-01,completed\n',
        'ssd_person.csv': 'pers_person_id,pers_forename\n1,A\n',
        'notes.txt': 'not read',
      },
      {},
      { ignore: ['SSD_*.csv'] },
    );
    expect(loaded.inputs.map((input) => input.table)).toEqual(['cases', 'visits']);
  });

  it('reads a .txt file the mapping names (Excel "Unicode text") from a folder', async () => {
    const folder = await inputFolder({
      'Cases_Export.csv': CASES_EXPORT,
      'Visits.txt': Buffer.from('\uFEFFCase No\tRef\tVisit Date\tOutcome\r\nK1\tV1\t01/03/2026\tcompleted\r\n', 'utf16le'),
    });
    const mapping = await mappingFrom({ tables: { cases: CASES_MAPPING, visits: { ...VISITS, file: 'Visits.txt' } } });
    const loaded = await loadChecked([folder], { mapping });
    expect(loaded.cases[0]?.visits.map((visit) => visit.visit_id)).toEqual(['V1']);
  });

  it('stops on a column the mapping names that the file lacks, naming both', async () => {
    const folder = await inputFolder({ 'Cases_Export.csv': CASES_EXPORT, 'Visits.csv': 'Case No,Ref,Date,Outcome\nK1,V1,01/03/2026,completed\n' });
    const mapping = await mappingFrom({ tables: { cases: CASES_MAPPING, visits: VISITS } });
    const error = await loadFailure([folder], { mapping });
    expect(error.toLine()).toBe(
      `${join(folder, 'Visits.csv')}:1: the mapping (tables.visits.columns.date) names column "Visit Date", which this file does not have (expected a header with "Visit Date", or a mapping that names this file's column (${mapping.file}))`,
    );
  });

  it('stops on a required column neither mapped, constant nor present, and on an export column named twice', async () => {
    const folder = await inputFolder({ 'Cases_Export.csv': CASES_EXPORT, 'Visits.csv': 'Case No,Ref,Visit Date\nK1,V1,01/03/2026\n' });
    const mapping = await mappingFrom({ tables: { cases: CASES_MAPPING, visits: { ...VISITS, columns: { case_id: 'Case No', visit_id: 'Ref', date: 'Visit Date' } } } });
    expect((await loadFailure([folder], { mapping })).toLine()).toMatch(
      /Visits\.csv:1: table visits is missing required column\(s\) outcome \(expected each of case_id, visit_id, date, outcome mapped in tables\.visits\.columns, given in tables\.visits\.constants, or a header cell of that name\)$/,
    );
    const twice = await inputFolder({ 'Cases_Export.csv': 'Case No,Case Status,case no\nK1,open,K2\n' });
    expect((await loadFailure([twice], { mapping })).message).toBe('column "Case No" (case_id) appears more than once in the header');
  });

  it('keeps one row per key (open first, then the latest), each kept row with its own cells, and counts the rows it supersedes', async () => {
    const { loaded } = await loadMapped(
      {
        'Cases_Export.csv': CASES_EXPORT,
        // Quote-free lines, as most of an export is: the reader hands each over in one array it reuses.
        'Plans.csv': 'Case No,Plan,Type,Start,End\nK1,P1,cp,2026-01-01,2026-02-01\nK1,P2,cp,2026-03-01,\nK2,P3,cin,2026-01-05,2026-02-01\nK2,P4,cin,2026-02-05,2026-03-01\n',
      },
      {
        plans: {
          file: 'Plans.csv',
          columns: { case_id: 'Case No', plan_id: 'Plan', type: 'Type', start: 'Start', end: 'End' },
          keep: { per: 'Case No', open: 'End', latest: 'Start' },
        },
      },
    );
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map((record) => record.plans.map(({ plan_id, start, end }) => `${plan_id} ${start} ${end ?? 'current'}`))).toEqual([
      ['P2 2026-03-01 current'],
      ['P4 2026-02-05 2026-03-01'],
    ]);
    expect(loaded.inputs.find((input) => input.table === 'plans')).toMatchObject({ rows: 2, superseded: 2 });
  });

  it('names the export\'s columns and lines in every integrity finding', async () => {
    const { loaded } = await loadMapped(
      {
        'Cases_Export.csv': CASES_EXPORT,
        'People.csv': 'Case No,Person No,Relationship,Is Parent\nK1,P1,Mother,Y\nK9,P2,Father,Y\nK1,P1,Mother,Y\nK1,P3,Father,Perhaps\nK1,P4,Father\n',
      },
      { people: { file: 'People.csv', columns: { case_id: 'Case No', person_id: 'Person No', relationship: 'Relationship', parent: 'Is Parent' } } },
    );
    expect(briefly(loaded)).toEqual([
      'data-orphan-row People.csv:3 Case No',
      'data-duplicate-id People.csv:4',
      'data-invalid-row People.csv:5 Is Parent',
      'data-invalid-row People.csv:6 Is Parent',
    ]);
    expect(loaded.integrity.map((finding) => render(finding))).toEqual([
      'people row left out of the audit: case K9 has no audited row in cases.',
      `people row left out of the audit: Person No P1 already appears in case K1 at ${join(loaded.inputs[1]?.file.split('People.csv')[0] ?? '', 'People.csv')}:2, which is the row audited.`,
      'people row left out of the audit: Is Parent "Perhaps" is not valid (expected Y/N, Yes/No, true/false or 1/0).',
      'people row left out of the audit: it has 3 cell(s) but the header has 4 column(s).',
    ]);
    expect(loaded.integrity[2]?.evidence.map((item) => item.note)).toEqual(['Is Parent: expected Y/N, Yes/No, true/false or 1/0']);
  });
});
