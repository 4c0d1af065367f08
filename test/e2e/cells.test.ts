// End to end: a bad optional cell is reported with file, line and column, and does not hide the rest of its row.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runBuiltCli, writeExport } from './run-cli.js';

const files: Record<string, string> = {
  'cases.csv': 'case_id,status,opened,closed,team,worker\nC1,open,2026-01-05,,North,W01\n',
  'plans.csv': 'case_id,plan_id,type,start,end\nC1,P1,cin,2026-01-05,\n',
  'meetings.csv': 'case_id,meeting_id,type,date,split,minutes_sets,chair_role\n',
  'visits.csv': [
    'case_id,visit_id,date,type,outcome,child_seen,joint,manager_informed',
    'C1,V1,2026-02-02,home,defaulted,,,',
    'C1,V2,2026-02-09,home,defaulted,,,',
    'C1,V3,2026-02-16,home,defaulted,,,',
    // The fourth default: its manager_informed does not exist as a date.
    'C1,V4,2026-02-23,home,no_access,,,31/02/2026',
    // A bad required cell still costs the row.
    'C1,V5,2026-02-30,home,completed,,,',
    '',
  ].join('\n'),
};
const scratch = writeExport('cells', files);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a visit whose manager_informed is not a real date', () => {
  const run = runBuiltCli(['audit', scratch, '--as-of', '2026-06-30', '-f', 'json']);
  const report = JSON.parse(run.stdout) as Report;

  it('is still the fourth defaulted visit: the escalation breach is reported', () => {
    expect(run.status).toBe(1);
    const escalation = report.findings.filter((f) => f.standard === 'defaulted-visits-escalated');
    expect(escalation.map((f) => [f.recordId, f.messageId, f.due])).toEqual([['V4', 'notEscalated', '2026-03-04']]);
  });

  it('reads the cell as not recorded, so the no-access visit has no consultation on record', () => {
    const consulted = report.findings.filter((f) => f.standard === 'no-access-manager-consulted');
    expect(consulted.map((f) => [f.recordId, f.messageId])).toEqual([['V4', 'notInformed']]);
  });

  it('reports the cell with file, line, column and why, and the bad required cell as a row left out', () => {
    const invalid = report.findings.filter((f) => f.standard === 'data-invalid-row');
    expect(invalid.map((f) => [f.recordId, f.messageId, f.source?.line])).toEqual([
      ['V4', 'cellRejectedValue', 5],
      ['V5', 'invalidValue', 6],
    ]);
    const [cell] = invalid;
    expect(cell?.source?.file).toBe(join(scratch, 'visits.csv'));
    expect(cell?.message).toBe(
      'visits row kept, read without its manager_informed: "31/02/2026" is not valid (not a real calendar date (day 31 of month 2 of 2026)); the cell counts as not recorded (1 cell(s) in all).',
    );
  });

  it('counts the row as kept with a rejected cell in the inputs, every row still accounted for', () => {
    const visits = report.inputs.find((input) => input.table === 'visits');
    expect(visits).toMatchObject({ rows: 5, rejected: 1, keptWithRejectedCells: 1 });
    const table = runBuiltCli(['audit', scratch, '--as-of', '2026-06-30']);
    expect(table.stdout).toContain('(5 rows, 1 rejected, 1 kept with a rejected cell)');
  });
});
