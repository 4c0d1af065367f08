// End to end through the built CLI: the CareFirst and SSD mapping profiles on their sample exports, audit and preflight.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../src/engine/preflight.js';
import type { Report } from '../../src/core/report.js';
import { CHECKS } from '../../checks/index.js';
import { ROOT, runBuiltCli } from '../e2e/run-cli.js';

const AS_OF = ['--as-of', '2026-10-31'];

const audit = (folder: string, mapping: string) => {
  const run = runBuiltCli(['audit', folder, '--mapping', mapping, ...AS_OF, '-f', 'json']);
  return { ...run, report: JSON.parse(run.stdout) as Report };
};
const preflightOf = (folder: string, mapping: string) => {
  const run = runBuiltCli(['preflight', folder, '--mapping', mapping, '--format', 'json']);
  return { ...run, report: JSON.parse(run.stdout) as PreflightReport };
};

const fileName = (path: string) => path.split(/[\\/]/).pop();
const NEEDS = new Map(CHECKS.map((check) => [check.meta.id, check.meta.needs as readonly string[]]));

/** The standards a profile cannot assess, from the tables it lacks: every standard needing one, and no other. */
const needingAny = (lacking: readonly string[]) => [...NEEDS].filter(([, needs]) => needs.some((table) => lacking.includes(table))).map(([id]) => id);

/**
 * What a profile's export lacks decides each standard's status: a standard needing a lacking table is not assessed,
 * naming those tables; one reading a lacking column is partly assessed, naming it; every other standard is assessed.
 */
function expectJudgedByWhatIsLacking(report: Report, lacking: { tables: readonly string[]; columns: readonly string[] }): void {
  for (const standard of report.standards) {
    const missing = (NEEDS.get(standard.id) ?? []).filter((table) => lacking.tables.includes(table));
    if (missing.length > 0) {
      expect(standard.status, standard.id).toBe('not-assessed');
      expect(standard.reason, standard.id).toBe(`table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing from the input`);
    } else if (standard.status === 'partly-assessed') {
      // A column is lacking when the profile lacks it, or lacks its whole table (a clause on letters, say).
      for (const column of standard.absentColumns ?? []) {
        const lacks = lacking.columns.includes(column) || lacking.tables.includes(column.split('.')[0] ?? '');
        expect(lacks, `${standard.id} reads ${column}, which the profile was not known to lack`).toBe(true);
      }
    } else {
      expect(standard.status, standard.id).toBe('assessed');
    }
  }
}

const CAREFIRST_LACKS = {
  tables: ['allegations', 'letters', 'contact_attempts', 'updates', 'referrals'],
  // Each column is absent from the file, or one of the files, feeding its table (the core-group export lacks the meeting columns).
  columns: [
    'assessment_views.office_appointment_offered',
    'meetings.chair_role',
    'meetings.split',
    'meetings.minutes_sets',
    'meeting_parents.views_sought',
    'meeting_parents.address_removed',
    'people.manager_warning',
    'people.pr_agreement',
    'people.pr_agreement_date',
    'plans.review_due',
  ],
};
/** A finding as the saved forms must agree on it: the child, the standard, the record, the message, the team and worker. */
const brief = (finding: Report['findings'][number]) =>
  `${finding.caseId} ${finding.standard} ${finding.recordId ?? '-'} ${finding.messageId} ${finding.team ?? '-'} ${finding.worker ?? '-'}`;

const SSD_FINDINGS = [
  '1002 child-seen CPV-8203 childNotSeen Safeguarding 1 SW0102',
  '1003 child-seen CPV-8206 childSeenNotRecorded Safeguarding 1 SW0102',
  '1008 child-seen CPV-8213 childNotSeen Safeguarding 2 SW0106',
];

/** Staff names in the sample extract's referral worker column (Liquidlogic writes names there): none may reach a report. */
const SSD_STAFF_NAMES = ['Priya Shah', 'Tom Okafor', "Siobhan O'Neill", 'Dan Reyes', 'Ana Kowalska', 'Lee Brennan', 'Sam Hughes', 'Zoë Adeyemi'];

const SSD_LACKS = {
  tables: ['people', 'meeting_parents', 'assessment_views', 'incidents', 'allegations', 'letters', 'contact_attempts', 'updates', 'referrals'],
  columns: ['visits.manager_informed', 'meetings.split', 'meetings.minutes_sets', 'plans.review_due'],
};

