// HTML report as text: one self-contained file, a strict CSP, every data string escaped, charts and cases present.
import { describe, expect, it } from 'vitest';
import { CASES_PAGE, CONTENT_SECURITY_POLICY, FINDINGS_PAGE, formatHtml } from '../../src/formatters/html.js';
import { cleanReport, fixtureReport, HOSTILE_CASE_ID, HOSTILE_MESSAGE, HOSTILE_TEAM, manyCasesReport } from './fixture.js';

function dataBlock(html: string): string {
  const match = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return match?.[1] ?? '';
}

describe('html formatter', () => {
  const html = formatHtml(fixtureReport, { color: false });

  it('is a complete document with the strict content security policy', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
    );
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;unsafe-inline&#39;; img-src data:">`,
    );
  });

  it('refers to nothing outside itself', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href?.startsWith('#'))).toEqual([]);
    // The SVG namespace is an identifier, not a fetch; the hostile team name's URL is escaped text.
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<&]+/g)].map((match) => match[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://evil.example']));
  });

  it('escapes markup, quotes and ampersands from the data everywhere', () => {
    // One script that runs, and one block of data (JSON, never run) that it draws the findings and cases from.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json" id="report-data">/g)).toHaveLength(1);
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>see');
    expect(html).not.toContain('<u>');
    expect(html).toContain('C005&lt;script&gt;alert("x")&lt;/script&gt;&amp;amp;');
    expect(html).toContain('data-team="=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"');
    expect(html).toContain('@M7"|&lt;b&gt;');
  });

  it('keeps case ids out of element ids, which come from positions', () => {
    // The script's own template names no case; the markup's ids are what a page holds.
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '');
    const ids = [...markup.matchAll(/\bid="([^"]*)"/g)].map((match) => match[1]);
    expect(ids.filter((id) => id?.startsWith('case-'))).toEqual(['case-1', 'case-2', 'case-3', 'case-4', 'case-5', 'case-6']);
  });

  it('draws compliance by standard and by team as inline SVG bar charts', () => {
    const charts = [...html.matchAll(/<svg class="chart" role="img" aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(charts).toEqual(['Compliance rate by standard', 'Compliance rate by team']);
    // Three charted standards and four teams: a track and a bar each, and the hostile team's 0% its red mark.
    expect(html.match(/<rect x/g)).toHaveLength(2 * (3 + 4));
    expect(html.match(/<rect class="zero"/g)).toHaveLength(1);
    expect(html).toContain('>66.7% (2/3)</text>');
    expect(html).toContain('>80.0% (4/5)</text>');
    // Bar lengths are shares of the chart's width, so the chart keeps its text size at any width.
    expect(html).toContain('width="80%" height="16" fill="#b26a00"/>');
    expect(html).not.toContain('viewBox');
  });

  it('marks a 0% bar in red at its start, and only a 0% bar', () => {
    const bars = [...html.matchAll(/<g><title>([^<]*)<\/title>[\s\S]*?<\/g>/g)];
    const zero = bars.filter((bar) => bar[0].includes('class="zero"')).map((bar) => bar[1]);
    expect(zero).toEqual([`${HOSTILE_TEAM}: 0.0% (0/1)`]);
    expect(html).toMatch(/<rect class="zero" x="0" y="\d+" width="4" height="20" fill="#c62828"\/>/);
  });

  it('states the colour bands with their thresholds next to every chart', () => {
    const legend =
      '<p class="legend"><span class="key"><span class="swatch swatch-good" aria-hidden="true"></span>good: 90% or more</span>' +
      '<span class="key"><span class="swatch swatch-fair" aria-hidden="true"></span>fair: 75% to under 90%</span>' +
      '<span class="key"><span class="swatch swatch-poor" aria-hidden="true"></span>poor: under 75%</span>' +
      '<span class="key"><span class="swatch swatch-zero" aria-hidden="true"></span>0%: a red mark where the bar starts</span>' +
      '<span class="key">— nothing applicable</span></p>';
    expect(html.split(legend)).toHaveLength(1 + 2);
  });

  it('shows the team breakdown alone by default, and team then worker when asked for workers', () => {
    const sections = (text: string) => [...text.matchAll(/<section id="(by-[a-z]+)"><h2>([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(sections(html)).toEqual([['by-team', 'Compliance by team']]);
    const byWorker = formatHtml(fixtureReport, { color: false, groupBy: 'worker' });
    expect(sections(byWorker)).toEqual([
      ['by-team', 'Compliance by team'],
      ['by-worker', 'Compliance by worker'],
    ]);
    const charts = [...byWorker.matchAll(/<svg class="chart" role="img" aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(charts).toEqual(['Compliance rate by standard', 'Compliance rate by team', 'Compliance rate by worker']);
    expect(byWorker).toContain('>(no worker)</text>');
    expect(byWorker).toContain('>(no team)</text>');
  });

  it('has print styles for A4 that hide the controls, open the cases and start sections on a new page', () => {
    const print = html.slice(html.indexOf('@media print {'), html.indexOf('</style>'));
    expect(html).toContain('@page { size: A4; margin: 12mm; }');
    expect(print).toContain('.controls label, th button::after, .pager button { display: none; }');
    expect(print).toContain('main > section + section { break-before: page; }');
    expect(print).toContain('details::details-content { content-visibility: visible; display: block; }');
    expect(print).toContain('.scroll { overflow: visible; }');
    expect(html).toContain("window.addEventListener('beforeprint'");
  });

  it('puts every table in its own scrolling region', () => {
    const tables = html.match(/<table\b/g) ?? [];
    expect(tables.length).toBeGreaterThan(3);
    expect(html.match(/<div class="scroll" role="region" aria-label="[^"]+" tabindex="0"><table\b/g)).toHaveLength(tables.length);
  });

  it('has the findings table with filters for standard, severity, team and worker', () => {
    expect(html.match(/<tr data-standard=/g)).toHaveLength(fixtureReport.findings.length);
    for (const key of ['standard', 'severity', 'team', 'worker']) expect(html).toContain(`data-filter="${key}"`);
    expect(html).toContain('<option value="(no team)">(no team)</option>');
    expect(html).toContain('<input id="filter-text" type="search"');
  });

  it('has an expandable section per case with findings or pending items, evidence included', () => {
    expect(html.match(/<details id="case-\d+">/g)).toHaveLength(6);
    expect(html).toContain('<li>deadline 2026-09-15: core group due (3 working days)</li>');
    expect(html).toContain('C002</span> · North · W12 · 1 pending</summary>');
  });

  it('holds every finding, pending item and case in a data block that no string can end early', () => {
    const block = dataBlock(html);
    expect(block).not.toMatch(/[<>&]/);
    const data = JSON.parse(block) as { strings: string[]; findings: unknown[][]; pending: unknown[][]; cases: unknown[][] };
    expect(data.findings).toHaveLength(fixtureReport.findings.length);
    expect(data.pending).toHaveLength(fixtureReport.pending.length);
    expect(data.cases).toHaveLength(6);
    for (const text of [HOSTILE_CASE_ID, HOSTILE_MESSAGE, HOSTILE_TEAM]) expect(data.strings).toContain(text);
    // Each string once: a team or message repeated in many rows is stored a single time.
    expect(new Set(data.strings).size).toBe(data.strings.length);
  });

  it('puts the first page of findings and of cases in the markup, and tells a reader without scripts what is left out', () => {
    const report = manyCasesReport(40);
    const big = formatHtml(report, { color: false });
    expect(big.match(/<tr data-standard=/g)).toHaveLength(FINDINGS_PAGE);
    expect(big.match(/<details id="case-\d+">/g)).toHaveLength(CASES_PAGE);
    expect(big).toContain(`<noscript><p class="note">Scripts are off: only the first ${FINDINGS_PAGE} of ${report.findings.length} findings are shown.`);
    expect(big).toContain('<span id="findings-range">Rows 1–100 of 280</span>');
    expect(big).toContain('<span id="cases-range">Cases 1–50 of 200</span>');
    expect(html).not.toContain('<noscript>');
    const data = JSON.parse(dataBlock(big)) as { findings: unknown[][]; cases: unknown[][] };
    expect(data.findings).toHaveLength(report.findings.length);
    expect(data.cases).toHaveLength(200);
  });

  it('is the same bytes for the same report', () => {
    const report = manyCasesReport(40);
    expect(formatHtml(report, { color: false })).toBe(formatHtml(structuredClone(report), { color: false }));
  });

  it('renders a report with nothing found', () => {
    const clean = formatHtml(cleanReport, { color: false });
    expect(clean).toContain('<p>No breaches found.</p>');
    expect(clean).not.toMatch(/<details id="case-\d/);
    expect(clean).not.toContain('id="report-data"');
  });
});
