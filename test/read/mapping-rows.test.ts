// The mapping's row rules on real rows: null tokens, filters, keep-one-per-key, lookups, one file for several tables, file and value patterns, pseudonyms.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeName, pseudonym } from '../../src/core/pseudonym.js';
import { readMappingFile, type Mapping } from '../../src/read/mapping.js';
import { expectAccounted, inputFolder, loadChecked, loadFailure, render } from '../pipeline/_helpers.js';

async function mapped(files: Record<string, string>, mapping: unknown): Promise<{ folder: string; mapping: Mapping }> {
  const folder = await inputFolder(files);
  const file = join(folder, 'mapping.json');
  await writeFile(file, JSON.stringify(mapping, null, 2));
  return { folder, mapping: readMappingFile(file) };
}

async function load(files: Record<string, string>, mapping: unknown) {
  const { folder, mapping: compiled } = await mapped(files, mapping);
  const loaded = await loadChecked([folder], { mapping: compiled });
  expectAccounted(loaded);
  return loaded;
}

const EPISODES = {
  file: 'episodes.csv',
  columns: { case_id: 'person', status: 'closed_on', opened: 'referred_on', closed: 'closed_on', team: 'team' },
  values: { status: { '': 'open', '*': 'closed' } },
};

describe('null tokens', () => {
  it('reads SQL Server NULL text and Excel error values as empty cells, in any case, quoted or not', async () => {
    const loaded = await load(
      {
        'episodes.csv': 'person,referred_on,closed_on,team\nK1,2026-01-05 00:00:00.000,NULL,North\nK2,2026-01-06,"null",#N/A\nK3,2026-01-07,2026-03-01 00:00:00.000, #REF! \n',
        'visits.csv': 'case_id,visit_id,date,type,outcome,child_seen\nK1,V1,2026-02-02,home,completed,NULL\n',
      },
      { tables: { cases: EPISODES } },
    );
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map(({ case: row }) => [row.case_id, row.status, row.closed ?? null, row.team ?? null])).toEqual([
      ['K1', 'open', null, 'North'],
      ['K2', 'open', null, null],
      ['K3', 'closed', '2026-03-01', null],
    ]);
    // The mapping's null tokens hold for every tabular input, a file read under the contract's own names too.
    expect(loaded.cases[0]?.visits.map((visit) => [visit.visit_id, visit.child_seen ?? null])).toEqual([['V1', null]]);
  });

  it('takes the mapping\'s own tokens instead of the defaults, and a column\'s tokens on top of them', async () => {
    const loaded = await load(
      { 'episodes.csv': 'person,referred_on,closed_on,team\nK1,2026-01-05,1900-01-01,NULL\nK2,2026-01-06,-,North\n' },
      { nullTokens: ['-'], tables: { cases: { ...EPISODES, nullTokens: { closed: ['1900-01-01'] } } } },
    );
    expect(loaded.cases.map(({ case: row }) => [row.case_id, row.status, row.team ?? null])).toEqual([
      ['K1', 'open', 'NULL'],
      ['K2', 'open', 'North'],
    ]);
  });
});

describe('row filters (where)', () => {
  const MEETINGS = {
    file: 'reviews.csv',
    columns: { case_id: 'person', meeting_id: 'meeting', date: 'held_on' },
    constants: { type: 'cp_conference' },
  };
  const FILES = {
    'episodes.csv': 'person,referred_on,closed_on,team\nK1,2026-01-05,,North\n',
    'reviews.csv': 'person,meeting,due_on,held_on,kind\nK1,M1,2026-02-01,2026-01-30,Review\nK1,M2,2026-12-01,NULL,Review\nK1,M3,2026-03-01,2026-03-01,Cancelled\nK1,M4,2026-04-01,2026-04-01,review (late)\n',
  };

  it('leaves out rows failing a condition, counting them as filtered, not rejected', async () => {
    const loaded = await load(FILES, { tables: { cases: EPISODES, meetings: { ...MEETINGS, where: { held_on: { empty: false }, kind: { not: 'cancelled' } } } } });
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases[0]?.meetings.map((meeting) => meeting.meeting_id)).toEqual(['M1', 'M4']);
    expect(loaded.inputs.find((input) => input.table === 'meetings')).toMatchObject({ rows: 2, rejected: 0, filtered: 2 });
  });

  it('matches a value, a list of values (any case) or a pattern', async () => {
    const byValue = await load(FILES, { tables: { cases: EPISODES, meetings: { ...MEETINGS, where: { kind: 'REVIEW', held_on: { empty: false } } } } });
    expect(byValue.cases[0]?.meetings.map((meeting) => meeting.meeting_id)).toEqual(['M1']);
    const byList = await load(FILES, { tables: { cases: EPISODES, meetings: { ...MEETINGS, where: { kind: ['review', 'cancelled'], held_on: { empty: false } } } } });
    expect(byList.cases[0]?.meetings.map((meeting) => meeting.meeting_id)).toEqual(['M1', 'M3']);
    const byPattern = await load(FILES, { tables: { cases: EPISODES, meetings: { ...MEETINGS, where: { kind: { matches: '^review' }, held_on: { empty: false } } } } });
    expect(byPattern.cases[0]?.meetings.map((meeting) => meeting.meeting_id)).toEqual(['M1', 'M4']);
  });

  it('stops with the mapping path and the file when a condition names a column the file lacks', async () => {
    const { folder, mapping } = await mapped(FILES, { tables: { cases: EPISODES, meetings: { ...MEETINGS, where: { outcome: 'held' } } } });
    const error = await loadFailure([folder], { mapping });
    expect(error.toLine()).toBe(
      `${join(folder, 'reviews.csv')}:1: the mapping (tables.meetings.where.outcome) names column "outcome", which this file does not have (expected a header with "outcome", or a mapping that names this file's column (${join(folder, 'mapping.json')}))`,
    );
  });
});