describe('CareFirst profile on samples/carefirst-export', () => {
  const { status, stderr, report } = audit('samples/carefirst-export', 'samples/mappings/carefirst.json');

  it('audits the export, exiting 1 on its planted breaches', () => {
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.summary).toEqual({
      cases: 12,
      casesWithBreaches: 10,
      errors: 13,
      warnings: 5,
      pending: 0,
      partlyAssessed: report.standards.filter((standard) => standard.status === 'partly-assessed').length,
      notAssessed: needingAny(CAREFIRST_LACKS.tables).length,
    });
    // Nor does it say who chaired a core group: the recorder of a core-group exclusion is not judged.
    expect(report.standards.find((s) => s.id === 'exclusion-recorded')).toMatchObject({
      status: 'partly-assessed',
      absentColumns: ['meetings.chair_role'],
    });
    // The core-group export has no split or minutes columns: split meetings are not judged, even in the conference
    // export that has them, rather than read as "not recorded" for core groups.
    expect(report.standards.find((s) => s.id === 'split-review-minutes')).toMatchObject({
      status: 'partly-assessed',
      absentColumns: ['meetings.split', 'meetings.minutes_sets'],
    });
  });

  it('reads every file into its table, the two visit exports into visits and two meeting exports into meetings', () => {
    expect(report.inputs.map((input) => [input.table, fileName(input.file), input.rows, input.rejected])).toEqual([
      ['assessment_views', 'Assessment_Parent_Views.csv', 7, 0],
      ['assessments', 'Assessments.csv', 5, 0],
      ['visits', 'CIN_Visits_Export.csv', 12, 1],
      ['cases', 'Case_List.csv', 12, 0],
      ['meeting_parents', 'Conference_Invitees.csv', 33, 0],
      ['meetings', 'Conferences.csv', 13, 0],
      ['meetings', 'Core_Groups.csv', 4, 0],
      ['incidents', 'Incidents.csv', 2, 0],
      ['people', 'Involved_People.csv', 26, 0],
      ['plans', 'Plans.csv', 12, 0],
      ['visits', 'Visits_Export.csv', 25, 0],
    ]);
  });

  it('finds exactly the planted breaches', () => {
    expect(report.findings.map((finding) => `${finding.caseId} ${finding.standard} ${finding.recordId ?? '-'}`)).toEqual([
      'CF001 child-seen VS00104',
      'CF002 defaulted-visit-followed-up VS00205',
      'CF002 defaulted-visits-escalated VS00205',
      'CF002 repeat-cancellations-manager-consulted VS00203',
      'CF003 data-invalid-row VS00302',
      'CF003 no-access-manager-consulted VS00303',
      'CF003 nrp-invited MT0031',
      'CF005 joint-visit-where-risk VS00502',
      'CF006 incident-reported IN0061',
      'CF007 nrp-met-in-person AS0071',
      'CF007 views-not-adopted-reasoned AS0071',
      'CF008 no-contact-reason P00802',
      'CF008 parent-views-recorded AS0081',
      'CF009 exclusion-kept-under-review MT0093',
      'CF009 exclusion-recorded MT0093',
      'CF010 advocacy-info-shared MT0101',
      'CF010 report-shared-in-advance MT0101',
      'CF011 nrp-details-recorded P01102',
    ]);
  });

  it('reports the unmapped outcome in the export\'s own terms: its file, line and column', () => {
    const invalid = report.findings.find((finding) => finding.standard === 'data-invalid-row');
    expect(invalid?.source).toEqual({ file: 'samples/carefirst-export/CIN_Visits_Export.csv', line: 3 });
    expect(invalid?.message).toBe(
      'visits row left out of the audit: Outcome "Rescheduled" is not valid (expected one of completed, defaulted, no_access, cancelled_by_family, cancelled_by_service).',
    );
  });

  it('reports the standards whose tables a CareFirst export lacks as not assessed, naming the table', () => {
    expectJudgedByWhatIsLacking(report, CAREFIRST_LACKS);
  });

  it('says the same before the audit, in the pre-flight', () => {
    const { status: preflightStatus, report: preflight } = preflightOf('samples/carefirst-export', 'samples/mappings/carefirst.json');
    expect(preflightStatus).toBe(1);
    expect(preflight.problems).toEqual([]);
    const lacking = needingAny(CAREFIRST_LACKS.tables);
    expect(preflight.summary).toMatchObject({ notAssessed: lacking.length, off: 0, problems: 0 });
    expect(preflight.standards.filter((standard) => standard.status === 'not-assessed').map((standard) => standard.id)).toEqual(lacking);
    expect(preflight.files.find((file) => fileName(file.file) === 'Core_Groups.csv')?.columns).toContainEqual({
      column: 'type',
      origin: 'constant',
      constant: 'core_group',
    });
  });
});

