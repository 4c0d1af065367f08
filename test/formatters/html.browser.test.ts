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
