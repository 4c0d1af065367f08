// The pre-flight: which tables and columns the inputs' headers offer, and which standards would be assessed, partly or not.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHECKS, INTEGRITY } from '../../checks/index.js';
import { runAudit } from '../../src/engine/audit.js';
import { tableSpec } from '../../src/model/tables.js';
import { loadExport } from '../../src/pipeline/load.js';
import { scanHeaders, type FileHeader, type HeaderScan } from '../../src/read/scan.js';
import { readMappingFile } from '../../src/read/mapping.js';
import { TABLE_NAMES, type TableName } from '../../src/model/types.js';
import { preflight, preflightExitCode, renderPreflightJson, renderPreflightText, type StandardNeeds } from '../../src/engine/preflight.js';
import { defaultSettings, inputFolder } from '../pipeline/_helpers.js';

const ALL_ON = () => ({ off: false }) as const;

/** A usable input offering these columns of its table, all under their own names. */
function header(table: TableName, columns: readonly string[], file = `${table}.csv`): FileHeader {
  return {
    file,
    format: 'csv',
    table,
    mapping: null,
    dialect: 'UTF-8, comma',
    line: 1,
    columns: columns.map((column) => ({ column, origin: 'header' as const, header: column })),
    missingRequired: [],
    missingMapped: [],
    repeated: [],
    unused: 0,
    problem: null,
  };
}

const scanOf = (files: FileHeader[]): HeaderScan => ({ files, ignored: [], lookupFiles: [], skipped: [], skippedSheets: [], mappingFilesNotFound: [] });

const VISITS_READER: StandardNeeds = {
  id: 'visits-reader',
  title: 'reads visits',
  needs: ['visits'],
  reads: { visits: ['visit_id', 'date', 'outcome', 'manager_informed'], plans: ['type'] },
};
const PEOPLE_READER: StandardNeeds = { id: 'people-reader', title: 'reads people', needs: ['people'], reads: { people: ['person_id'] } };

const CASES = header('cases', ['case_id', 'status']);

