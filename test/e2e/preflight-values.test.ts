// End to end through the built CLI: the pre-flight's look at values on a small mapped export with NULL text, an unknown code and a malformed record.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli, writeExport } from './run-cli.js';

const folder = writeExport('preflight-values', {
  'Cases.csv': 'Case No,Case Status,Closed Date,Worker\nK1,Current,NULL,Jane Smith\nK2,Closed,31/02/2026,W2\nK3,Current,NULL,NULL\n',
  'Visits.csv': 'Ref,Case No,Visit Date,Outcome,Seen\nV1,K1,2026-03-01,DNA,Y\nV2,K1,2026-03-02,Rescheduled,NULL\nV3,K3,2026-03-03,Seen,N\n',
});
const mapping = join(folder, 'mapping.json');
writeFileSync(
  mapping,
  JSON.stringify({
    tables: {
      cases: { file: 'Cases.csv', columns: { case_id: 'Case No', status: 'Case Status', closed: 'Closed Date', worker: 'Worker' }, values: { status: { Current: 'open', Closed: 'closed' } } },
      visits: {
        file: 'Visits.csv',
        columns: { visit_id: 'Ref', case_id: 'Case No', date: 'Visit Date', outcome: 'Outcome', child_seen: 'Seen' },
        values: { outcome: { DNA: 'defaulted', Seen: 'completed' } },
      },
    },
  }),
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The pre-flight of the export, judged by one standard its two tables assess in full. */
const preflight = (...args: string[]) => runBuiltCli(['preflight', folder, '--mapping', mapping, '--only', 'defaulted-visit-followed-up', ...args]);

describe('preflight values', () => {
  it('shows what the first rows hold and what to add to the mapping; unknown codes and NULL text leave the exit code alone', () => {
    const run = preflight();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const section = run.stdout.slice(run.stdout.indexOf('\nValues'), run.stdout.indexOf('\nTables')).replaceAll(`${folder}/`, '');
    expect(section.split('\n')).toEqual([
      '',
      'Values (the first 1000 rows of each file; --sample-rows N or --all-rows to read more)',
      '  Cases.csv (cases): all 3 rows',
      '    closed (Closed Date): 2 of 3 NULL (null token, read as empty); 1 unreadable date (e.g. line 3: "31/02/2026")',
      '    worker (Worker): 1 of 3 NULL (null token, read as empty)',
      '    → closed: dates that do not exist in the calendar are errors in the record itself: correct them in the source system (the audit reports each row)',
      '  Visits.csv (visits): all 3 rows',
      '    outcome (Outcome): 1 unknown code (e.g. line 3: "Rescheduled")',
      '    child_seen (Seen): 1 of 3 NULL (null token, read as empty)',
      '    → add tables.visits.values.outcome: the export\'s "Rescheduled" → one of completed, defaulted, no_access, cancelled_by_family, cancelled_by_service',
      '',
    ]);
    expect(run.stdout).not.toContain('Jane Smith');
  });

  it('gives each file a values object in JSON, as many rows as asked for', () => {
    const run = preflight('-f', 'json', '--sample-rows', '2');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { sample: unknown; files: { file: string; values: { rowsRead: number; columns: { column: string; nullTokens: number; unknownCodes: number }[] } }[] };
    expect(report.sample).toEqual({ rows: 2 });
    const visits = report.files.find((file) => file.file.endsWith('Visits.csv'))?.values;
    expect(visits?.rowsRead).toBe(2);
    expect(visits?.columns.find((column) => column.column === 'outcome')?.unknownCodes).toBe(1);
    expect(visits?.columns.find((column) => column.column === 'child_seen')?.nullTokens).toBe(1);
  });

  it('stops with exit 2 and one line naming file and line on a malformed record among the rows read, not on one past them', () => {
    const broken = writeExport('preflight-malformed', {
      'cases.csv': 'case_id,status\nC1,open\nC2,open\nC3,"open\nC4,open\n',
    });
    try {
      const run = runBuiltCli(['preflight', broken]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^practice-audit: ${join(broken, 'cases.csv').replace(/[.\\/]/g, '\\$&')}:4: malformed CSV: a quoted cell is never closed .*\\n$`));
      expect(runBuiltCli(['preflight', broken, '--sample-rows', '2']).status).toBe(1);
      expect(runBuiltCli(['preflight', broken, '--all-rows']).status).toBe(2);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('never shows a name, wherever the export puts one: free text, a date or a code column', () => {
    const named = writeExport('preflight-names', {
      'cases.csv': 'case_id,status,closed,worker\nC1,Zebedee Quartermaine,Zebedee Quartermaine,Zebedee Quartermaine\n',
      'people.csv': 'case_id,person_id,relationship,parent,risk_reason,no_contact_reason\nC1,P1,Zebedee Quartermaine,Zebedee,Zebedee Quartermaine,Zebedee Quartermaine\n',
    });
    try {
      for (const format of ['table', 'json']) {
        const run = runBuiltCli(['preflight', named, '-f', format]);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain(format === 'table' ? 'unknown code (e.g. line 2)' : '"unknownCodes": 1');
        expect(run.stdout, format).not.toContain('Quartermaine');
        // A single word in a flag or code column reads as a code, and is what a mapping needs told: that alone is shown, quoted.
        expect(run.stdout, format).toContain('"Zebedee');
        expect(run.stdout, format).not.toMatch(/[^"]Zebedee|Zebedee[^"\\]/);
      }
    } finally {
      rmSync(named, { recursive: true, force: true });
    }
  });

  it('refuses a --sample-rows that is not a number of rows, and --sample-rows with --all-rows', () => {
    const zero = preflight('--sample-rows', '0');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toBe('practice-audit: --sample-rows "0" is not a number of rows (expected a whole number, 1 or more (or --all-rows for every row))\n');
    const both = preflight('--sample-rows', '5', '--all-rows');
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('practice-audit: --sample-rows and --all-rows cannot be given together (expected one of them, or neither for the first 1000 rows)\n');
  });
});
