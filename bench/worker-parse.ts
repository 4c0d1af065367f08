// Experiment behind RESULTS.md's moonshot notes: the export's CSV files tokenized in worker threads, records sent to the main thread.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse';

/** How records travel to the main thread: as arrays (structured clone) or a batch joined into one string. */
type Transfer = 'clone' | 'text';

interface Job {
  readonly files: readonly string[];
  readonly transfer: Transfer;
}

type Message = { readonly records: string[][] } | { readonly count: number; readonly text: string };

const BATCH = 20_000;
const CELL = '\u0001';

async function work({ files, transfer }: Job): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('worker-parse: no parent port');
  const send = (batch: string[][]): void => {
    const message: Message =
      transfer === 'clone' ? { records: batch } : { count: batch.length, text: batch.map((r) => r.join(CELL)).join('\n') };
    port.postMessage(message);
  };
  for (const file of files) {
    let batch: string[][] = [];
    let header = true;
    const collect = new Writable({
      objectMode: true,
      write(record: string[], _encoding, done) {
        if (header) header = false;
        else batch.push(record);
        if (batch.length === BATCH) {
          send(batch);
          batch = [];
        }
        done();
      },
    });
    await pipeline(createReadStream(file), parse(), collect);
    if (batch.length > 0) send(batch);
  }
}

/** Files shared out by size, largest first, each to the least loaded worker. */
function shareOut(folder: string, workers: number): string[][] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => ({ path: join(folder, name), size: statSync(join(folder, name)).size }))
    .sort((a, b) => b.size - a.size);
  const bins = Array.from({ length: workers }, () => ({ size: 0, files: [] as string[] }));
  for (const file of files) {
    const lightest = bins.reduce((a, b) => (a.size <= b.size ? a : b));
    lightest.files.push(file.path);
    lightest.size += file.size;
  }
  return bins.map((bin) => bin.files);
}

async function main(folder: string, workers: number, transfer: Transfer): Promise<void> {
  const started = performance.now();
  let rows = 0;
  const received: Message[] = [];
  await Promise.all(
    shareOut(folder, workers).map(
      (files) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { files, transfer } satisfies Job });
          worker.on('message', (message: Message) => {
            rows += 'records' in message ? message.records.length : message.count;
            received.push(message);
          });
          worker.once('error', reject);
          worker.once('exit', () => resolve());
        }),
    ),
  );
  // The main thread has the records in hand only once a joined batch is split back into cells.
  if (transfer === 'text') {
    for (const message of received) if ('text' in message) for (const line of message.text.split('\n')) line.split(CELL);
  }
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ workers, transfer, rows, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`,
  );
}

if (isMainThread) {
  const [folder, workers = '2', transfer = 'clone'] = process.argv.slice(2);
  if (folder === undefined || (transfer !== 'clone' && transfer !== 'text')) {
    throw new Error('usage: node dist/bench/worker-parse.js <csv folder> [workers] [clone|text]');
  }
  await main(folder, Number(workers), transfer);
} else {
  await work(workerData as Job);
}
