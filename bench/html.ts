// `npm run build && node dist/bench/html.js`: size of a generated export's HTML report and how long Chromium takes to open it.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { chromium, type Page } from 'playwright-core';
import { ensureExport } from './export.js';
import { runMeasured } from './measure.js';
import { CLI, OUT_FOLDER } from './paths.js';
import { median } from './stats.js';

const CHROMIUM = '/usr/bin/chromium';

interface Options {
  readonly cases: number;
  readonly seed: string;
  readonly asOf: string[];
  readonly runs: number;
  /** Reports already written (an older build's, say) to open instead of auditing the export. */
  readonly file: string[];
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseOptions(argv: readonly string[]): Options {
  return new Command('bench-html')
    .description('Audit a generated export to HTML and time opening the report in headless Chromium.')
    .option('--cases <n>', 'cases in the export', wholeNumber, 20_000)
    .option('--seed <seed>', 'generator seed', 'bench')
    .option('--as-of <date>', 'audit date (repeatable; default 2026-06-30 and 2026-10-31)', collect, [])
    .option('--runs <n>', 'openings of each report; medians are reported', wholeNumber, 3)
    .option('--file <html>', 'open this report instead of auditing (repeatable)', collect, [])
    .parse(argv, { from: 'node' })
    .opts<Options>();
}

/** Two animation frames after the load event: the page's script has run and the first page is drawn. */
const painted = (page: Page) =>
  page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');

interface Opening {
  /** From navigation to the load event, as the browser's navigation timing has it. */
  readonly loadSeconds: number;
  /** From the request to open the file to the first frames drawn after load, as a reader waits. */
  readonly readySeconds: number;
  /** Typing a case id into the search box until the frame after the table is drawn again. */
  readonly searchSeconds: number | null;
}

async function open(file: string, runs: number): Promise<Opening[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const openings: Opening[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      // A fresh page each time, so no opening reuses another's parsed document.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 600_000 });
      await painted(page);
      const readySeconds = (performance.now() - started) / 1000;
      const loadSeconds = ((await page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")) as number) / 1000;
      let searchSeconds: number | null = null;
      if ((await page.locator('#filter-text').count()) > 0) {
        const searchStarted = performance.now();
        await page.fill('#filter-text', 'C00005', { timeout: 600_000 });
        await painted(page);
        searchSeconds = (performance.now() - searchStarted) / 1000;
      }
      openings.push({ loadSeconds, readySeconds, searchSeconds });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return openings;
}

const seconds = (values: readonly number[]) => `${median(values).toFixed(2)}`;
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)}`;

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM} (apt-get install -y chromium)`);
  const reports: { label: string; file: string; auditSeconds: number | null }[] = options.file.map((file) => ({ label: file, file, auditSeconds: null }));
  if (reports.length === 0) {
    const target = await ensureExport(options.cases, options.seed, (line) => console.log(line));
    const folder = join(OUT_FOLDER, 'reports');
    mkdirSync(folder, { recursive: true });
    for (const asOf of options.asOf.length === 0 ? ['2026-06-30', '2026-10-31'] : options.asOf) {
      const file = join(folder, `html-${options.cases}-${asOf}.html`);
      // Exit 1 means the audit found breaches, which a generated export always has.
      const run = await runMeasured(CLI, ['audit', target.folder, '--as-of', asOf, '-f', 'html', '-o', file, '-q'], { okExitCodes: [0, 1] });
      reports.push({ label: `${options.cases.toLocaleString('en-GB')} cases (seed ${options.seed}), as of ${asOf}`, file, auditSeconds: run.wallSeconds });
    }
  }
  const lines = [
    `| report | MB | audit to HTML, s | load event, s | drawn after load, s | search, s |`,
    '|---|--:|--:|--:|--:|--:|',
  ];
  for (const report of reports) {
    const openings = await open(report.file, options.runs);
    const searches = openings.flatMap((opening) => (opening.searchSeconds === null ? [] : [opening.searchSeconds]));
    lines.push(
      `| ${report.label} | ${megabytes(statSync(report.file).size)} | ${report.auditSeconds === null ? '—' : report.auditSeconds.toFixed(2)} | ` +
        `${seconds(openings.map((o) => o.loadSeconds))} | ${seconds(openings.map((o) => o.readySeconds))} | ${searches.length === 0 ? '—' : seconds(searches)} |`,
    );
    console.log(lines.at(-1));
  }
  const out = join(OUT_FOLDER, 'html-results.md');
  mkdirSync(OUT_FOLDER, { recursive: true });
  writeFileSync(out, `Median of ${options.runs} openings each in headless Chromium (${CHROMIUM}), 1280 × 900.\n\n${lines.join('\n')}\n`);
  console.log(`\n${lines.join('\n')}\n\nwritten to ${out}`);
}

await main(process.argv);
