// The pre-flight's look at values: per input and column, on the first rows, empties, null tokens, unreadable dates, unknown codes and rows left out.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.js';
import { InputError } from '../../src/core/errors.js';
import { preflight, renderPreflightJson, renderPreflightText } from '../../src/engine/preflight.js';
import { ValueSampler, type ColumnValues, type FileValues } from '../../src/engine/preflight-values.js';
import { readMappingFile } from '../../src/read/mapping.js';
import { scanHeaders } from '../../src/read/scan.js';
import { inputFolder } from '../pipeline/_helpers.js';

const ALL_ON = () => ({ off: false }) as const;

/** Scans the files (with the mapping, if any) sampling `limit` rows of each (every row when null). */
async function sampled(files: Record<string, string>, mapping: unknown = null, limit: number | null = 1000) {
  const folder = await inputFolder(files);
  let mappingFile: string | undefined;
  if (mapping !== null) {
    mappingFile = join(await inputFolder({}), 'mapping.json');
    await writeFile(mappingFile, JSON.stringify(mapping));
  }
  const sampler = new ValueSampler(limit);
  const scan = await scanHeaders([folder], { mapping: mappingFile === undefined ? undefined : readMappingFile(mappingFile), sample: sampler });
  const report = preflight(scan, CHECKS.map((check) => check.meta), ALL_ON, sampler);
  /** The sample of a file by its name (and, when it feeds several tables, its mapping source). */
  const valuesOf = (name: string, source: string | null = null): FileValues => {
    const file = report.files.find((entry) => entry.file === join(folder, name) && (source === null || entry.mapping === source));
    if (!file?.values) throw new Error(`${name} was not sampled`);
    return file.values;
  };
  return { folder, report, valuesOf };
}

/** A column's counts, without its name, kind and examples. */
const counts = (values: FileValues, column: string) => {
  const found = values.columns.find((entry) => entry.column === column);
  if (!found) throw new Error(`${column} was not sampled`);
  const { empty, nullTokens, tokens, unreadableDates, unknownCodes, invalid } = found;
  return { empty, nullTokens, tokens, unreadableDates, unknownCodes, invalid };
};

const column = (values: FileValues, name: string): ColumnValues => {
  const found = values.columns.find((entry) => entry.column === name);
  if (!found) throw new Error(`${name} was not sampled`);
  return found;
};

const NONE = { empty: 0, nullTokens: 0, tokens: [], unreadableDates: 0, unknownCodes: 0, invalid: 0 };

const CASES = 'Case No,Status,Opened,Closed,Worker\nK1,Current,01/02/2026,NULL,Jane Smith\nK2,Closed,2026-01-05,31/02/2026,null\nK3,Pending,05-Mar-2026, #N/A ,W1\nK4,Current,,,W2\n';
const CASES_MAPPING = {
  file: 'Cases.csv',
  columns: { case_id: 'Case No', status: 'Status', opened: 'Opened', closed: 'Closed', worker: 'Worker' },
  values: { status: { Current: 'open', Closed: 'closed' } },
};

