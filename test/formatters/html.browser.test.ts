// HTML report in a real headless Chromium: renders offline without errors, filters, sorts, opens cases, charts draw.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateExport } from '../../samples/generate.js';
import { runCli } from '../../src/cli/main.js';
import { CASES_PAGE, FINDINGS_PAGE, formatHtml } from '../../src/formatters/html.js';
import { fixtureReport, HOSTILE_CASE_ID, HOSTILE_TEAM, manyCasesReport, statusReport } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.output');

if (!hasChromium) {
  console.warn(
    `html.browser.test: SKIPPED, no browser at ${CHROMIUM} (install it with: apt-get update && apt-get install -y chromium)`,
  );
}

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let reportUrl: string;
  let problems: string[];
  let requests: string[];

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = join(OUTPUT_DIR, 'report.html');
    writeFileSync(file, formatHtml(fixtureReport, { color: false }));
    reportUrl = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    problems = [];
    requests = [];
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(reportUrl);
  });

  afterEach(async () => {
    await page.close();
  });

  // The project compiles without the DOM library, so page-side code names only the members it touches.
  interface TableRow {
    readonly cells: ArrayLike<{ readonly textContent: string | null }>;
  }
  interface Details {
    readonly open: boolean;
  }

  const visibleCells = (column: number) =>
    page.$$eval(
      '#findings-table tbody tr:not([hidden])',
      (rows, index) => rows.map((row) => (row as unknown as TableRow).cells[index]?.textContent ?? ''),
      column,
    );

  it('renders with no console error, no script from the data run, and no request beyond the file itself', async () => {
    await expect(page.title()).resolves.toBe('Practice audit — as of 2026-10-31');
    expect(await page.locator('h1').textContent()).toBe('Practice audit — as of 2026-10-31');
    // The page's own script, and the data block it draws from, which never runs.
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('script:not([type])').count()).toBe(1);
    expect(await page.locator('script[type="application/json"]').count()).toBe(1);
    expect(problems).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it('shows hostile ids as the text they are', async () => {
    expect(await visibleCells(0)).toContain(HOSTILE_CASE_ID);
    expect(await visibleCells(6)).toContain(HOSTILE_TEAM);
  });

  it('filters rows by the search box and by the selects, and counts what it shows', async () => {
    const total = fixtureReport.findings.length;
    await expect(page.locator('#findings-count').textContent()).resolves.toBe(`Showing ${total} of ${total} findings`);
    await page.fill('#filter-text', 'v88');
    expect(await visibleCells(5)).toEqual(['V88']);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-severity', 'warning');
    expect(await visibleCells(2)).toEqual(['warning', 'warning']);
    await page.selectOption('#filter-team', 'South');
    expect(await visibleCells(0)).toEqual(['C003']);
    await expect(page.locator('#findings-count').textContent()).resolves.toBe(`Showing 1 of ${total} findings`);
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-team', '(no team)');
    expect(await visibleCells(0)).toEqual(['(no case)', 'C004']);
    await page.selectOption('#filter-team', '');
    await page.selectOption('#filter-standard', 'defaulted-visits-escalated');
    expect(await visibleCells(5)).toEqual(['V88', 'V90', 'V101']);
    expect(problems).toEqual([]);
  });

  it('sorts by a column on click, and reverses on a second click', async () => {
    const dates = fixtureReport.findings.map((finding) => finding.date ?? '');
    const ascending = [...dates].sort();
    await page.click('#findings-table th:nth-child(4) button');
    expect(await visibleCells(3)).toEqual(ascending);
    await expect(page.locator('#findings-table th:nth-child(4)').getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.click('#findings-table th:nth-child(4) button');
    expect(await visibleCells(3)).toEqual([...ascending].reverse());
    await page.click('#findings-table th:nth-child(2) button');
    const standards = await visibleCells(1);
    expect(standards).toEqual([...standards].sort());
    expect(standards[0]).toBe('allegation-response-recorded');
    expect(problems).toEqual([]);
  });

  it('opens a case’s details from its link in the findings table', async () => {
    const details = page.locator('details', { hasText: 'C004' });
    expect(await details.evaluate((element) => (element as unknown as Details).open)).toBe(false);
    await page.click('#findings-table a:text-is("C004")');
    // The page opens the case on the link's hashchange, which runs after the click has returned.
    await expect.poll(() => details.evaluate((element) => (element as unknown as Details).open), { timeout: 5000 }).toBe(true);
    await expect(details.locator('ul.evidence li').first().isVisible()).resolves.toBe(true);
  });

  it('draws both charts with bars in proportion to the rates, and saves a screenshot', async () => {
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(2);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(60);
    }
    const northBars = page.locator('svg.chart').nth(1).locator('g', { hasText: 'North' }).locator('rect');
    const track = await northBars.nth(0).boundingBox();
    const bar = await northBars.nth(1).boundingBox();
    expect((bar?.width ?? 0) / (track?.width ?? 1)).toBeCloseTo(0.8, 2);
    // A look at the charts' legibility by eye, kept under the git-ignored test/.output/.
    await page.screenshot({ path: join(OUTPUT_DIR, 'report.png'), fullPage: true });
    expect(existsSync(join(OUTPUT_DIR, 'report.png'))).toBe(true);
  });
});

