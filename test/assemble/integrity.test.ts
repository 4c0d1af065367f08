// Duplicates and orphans: the first occurrence kept, every later or dangling row reported and accounted for.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefly, inputFolder, loadChecked, loadFiles, render } from '../pipeline/_helpers.js';

const CASES = 'case_id,status\nC1,open\nC2,open\n';
const PEOPLE = 'case_id,person_id,relationship,parent\nC1,M1,mother,Y\nC1,F1,father,Y\nC2,M2,mother,Y\n';

describe('rows of a case apart from each other (an export sorted by date)', () => {
  it('keeps every row in file order in its case, and still finds a duplicate met after the case came back', async () => {
    // 20 visits per case, taking turns: past the size at which a case's table is searched by an index.
    const visits = Array.from({ length: 40 }, (_, i) => `C${(i % 2) + 1},V${i},2026-01-${String((i % 28) + 1).padStart(2, '0')},completed`);
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'visits.csv': ['case_id,visit_id,date,outcome', ...visits, 'C1,V4,2026-02-01,defaulted', 'C2,V41,2026-02-02,completed', ''].join('\n'),
    });
    expect(loaded.cases.map((record) => record.visits.map((visit) => visit.visit_id))).toEqual([
      Array.from({ length: 20 }, (_, i) => `V${2 * i}`),
      [...Array.from({ length: 20 }, (_, i) => `V${2 * i + 1}`), 'V41'],
    ]);
    expect(loaded.integrity.map((finding) => [finding.standard, finding.recordId, finding.source?.line])).toEqual([['data-duplicate-id', 'V4', 42]]);
  });
});

describe('duplicate ids', () => {
  it('keeps the first occurrence and reports each later one with the first one as evidence', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'visits.csv': [
        'case_id,visit_id,date,outcome',
        'C1,V1,2026-01-05,completed',
        'C1,V1,2026-01-06,defaulted',
        'C2,V1,2026-01-07,completed',
        'C1,V1,2026-01-08,completed',
        '',
      ].join('\n'),
    });
    expect(loaded.cases.map((record) => record.visits.map((visit) => visit.date))).toEqual([['2026-01-05'], ['2026-01-07']]);
    const visits = join(loaded.folder, 'visits.csv');
    expect(loaded.integrity).toEqual(
      [3, 5].map((line) => ({
        standard: 'data-duplicate-id',
        caseId: 'C1',
        recordId: 'V1',
        date: null,
        messageId: 'duplicateId',
        data: { table: 'visits', key: 'visit_id', id: 'V1', caseId: 'C1', firstSource: `${visits}:2`, firstFile: visits, firstLine: 2 },
        evidence: [{ table: 'visits', id: 'V1', note: `first occurrence at ${visits}:2` }],
        source: { file: visits, line },
      })),
    );
    expect(render(loaded.integrity[0] as (typeof loaded.integrity)[number])).toBe(
      `visits row left out of the audit: visit_id V1 already appears in case C1 at ${visits}:2, which is the row audited.`,
    );
  });

  it('finds duplicate cases across files, the first file given being first', async () => {
    const first = await inputFolder({ 'cases.csv': CASES });
    const second = await inputFolder({ 'more-cases.csv': 'case_id,status\nC3,open\nC1,closed\n' });
    const loaded = await loadChecked([first, second]);
    expect(loaded.cases.map((record) => [record.case.case_id, record.case.status])).toEqual([
      ['C1', 'open'],
      ['C2', 'open'],
      ['C3', 'open'],
    ]);
    expect(loaded.integrity).toEqual([
      expect.objectContaining({
        standard: 'data-duplicate-id',
        caseId: 'C1',
        recordId: 'C1',
        messageId: 'duplicateCase',
        source: { file: join(second, 'more-cases.csv'), line: 3 },
      }),
    ]);
  });

  it('compares whole keys: a view per parent per assessment, a letter per recipient', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'people.csv': PEOPLE,
      'assessments.csv': 'case_id,assessment_id\nC1,A1\nC1,A2\n',
      'assessment_views.csv': 'case_id,assessment_id,person_id,views_recorded\nC1,A1,M1,Y\nC1,A1,F1,Y\nC1,A2,M1,Y\nC1,A1,M1,N\n',
      'letters.csv': 'case_id,letter_id,date,recipient\nC1,L1,2026-01-05,M1\nC1,L1,2026-01-05,F1\nC1,L1,2026-01-05,F1\n',
    });
    expect(loaded.cases[0]?.assessment_views).toHaveLength(3);
    expect(loaded.cases[0]?.letters).toHaveLength(2);
    expect(loaded.integrity.map((finding) => [finding.recordId, finding.data['key'], finding.source?.line])).toEqual([
      ['A1/M1', 'assessment_id/person_id', 5],
      ['L1/F1', 'letter_id/recipient', 4],
    ]);
  });
});

