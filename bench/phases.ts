// Where the audit's time and memory go: loading, the engine, JSON formatting and writing, timed apart in one process.
import { CHECKS } from '../checks/index.js';
import { resolveConfig } from '../src/config/config.js';
import { runAudit } from '../src/engine/audit.js';
import { INTEGRITY } from '../src/engine/catalogue.js';
import { FORMATTERS } from '../src/formatters/index.js';
import { loadExport } from '../src/load/index.js';
import { writeWhole } from '../src/output.js';

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

const secondsSince = (start: number): number => (performance.now() - start) / 1000;

const baseline = retainedMb();
let start = performance.now();
const loaded = await loadExport([folder]);
const load = secondsSince(start);
const model = retainedMb();

const config = resolveConfig({}, CHECKS, INTEGRITY);
start = performance.now();
const report = runAudit(loaded, CHECKS, INTEGRITY, {
  asOf,
  period: { from: null, to: null },
  region: config.region,
  standards: config.standards,
  only: null,
});
const engine = secondsSince(start);
const modelAndReport = retainedMb();

start = performance.now();
const rendered = await FORMATTERS.json(report, { color: false, groupBy: 'team' });
const format = secondsSince(start);
const withJson = retainedMb();

start = performance.now();
writeWhole(reportFile, rendered);
const write = secondsSince(start);

process.stdout.write(
  `${JSON.stringify({
    seconds: { load, engine, format, write },
    retainedMb: { baseline, model, modelAndReport, withJson },
    rows: loaded.inputs.reduce((sum, input) => sum + input.rows, 0),
    cases: loaded.cases.length,
    findings: report.findings.length,
    pending: report.pending.length,
  })}\n`,
);
