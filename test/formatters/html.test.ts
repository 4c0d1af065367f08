// HTML report as text: one self-contained file, a strict CSP, every data string escaped, charts and cases present.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, formatHtml } from '../../src/formatters/html.js';
import { cleanReport, fixtureReport } from './fixture.js';

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
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>see');
    expect(html).not.toContain('<u>');
    expect(html).toContain('C005&lt;script&gt;alert("x")&lt;/script&gt;&amp;amp;');
    expect(html).toContain('data-team="=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"');
    expect(html).toContain('@M7"|&lt;b&gt;');
  });

  it('keeps case ids out of element ids, which come from positions', () => {
    const ids = [...html.matchAll(/\bid="([^"]*)"/g)].map((match) => match[1]);
    expect(ids.filter((id) => id?.startsWith('case-'))).toEqual(['case-1', 'case-2', 'case-3', 'case-4', 'case-5', 'case-6']);
  });

  it('draws compliance by standard and by team as inline SVG bar charts', () => {
    const charts = [...html.matchAll(/<svg class="chart" role="img" aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(charts).toEqual(['Compliance rate by standard', 'Compliance rate by team']);
    // Three charted standards and four teams: a track and a bar each.
    expect(html.match(/<rect /g)).toHaveLength(2 * (3 + 4));
    expect(html).toContain('>66.7% (2/3)</text>');
    expect(html).toContain('>80.0% (4/5)</text>');
  });

  it('charts workers instead of teams when asked', () => {
    const byWorker = formatHtml(fixtureReport, { color: false, groupBy: 'worker' });
    expect(byWorker).toContain('aria-label="Compliance rate by worker"');
    expect(byWorker).toContain('>(no worker)</text>');
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

  it('renders a report with nothing found', () => {
    const clean = formatHtml(cleanReport, { color: false });
    expect(clean).toContain('<p>No breaches found.</p>');
    expect(clean).not.toContain('<details');
  });
});
