// Every value kind of DATA.md: dates, yes/no, listed values, whole numbers, ids and text, in CSV and JSON.
import { parseDate, UnreadableDate } from '../../src/core/dates.js';
import { describe, expect, it } from 'vitest';
import { boolValue, enumReader, intValue, presentValue } from '../../src/model/values.js';
import { VISIT_OUTCOMES } from '../../src/model/types.js';
import { expectAccounted, loadFiles, render } from '../pipeline/_helpers.js';

const reasonOf = (text: string) => {
  const date = parseDate(text);
  expect(date).toBeInstanceOf(UnreadableDate);
  return (date as UnreadableDate).reason;
};

describe('dates', () => {
  it.each([
    ['2026-03-04', '2026-03-04'],
    ['04/03/2026', '2026-03-04'],
    ['4/3/2026', '2026-03-04'],
    ['2026-03-04T10:00:00', '2026-03-04'],
    ['2026-03-04T10:00:00.123Z', '2026-03-04'],
    ['2026-03-04T23:30:00+01:00', '2026-03-04'],
    ['2026-03-04 10:00', '2026-03-04'],
    ['04/03/2026 10:00', '2026-03-04'],
    ['04/03/2026 10:00:59', '2026-03-04'],
    ['03/04/2026 9:30', '2026-04-03'],
    ['2026-03-04 10:30 AM', '2026-03-04'],
    ['04/03/2026 2:15pm', '2026-03-04'],
    ['29/02/2024', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['31/12/2026', '2026-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('never reads US order: 12/25/2026 is refused with a hint, 03/04/2026 is 3 April', () => {
    expect(reasonOf('12/25/2026')).toMatch(/month 25 does not exist: dates are read as DD\/MM\/YYYY, never in US order/);
    expect(parseDate('03/04/2026')).toBe('2026-04-03');
  });

  it.each([
    ['31/02/2026', /not a real calendar date/],
    ['29/02/2026', /not a real calendar date/],
    ['1900-02-29', /not a real calendar date/],
    ['2026-04-31', /not a real calendar date/],
    ['2026-13-01', /month 13 does not exist/],
    ['00/01/2026', /not a real calendar date/],
    ['0000-01-01', /year 0000/],
  ])('refuses %s, which is not on the calendar', (text, reason) => {
    expect(reasonOf(text)).toMatch(reason);
  });

  it.each(['2026/03/04', '04-03-2026', '4 March 2026', '2026-3-4', '04/03/26', '2026-03-04 soon', '2026-03-04T25:00', '20260304'])(
    'refuses %s, which is in no accepted form',
    (text) => {
      expect(reasonOf(text)).toMatch(/not a date in the form YYYY-MM-DD or DD\/MM\/YYYY/);
    },
  );
});

describe('cells', () => {
  it('treats empty, blank and null as not recorded and trims text', () => {
    expect(presentValue('')).toBeUndefined();
    expect(presentValue('   ')).toBeUndefined();
    expect(presentValue(null)).toBeUndefined();
    expect(presentValue('  W12 ')).toBe('W12');
    expect(presentValue(7)).toBe(7);
  });

  it.each([
    ['Y', true],
    ['y', true],
    ['Yes', true],
    ['YES', true],
    ['true', true],
    ['True', true],
    ['1', true],
    [true, true],
    [1, true],
    ['N', false],
    ['no', false],
    ['No', false],
    ['FALSE', false],
    ['0', false],
    [false, false],
    [0, false],
  ])('reads the yes/no spelling %j as %s', (raw, value) => {
    expect(boolValue(raw)).toBe(value);
  });

  it('leaves other yes/no spellings for the schema to refuse', () => {
    expect(boolValue('maybe')).toBe('maybe');
    expect(boolValue('')).toBeUndefined();
    expect(boolValue(2)).toBe(2);
  });

  it.each([
    ['No Access', 'no_access'],
    ['no-access', 'no_access'],
    ['NO_ACCESS', 'no_access'],
    ['  cancelled by  family ', 'cancelled_by_family'],
    ['Cancelled-By-Service', 'cancelled_by_service'],
    ['completed', 'completed'],
  ])('reads the listed value %j as %s', (raw, value) => {
    expect(enumReader(VISIT_OUTCOMES)(raw)).toBe(value);
  });

  it('gives back a value not on the list as written, for the schema to refuse and the finding to show', () => {
    expect(enumReader(VISIT_OUTCOMES)(' Did Not Attend ')).toBe('Did Not Attend');
    expect(enumReader(VISIT_OUTCOMES)('')).toBeUndefined();
  });

  it('reads whole numbers with leading zeros and keeps the sign for the range check', () => {
    expect(intValue('007')).toBe(7);
    expect(intValue(' 2 ')).toBe(2);
    expect(intValue('-1')).toBe(-1);
    expect(intValue('1.5')).toBe('1.5');
    expect(intValue(3)).toBe(3);
  });
});

describe('values in rows', () => {
  const meetingsHeader = 'case_id,meeting_id,type,date,split,minutes_sets,chair_role';

  it('gives each column its typed value, empty cells not recorded', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,OPEN\n',
      'meetings.csv': `${meetingsHeader}\n C1 , M1 ,Core-Group,04/03/2026 10:00,yes,007, IRO \nC1,M2,lac review,2026-03-05,,,\n`,
    });
    expect(loaded.integrity).toEqual([]);
    const [record] = loaded.cases;
    expect(record?.case.status).toBe('open');
    expect(record?.meetings).toEqual([
      expect.objectContaining({
        case_id: 'C1',
        meeting_id: 'M1',
        type: 'core_group',
        date: '2026-03-04',
        split: true,
        minutes_sets: 7,
        chair_role: 'IRO',
      }),
      expect.objectContaining({ meeting_id: 'M2', type: 'lac_review', split: undefined, minutes_sets: undefined }),
    ]);
  });

  it('refuses a row per broken required cell and keeps a row with a broken optional one, naming the column and echoing only safe values', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,open\n',
      'meetings.csv': [
        meetingsHeader,
        'C1,M1,cp_conference,12/25/2026,,,',
        'C1,M2,tea_party,2026-03-05,,,',
        'C1,M3,strategy,2026-03-05,maybe,,',
        'C1,M4,strategy,2026-03-05,,-1,',
        'C1,M5,strategy,2026-03-05,,1.5,',
        'C1,M6,strategy,,,,',
        'C1,,strategy,2026-03-05,,,',
        '',
      ].join('\n'),
    });
    // A bad split or minutes_sets does not cost the meeting: it is audited with the cell read as not recorded.
    expect(loaded.cases[0]?.meetings.map((m) => [m.meeting_id, m.split, m.minutes_sets])).toEqual([
      ['M3', undefined, undefined],
      ['M4', undefined, undefined],
      ['M5', undefined, undefined],
    ]);
    expect(loaded.inputs.find((input) => input.table === 'meetings')).toMatchObject({ rows: 7, rejected: 4, keptWithRejectedCells: 3 });
    const invalid = loaded.integrity.map((finding) => ({
      line: finding.source?.line,
      recordId: finding.recordId,
      messageId: finding.messageId,
      ...finding.data,
    }));
    expect(invalid).toEqual([
      {
        line: 2,
        recordId: 'M1',
        messageId: 'invalidValue',
        table: 'meetings',
        column: 'date',
        value: '12/25/2026',
        reason: 'month 25 does not exist: dates are read as DD/MM/YYYY, never in US order',
      },
      {
        line: 3,
        recordId: 'M2',
        messageId: 'invalidValue',
        table: 'meetings',
        column: 'type',
        value: 'tea_party',
        reason: expect.stringMatching(/^expected one of cp_conference, core_group/),
      },
      {
        line: 4,
        recordId: 'M3',
        messageId: 'cellRejectedValue',
        cells: 1,
        table: 'meetings',
        column: 'split',
        value: 'maybe',
        reason: 'expected Y/N, Yes/No, true/false or 1/0',
      },
      {
        line: 5,
        recordId: 'M4',
        messageId: 'cellRejectedValue',
        cells: 1,
        table: 'meetings',
        column: 'minutes_sets',
        value: '-1',
        reason: 'expected a whole number, 0 or more',
      },
      {
        line: 6,
        recordId: 'M5',
        messageId: 'cellRejectedValue',
        cells: 1,
        table: 'meetings',
        column: 'minutes_sets',
        value: '1.5',
        reason: 'expected a whole number, 0 or more',
      },
      {
        line: 7,
        recordId: 'M6',
        messageId: 'invalidField',
        table: 'meetings',
        column: 'date',
        reason: 'a required value is missing',
      },
      {
        line: 8,
        recordId: null,
        messageId: 'invalidField',
        table: 'meetings',
        column: 'meeting_id',
        reason: 'a required value is missing',
      },
    ]);
    expect(loaded.integrity.every((finding) => finding.caseId === 'C1')).toBe(true);
    expect(render(loaded.integrity[0] as (typeof loaded.integrity)[number])).toBe(
      'meetings row left out of the audit: date "12/25/2026" is not valid (month 25 does not exist: dates are read as DD/MM/YYYY, never in US order).',
    );
  });

  it('names the first failing column and lists every failing one in the evidence', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,open\n',
      'visits.csv': 'case_id,visit_id,date,type,outcome\nC1,V1,31/02/2026,garden,missed\n',
    });
    const [finding] = loaded.integrity;
    expect(finding?.data).toMatchObject({ column: 'date', value: '31/02/2026' });
    expect(finding?.evidence.map((item) => item.note)).toEqual([
      'date: not a real calendar date (day 31 of month 2 of 2026)',
      'type: expected one of home, office, school, other',
      'outcome: expected one of completed, defaulted, no_access, cancelled_by_family, cancelled_by_service',
    ]);
  });

  it('never echoes an id or text value, nor a value that looks like words', async () => {
    const freeText = 'Mother said she could not attend because of a hospital appointment';
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,open\n',
      'visits.csv': `case_id,visit_id,date,type,outcome\nC1,V1,2026-03-02,home,"${freeText}"\n`,
      'people.json': JSON.stringify({ cases: [{ case_id: 'C2', status: 'open', people: [{ person_id: 'P1', relationship: 7, parent: true }] }] }),
    });
    const [json, visit] = loaded.integrity;
    expect(json?.data).toEqual({ table: 'people', column: 'cases[0].people[0].relationship', reason: 'expected text' });
    expect(json?.messageId).toBe('invalidField');
    expect(visit?.messageId).toBe('invalidField');
    expect(visit?.data['value']).toBeUndefined();
    expect(JSON.stringify(visit)).not.toContain('hospital appointment');
  });

  it('reads JSON numbers, booleans and nulls by kind and refuses a number where an id belongs', async () => {
    const loaded = await loadFiles({
      'export.json': JSON.stringify([
        {
          case_id: 'C1',
          status: 'Open',
          team: null,
          meetings: [
            { meeting_id: 'M1', type: 'core group', date: '2026-03-04T09:00:00', split: false, minutes_sets: 0 },
            { meeting_id: 'M2', type: 'strategy', date: '2026-03-04', split: 'Y', minutes_sets: '2' },
            { meeting_id: 3, type: 'strategy', date: '2026-03-04' },
            { meeting_id: 'M4', type: 'strategy', date: '2026-03-04', minutes_sets: 2.5 },
          ],
        },
      ]),
    });
    expect(loaded.cases[0]?.case.team).toBeUndefined();
    expect(loaded.cases[0]?.meetings).toEqual([
      expect.objectContaining({ meeting_id: 'M1', type: 'core_group', date: '2026-03-04', split: false, minutes_sets: 0 }),
      expect.objectContaining({ meeting_id: 'M2', split: true, minutes_sets: 2 }),
      expect.objectContaining({ meeting_id: 'M4', minutes_sets: undefined }),
    ]);
    expect(loaded.integrity.map((finding) => [finding.data['column'], finding.data['reason']])).toEqual([
      ['[0].meetings[2].meeting_id', 'expected an id (text)'],
      ['[0].meetings[3].minutes_sets', 'expected a whole number, 0 or more'],
    ]);
  });
});