describe('one row per key (keep)', () => {
  const REREFERRED = 'person,referral,referred_on,closed_on,team\nK1,R1,2026-01-05,2026-03-31,North\nK1,R2,2026-05-04,,East\nK2,R3,2026-01-05,2026-02-01,North\nK2,R4,2026-04-01,2026-06-01,South\n,R5,2026-01-01,,West\n,R6,2026-01-02,,West\n';

  it('keeps the open referral of a re-referred child, else the latest; rows without a key are kept', async () => {
    const loaded = await load(
      { 'episodes.csv': REREFERRED, 'visits.csv': 'case_id,visit_id,date,type,outcome\nK1,V1,2026-02-01,home,completed\n' },
      { tables: { cases: { ...EPISODES, keep: { per: 'person', open: 'closed_on', latest: 'referred_on' } } } },
    );
    expect(loaded.cases.map(({ case: row }) => [row.case_id, row.status, row.opened, row.team])).toEqual([
      ['K1', 'open', '2026-05-04', 'East'],
      ['K2', 'closed', '2026-04-01', 'South'],
    ]);
    // The first referral's visit stays the child's: the case is the child, whichever referral is kept.
    expect(loaded.cases[0]?.visits.map((visit) => visit.visit_id)).toEqual(['V1']);
    const cases = loaded.inputs.find((input) => input.table === 'cases');
    expect(cases).toMatchObject({ rows: 4, superseded: 2 });
    // The two rows without a person are read (and rejected as invalid: case_id is required), not silently merged.
    expect(cases?.rejected).toBe(2);
  });

  it('without the rule a re-referred child is a duplicate case', async () => {
    const { folder, mapping } = await mapped({ 'episodes.csv': REREFERRED }, { tables: { cases: EPISODES } });
    const loaded = await loadChecked([folder], { mapping });
    expect(loaded.integrity.filter((finding) => finding.standard === 'data-duplicate-id')).toHaveLength(2);
  });
});