describe('SSD profile on samples/ssd-export', () => {
  const { status, stderr, report } = audit('samples/ssd-export', 'samples/mappings/ssd.json');

  it('audits the extract, exiting 1 on the visits where the child was not seen', () => {
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.summary.cases).toBe(9);
    expect(report.findings.map(brief)).toEqual(SSD_FINDINGS);
  });

  it('reads a re-referred child through its open referral, the allocated team and worker, and no review not yet held', () => {
    const cases = report.inputs.find((input) => input.table === 'cases');
    expect(cases).toMatchObject({ rows: 9, rejected: 0, superseded: 1 });
    expect(report.inputs.find((input) => fileName(input.file) === 'ssd_cp_reviews.csv')).toMatchObject({ rows: 5, rejected: 0, filtered: 1 });
    // The allocated team, not the front door's: from ssd_involvements, not cine_referral_team.
    expect(report.findings.map((finding) => [finding.caseId, finding.team, finding.worker])).toEqual([
      ['1002', 'Safeguarding 1', 'SW0102'],
      ['1003', 'Safeguarding 1', 'SW0102'],
      ['1008', 'Safeguarding 2', 'SW0106'],
    ]);
  });

  it('reads the SSD tables it maps, ignoring the others, with plan ids kept apart by their prefixes', () => {
    expect(report.inputs.map((input) => `${input.table} ${fileName(input.file)}`)).toEqual([
      'assessments ssd_cin_assessments.csv',
      'cases ssd_cin_episodes.csv',
      'plans ssd_cin_plans.csv',
      'visits ssd_cin_visits.csv',
      'plans ssd_cla_episodes.csv',
      'plans ssd_cp_plans.csv',
      'meetings ssd_cp_reviews.csv',
      'visits ssd_cp_visits.csv',
      'meetings ssd_initial_cp_conference.csv',
    ]);
    expect(report.inputs.every((input) => input.rejected === 0)).toBe(true);
  });

  it('assesses what the SSD can show and reports every other standard not assessed, naming the missing tables', () => {
    expectJudgedByWhatIsLacking(report, SSD_LACKS);
    // As the pre-flight says: the SSD has no manager_informed, split or minutes_sets, so nothing rests on them.
    expect(report.standards.filter((s) => s.status === 'partly-assessed').map((s) => [s.id, s.absentColumns])).toEqual(
      expect.arrayContaining([
        ['no-access-manager-consulted', ['visits.manager_informed']],
        ['split-review-minutes', ['meetings.split', 'meetings.minutes_sets']],
      ]),
    );
  });

  it('names the missing fields in the pre-flight: partly assessed where a read column is absent, assumed values noted', () => {
    const { status: preflightStatus, report: preflight } = preflightOf('samples/ssd-export', 'samples/mappings/ssd.json');
    expect(preflightStatus).toBe(1);
    expect(preflight.summary).toMatchObject({ notAssessed: needingAny(SSD_LACKS.tables).length, off: 0, problems: 0 });
    const judged = Object.fromEntries(preflight.standards.map((standard) => [standard.id, standard]));
    expect(judged['no-access-manager-consulted']).toMatchObject({ status: 'partly-assessed', missingColumns: ['visits.manager_informed'] });
    expect(judged['split-review-minutes']).toMatchObject({ status: 'partly-assessed', missingColumns: ['meetings.split', 'meetings.minutes_sets'] });
    expect(judged['child-seen']).toMatchObject({ status: 'assessed', constantColumns: ['visits.type', 'visits.outcome'] });
    expect(judged['nrp-invited']).toMatchObject({ status: 'not-assessed', missingTables: ['people', 'meeting_parents'] });
    expect(preflight.ignored.map(fileName)).toEqual(['ssd_person.csv']);
    expect(preflight.lookupFiles.map(fileName)).toEqual(['ssd_involvements.csv']);
    // Every file the profile names is a pattern (dated extracts): each matched an input, none is missing.
    expect(preflight.mappingFilesNotFound).toEqual([]);
  });
});