describe('orphan rows', () => {
  it('reports a row whose case is not in cases, or whose case row was itself left out', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,open\nC2,pending\n',
      'plans.csv': 'case_id,plan_id,type,start\nC1,P1,cp,2026-01-01\nC2,P2,cp,2026-01-01\nC9,P3,cp,2026-01-01\n',
    });
    expect(loaded.cases.map((record) => record.plans.map((plan) => plan.plan_id))).toEqual([['P1']]);
    expect(briefly(loaded)).toEqual([
      'data-invalid-row cases.csv:3 status',
      'data-orphan-row plans.csv:3 case_id',
      'data-orphan-row plans.csv:4 case_id',
    ]);
    expect(loaded.integrity[2]).toMatchObject({
      caseId: 'C9',
      recordId: 'P3',
      messageId: 'unknownCase',
      evidence: [{ table: 'cases', id: 'C9' }],
    });
    expect(render(loaded.integrity[2] as (typeof loaded.integrity)[number])).toBe(
      'plans row left out of the audit: case C9 has no audited row in cases.',
    );
  });

  it('reports every person column naming someone not among the people of that case', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'people.csv': PEOPLE,
      'contact_attempts.csv': 'case_id,attempt_id,person_id,asked_person_id,date\nC1,A1,F1,M1,2026-01-05\nC1,A2,M2,M1,2026-01-05\nC1,A3,F1,X1,2026-01-05\n',
      'incidents.csv': 'case_id,incident_id,person_id,date\nC1,I1,,2026-01-05\nC1,I2,F1,2026-01-05\nC1,I3,X1,2026-01-05\n',
      'allegations.csv': 'case_id,allegation_id,date,made_by,about\nC1,AL1,2026-01-05,M1,F1\nC1,AL2,2026-01-05,X1,F1\nC1,AL3,2026-01-05,M1,X2\n',
      'letters.csv': 'case_id,letter_id,date,recipient\nC1,L1,2026-01-05,F1\nC2,L1,2026-01-05,F1\n',
      'meetings.csv': 'case_id,meeting_id,type,date\nC1,MT1,core_group,2026-01-05\n',
      'meeting_parents.csv': 'case_id,meeting_id,person_id\nC1,MT1,M1\nC1,MT1,X1\n',
      'assessments.csv': 'case_id,assessment_id\nC1,AS1\n',
      'assessment_views.csv': 'case_id,assessment_id,person_id,views_recorded\nC1,AS1,F1,Y\nC1,AS1,M2,Y\n',
    });
    const [c1, c2] = loaded.cases;
    expect(c1?.contact_attempts.map((row) => row.attempt_id)).toEqual(['A1']);
    expect(c1?.incidents.map((row) => row.incident_id)).toEqual(['I1', 'I2']);
    expect(c1?.allegations.map((row) => row.allegation_id)).toEqual(['AL1']);
    expect(c1?.letters.map((row) => row.recipient)).toEqual(['F1']);
    expect(c2?.letters).toEqual([]);
    expect(
      loaded.integrity.map((finding) => [finding.data['table'], finding.recordId, finding.data['column'], finding.data['missingId']]),
    ).toEqual([
      ['allegations', 'AL2', 'made_by', 'X1'],
      ['allegations', 'AL3', 'about', 'X2'],
      ['assessment_views', 'AS1/M2', 'person_id', 'M2'],
      ['contact_attempts', 'A2', 'person_id', 'M2'],
      ['contact_attempts', 'A3', 'asked_person_id', 'X1'],
      ['incidents', 'I3', 'person_id', 'X1'],
      ['letters', 'L1/F1', 'recipient', 'F1'],
      ['meeting_parents', 'MT1/X1', 'person_id', 'X1'],
    ]);
    expect(loaded.integrity.every((finding) => finding.standard === 'data-orphan-row')).toBe(true);
    expect(render(loaded.integrity[6] as (typeof loaded.integrity)[number])).toBe(
      'letters row left out of the audit: recipient F1 is not among the people of case C2.',
    );
  });

  it('reports views and meeting rows naming an assessment or meeting the case does not have', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'people.csv': PEOPLE,
      'assessments.csv': 'case_id,assessment_id\nC1,AS1\nC2,AS2\n',
      'assessment_views.csv': 'case_id,assessment_id,person_id,views_recorded\nC1,AS1,M1,Y\nC1,AS2,M1,Y\n',
      'meetings.csv': 'case_id,meeting_id,type,date\nC1,MT1,core_group,2026-01-05\nC1,MT1,strategy,2026-01-06\n',
      'meeting_parents.csv': 'case_id,meeting_id,person_id\nC1,MT1,M1\nC1,MT2,M1\n',
    });
    expect(loaded.integrity.map((finding) => [finding.standard, finding.data['table'], finding.data['referenced'] ?? ''])).toEqual([
      ['data-orphan-row', 'assessment_views', 'assessments'],
      ['data-orphan-row', 'meeting_parents', 'meetings'],
      ['data-duplicate-id', 'meetings', ''],
    ]);
    expect(loaded.cases[0]?.meetings.map((meeting) => meeting.type)).toEqual(['core_group']);
  });

  it('does not check references to a table absent from the input', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'letters.csv': 'case_id,letter_id,date,recipient\nC1,L1,2026-01-05,F1\n',
      'assessment_views.csv': 'case_id,assessment_id,person_id,views_recorded\nC1,AS1,M1,Y\n',
      'meeting_parents.csv': 'case_id,meeting_id,person_id\nC1,MT1,M1\n',
    });
    expect(loaded.integrity).toEqual([]);
    expect(loaded.tablesPresent.has('people')).toBe(false);
    const [c1] = loaded.cases;
    expect([c1?.letters.length, c1?.assessment_views.length, c1?.meeting_parents.length]).toEqual([1, 1, 1]);
  });

  it('checks references against an empty but present table', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'people.csv': 'case_id,person_id,relationship,parent\n',
      'letters.csv': 'case_id,letter_id,date,recipient\nC1,L1,2026-01-05,F1\n',
    });
    expect(briefly(loaded)).toEqual(['data-orphan-row letters.csv:2 recipient']);
  });

  it('orphans rows naming a person whose own row was left out', async () => {
    const loaded = await loadFiles({
      'cases.csv': CASES,
      'people.csv': 'case_id,person_id,relationship,parent\nC1,M1,mother,perhaps\n',
      'letters.csv': 'case_id,letter_id,date,recipient\nC1,L1,2026-01-05,M1\n',
    });
    // Findings are in file order: letters.csv comes before people.csv.
    expect(briefly(loaded)).toEqual(['data-orphan-row letters.csv:2 recipient', 'data-invalid-row people.csv:2 parent']);
  });
});

describe('accounting', () => {
  it('accounts for every row read: audited + rejected = read, per file and table', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,open\nC1,open\nC2,??\n',
      'people.csv': PEOPLE,
      'visits.csv': 'case_id,visit_id,date,outcome\nC1,V1,2026-01-05,completed\nC1,V1,2026-01-05,completed\nC3,V2,2026-01-05,completed\nC1,V3,31/02/2026,completed\nC1,V4\n',
      'export.ndjson': `${JSON.stringify({ case_id: 'C5', status: 'open', visits: [{ visit_id: 'V9', date: '2026-01-05', outcome: 'completed' }, { case_id: 'C6', visit_id: 'V8' }] })}\n`,
    });
    expect(loaded.inputs.map(({ table, file, rows, rejected }) => [table, file.split(/[\\/]/).pop(), rows, rejected])).toEqual([
      ['cases', 'cases.csv', 3, 2],
      ['cases', 'export.ndjson', 1, 0],
      ['visits', 'export.ndjson', 2, 1],
      ['people', 'people.csv', 3, 1],
      ['visits', 'visits.csv', 5, 4],
    ]);
  });
});