describe('lookups in another file', () => {
  const INVOLVEMENTS =
    'worker,role,team,person,started,ended\nSW1,ALLOCATED,North,K1,2026-01-05,2026-06-30\nSW2,ALLOCATED,North,K1,2026-07-01,\nTM1,MANAGER,North,K1,2026-01-05,\nSW3,ALLOCATED,East,K2,2026-01-05,2026-02-01\nSW4,ALLOCATED,South,K2,2026-02-02,2026-03-01\n';
  const allocated = (column: string) => ({
    file: 'involvements*.csv',
    match: { person: 'person' },
    column,
    where: { role: 'ALLOCATED' },
    keep: { open: 'ended', latest: 'started' },
  });

  it('reads the allocated worker and team: the open involvement, else the latest', async () => {
    const loaded = await load(
      { 'episodes.csv': 'person,referred_on,closed_on\nK1,2026-01-05,\nK2,2026-01-05,2026-03-01\nK3,2026-01-05,\n', 'involvements_2026-11.csv': INVOLVEMENTS },
      {
        tables: {
          cases: {
            file: 'episodes.csv',
            columns: { case_id: 'person', status: 'closed_on', opened: 'referred_on', closed: 'closed_on' },
            values: { status: { '': 'open', '*': 'closed' } },
            lookup: { worker: allocated('worker'), team: allocated('team') },
          },
        },
      },
    );
    expect(loaded.cases.map(({ case: row }) => [row.case_id, row.worker ?? null, row.team ?? null])).toEqual([
      ['K1', 'SW2', 'North'],
      ['K2', 'SW4', 'South'],
      ['K3', null, null],
    ]);
    // The lookup file is read for the lookup, not as a table.
    expect(loaded.inputs.map((input) => input.table)).toEqual(['cases']);
  });

  it('picks the row in force on a date of the row, with at', async () => {
    const inForce = { file: 'involvements.csv', match: { person: 'person' }, where: { role: 'ALLOCATED' }, at: { date: 'referred_on', from: 'started', to: 'ended' } };
    const loaded = await load(
      { 'episodes.csv': 'person,referred_on,closed_on\nK1,2026-03-02,\nK2,2026-01-20,\nK3,2026-01-20,\n', 'involvements.csv': INVOLVEMENTS },
      {
        tables: {
          cases: {
            file: 'episodes.csv',
            columns: { case_id: 'person', status: 'closed_on', opened: 'referred_on' },
            values: { status: { '': 'open', '*': 'closed' } },
            lookup: { worker: { ...inForce, column: 'worker' }, team: { ...inForce, column: 'team' } },
          },
        },
      },
    );
    // K1's first worker was allocated when it was referred, K2's first too, although each was later replaced.
    expect(loaded.cases.map(({ case: row }) => [row.case_id, row.worker ?? null, row.team ?? null])).toEqual([
      ['K1', 'SW1', 'North'],
      ['K2', 'SW3', 'East'],
      ['K3', null, null],
    ]);
  });

  it('reads plan-keyed visits: the child is looked up by the plan id', async () => {
    const loaded = await load(
      {
        'episodes.csv': 'person,referred_on,closed_on\nK1,2026-01-05,\nK2,2026-01-05,\n',
        'cp_plans.csv': 'plan,person,start,end\nP1,K1,2026-01-10,\nP2,K2,2026-01-12,\n',
        'cp_visits.csv': 'visit,plan,person,on,seen\nV1,P1,NULL,2026-01-20,Y\nV2,P2,NULL,2026-01-21,N\nV3,P9,NULL,2026-01-22,Y\n',
      },
      {
        tables: {
          cases: { file: 'episodes.csv', columns: { case_id: 'person', status: 'closed_on', opened: 'referred_on' }, values: { status: { '': 'open', '*': 'closed' } } },
          plans: { file: 'cp_plans.csv', columns: { case_id: 'person', plan_id: 'plan', start: 'start', end: 'end' }, constants: { type: 'cp' } },
          visits: {
            file: 'cp_visits.csv',
            columns: { visit_id: 'visit', date: 'on', child_seen: 'seen' },
            constants: { type: 'home', outcome: 'completed' },
            lookup: { case_id: { file: 'cp_plans.csv', match: { plan: 'plan' }, column: 'person' } },
          },
        },
      },
    );
    expect(loaded.cases.map(({ case: row, visits }) => [row.case_id, visits.map((visit) => visit.visit_id)])).toEqual([
      ['K1', ['V1']],
      ['K2', ['V2']],
    ]);
    // A plan the plans file lacks leaves the visit without a child: reported, with the lookup named as its column.
    expect(loaded.integrity.map((finding) => [finding.standard, finding.source?.line, render(finding)])).toEqual([
      ['data-invalid-row', 4, 'visits row left out of the audit: cp_plans.csv:person is not valid (a required value is missing).'],
    ]);
  });

  it('stops, naming the mapping path, when the lookup file is not among the inputs', async () => {
    const { folder, mapping } = await mapped(
      { 'episodes.csv': 'person,referred_on,closed_on\nK1,2026-01-05,\n' },
      { tables: { cases: { ...EPISODES, columns: { case_id: 'person', status: 'closed_on' }, lookup: { worker: allocated('worker') } } } },
    );
    const error = await loadFailure([folder], { mapping });
    expect(error.toLine()).toBe(
      `${join(folder, 'mapping.json')}: the mapping (tables.cases.lookup.worker.file) looks worker up in "involvements*.csv", which is not among the inputs (expected the file "involvements*.csv" beside the export, or a mapping that names a file of it)`,
    );
  });
});