describe('sampling values', () => {
  it('judges a null token the mapping translates ("" → open) as the value it becomes, not as missing', async () => {
    const { valuesOf } = await sampled(
      { 'Episodes.csv': 'Person,Closed On\nK1,NULL\nK2,NULL\nK3,2026-05-01 00:00:00.000\n' },
      { tables: { cases: { file: 'Episodes.csv', columns: { case_id: 'Person', status: 'Closed On', closed: 'Closed On' }, values: { status: { '': 'open', '*': 'closed' } } } } },
    );
    const episodes = valuesOf('Episodes.csv');
    expect(column(episodes, 'status')).toMatchObject({ nullTokens: 2, translatedTokens: 2, empty: 0, unknownCodes: 0 });
    expect(column(episodes, 'closed')).toMatchObject({ nullTokens: 2, translatedTokens: 0 });
    // status is required, but no row lacks it: no advice to check its mapping.
    expect(episodes.advice).toEqual([]);
  });

  it('counts empties, null tokens, unreadable dates and codes outside the list once the mapping has translated them', async () => {
    const { valuesOf } = await sampled({ 'Cases.csv': CASES }, { tables: { cases: CASES_MAPPING } });
    const cases = valuesOf('Cases.csv');
    expect(cases).toMatchObject({ rowsRead: 4, limit: 1000, filtered: 0, superseded: 0, wrongCellCount: 0, rows: 4 });
    expect(counts(cases, 'case_id')).toEqual(NONE);
    // Current and Closed are translated; Pending is not, and the audit would refuse it.
    expect(counts(cases, 'status')).toEqual({ ...NONE, unknownCodes: 1 });
    expect(column(cases, 'status').examples).toEqual([{ line: 4, value: 'Pending', rows: 1 }]);
    expect(counts(cases, 'opened')).toEqual({ ...NONE, empty: 1, unreadableDates: 1 });
    // NULL, null and " #N/A " are null tokens, shown as first written; an impossible date is unreadable.
    expect(counts(cases, 'closed')).toEqual({ ...NONE, empty: 1, nullTokens: 2, tokens: ['#N/A', 'NULL'], unreadableDates: 1 });
    expect(column(cases, 'closed')).toMatchObject({ header: 'Closed', mapped: true, kind: 'date', required: false, examples: [{ line: 3, value: '31/02/2026', rows: 1 }] });
    expect(counts(cases, 'worker')).toEqual({ ...NONE, nullTokens: 1, tokens: ['null'] });
    // Columns the file does not have are not sampled.
    expect(cases.columns.map((entry) => entry.column)).toEqual(['case_id', 'status', 'opened', 'closed', 'worker']);
  });

  it('reads a canonical file without a mapping: no null tokens then, since only a mapping has them', async () => {
    const { valuesOf } = await sampled({ 'cases.csv': 'case_id,status,closed\nC1,open,NULL\nC2,Open,\nC3,Shut,2026-01-01\n' });
    const cases = valuesOf('cases.csv');
    expect(counts(cases, 'status')).toEqual({ ...NONE, unknownCodes: 1 });
    expect(counts(cases, 'closed')).toEqual({ ...NONE, empty: 1, unreadableDates: 1 });
    expect(column(cases, 'closed').examples).toEqual([{ line: 2, value: null, rows: 1 }]);
  });

  it('counts yes/no and number values the audit refuses, and the same value once as an example with its rows', async () => {
    const { valuesOf } = await sampled({
      'cases.csv': 'case_id,status\nC1,open\n',
      'meetings.csv': 'case_id,meeting_id,type,date,split,minutes_sets\nC1,M1,core_group,2026-01-01,Maybe,two\nC1,M2,core_group,2026-01-02,Maybe,-1\nC1,M3,Core Group,2026-01-03,Y,3\n',
    });
    const meetings = valuesOf('meetings.csv');
    expect(counts(meetings, 'type')).toEqual(NONE);
    expect(counts(meetings, 'split')).toEqual({ ...NONE, invalid: 2 });
    expect(column(meetings, 'split').examples).toEqual([{ line: 2, value: 'Maybe', rows: 2 }]);
    expect(counts(meetings, 'minutes_sets')).toEqual({ ...NONE, invalid: 2 });
    // A word in a number column is not repeated; a number is.
    expect(column(meetings, 'minutes_sets').examples).toEqual([
      { line: 2, value: null, rows: 1 },
      { line: 3, value: '-1', rows: 1 },
    ]);
  });

  it('never repeats a value that may be a name or free text: only dates, numbers and single short codes', async () => {
    const { report, valuesOf } = await sampled({
      'cases.csv': 'case_id,status,closed,worker\nC1,Jane Smith,Mary Jones,Peter Brown\nC2,open,2026-13-45,W1\n',
    });
    const cases = valuesOf('cases.csv');
    expect(column(cases, 'status').examples).toEqual([{ line: 2, value: null, rows: 1 }]);
    expect(column(cases, 'closed').examples).toEqual([
      { line: 2, value: null, rows: 1 },
      { line: 3, value: '2026-13-45', rows: 1 },
    ]);
    const shown = `${renderPreflightText(report)}${renderPreflightJson(report)}`;
    for (const name of ['Jane', 'Mary', 'Peter']) expect(shown).not.toContain(name);
  });

  it('counts the rows the mapping\'s where leaves out and its keep supersedes, and judges only the rows handed on', async () => {
    const { valuesOf } = await sampled(
      {
        'Cases.csv': CASES,
        'Plans.csv': 'Case No,Plan,Type,Start,End,Deleted\nK1,P1,cp,2026-01-01,2026-02-01,N\nK1,P2,cp,2026-03-01,,N\nK2,P3,cpx,2026-01-05,,Y\nK2,P4,cp,2026-01-05,NULL,N\nK3,P5,cp,bad,,N\n',
      },
      {
        tables: {
          cases: CASES_MAPPING,
          plans: {
            file: 'Plans.csv',
            columns: { case_id: 'Case No', plan_id: 'Plan', type: 'Type', start: 'Start', end: 'End' },
            where: { Deleted: 'N' },
            keep: { per: 'Case No', open: 'End' },
          },
        },
      },
    );
    const plans = valuesOf('Plans.csv');
    // P3 is filtered (its unknown type never judged); P1 is superseded by the open P2.
    expect(plans).toMatchObject({ rowsRead: 5, filtered: 1, superseded: 1, rows: 3 });
    expect(counts(plans, 'type')).toEqual(NONE);
    expect(counts(plans, 'end')).toEqual({ ...NONE, empty: 2, nullTokens: 1, tokens: ['NULL'] });
    expect(counts(plans, 'start')).toEqual({ ...NONE, unreadableDates: 1 });
  });

  it('counts rows with more or fewer cells than the header whole, without judging their cells', async () => {
    const { valuesOf } = await sampled({ 'cases.csv': 'case_id,status\nC1,open\nC2,open,Smith, Jane\nC3,shut\nC4\n' });
    const cases = valuesOf('cases.csv');
    expect(cases).toMatchObject({ rowsRead: 4, wrongCellCount: 2, wrongCellCountLine: 3, rows: 2 });
    expect(counts(cases, 'status')).toEqual({ ...NONE, unknownCodes: 1 });
  });

  it('samples a looked-up column as the audit fills it, and leaves one whose lookup file is absent unjudged', async () => {
    const visits = { file: 'Visits.csv', columns: { visit_id: 'Ref', date: 'Date', outcome: 'Outcome' } };
    const lookup = { file: 'Links.csv', match: { Ref: 'Ref' }, column: 'Case' };
    const files = {
      'cases.csv': 'case_id,status\nK1,open\n',
      'Visits.csv': 'Ref,Date,Outcome\nV1,2026-01-01,completed\nV2,2026-01-02,completed\n',
    };
    const present = await sampled({ ...files, 'Links.csv': 'Ref,Case\nV1,K1\n' }, { tables: { visits: { ...visits, lookup: { case_id: lookup } } } });
    expect(column(present.valuesOf('Visits.csv'), 'case_id')).toMatchObject({ header: 'Links.csv:Case', empty: 1, required: true });
    const absent = await sampled(files, { tables: { visits: { ...visits, lookup: { case_id: lookup } } } });
    expect(absent.valuesOf('Visits.csv').columns.map((entry) => entry.column)).toEqual(['visit_id', 'date', 'outcome']);
    expect(absent.report.mappingFilesNotFound).toEqual(['Links.csv']);
  });

  it('gives JSON inputs, and files it cannot place in a table, no values', async () => {
    const { report } = await sampled({ 'a.json': JSON.stringify([{ case_id: 'C1', status: 'open' }]), 'notes.csv': 'what,ever\n1,2\n' });
    expect(report.files.map((file) => [file.file.split(/[\\/]/).pop(), file.table, file.values])).toEqual([
      ['a.json', 'cases', null],
      ['notes.csv', null, null],
    ]);
  });
});

