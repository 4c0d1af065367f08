// HTML report in a real headless Chromium: renders offline without errors, filters, sorts, opens cases, charts draw.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/formatters/html.js';
import { fixtureReport, HOSTILE_CASE_ID, HOSTILE_TEAM, statusReport } from './fixture.js';

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
    expect(await page.locator('script').count()).toBe(1);
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