describe('one file feeding several tables, and file-name patterns', () => {
  it('reads one file (or one sheet) into two tables, each with its own columns', async () => {
    const loaded = await load(
      {
        'annex_a_2026-11.csv': 'Child ID,Referral Date,Closure Date,Assessment ID,Assessment Start,Authorised\nK1,2026-01-05,,A1,2026-01-06,2026-02-01\nK2,2026-01-07,,A2,2026-01-08,\n',
      },
      {
        tables: {
          cases: { file: 'annex_a_*.csv', columns: { case_id: 'Child ID', status: 'Closure Date', opened: 'Referral Date', closed: 'Closure Date' }, values: { status: { '': 'open', '*': 'closed' } } },
          assessments: { file: 'annex_a_*.csv', columns: { case_id: 'Child ID', assessment_id: 'Assessment ID', started: 'Assessment Start', completed: 'Authorised' } },
        },
      },
    );
    expect(loaded.integrity).toEqual([]);
    expect(loaded.cases.map(({ case: row, assessments }) => [row.case_id, assessments.map((a) => [a.assessment_id, a.completed ?? null])])).toEqual([
      ['K1', [['A1', '2026-02-01']]],
      ['K2', [['A2', null]]],
    ]);
    expect(loaded.inputs.map((input) => [input.table, input.rows])).toEqual([
      ['assessments', 2],
      ['cases', 2],
    ]);
  });

  it('matches dated extracts by a pattern in any case, so the mapping need not change monthly', async () => {
    const loaded = await load(
      { 'Episodes_2026-10.CSV': 'person,referred_on,closed_on,team\nK1,2026-01-05,,North\n', 'Episodes_2026-11.csv': 'person,referred_on,closed_on,team\nK2,2026-01-05,,North\n' },
      { tables: { cases: { ...EPISODES, file: 'episodes_*.csv' } } },
    );
    expect(loaded.cases.map(({ case: row }) => row.case_id)).toEqual(['K1', 'K2']);
  });
});

describe('value patterns', () => {
  it('translates by exact value first, then by the patterns in order, then "*"', async () => {
    const loaded = await load(
      { 'episodes.csv': 'person,referred_on,state,team\nK1,2026-01-05,Open - allocated,North\nK2,2026-01-05,CLOSED (NFA),North\nK3,2026-01-05,Closed,North\nK4,2026-01-05,Transferred,North\n' },
      {
        tables: {
          cases: {
            file: 'episodes.csv',
            columns: { case_id: 'person', status: 'state', opened: 'referred_on', team: 'team' },
            values: { status: { Closed: 'closed', '/^open/i': 'open', '/^closed/i': 'closed', '*': 'closed' } },
          },
        },
      },
    );
    expect(loaded.cases.map(({ case: row }) => row.status)).toEqual(['open', 'closed', 'closed', 'closed']);
  });
});

describe('names never reach a report', () => {
  it('tells names from staff ids', () => {
    expect(['Priya Shah', "Siobhan O'Neill", 'Shah, Priya', 'Zoë Adeyemi', 'ANA KOWALSKA'].every(looksLikeName)).toBe(true);
    expect(['SW0101', 'W01', 'Priya', '12 34', 'Team 4', ''].some(looksLikeName)).toBe(false);
  });

  it('gives a stable pseudonym whatever the spacing or case', () => {
    expect(pseudonym('Priya  Shah')).toBe(pseudonym(' PRIYA SHAH'));
    expect(pseudonym('Priya Shah')).toMatch(/^person-[0-9a-f]{10}$/);
    expect(pseudonym('Priya Shah')).not.toBe(pseudonym('Tom Okafor'));
  });

  it('replaces names in a worker column, mapped or not, and says so in the inputs; staff ids are kept', async () => {
    const folder = await inputFolder({ 'cases.csv': 'case_id,status,team,worker\nK1,open,North,Priya Shah\nK2,open,North,SW0102\nK3,open,North,\n' });
    const loaded = await loadChecked([folder]);
    expect(loaded.cases.map(({ case: row }) => row.worker ?? null)).toEqual([pseudonym('Priya Shah'), 'SW0102', null]);
    expect(loaded.inputs[0]).toMatchObject({ pseudonymised: ['worker'] });
  });

  it('replaces every value of a column the mapping marks personal', async () => {
    const loaded = await load(
      { 'episodes.csv': 'person,referred_on,closed_on,team\nK1,2026-01-05,,Duty - J Bloggs\n' },
      { tables: { cases: { ...EPISODES, personal: ['team'] } } },
    );
    expect(loaded.cases[0]?.case.team).toBe(pseudonym('Duty - J Bloggs'));
    expect(loaded.inputs[0]).toMatchObject({ pseudonymised: ['team'] });
  });
});