describe.skipIf(!hasChromium)('html report with waivers and a baseline in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'report-status.html'), formatHtml(statusReport, { color: false }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  interface TableRow {
    readonly cells: ArrayLike<{ readonly textContent: string | null }>;
  }

  it('filters the findings by status', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(join(OUTPUT_DIR, 'report-status.html')).href);
    const records = () =>
      page.$$eval('#findings-table tbody tr:not([hidden])', (rows) => rows.map((row) => (row as unknown as TableRow).cells[5]?.textContent ?? ''));
    await page.selectOption('#filter-status', 'waived');
    expect(await records()).toEqual(['V88']);
    await page.selectOption('#filter-status', 'new');
    expect(await records()).toEqual(['V90']);
    await page.selectOption('#filter-status', 'known');
    expect(await records()).toHaveLength(statusReport.findings.length - 2);
    await expect(page.locator('#findings-count').textContent()).resolves.toBe(
      `Showing ${statusReport.findings.length - 2} of ${statusReport.findings.length} findings`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

// The printable width of an A4 page with 12 mm margins, in CSS pixels (96 per inch): 186 mm.
const A4_CONTENT_WIDTH = Math.floor((186 / 25.4) * 96);

describe.skipIf(!hasChromium)('html report layout on narrow screens and on paper in headless Chromium', () => {
  let browser: Browser;
  let statusUrl: string;
  let workerUrl: string;

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const statusFile = join(OUTPUT_DIR, 'report-layout-status.html');
    const workerFile = join(OUTPUT_DIR, 'report-layout-worker.html');
    writeFileSync(statusFile, formatHtml(statusReport, { color: false }));
    writeFileSync(workerFile, formatHtml(fixtureReport, { color: false, groupBy: 'worker' }));
    statusUrl = pathToFileURL(statusFile).href;
    workerUrl = pathToFileURL(workerFile).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The project compiles without the DOM library, so page-side code names only the members it touches.
  interface Rect {
    readonly left: number;
    readonly right: number;
  }
  interface Element {
    readonly textContent: string | null;
    getBoundingClientRect(): Rect;
    contains(other: Element | null): boolean;
    readonly ownerDocument: { elementFromPoint(x: number, y: number): Element | null };
  }

  const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

  async function columnIndex(page: Page, name: string): Promise<number> {
    const headers = await page.$$eval('#findings-table thead th', (cells) => cells.map((cell) => (cell as unknown as Element).textContent));
    const index = headers.indexOf(name);
    expect(index, `${name} among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
    return index;
  }

  for (const width of [800, 390]) {
    it(`keeps the Message and Status cells within reach at ${width} px, the page itself never scrolling sideways`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(statusUrl);
      expect(await pageWidth(page)).toBeLessThanOrEqual(width);
      for (const name of ['Message', 'Status']) {
        const cell = page.locator(`#findings-table tbody tr:first-child td:nth-child(${(await columnIndex(page, name)) + 1})`);
        await cell.scrollIntoViewIfNeeded();
        const box = await cell.boundingBox();
        expect(box).not.toBeNull();
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
        // Within reach means on top where it is drawn, not clipped away by its scrolling container.
        const centre = { x: (box?.x ?? 0) + (box?.width ?? 0) / 2, y: (box?.y ?? 0) + Math.min(8, (box?.height ?? 0) / 2) };
        const onTop = await cell.evaluate((element, point) => {
          const self = element as unknown as Element;
          return self.contains(self.ownerDocument.elementFromPoint(point.x, point.y));
        }, centre);
        expect(onTop, `${name} cell on top at ${width} px`).toBe(true);
      }
      expect(await pageWidth(page)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(OUTPUT_DIR, `report-${width}.png`), fullPage: true });
      await page.close();
    });

    it(`draws chart labels at full size beside their numbers at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(workerUrl);
      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBe(3);
      for (const chart of await charts.all()) {
        const chartBox = await chart.boundingBox();
        expect(chartBox?.width ?? Infinity).toBeLessThanOrEqual(width);
        for (const bar of await chart.locator('g').all()) {
          const [label, value] = await bar.locator('text').all();
          const labelBox = await label?.boundingBox();
          const valueBox = await value?.boundingBox();
          // 13 px text draws at least 13 px tall; a chart squeezed by a viewBox would draw it at about half that.
          expect(labelBox?.height ?? 0).toBeGreaterThanOrEqual(13);
          expect(labelBox?.x ?? -1).toBeGreaterThanOrEqual(chartBox?.x ?? 0);
          expect((labelBox?.x ?? 0) + (labelBox?.width ?? 0)).toBeLessThan(valueBox?.x ?? 0);
          expect((valueBox?.x ?? 0) + (valueBox?.width ?? Infinity)).toBeLessThanOrEqual((chartBox?.x ?? 0) + (chartBox?.width ?? 0) + 0.5);
        }
      }
      await page.close();
    });
  }

  it('prints every findings column within the width of an A4 page, controls hidden and cases open, and makes an A4 PDF', async () => {
    const page = await browser.newPage({ viewport: { width: A4_CONTENT_WIDTH, height: 1000 } });
    await page.goto(statusUrl);
    await page.emulateMedia({ media: 'print' });
    const edges = await page.$$eval('#findings-table th, #findings-table td', (cells) =>
      cells.map((cell) => {
        const rect = (cell as unknown as Element).getBoundingClientRect();
        return { left: rect.left, right: rect.right };
      }),
    );
    expect(edges.length).toBe(10 * (statusReport.findings.length + 1));
    expect(edges.filter((edge) => edge.left < 0 || edge.right > A4_CONTENT_WIDTH)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    expect(await page.locator('#filter-text').isVisible()).toBe(false);
    expect(await page.locator('#filter-status').isVisible()).toBe(false);
    const arrow = await page
      .locator('#findings-table th button')
      .first()
      .evaluate((button) => (globalThis as unknown as { getComputedStyle(e: unknown, pseudo: string): { display: string } }).getComputedStyle(button, '::after').display);
    expect(arrow).toBe('none');
    // Closed on screen, yet printed with its findings.
    const firstCase = page.locator('details').first();
    expect(await firstCase.evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(false);
    expect(await firstCase.locator('ul').first().isVisible()).toBe(true);
    const breaks = await page.$$eval('main > section', (sections) =>
      sections.map((section) => (globalThis as unknown as { getComputedStyle(e: unknown): { breakBefore: string } }).getComputedStyle(section).breakBefore),
    );
    expect(breaks[0]).not.toBe('page');
    expect(breaks.slice(1)).toEqual(breaks.slice(1).map(() => 'page'));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every section after the first starts a page of its own.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(breaks.length);
    writeFileSync(join(OUTPUT_DIR, 'report-status.pdf'), pdf);
    await page.close();
  });
});

describe.skipIf(!hasChromium)('html report longer than a page in headless Chromium', () => {
  let browser: Browser;
  const many = manyCasesReport(40);
  const files: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    for (const [name, report] of Object.entries({ fixture: fixtureReport, status: statusReport, many })) {
      files[name] = join(OUTPUT_DIR, `report-pages-${name}.html`);
      writeFileSync(files[name], formatHtml(report, { color: false }));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const url = (name: string) => pathToFileURL(files[name] ?? '').href;
  const inner = (page: Page, selector: string) => page.locator(selector).evaluate((element) => (element as unknown as { innerHTML: string }).innerHTML);

  it('draws, with scripts on, the very first page of findings and cases that the markup holds for scripts off', async () => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    for (const name of ['fixture', 'status', 'many']) {
      const still = await off.newPage();
      await still.goto(url(name));
      const live = await browser.newPage();
      const problems: string[] = [];
      live.on('pageerror', (error) => problems.push(error.message));
      await live.goto(url(name));
      for (const selector of ['#findings-table tbody', '#cases-list']) {
        const markup = await inner(still, selector);
        expect(markup.length, `${name} ${selector}`).toBeGreaterThan(100);
        expect(await inner(live, selector), `${name} ${selector}`).toBe(markup);
      }
      expect(problems).toEqual([]);
      await still.close();
      await live.close();
    }
    await off.close();
  });

  it('pages through the findings, searches all of them, and shows more rows a page when asked', async () => {
    const page = await browser.newPage();
    await page.goto(url('many'));
    const rows = page.locator('#findings-table tbody tr');
    expect(await rows.count()).toBe(FINDINGS_PAGE);
    await expect(page.locator('#findings-range').textContent()).resolves.toBe(`Rows 1–100 of ${many.findings.length}`);
    await page.click('#findings-pager button[data-step="1"]');
    await expect(page.locator('#findings-range').textContent()).resolves.toBe(`Rows 101–200 of ${many.findings.length}`);
    expect(await rows.first().locator('td').first().textContent()).toBe(many.findings[100]?.caseId);
    // A case far beyond the first page is found by the search, which reads every finding, not the page.
    const last = many.findings.at(-1)?.caseId ?? '';
    await page.fill('#filter-text', last);
    expect(await rows.count()).toBe(1);
    await expect(page.locator('#findings-count').textContent()).resolves.toBe(`Showing 1 of ${many.findings.length} findings`);
    await page.fill('#filter-text', '');
    await page.selectOption('#page-size', '500');
    expect(await rows.count()).toBe(many.findings.length);
    await page.close();
  });

  it('opens a case on a later page of cases from its link', async () => {
    const page = await browser.newPage();
    await page.goto(url('many'));
    const cases = Number((await page.locator('#cases-range').textContent())?.split(' of ')[1]);
    expect(cases).toBeGreaterThan(3 * CASES_PAGE);
    expect(await page.locator('#cases-list details').count()).toBe(CASES_PAGE);
    await page.goto(`${url('many')}#case-${cases}`);
    const target = page.locator(`details#case-${cases}`);
    await expect.poll(() => target.evaluate((element) => (element as unknown as { open: boolean }).open), { timeout: 5000 }).toBe(true);
    expect(await target.locator('ul.evidence li').first().isVisible()).toBe(true);
    await expect(page.locator('#cases-range').textContent()).resolves.toBe(`Cases ${cases - (cases % CASES_PAGE || CASES_PAGE) + 1}–${cases} of ${cases}`);
    await page.close();
  });
});

