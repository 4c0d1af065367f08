// Property: whatever rows an export holds (random cells, cells dropped or added, bad dates, quotes, BOMs), each is audited or reported.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMappingFile } from '../../src/read/mapping.js';
import { expectAccounted, inputFolder, loadRecords, render } from './_helpers.js';

const VISIT_COLUMNS = ['case_id', 'visit_id', 'date', 'type', 'outcome', 'child_seen', 'joint', 'manager_informed'] as const;

/** Cells an export really holds, and the ways they go wrong. */
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'C1', 'C2', 'C9', 'V1', 'V2', 'V3'),
  fc.constantFrom('2026-03-01', '01/03/2026', '1/3/2026', '2026-03-01T10:00', '31/02/2026', '12/25/2026', '2026-13-01', '0000-01-01', '03-Mar-2026'),
  fc.constantFrom('completed', 'DEFAULTED', 'No Access', 'no-access', 'missed', 'home', 'Office', 'Y', 'n', 'Yes', 'true', '1', 'maybe'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('"quoted"', 'a,b', 'a;b', 'a\tb', 'a|b', 'line\nbreak', 'cr\r\nlf', '\uFEFF', 'é€😀', '  padded  '),
);

/** A row as written: the right number of cells, or some dropped, or some added. */
const row = fc
  .tuple(fc.array(cell, { minLength: VISIT_COLUMNS.length, maxLength: VISIT_COLUMNS.length }), fc.integer({ min: -3, max: 2 }))
  .map(([cells, change]) => (change < 0 ? cells.slice(0, cells.length + change) : [...cells, ...Array.from({ length: change }, () => 'extra')]));

const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  lineEnd: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingBlankLines: fc.integer({ min: 0, max: 2 }),
});

/** CSV quoting: a cell holding the delimiter, a quote, a line break, a BOM or edge spaces is quoted, its quotes doubled. */
function quote(value: string, delimiter: string): string {
  return /["\r\n\uFEFF]/.test(value) || value.includes(delimiter) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

interface Dialect {
  readonly delimiter: string;
  readonly lineEnd: string;
  readonly bom: boolean;
  readonly trailingBlankLines: number;
}

function csvText(header: readonly string[], rows: readonly (readonly string[])[], format: Dialect): string {
  const lines = [header, ...rows].map((cells) => cells.map((value) => quote(value, format.delimiter)).join(format.delimiter));
  return `${format.bom ? '\uFEFF' : ''}${lines.join(format.lineEnd)}${format.lineEnd.repeat(1 + format.trailingBlankLines)}`;
}

/** Records the parser reads as rows: one with any cell holding more than white space. */
const recordsRead = (rows: readonly (readonly string[])[]) => rows.filter((cells) => cells.some((value) => value.trim() !== '')).length;

const CASES = 'case_id,status\nC1,open\nC2,closed\n';

describe('every row read is audited or reported', () => {
  it('in canonical CSV of any dialect', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), dialect, async (rows, format) => {
        const folder = await inputFolder({ 'cases.csv': CASES, 'visits.csv': csvText(VISIT_COLUMNS, rows, format) });
        const loaded = await loadRecords([folder]);
        expectAccounted(loaded);
        for (const finding of loaded.integrity) render(finding);
        const visits = loaded.inputs.find((input) => input.file === join(folder, 'visits.csv'));
        expect(visits?.rows).toBe(recordsRead(rows));
      }),
      { numRuns: 80 },
    );
  });

  it('through a mapping that renames columns, translates values and reads its own date format', async () => {
    const mappingFolder = await inputFolder({});
    const mappingFile = join(mappingFolder, 'mapping.json');
    const header = ['Case No', 'Visit Ref', 'Visit Date', 'Visit Type', 'Outcome', 'Child Seen', 'Joint', 'Manager Told'];
    await writeFile(
      mappingFile,
      JSON.stringify({
        tables: {
          visits: {
            file: 'Visits_Export.csv',
            columns: Object.fromEntries(VISIT_COLUMNS.map((column, i) => [column, header[i]])),
            values: { outcome: { DNA: 'defaulted', Seen: 'completed', '*': 'cancelled_by_service' }, child_seen: { '': 'N' } },
            dateFormats: { date: 'dd-MMM-yyyy' },
            prefix: { visit_id: 'VS-' },
          },
        },
      }),
    );
    const mapping = readMappingFile(mappingFile);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), dialect, async (rows, format) => {
        const folder = await inputFolder({ 'cases.csv': CASES, 'Visits_Export.csv': csvText(header, rows, format) });
        const loaded = await loadRecords([folder], { mapping });
        expectAccounted(loaded);
        for (const finding of loaded.integrity) {
          render(finding);
          // Findings name the export's columns, never the contract's, for a mapped file.
          const column = finding.data['column'];
          if (finding.standard === 'data-invalid-row' && typeof column === 'string' && !column.startsWith('cell ')) {
            expect(header).toContain(column);
          }
        }
        const visits = loaded.inputs.find((input) => input.table === 'visits');
        expect(visits?.rows).toBe(recordsRead(rows));
        for (const record of loaded.cases) for (const visit of record.visits) expect(visit.visit_id.startsWith('VS-')).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