describe.each([
  ['samples/ssd-export', 'samples/mappings/ssd.json'],
  ['samples/ssd-export-ssms', 'samples/mappings/ssd.json'],
  ['samples/ssd-export-ssms-quoted', 'samples/mappings/ssd.json'],
  ['samples/ssd-export-excel', 'samples/mappings/ssd.json'],
  ['samples/ssd-mosaic-export', 'samples/mappings/ssd-mosaic.json'],
])('the SSD extract as saved in %s, through %s', (folder, mapping) => {
  const { status, stderr, stdout, report } = audit(folder, mapping);

  it('gives the same findings for the same children, with no data-integrity noise and no names', () => {
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.summary.cases).toBe(9);
    expect(report.findings.map(brief)).toEqual(SSD_FINDINGS);
    expect(report.inputs.every((input) => input.rejected === 0 && input.keptWithRejectedCells === 0)).toBe(true);
    for (const name of SSD_STAFF_NAMES) expect(stdout).not.toContain(name);
    // Excel's re-save is Windows-1252 (an en dash in a referral's source): detected, and said in the inputs.
    const detected = report.inputs.filter((input) => input.encoding !== undefined).map((input) => `${fileName(input.file)} ${input.encoding}`);
    expect(detected).toEqual(folder.endsWith('-excel') ? ['ssd_cin_episodes.csv windows-1252 (detected)'] : []);
  });

  it('gives the same report byte for byte read in two parts (--jobs 2): lookups, filters and keep are per part', () => {
    const parted = runBuiltCli(['audit', folder, '--mapping', mapping, ...AS_OF, '-f', 'json', '--jobs', '2']);
    expect(parted.status).toBe(1);
    expect(parted.stdout).toBe(stdout);
  });
});

describe('the mapping from the command line and the configuration', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'practice-audit-mapping-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const configFile = join(scratch, 'config.json');
  // The configuration's mapping is found relative to the configuration file.
  writeFileSync(configFile, JSON.stringify({ mapping: relative(scratch, join(ROOT, 'samples/mappings/ssd.json')) }));

  it('takes the mapping from the configuration, and --mapping over it', () => {
    const fromConfig = runBuiltCli(['audit', 'samples/ssd-export', '-c', configFile, ...AS_OF, '-f', 'json']);
    expect((JSON.parse(fromConfig.stdout) as Report).summary.cases).toBe(9);
    const overridden = runBuiltCli(['audit', 'samples/carefirst-export', '-c', configFile, '--mapping', 'samples/mappings/carefirst.json', ...AS_OF, '-f', 'json']);
    expect((JSON.parse(overridden.stdout) as Report).summary.cases).toBe(12);
  });

  it('exits 2 with one line on a bad mapping, and on a column the export lacks', () => {
    const badMapping = join(scratch, 'bad.json');
    writeFileSync(badMapping, JSON.stringify({ tables: { visits: { file: 'Visits_Export.csv', colums: {} } } }));
    const bad = runBuiltCli(['audit', 'samples/carefirst-export', '--mapping', badMapping, ...AS_OF]);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', `practice-audit: ${badMapping}: tables.visits: unknown key "colums"\n`]);
    const wrongColumn = join(scratch, 'wrong-column.json');
    writeFileSync(wrongColumn, JSON.stringify({ tables: { cases: { file: 'Case_List.csv', columns: { case_id: 'Case Number', status: 'Case Status' } } } }));
    const missing = runBuiltCli(['preflight', 'samples/carefirst-export', '--mapping', wrongColumn]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(
      'samples/carefirst-export/Case_List.csv:1: the mapping (tables.cases.columns.case_id) names column "Case Number", which this file does not have',
    );
    const audited = runBuiltCli(['audit', 'samples/carefirst-export/Case_List.csv', '--mapping', wrongColumn, ...AS_OF]);
    expect(audited.status).toBe(2);
    expect(audited.stderr).toMatch(/^practice-audit: samples\/carefirst-export\/Case_List\.csv:1: the mapping \(tables\.cases\.columns\.case_id\) names column "Case Number", which this file does not have/);
  });

  it('refuses an unknown --encoding or --delimiter', () => {
    const encoding = runBuiltCli(['audit', 'samples/monthly-export', '--encoding', 'latin9']);
    expect([encoding.status, encoding.stderr]).toEqual([2, 'practice-audit: --encoding "latin9" is not recognised (expected one of utf8, utf16le, utf16be, windows-1252)\n']);
    const delimiter = runBuiltCli(['preflight', 'samples/monthly-export', '--delimiter', ':']);
    expect([delimiter.status, delimiter.stderr]).toEqual([2, 'practice-audit: --delimiter ":" is not recognised (expected one of , ; | or tab)\n']);
  });
});
