// Where the audit's time and memory go: loading, the engine, JSON formatting and writing, timed apart in one process.
import { CHECKS, INTEGRITY } from '../checks/index.js';
import { resolveConfig } from '../src/config/config.js';
import { runAudit } from '../src/engine/audit.js';
import { FORMATTERS } from '../src/formatters/index.js';
import { loadExport } from '../src/pipeline/load.js';
import { writeAllWhole } from '../src/cli/output.js';

const [folder, reportFile, asOf] = process.argv.slice(2);
if (folder === undefined || reportFile === undefined || asOf === undefined) {
  throw new Error('usage: node --expose-gc dist/bench/phases.js <csv folder> <report file> <as-of>');
}
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (collectGarbage === undefined) throw new Error('phases needs node --expose-gc to measure retained memory');

/** Heap still reachable after a full collection, in MB: what the run holds at that point, not what it churned. */
function retainedMb(): number {
  (collectGarbage as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Wall and CPU seconds (every thread of the process, the garbage collector's too) since `start`. */
function since(start: { wall: number; cpu: NodeJS.CpuUsage }): { wall: number; cpu: number } {
  const cpu = process.cpuUsage(start.cpu);
  return { wall: (performance.now() - start.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}
const now = () => ({ wall: performance.now(), cpu: process.cpuUsage() });

const baseline = retainedMb();
let start = now();
const loaded = await loadExport([folder]);
const load = since(start);
const model = retainedMb();

const config = resolveConfig({}, CHECKS, INTEGRITY);
start = now();
const report = runAudit(loaded, CHECKS, INTEGRITY, {
  asOf,
  period: { from: null, to: null },
  region: config.region,
  standards: config.standards,
  only: null,
});
const engine = since(start);
const modelAndReport = retainedMb();

start = now();
const rendered = await FORMATTERS.json(report, { color: false, groupBy: 'team' });
const format = since(start);
const withJson = retainedMb();

start = now();
await writeAllWhole([{ file: reportFile, content: rendered }]);
const write = since(start);

process.stdout.write(
  `${JSON.stringify({
    seconds: { load: load.wall, engine: engine.wall, format: format.wall, write: write.wall },
    cpuSeconds: { load: load.cpu, engine: engine.cpu, format: format.cpu, write: write.cpu },
    retainedMb: { baseline, model, modelAndReport, withJson },
    rows: loaded.inputs.reduce((sum, input) => sum + input.rows, 0),
    cases: loaded.cases.length,
    findings: report.findings.length,
    pending: report.pending.length,
  })}\n`,
);
