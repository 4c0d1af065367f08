// `node dist/bench/scale.js`: the full audit on generated exports up to 20M rows under the default heap (rows, passes, wall, peak), and at the largest size the report checked against the merged reports of its halves.
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Command, InvalidArgumentError } from 'commander';
import { estimateHeapBytes, passesFor } from '../src/pipeline/memory.js';
import { ensureExport, type BenchExport } from './export.js';
import { runMeasured, type ChildRun } from './measure.js';
import { CLI, OUT_FOLDER } from './paths.js';

const AS_OF = '2026-10-31';
/** About 1.45M, 2.9M, 5.8M, 10M and 20.6M rows: the sizes (29.5 rows a case). */
const DEFAULT_SIZES = [50_000, 100_000, 200_000, 345_000, 700_000];
const MAX_PASSES = 64;

function sizes(value: string): number[] {
  const list = value.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidArgumentError(`expected whole numbers separated by commas, got "${value}"`);
  return list;
}

const options = new Command('scale')
  .description('The full audit at growing sizes under the default heap, then at the largest the report against the merge of its two halves (--passes 2).')
  .option('--cases <list>', 'case counts, comma-separated', sizes, DEFAULT_SIZES)
  .option('--seed <seed>', 'generator seed', 'bench')
  .option('--no-halves', 'skip the halves check at the largest size')
  .parse(process.argv, { from: 'node' })
  .opts<{ cases: number[]; seed: string; halves: boolean }>();

const log = (line: string): void => console.log(line);
const reports = join(OUT_FOLDER, 'scale');
mkdirSync(reports, { recursive: true });

/** The audit as a user runs it (exit 1: breaches found), its report written to `file`. */
function audit(target: BenchExport, file: string, extra: readonly string[] = [], nodeFlags: readonly string[] = []): Promise<ChildRun> {
  return runMeasured(CLI, ['audit', target.folder, '--as-of', AS_OF, '-f', 'json', '-o', file, '-q', ...extra], { okExitCodes: [0, 1], nodeFlags });
}

/** Two files byte for byte, streamed: a 20M-row report is larger than one string may be. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  if (statSync(a).size !== statSync(b).size) return false;
  const left = createReadStream(a, { highWaterMark: 1 << 20 })[Symbol.asyncIterator]();
  const right = createReadStream(b, { highWaterMark: 1 << 20 })[Symbol.asyncIterator]();
  let pendingLeft: Buffer = Buffer.alloc(0);
  let pendingRight: Buffer = Buffer.alloc(0);
  for (;;) {
    if (pendingLeft.length === 0) {
      const next = await left.next();
      pendingLeft = next.done === true ? Buffer.alloc(0) : (next.value as Buffer);
    }
    if (pendingRight.length === 0) {
      const next = await right.next();
      pendingRight = next.done === true ? Buffer.alloc(0) : (next.value as Buffer);
    }
    if (pendingLeft.length === 0 || pendingRight.length === 0) return pendingLeft.length === pendingRight.length;
    const n = Math.min(pendingLeft.length, pendingRight.length);
    if (!pendingLeft.subarray(0, n).equals(pendingRight.subarray(0, n))) return false;
    pendingLeft = pendingLeft.subarray(n);
    pendingRight = pendingRight.subarray(n);
  }
}

const heapLimit = getHeapStatistics().heap_size_limit;
const lines = [
  `Default heap ${Math.round(heapLimit / 2 ** 20)} MB; \`practice-audit audit <dir> --as-of ${AS_OF} -f json -o <file> -q\`, passes chosen by \`auto\`; one run each.`,
  '',
  '| cases | rows | CSV MB | passes | wall s | CPU s | peak MB | MB per million rows | report MB |',
  '|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
];
let largest: { target: BenchExport; file: string; passes: number } | undefined;
for (const cases of [...options.cases].sort((a, b) => a - b)) {
  const target = await ensureExport(cases, options.seed, log);
  const passes = passesFor([{ format: 'csv', bytes: target.bytes }], 1, heapLimit, MAX_PASSES);
  const file = join(reports, `scale-${cases}.json`);
  log(`auditing ${cases.toLocaleString('en-GB')} cases (${target.rows.toLocaleString('en-GB')} rows), ${passes} pass${passes > 1 ? 'es' : ''}`);
  const run = await audit(target, file);
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  lines.push(
    `| ${cases.toLocaleString('en-GB')} | ${target.rows.toLocaleString('en-GB')} | ${mb(target.bytes)} | ${passes} | ${run.wallSeconds.toFixed(1)} | ${run.cpuSeconds.toFixed(1)} | ${Math.round(run.peakMb)} | ${Math.round(run.peakMb / (target.rows / 1e6))} | ${mb(statSync(file).size)} |`,
  );
  log(lines[lines.length - 1] as string);
  largest = { target, file, passes };
}
if (options.halves && largest !== undefined) {
  const halves = join(reports, `scale-${largest.target.cases}-halves.json`);
  // Each half must fit the heap it is given: past the default heap's reach, the estimate's heap for one half.
  const half = estimateHeapBytes([{ format: 'csv', bytes: largest.target.bytes }], 2);
  const heapMb = Math.max(Math.round(heapLimit / 2 ** 20), Math.ceil((half * 1.25) / 2 ** 29) * 512);
  log(`the largest again in two halves of its cases (--passes 2), merged, with a ${heapMb} MiB heap`);
  const run = await audit(largest.target, halves, ['--passes', '2'], [`--max-old-space-size=${heapMb}`]);
  const same = await sameBytes(largest.file, halves);
  lines.push(
    '',
    `At ${largest.target.rows.toLocaleString('en-GB')} rows the report of ${largest.passes} passes and the merged reports of its two halves (\`--passes 2\`, ${run.wallSeconds.toFixed(1)} s, peak ${Math.round(run.peakMb)} MB) are ${same ? 'byte-identical' : 'DIFFERENT'}.`,
  );
  if (!same) process.exitCode = 1;
}
const text = `${lines.join('\n')}\n`;
writeFileSync(join(OUT_FOLDER, 'SCALE.md'), text);
log(`\n${text}`);