describe('a rejected cell in a minified JSON document', () => {
  it('stays reported on the audited row when a later duplicate of it on the same line is left out', async () => {
    const loaded = await loadFiles({
      'export.json': JSON.stringify([
        {
          case_id: 'C1',
          status: 'open',
          people: [
            { person_id: 'P1', relationship: 'father', parent: true, contactable: 'maybe' },
            { person_id: 'P1', relationship: 'father', parent: true },
          ],
        },
      ]),
    });
    expect(loaded.integrity.map((finding) => [finding.standard, finding.messageId, finding.data['column']])).toEqual([
      ['data-duplicate-id', 'duplicateId', undefined],
      ['data-invalid-row', 'cellRejectedValue', '[0].people[0].contactable'],
    ]);
    expect(loaded.inputs.find((input) => input.table === 'people')).toMatchObject({ rows: 2, rejected: 1, keptWithRejectedCells: 1 });
    expectAccounted(loaded);
  });
});

describe('a bad optional date that places its row in time', () => {
  it('leaves the row out (a plan with an unreadable end is not taken as current), unlike a bad manager_informed', async () => {
    const loaded = await loadFiles({
      'cases.csv': 'case_id,status\nC1,open\n',
      'plans.csv': 'case_id,plan_id,type,start,end\nC1,P1,cp,2026-01-05,31/09/2026\n',
      'visits.csv': 'case_id,visit_id,date,type,outcome,manager_informed\nC1,V1,2026-02-02,home,no_access,31/02/2026\n',
    });
    expect(loaded.cases[0]?.plans).toEqual([]);
    expect(loaded.cases[0]?.visits.map((v) => [v.visit_id, v.manager_informed])).toEqual([['V1', undefined]]);
    expect(loaded.integrity.map((f) => [f.data['table'], f.messageId])).toEqual([
      ['plans', 'invalidValue'],
      ['visits', 'cellRejectedValue'],
    ]);
    expectAccounted(loaded);
  });
});
