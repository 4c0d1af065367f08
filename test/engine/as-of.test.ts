// The case as it stood on the as-of date: later rows left out, later un-contactable markings not yet made.
import { describe, expect, it } from 'vitest';
import { caseAsOf } from '../../src/engine/as-of.js';
import { caseOf } from '../checks/_tester.js';

describe('caseAsOf', () => {
  it('returns the case itself when nothing is dated after the as-of date', () => {
    const record = caseOf({ visits: [{ visit_id: 'V1', date: '2026-03-01', outcome: 'completed' }] });
    expect(caseAsOf(record, '2026-10-31')).toBe(record);
  });

  it('leaves out rows dated later, and the parents of meetings left out', () => {
    const record = caseOf({
      plans: [{ plan_id: 'P1', type: 'cp', start: '2026-11-02' }],
      visits: [
        { visit_id: 'V1', date: '2026-10-31', outcome: 'completed' },
        { visit_id: 'V2', date: '2026-11-01', outcome: 'completed' },
      ],
      meetings: [{ meeting_id: 'M1', type: 'core_group', date: '2026-11-03' }],
      meeting_parents: [{ meeting_id: 'M1', person_id: 'F1', invited: true }],
      letters: [{ letter_id: 'L1', date: '2026-12-01', recipient: 'F1' }],
    });
    const asOf = caseAsOf(record, '2026-10-31');
    expect(asOf.visits.map((v) => v.visit_id)).toEqual(['V1']);
    expect(asOf.plans).toEqual([]);
    expect(asOf.meetings).toEqual([]);
    expect(asOf.meeting_parents).toEqual([]);
    expect(asOf.letters).toEqual([]);
  });

  it('treats a parent marked un-contactable after the as-of date as not yet marked', () => {
    const record = caseOf({
      people: [
        { person_id: 'F1', relationship: 'father', parent: true, resident: false, contactable: false, uncontactable_date: '2026-06-01' },
        { person_id: 'F2', relationship: 'father', parent: true, resident: false, contactable: false, uncontactable_date: '2026-02-01' },
        { person_id: 'F3', relationship: 'father', parent: true, resident: false, contactable: false },
      ],
    });
    const [later, earlier, undated] = caseAsOf(record, '2026-03-01').people;
    expect(later).toMatchObject({ person_id: 'F1', contactable: undefined, uncontactable_date: undefined });
    expect(earlier).toMatchObject({ person_id: 'F2', contactable: false, uncontactable_date: '2026-02-01' });
    expect(undated).toMatchObject({ person_id: 'F3', contactable: false });
  });
});