describe('how many rows are read', () => {
  const manyCases = (rows: number, bad: (row: number) => boolean) =>
    `case_id,status\n${Array.from({ length: rows }, (_, i) => `C${i + 1},${bad(i + 1) ? 'shut' : 'open'}`).join('\n')}\n`;

  it('reads the first N data rows of each file, blank lines not counted, and judges only those', async () => {
    const { valuesOf } = await sampled({ 'cases.csv': `case_id,status\nC1,open\n\nC2,shut\nC3,open\nC4,shut\nC5,shut\n` }, null, 3);
    expect(valuesOf('cases.csv')).toMatchObject({ rowsRead: 3, limit: 3, rows: 3 });
    expect(counts(valuesOf('cases.csv'), 'status')).toEqual({ ...NONE, unknownCodes: 1 });
  });

  it('reads 1000 rows by default, and every row with no limit (--all-rows)', async () => {
    const files = { 'cases.csv': manyCases(2500, (row) => row % 1000 === 0) };
    const first = await sampled(files);
    expect(first.valuesOf('cases.csv')).toMatchObject({ rowsRead: 1000, limit: 1000 });
    expect(counts(first.valuesOf('cases.csv'), 'status').unknownCodes).toBe(1);
    const all = await sampled(files, null, null);
    expect(all.valuesOf('cases.csv')).toMatchObject({ rowsRead: 2500, limit: null, rows: 2500 });
    expect(counts(all.valuesOf('cases.csv'), 'status').unknownCodes).toBe(2);
    expect(all.report.sample).toEqual({ rows: null });
  });

  it('reads the first N rows of a workbook\'s sheet', async () => {
    const folder = await inputFolder({});
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('cases');
    sheet.addRow(['case_id', 'status']);
    for (const [id, status] of [['C1', 'open'], ['C2', 'shut'], ['C3', 'shut']]) sheet.addRow([id, status]);
    await book.xlsx.writeFile(join(folder, 'export.xlsx'));
    const sampler = new ValueSampler(2);
    const scan = await scanHeaders([folder], { sample: sampler });
    expect(sampler.valuesOf(join(folder, 'export.xlsx#cases'), null)).toMatchObject({ rowsRead: 2, rows: 2 });
    expect(counts(sampler.valuesOf(join(folder, 'export.xlsx#cases'), null) as FileValues, 'status').unknownCodes).toBe(1);
    expect(scan.files.map((file) => file.file)).toEqual([join(folder, 'export.xlsx#cases')]);
  });

  it('stops on a malformed record among the rows read, naming file and line; one past them is not read', async () => {
    const files = { 'cases.csv': 'case_id,status\nC1,open\nC2,open\nC3,"open\nC4,open\n' };
    const error: unknown = await sampled(files, null, 3).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).toLine()).toMatch(/cases\.csv:4: malformed CSV: a quoted cell is never closed/);
    await expect(sampled(files, null, 2)).resolves.toBeDefined();
  });
});

