// The floor: one bare csv-parse 7 stream pass over every CSV of an export (arrays, no cast, no info), counting rows.
import { readdir } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

/** Records in one file, header included, through the parser's fastest configuration (its defaults). */
async function countRecords(file: string): Promise<number> {
  let records = 0;
  const counter = new Writable({
    objectMode: true,
    highWaterMark: 1024,
    write(_record, _encoding, done) {
      records += 1;
      done();
    },
  });
  await pipeline(createReadStream(file), parse(), counter);
  return records;
}

const folder = process.argv[2];
if (folder === undefined) throw new Error('usage: node dist/bench/floor.js <csv folder>');
const files = (await readdir(folder)).filter((name) => name.endsWith('.csv')).sort();
let rows = 0;
for (const name of files) rows += (await countRecords(join(folder, name))) - 1;
process.stdout.write(`${JSON.stringify({ rows, files: files.length })}\n`);