describe('judging the standards (pure)', () => {
  it('assesses a standard whose tables and read columns are all there', () => {
    const report = preflight(
      scanOf([CASES, header('visits', ['case_id', 'visit_id', 'date', 'outcome', 'manager_informed']), header('plans', ['case_id', 'plan_id', 'type', 'start'])]),
      [VISITS_READER],
      ALL_ON,
    );
    expect(report.standards).toEqual([
      { id: 'visits-reader', title: 'reads visits', status: 'assessed', missingTables: [], missingColumns: [], constantColumns: [], reason: null },
    ]);
    expect(preflightExitCode(report)).toBe(0);
  });

  it('assesses a standard partly when a column it reads is in no input of its table, or a table it only reads is absent', () => {
    const report = preflight(
      scanOf([
        CASES,
        header('visits', ['case_id', 'visit_id', 'date', 'outcome'], 'visits-1.csv'),
        header('visits', ['case_id', 'visit_id', 'date', 'outcome', 'type'], 'visits-2.csv'),
      ]),
      [VISITS_READER],
      ALL_ON,
    );
    expect(report.standards[0]).toMatchObject({
      status: 'partly-assessed',
      missingColumns: ['visits.manager_informed', 'plans.type'],
      reason: 'visits.manager_informed, plans.type in no input: the check sees them as not recorded on every row',
    });
    expect(report.tables.find((table) => table.table === 'visits')).toEqual({
      table: 'visits',
      files: ['visits-1.csv', 'visits-2.csv'],
      columns: ['case_id', 'visit_id', 'date', 'type', 'outcome'],
      absent: ['child_seen', 'joint', 'manager_informed'],
    });
    expect(preflightExitCode(report)).toBe(1);
  });

  it('does not assess a standard whose needed table is absent, or only in an input the audit would stop on', () => {
    const broken = { ...header('visits', ['case_id', 'visit_id', 'date']), missingRequired: ['outcome'] };
    const report = preflight(scanOf([CASES, broken]), [VISITS_READER, PEOPLE_READER], ALL_ON);
    expect(report.standards.map((standard) => [standard.id, standard.status, standard.reason])).toEqual([
      ['visits-reader', 'not-assessed', 'table visits missing from the input'],
      ['people-reader', 'not-assessed', 'table people missing from the input'],
    ]);
    expect(report.problems).toEqual([{ file: 'visits.csv', line: 1, message: 'table visits is missing required column(s) outcome' }]);
    expect(report.summary).toEqual({ assessed: 0, partlyAssessed: 0, notAssessed: 2, off: 0, problems: 1 });
  });

  it('notes read columns the mapping sets to one value everywhere, but not constants that differ between inputs', () => {
    const constant = (table: TableName, column: string, value: string, file: string): FileHeader => {
      const base = header(table, ['case_id', 'visit_id', 'plan_id', 'date', 'start'].filter((name) => name !== column), file);
      return { ...base, columns: [...base.columns, { column, origin: 'constant', constant: value }] };
    };
    const report = preflight(
      scanOf([
        CASES,
        { ...constant('visits', 'outcome', 'completed', 'cp_visits.csv'), columns: [...constant('visits', 'outcome', 'completed', 'cp_visits.csv').columns, { column: 'manager_informed', origin: 'header' }] },
        constant('visits', 'outcome', 'completed', 'cin_visits.csv'),
        constant('plans', 'type', 'cp', 'cp_plans.csv'),
        constant('plans', 'type', 'cin', 'cin_plans.csv'),
      ]),
      [VISITS_READER],
      ALL_ON,
    );
    expect(report.standards[0]).toMatchObject({
      status: 'assessed',
      constantColumns: ['visits.outcome'],
      reason: 'visits.outcome not in the export: one value for every row, set by the mapping',
    });
  });

  it('leaves standards off by selection, and says the audit cannot run without cases', () => {
    const report = preflight(scanOf([header('visits', ['case_id', 'visit_id', 'date', 'outcome'])]), [VISITS_READER, PEOPLE_READER], (id) =>
      id === 'people-reader' ? { off: true, reason: 'not selected by --only' } : { off: false },
    );
    expect(report.standards.map((standard) => [standard.id, standard.status])).toEqual([
      ['visits-reader', 'partly-assessed'],
      ['people-reader', 'off'],
    ]);
    expect(report.problems).toEqual([{ file: null, line: null, message: 'no cases table among the inputs: the audit cannot run' }]);
  });

  it('renders text and JSON', () => {
    const report = preflight(scanOf([CASES, header('visits', ['case_id', 'visit_id', 'date', 'outcome'])]), [VISITS_READER, PEOPLE_READER], ALL_ON);
    const text = renderPreflightText(report);
    expect(text).toContain('  partly assessed  visits-reader  visits.manager_informed, plans.type in no input');
    expect(text).toContain('  not assessed     people-reader  table people missing from the input');
    expect(text.trimEnd().split('\n').pop()).toBe('0 assessed, 1 partly assessed, 1 not assessed');
    expect(JSON.parse(renderPreflightJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('scanning headers', () => {
  it('without a sample, reads only headers: a row that would stop the audit further down does not stop the scan', async () => {
    const folder = await inputFolder({
      'cases.csv': 'case_id,status\nC1,open\n',
      'visits.csv': 'case_id;visit_id;date;outcome;Notes\nC1;V1;2026-01-01;"unclosed\n',
    });
    const scan = await scanHeaders([folder]);
    expect(scan.files.map((file) => [file.table, file.dialect, file.columns.length, file.unused, file.problem])).toEqual([
      ['cases', 'UTF-8, comma', 2, 0, null],
      ['visits', 'UTF-8, semicolon', 4, 1, null],
    ]);
  });

  it('lists a file it cannot place, an empty file and a missing required column as problems, not errors', async () => {
    const folder = await inputFolder({
      'cases.csv': 'case_id,status\n',
      'export.csv': 'CaseNo,visit_id,date,outcome\n',
      'people.csv': '\n\n',
      'visits.csv': '\n case_id ,visit_id,date\n',
    });
    const report = preflight(await scanHeaders([folder]), CHECKS.map((check) => check.meta), ALL_ON);
    expect(report.problems.map((problem) => `${problem.file?.split(/[\\/]/).pop() ?? '-'}:${problem.line ?? '-'} ${problem.message}`)).toEqual([
      expect.stringMatching(/^export\.csv:1 cannot tell which table this file holds; its header comes closest to visits, which also needs case_id/),
      'people.csv:- the file is empty: it has no header row',
      'visits.csv:2 table visits is missing required column(s) outcome',
    ]);
    expect(preflightExitCode(report)).toBe(1);
  });

  it('collects the keys of JSON and NDJSON case documents per table', async () => {
    const document = { case_id: 'C1', status: 'open', visits: [{ visit_id: 'V1', date: '2026-01-01', outcome: 'completed' }], people: [] };
    const folder = await inputFolder({
      'a.json': JSON.stringify({ cases: [document] }),
      'b.ndjson': `${JSON.stringify({ case_id: 'C2', status: 'open', team: 'North', visits: [{ visit_id: 'V2', date: '2026-01-01', outcome: 'completed', joint: 'Y' }] })}\n`,
    });
    const scan = await scanHeaders([folder]);
    expect(scan.files.map((file) => [file.file.split(/[\\/]/).pop(), file.table, file.columns.map((column) => column.column).join(' ')])).toEqual([
      ['a.json', 'cases', 'case_id status'],
      ['a.json', 'people', 'case_id'],
      ['a.json', 'visits', 'case_id visit_id date outcome'],
      ['b.ndjson', 'cases', 'case_id status team'],
      ['b.ndjson', 'visits', 'case_id visit_id date outcome joint'],
    ]);
    expect(scan.files.find((file) => file.table === 'people')?.missingRequired).toEqual(['person_id', 'relationship', 'parent']);
  });

  it('goes through the mapping: mapped and constant columns, ignored files, sheets skipped, mapped files not found', async () => {
    const folder = await inputFolder({ 'Case_List.csv': 'Case No,Status\n', 'ssd_person.csv': 'pers_person_id\n' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('CP Visits').addRow(['Case No', 'Ref', 'Visit Date', 'Seen']);
    book.addWorksheet('About').addRow(['notes']);
    await book.xlsx.writeFile(join(folder, 'Visits.xlsx'));
    const mappingFolder = await inputFolder({});
    const mappingFile = join(mappingFolder, 'mapping.json');
    await writeFile(
      mappingFile,
      JSON.stringify({
        tables: {
          cases: { file: 'Case_List.csv', columns: { case_id: 'Case No', status: 'Status' } },
          visits: { file: 'Visits.xlsx', sheet: ['CP Visits', 'CIN Visits'], columns: { case_id: 'Case No', visit_id: 'Ref', date: 'Visit Date', child_seen: 'Seen' }, constants: { outcome: 'completed' } },
          letters: { file: 'Letters.csv' },
        },
        ignore: ['ssd_*'],
      }),
    );
    const scan = await scanHeaders([folder], { mapping: readMappingFile(mappingFile) });
    expect(scan.files.map((file) => [file.file.split(/[\\/]/).pop(), file.table, file.mapping, file.columns.map((column) => `${column.column}:${column.origin}`).join(' ')])).toEqual([
      ['Case_List.csv', 'cases', 'tables.cases', 'case_id:mapped status:mapped'],
      ['Visits.xlsx#CP Visits', 'visits', 'tables.visits', 'case_id:mapped visit_id:mapped date:mapped outcome:constant child_seen:mapped'],
    ]);
    expect(scan.ignored.map((file) => file.split(/[\\/]/).pop())).toEqual(['ssd_person.csv']);
    expect(scan.skippedSheets.map((file) => file.split(/[\\/]/).pop())).toEqual(['Visits.xlsx#About']);
    expect(scan.mappingFilesNotFound).toEqual(['Letters.csv', 'Visits.xlsx#CIN Visits']);
  });
});

describe('the pre-flight and the audit', () => {
  const SAMPLE = fileURLToPath(new URL('../../samples/monthly-export', import.meta.url));

  /** The sample export with these optional columns of each table taken out of its file. */
  async function sampleWithout(dropped: ReadonlySet<string>): Promise<string> {
    const files: Record<string, string> = {};
    for (const name of await readdir(SAMPLE)) {
      const table = name.replace(/\.csv$/, '');
      const [head, ...rows] = parse(await readFile(join(SAMPLE, name), 'utf8')) as string[][];
      const keep = (head ?? []).map((column) => !dropped.has(`${table}.${column}`));
      files[name] = stringify([head ?? [], ...rows].map((row) => row.filter((_, i) => keep[i])));
    }
    return inputFolder(files);
  }

  const optional = (table: TableName) => tableSpec(table).columns.filter((column) => !column.required).map((column) => `${table}.${column.name}`);

  it.each([
    ['every optional column', TABLE_NAMES.flatMap(optional)],
    ...TABLE_NAMES.map((table) => [`the optional columns of ${table}`, optional(table)] as [string, string[]]),
    ['the columns that only exempt or narrow', ['people.risk_flag', 'people.contactable', 'people.uncontactable_date', 'people.no_contact_since', 'cases.closed', 'plans.end']],
  ])('judge every standard alike, and name the same absent columns, without %s', async (_, columns) => {
    const folder = await sampleWithout(new Set(columns));
    const ready = preflight(await scanHeaders([folder]), CHECKS.map((check) => check.meta), ALL_ON);
    const audited = runAudit(await loadExport([folder]), CHECKS, INTEGRITY, defaultSettings());
    const fromAudit = audited.standards.filter((s) => !INTEGRITY.some((i) => i.id === s.id)).map((s) => [s.id, s.status, s.absentColumns ?? []]);
    expect(ready.standards.map((s) => [s.id, s.status, s.missingColumns])).toEqual(fromAudit);
  });
});