describe('showing the values', () => {
  it('lists per file only the columns with something to say, with what to add to the mapping', async () => {
    const { report } = await sampled(
      {
        'Cases.csv': CASES,
        'Visits.csv': 'Ref,Case No,Visit Date,Outcome,Seen\nV1,K1,2026-03-01,DNA,Y\nV2,K1,2026-03-02,Rescheduled,Maybe\nV3,K2,NULL,Seen,N\nV4,K2,03/25/2026,Rescheduled,\n',
      },
      {
        tables: {
          cases: CASES_MAPPING,
          visits: {
            file: 'Visits.csv',
            columns: { visit_id: 'Ref', case_id: 'Case No', date: 'Visit Date', outcome: 'Outcome', child_seen: 'Seen' },
            values: { outcome: { DNA: 'defaulted', Seen: 'completed' } },
          },
        },
      },
      1000,
    );
    const text = renderPreflightText(report);
    const section = text.slice(text.indexOf('Values'), text.indexOf('\nTables')).replaceAll(report.files[0]?.file.replace(/Cases\.csv$/, '') ?? '', '');
    expect(section.split('\n')).toEqual([
      'Values (the first 1000 rows of each file; --sample-rows N or --all-rows to read more)',
      '  Cases.csv (cases): all 4 rows',
      '    status (Status): 1 unknown code (e.g. line 4: "Pending")',
      '    opened (Opened): 1 unreadable date (e.g. line 4: "05-Mar-2026")',
      '    closed (Closed): 2 of 4 null tokens (#N/A, NULL; read as empty); 1 unreadable date (e.g. line 3: "31/02/2026")',
      '    worker (Worker): 1 of 4 null (null token, read as empty)',
      '    → add tables.cases.values.status: the export\'s "Pending" → one of open, closed',
      '    → add tables.cases.dateFormats.opened: the export\'s date format in date-fns tokens, e.g. "dd-MMM-yyyy" for 05-Mar-2026',
      '    → closed: dates that do not exist in the calendar are errors in the record itself: correct them in the source system (the audit reports each row)',
      '  Visits.csv (visits): all 4 rows',
      '    date (Visit Date): 1 of 4 NULL (null token, read as empty): required, so the audit leaves that row out; 1 unreadable date (e.g. line 5: "03/25/2026")',
      '    outcome (Outcome): 2 unknown codes (e.g. line 3: "Rescheduled", 2 rows)',
      '    child_seen (Seen): 1 invalid value (e.g. line 3: "Maybe")',
      '    → add tables.visits.dateFormats.date if the export writes the month first: "MM/dd/yyyy" (date-fns tokens)',
      '    → add tables.visits.values.outcome: the export\'s "Rescheduled" → one of completed, defaulted, no_access, cancelled_by_family, cancelled_by_service',
      '    → add tables.visits.values.child_seen: the export\'s "Maybe" → Y or N',
      '',
    ]);
    expect(text).not.toContain('Jane Smith');
  });

  it('names the optional columns empty on every row in one line, says when there is nothing to note, and advises on a mostly empty required column', async () => {
    const { report } = await sampled(
      {
        'Cases.csv': 'Case No,Status,Team\nK1,Current,\nK2,Current,\n',
        'People.csv': 'Case No,Person,Relationship,Is Parent,Parent Flag\nK1,P1,mother,,Y\nK1,P2,father,,N\nK2,P3,mother,Y,Y\n',
      },
      {
        tables: {
          cases: { file: 'Cases.csv', columns: { case_id: 'Case No', status: 'Status', team: 'Team' }, values: { status: { Current: 'open' } } },
          people: { file: 'People.csv', columns: { case_id: 'Case No', person_id: 'Person', relationship: 'Relationship', parent: 'Is Parent' } },
        },
      },
    );
    const text = renderPreflightText(report);
    expect(text).toContain('/Cases.csv (cases): all 2 rows\n    empty on every row: team (Team)\n');
    expect(text).toContain(
      '    parent (Is Parent): 2 of 3 empty: required, so the audit leaves those 2 rows out\n' +
        '    → parent is required, yet 2 of 3 rows have none (the audit leaves such rows out): check that tables.people.columns.parent ("Is Parent") names the export\'s column that holds it\n',
    );
    const nothing = await sampled({ 'cases.csv': 'case_id,status\nC1,open\n' });
    expect(renderPreflightText(nothing.report)).toContain('cases.csv (cases): all 1 row; nothing to note\n');
    const empty = await sampled({ 'cases.csv': 'case_id,status\n' });
    expect(renderPreflightText(empty.report)).toContain('cases.csv (cases): no rows; nothing to note\n');
  });

  it('gives every sampled input a values object in JSON, keys in a fixed order, and the sample size', async () => {
    const { report } = await sampled({ 'Cases.csv': CASES }, { tables: { cases: CASES_MAPPING } }, 2);
    const json = JSON.parse(renderPreflightJson(report)) as { sample: unknown; files: { values: Record<string, unknown> & { columns: Record<string, unknown>[] } }[] };
    expect(json.sample).toEqual({ rows: 2 });
    const [values] = json.files.map((file) => file.values);
    expect(Object.keys(values ?? {})).toEqual(['rowsRead', 'limit', 'filtered', 'superseded', 'wrongCellCount', 'wrongCellCountLine', 'rows', 'columns', 'advice']);
    expect(Object.keys(values?.columns[0] ?? {})).toEqual(['column', 'header', 'mapped', 'kind', 'required', 'empty', 'nullTokens', 'translatedTokens', 'tokens', 'unreadableDates', 'unknownCodes', 'invalid', 'examples']);
    expect(values).toMatchObject({ rowsRead: 2, limit: 2 });
    // The same export gives the same bytes, wherever it is.
    const again = (await sampled({ 'Cases.csv': CASES }, { tables: { cases: CASES_MAPPING } }, 2)).report;
    const placeless = (text: string) => text.replaceAll(/[^"]*practice-audit-load-\w+/g, '<folder>');
    expect(placeless(renderPreflightJson(again))).toBe(placeless(renderPreflightJson(report)));
  });
});

describe('the worked example of docs/INPUT.md', () => {
  it('is what the pre-flight says of its export and mapping', async () => {
    const doc = readFileSync(new URL('../../docs/INPUT.md', import.meta.url), 'utf8');
    const example = doc.slice(doc.indexOf('A worked example'));
    const files = [...example.matchAll(/`(export\/[\w.]+)`:?\n\n```csv\n([\s\S]*?)```/g)].map((match) => [match[1] as string, match[2] as string] as const);
    expect(files.map(([name]) => name)).toEqual(['export/Case_List.csv', 'export/Visits_Export.csv']);
    const mapping = /`mapping\.json`[^\n]*\n\n```json\n([\s\S]*?)```/.exec(example)?.[1];
    const said = /says, among the rest:\n\n```text\n([\s\S]*?)```/.exec(example)?.[1];
    if (mapping === undefined || said === undefined) throw new Error('docs/INPUT.md\'s worked example lacks its mapping or its output');
    const folder = await inputFolder({ 'mapping.json': mapping });
    await mkdir(join(folder, 'export'));
    for (const [name, text] of files) await writeFile(join(folder, name), text);
    const sampler = new ValueSampler(1000);
    const scan = await scanHeaders([join(folder, 'export')], { mapping: readMappingFile(join(folder, 'mapping.json')), sample: sampler });
    const text = renderPreflightText(preflight(scan, CHECKS.map((check) => check.meta), ALL_ON, sampler)).replaceAll(`${folder}/`, '');
    expect(text.slice(text.indexOf('Values'), text.indexOf('\nTables'))).toBe(said);
  });
});
