// End to end: the same export gives the same bytes under two locales (one code-unit order, never the machine's LANG).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runBuiltCli, writeExport } from './run-cli.js';

// Two same-day defaulted visits whose ids differ only in case: under en-GB collation `Vaa` sorts before `VZ`,
// under da-DK and in code-unit order `VZ` sorts first. Which of them is the 4th default (the trigger) must not
// depend on the machine.
const files: Record<string, string> = {
  'cases.csv': 'case_id,status,opened,closed,team,worker\nC1,open,2026-01-05,,North,W01\n',
  'plans.csv': 'case_id,plan_id,type,start,end\nC1,P1,cin,2026-01-05,\n',
  'meetings.csv': 'case_id,meeting_id,type,date,split,minutes_sets,chair_role\n',
  'visits.csv': [
    'case_id,visit_id,date,type,outcome,child_seen,joint,manager_informed',
    'C1,V01,2026-02-02,home,defaulted,,,',
    'C1,V02,2026-02-09,home,defaulted,,,',
    'C1,V03,2026-02-16,home,defaulted,,,',
    'C1,Vaa,2026-02-23,home,defaulted,,,',
    'C1,VZ,2026-02-23,home,defaulted,,,',
    '',
  ].join('\n'),
};
const scratch = writeExport('locale', files);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const audit = (locale: string, format: string) =>
  runBuiltCli(['audit', scratch, '--as-of', '2026-06-30', '-f', format, '--only', 'defaulted-visits-escalated'], {
    LANG: locale,
    LC_ALL: locale,
  });

describe('the same export under two locales', () => {
  for (const format of ['json', 'csv', 'markdown', 'table']) {
    it(`gives byte-identical ${format} output under en_GB and da_DK`, () => {
      const british = audit('en_GB.UTF-8', format);
      const danish = audit('da_DK.UTF-8', format);
      expect(british.status).toBe(1);
      expect(danish.status).toBe(british.status);
      expect(danish.stdout).toBe(british.stdout);
    });
  }

  it('takes the trigger in code-unit order (VZ before Vaa), whatever the locale', () => {
    const report = JSON.parse(audit('en_GB.UTF-8', 'json').stdout) as Report;
    const escalation = report.findings.filter((f) => f.standard === 'defaulted-visits-escalated');
    expect(escalation.map((f) => f.recordId)).toEqual(['VZ']);
  });
});