// Speed is the bench's to measure (bench/html.ts, figures in bench/RESULTS.md). This test holds the size and
// the shape of the page: one page of rows in the document whatever the export's size, every finding searchable.
// Its one time limit is a sanity bound far above the bench's figure (2–4 s here), under the 60 s the old
// one-row-per-finding report took, so a return to that design fails here as well as in the bench.
describe.skipIf(!hasChromium)('a 20,000-case report in headless Chromium', () => {
  let browser: Browser;
  let scratch: string;
  let file: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'practice-audit-html-20k-'));
    const folder = join(scratch, 'export');
    await generateExport({ cases: 20_000, out: folder, seed: 'bench', format: 'csv' });
    file = join(scratch, 'report.html');
    const status = await runCli(['audit', folder, '--as-of', '2026-10-31', '-q', '-f', 'html', '-o', file], {
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      env: {},
      today: () => '2026-10-31',
    });
    expect(status).toBe(1);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is under 14 MB (32 MB with a table row per finding) and opens with one page of rows, every finding searchable', async () => {
    const bytes = statSync(file).size;
    // The size follows the findings: 9.0 MB when the bound was set at 12 MB, 10.6 MB (32,000 findings) before the
    // four standards of issue 13's second part, 12.5 MB (37,000) with them. A table row per finding is over 32 MB.
    expect(bytes).toBeLessThan(14_000_000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30_000 });
    const seconds = (performance.now() - started) / 1000;
    const total = Number((await page.locator('#findings-count').textContent())?.match(/of (\d+) findings/)?.[1]);
    expect(total).toBeGreaterThan(20_000);
    expect(await page.locator('#findings-table tbody tr').count()).toBe(FINDINGS_PAGE);
    expect(await page.locator('#cases-list details').count()).toBe(CASES_PAGE);
    // The last finding's case, far beyond the first page: the search reads every finding.
    const lastCase = (await page.evaluate(
      "(function () { var d = JSON.parse(document.getElementById('report-data').textContent); return d.strings[d.findings[d.findings.length - 1][0]]; })()",
    )) as string;
    expect(lastCase).toMatch(/^C\d+$/);
    await page.fill('#filter-text', lastCase);
    await expect(page.locator('#findings-count').textContent()).resolves.toMatch(/^Showing [1-9]\d* of \d+ findings$/);
    expect(await page.locator('#findings-table tbody tr td:first-child').allTextContents()).toContain(lastCase);
    await page.fill('#filter-text', '');
    expect(problems).toEqual([]);
    // For the record beside the screenshots (git-ignored), not a measurement: the bench's medians are.
    writeFileSync(join(OUTPUT_DIR, 'report-20k.json'), `${JSON.stringify({ bytes, findings: total, loadSeconds: seconds }, null, 2)}\n`);
    await page.close();
  });
});
