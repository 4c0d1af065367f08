// Writes the SSD sample extract the ways analysts save it (SSMS with NULL text, quoted or not; re-saved by Excel) and in its Mosaic layout, from samples/ssd-export.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** An SSD table as read from the plain extract: '' is SQL NULL. */
interface SsdTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

type Extract = ReadonlyMap<string, SsdTable>;

/** How one saved form writes a table: the file's bytes. */
type Save = (name: string, table: SsdTable) => Buffer;

const CRLF = '\r\n';

/** SQL Server Management Studio's "Save Results As" CSV: no quoting at all, NULL written as the text NULL, CRLF. */
const ssmsUnquoted: Save = (_name, table) =>
  Buffer.from([table.header, ...table.rows.map((row) => row.map((cell) => (cell === '' ? 'NULL' : cell)))].map((row) => row.join(',')).join(CRLF) + CRLF, 'utf8');

const quoted = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

/** SSMS with "quote strings containing list separators" and a query that quotes every value: NULL quoted as text too. */
const ssmsQuoted: Save = (_name, table) =>
  Buffer.from(
    [table.header.map(quoted), ...table.rows.map((row) => row.map((cell) => quoted(cell === '' ? 'NULL' : cell)))].map((row) => row.join(',')).join(CRLF) + CRLF,
    'utf8',
  );

const SQL_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}\.\d{3}$/;

/** A cell as Excel writes it back: SQL datetimes as UK dates with a time, quoted only when it must be. */
function excelCell(cell: string): string {
  const date = SQL_DATETIME.exec(cell);
  const text = date ? `${date[3]}/${date[2]}/${date[1]} ${date[4]}:${date[5]}` : cell === '' ? 'NULL' : cell;
  return /[",\r\n]/.test(text) ? quoted(text) : text;
}

/** The SSMS save opened in Excel and saved again as "CSV (Comma delimited)": Windows-1252, UK dates, NULL kept as text. */
const excelResave: Save = (_name, table) =>
  iconv.encode([table.header, ...table.rows].map((row) => row.map(excelCell).join(',')).join(CRLF) + CRLF, 'win1252');

/**
 * The Mosaic layout of the SSD: CP visits and CP reviews are recorded against the CP plan and carry no person id,
 * and the referral's worker column holds a staff id rather than a name. Saved by SSMS like the others.
 */
function mosaicLayout(extract: Extract): Extract {
  const staffIds = new Map<string, string>();
  const involvements = extract.get('ssd_involvements') as SsdTable;
  const episodes = extract.get('ssd_cin_episodes') as SsdTable;
  // Each referral's worker name, as its involvement's staff id: the involvement of the same referral.
  for (const row of involvements.rows) staffIds.set(row[involvements.header.indexOf('invo_referral_id')] ?? '', row[involvements.header.indexOf('invo_professional_id')] ?? '');
  const changed = new Map(extract);
  const nulled = (table: string, column: string) => {
    const source = extract.get(table) as SsdTable;
    const at = source.header.indexOf(column);
    changed.set(table, { header: source.header, rows: source.rows.map((row) => row.map((cell, i) => (i === at ? '' : cell))) });
  };
  nulled('ssd_cp_visits', 'cppv_person_id');
  nulled('ssd_cp_reviews', 'cppr_person_id');
  const referral = episodes.header.indexOf('cine_referral_id');
  const worker = episodes.header.indexOf('cine_referral_worker_id');
  changed.set('ssd_cin_episodes', {
    header: episodes.header,
    rows: episodes.rows.map((row) => row.map((cell, i) => (i === worker ? (staffIds.get(row[referral] ?? '') ?? '') : cell))),
  });
  return changed;
}

/** The saved forms written, each a folder beside the plain extract. */
export const SSD_SAVES: readonly { readonly folder: string; readonly what: string; readonly layout: (extract: Extract) => Extract; readonly save: Save }[] = [
  { folder: 'ssd-export-ssms', what: 'saved by SSMS: NULL text, no quoting', layout: (extract) => extract, save: ssmsUnquoted },
  { folder: 'ssd-export-ssms-quoted', what: 'saved by SSMS with every value quoted, NULL too', layout: (extract) => extract, save: ssmsQuoted },
  { folder: 'ssd-export-excel', what: 'the SSMS save re-saved by Excel: Windows-1252, UK dates', layout: (extract) => extract, save: excelResave },
  { folder: 'ssd-mosaic-export', what: 'the Mosaic layout saved by SSMS: CP visits and reviews keyed by plan', layout: mosaicLayout, save: ssmsUnquoted },
];

/** Reads the plain extract (samples/ssd-export): one CSV per SSD table. */
export function readSsdExtract(folder: string): Extract {
  const tables = new Map<string, SsdTable>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.csv')).sort()) {
    const [header, ...rows] = parse(readFileSync(join(folder, name)), { bom: true }) as string[][];
    tables.set(name.replace(/\.csv$/, ''), { header: header ?? [], rows });
  }
  return tables;
}

/** Writes every saved form of the plain extract at `base` into `samples`. */
export function writeSsdSaves(base: string, samples: string): void {
  const extract = readSsdExtract(base);
  for (const { folder, layout, save } of SSD_SAVES) {
    const out = join(samples, folder);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const [name, table] of layout(extract)) writeFileSync(join(out, `${name}.csv`), save(name, table));
  }
}
