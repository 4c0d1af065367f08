// Self-contained HTML report: headline, SVG compliance charts, a sortable and filterable findings table, cases.
import { mappingNotes } from './inputs.js';
import { complianceByGroup, groupOf, overallCompliance, type GroupBy } from '../report/breakdown.js';
import type { Evidence } from '../core/finding.js';
import type { Report, ReportFinding, StandardSummary, WaiverEntry } from '../core/report.js';
import { xmlCharacters } from '../core/safe-text.js';
import { escapeAttribute, escapeText } from './markup.js';
import {
  assumptionLine,
  caseLabel,
  distinctSorted,
  evidenceLine,
  findingStatus,
  findingStatusLabel,
  formatRate,
  groupByOf,
  isDataIntegrity,
  itemsByCase,
  periodLabel,
  rateBand,
  rateBandLegend,
  showsFindingStatus,
  sourceLabel,
  standardRate,
  statusLabel,
  waiverLine,
  type CaseItems,
} from './shared.js';
import type { FormatOptions } from './types.js';

/** Nothing may load from anywhere: the report holds case data and must work offline. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const BAND_COLOURS = { good: '#2e7d32', fair: '#b26a00', poor: '#c62828', none: '#9e9e9e' } as const;

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --good: ${BAND_COLOURS.good}; --fair: ${BAND_COLOURS.fair}; --poor: ${BAND_COLOURS.poor}; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; }
.meta, .note { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; background: var(--soft); }
.card .value { font-size: 24px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.std { white-space: nowrap; }
td.id, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
/* Ids and names come from the export: a long one may break anywhere rather than squeeze the message column. */
td.id, td.name { overflow-wrap: anywhere; }
td.message { min-width: 24em; }
td.date { white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.sev-error { color: var(--poor); font-weight: 600; }
.sev-warning { color: var(--fair); font-weight: 600; }
.sev-pending { color: #0969da; font-weight: 600; }
.status-new { color: var(--poor); font-weight: 600; }
.status-waived, .status-resolved { color: var(--good); }
.band-good { color: var(--good); } .band-fair { color: var(--fair); } .band-poor { color: var(--poor); }
.band-none { color: var(--muted); }
td.cell-good { background: #e6f4ea; } td.cell-fair { background: #fff4e0; } td.cell-poor { background: #fde7e7; }
.chart { width: 100%; max-width: 860px; display: block; overflow: visible; }
.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.chart .tick { fill: var(--muted); font-size: 11px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 4px 0 12px; color: var(--muted); font-size: 12px; }
.legend .key { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 10px; }
.swatch-good { background: var(--good); } .swatch-fair { background: var(--fair); } .swatch-poor { background: var(--poor); }
.swatch-zero { width: 4px; height: 14px; background: var(--poor); box-shadow: 10px 0 0 #eef1f4; margin-right: 10px; }
.pager { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; color: var(--muted); }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 8px 0; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.controls input, .controls select { font: inherit; padding: 4px 6px; min-width: 160px; }
th button { all: unset; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
details[open] { background: #fcfcfd; }
summary { cursor: pointer; }
ul.evidence { margin: 2px 0 8px; color: var(--muted); }
details ul { overflow-wrap: anywhere; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
/* Phones: the cards, filters and headings give up width so nothing but a table's own container scrolls sideways. */
@media (max-width: 600px) {
  body { padding: 12px; }
  h1 { font-size: 20px; }
  .card { min-width: 0; flex: 1 1 40%; }
  .controls label { flex: 1 1 100%; }
  .controls input, .controls select { min-width: 0; width: 100%; }
}
@page { size: A4; margin: 12mm; }
/* Paper cannot scroll or click: every column wraps to the page, controls go, cases open, sections start a page. */
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 9pt; }
  h2 { margin-top: 0; break-after: avoid; }
  main > section + section { break-before: page; }
  .controls label, th button::after, .pager button { display: none; }
  .controls { margin: 0 0 4px; }
  .scroll { overflow: visible; }
  table { width: 100%; }
  th, td { padding: 2px 4px; }
  th, .std { white-space: normal; }
  /* Data may break anywhere to fit the page; dates, severities and headings are short and read badly split. */
  td.id, td.name, td.message, .std { overflow-wrap: anywhere; }
  td.message { min-width: 0; }
  #findings-table { font-size: 7.5pt; }
  td.id, .id { font-size: 7.5pt; }
  tr, .card, details, svg.chart { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  details { border: none; padding: 0; margin: 4px 0; }
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; font-weight: 600; }
  summary::-webkit-details-marker { display: none; }
}
`;

// The findings and the cases live in the report-data block; the page draws one page of each at a time, so
// a report of 20,000 cases opens in a second or two where 30,000 table rows took a minute. The first page of
// each is in the markup as well, drawn by the same templates, so the report reads with scripts off.
const SCRIPT = `
(function () {
  'use strict';
  // Browsers without ::details-content in print styles would print closed cases as their summary line alone.
  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });
  var island = document.getElementById('report-data');
  if (!island) return;
  var data = JSON.parse(island.textContent);
  var S = data.strings;
  // The same escaping as the report's own markup (markup.ts), for text already made XML-safe by the report.
  function text(value) {
    return value.replace(/[&<>]/g, function (c) { return c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'; });
  }
  function attr(value) {
    return value.replace(/[&<>"'\\n\\r\\t]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  // Evidence as [table, id, date, note], worded as the report's evidenceLine words it.
  function evidenceText(e) {
    return [S[e[0]], S[e[1]], S[e[2]]].filter(function (part) { return part !== ''; }).join(' ') + ': ' + S[e[3]];
  }
  function evidence(lines) {
    if (lines.length === 0) return '';
    return '<ul class="evidence">' + lines.map(function (line) { return '<li>' + text(line) + '</li>'; }).join('') + '</ul>';
  }
  // A finding: case, standard, severity, date, due, record, team, worker, message, status, status label,
  // status title, evidence, case number, source file (or -1) and line.
  function findingRow(f) {
    var status = S[f[9]];
    var attributes = 'data-standard="' + attr(S[f[1]]) + '" data-severity="' + attr(S[f[2]]) + '" data-team="' + attr(S[f[6]]) +
      '" data-worker="' + attr(S[f[7]]) + '"' + (status === '' ? '' : ' data-status="' + attr(status) + '"');
    var title = S[f[11]] === '' ? '' : ' title="' + attr(S[f[11]]) + '"';
    return '<tr ' + attributes + '><td class="id"><a href="#case-' + f[13] + '">' + text(S[f[0]]) + '</a></td>' +
      '<td class="id std">' + text(S[f[1]]) + '</td><td class="sev-' + attr(S[f[2]]) + '">' + text(S[f[2]]) + '</td>' +
      '<td class="date">' + text(S[f[3]]) + '</td><td class="date">' + text(S[f[4]]) + '</td>' +
      '<td class="id">' + text(S[f[5]]) + '</td><td class="name">' + text(S[f[6]]) + '</td><td class="name">' + text(S[f[7]]) + '</td>' +
      '<td class="message">' + text(S[f[8]]) + '</td>' +
      (status === '' ? '' : '<td class="status-' + attr(status) + '"' + title + '>' + text(S[f[10]]) + '</td>') + '</tr>';
  }
  function findingItem(f) {
    var status = S[f[9]];
    var due = S[f[4]] === '' ? '' : ' (due ' + text(S[f[4]]) + ')';
    var tag = status === '' ? '' : ' <span class="status-' + attr(status) + '">[' + text(S[f[10]]) + ']</span>';
    return '<li><span class="sev-' + attr(S[f[2]]) + '">' + text(S[f[2]]) + '</span> <span class="id">' + text(S[f[1]]) + '</span> ' +
      text(S[f[3]]) + due + ' <span class="id">' + text(S[f[5]]) + '</span>' + tag + '<br>' + text(S[f[8]]) +
      evidence((f[14] === -1 ? [] : ['source ' + S[f[14]] + ':' + f[15]]).concat(f[12].map(evidenceText))) + '</li>';
  }
  // A pending item: standard, due, record, message, evidence.
  function pendingItem(p) {
    return '<li><span class="sev-pending">pending</span> <span class="id">' + text(S[p[0]]) + '</span> due ' + text(S[p[1]]) +
      ' <span class="id">' + text(S[p[2]]) + '</span><br>' + text(S[p[3]]) + evidence(p[4].map(evidenceText)) + '</li>';
  }
  // A case: label, team and worker, counts, its findings, its pending items.
  function caseDetails(c, number) {
    var items = c[3].map(function (i) { return findingItem(data.findings[i]); })
      .concat(c[4].map(function (i) { return pendingItem(data.pending[i]); }));
    return '<details id="case-' + number + '"><summary><span class="id">' + text(S[c[0]]) + '</span> · ' + text(S[c[1]]) +
      ' · ' + text(S[c[2]]) + '</summary>\\n<ul>' + items.join('\\n') + '</ul>\\n</details>';
  }
  function range(first, count, total, noun) {
    return total === 0 ? 'No ' + noun : noun.charAt(0).toUpperCase() + noun.slice(1) + ' ' + (first + 1) + '–' + (first + count) + ' of ' + total;
  }

  var table = document.getElementById('findings-table');
  if (table) {
    var body = table.tBodies[0];
    var text_ = document.getElementById('filter-text');
    var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
    var count = document.getElementById('findings-count');
    var pageSize = document.getElementById('page-size');
    var findingsRange = document.getElementById('findings-range');
    var order = data.findings.map(function (_, index) { return index; });
    var shown = order;
    var page = 0;
    var haystacks = null;
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (_, column) { return column; });
    // The text a column shows, for sorting and searching as the cells read.
    function cell(f, column) {
      var index = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10][column];
      return index === undefined ? '' : S[f[index]];
    }
    function size() { return Number(pageSize.value); }
    function draw() {
      var pages = Math.max(1, Math.ceil(shown.length / size()));
      if (page >= pages) page = pages - 1;
      var first = page * size();
      var rows = shown.slice(first, first + size());
      body.innerHTML = rows.map(function (i) { return findingRow(data.findings[i]); }).join('\\n');
      findingsRange.textContent = range(first, rows.length, shown.length, 'rows');
      count.textContent = 'Showing ' + shown.length + ' of ' + data.findings.length + ' findings';
    }
    function apply() {
      var needle = text_.value.trim().toLowerCase();
      if (needle !== '' && haystacks === null) {
        haystacks = data.findings.map(function (f) {
          return columns.map(function (column) { return cell(f, column); }).join('\\n').toLowerCase();
        });
      }
      var wanted = selects.map(function (select) { return [select.getAttribute('data-filter'), select.value]; })
        .filter(function (pair) { return pair[1] !== ''; });
      var field = { standard: 1, severity: 2, team: 6, worker: 7, status: 9 };
      shown = order.filter(function (i) {
        var f = data.findings[i];
        if (needle !== '' && haystacks[i].indexOf(needle) === -1) return false;
        return wanted.every(function (pair) { return S[f[field[pair[0]]]] === pair[1]; });
      });
      page = 0;
      draw();
    }
    text_.addEventListener('input', apply);
    selects.forEach(function (select) { select.addEventListener('change', apply); });
    pageSize.addEventListener('change', function () { page = 0; draw(); });
    Array.prototype.forEach.call(document.querySelectorAll('#findings-pager button'), function (button) {
      button.addEventListener('click', function () {
        var pages = Math.max(1, Math.ceil(shown.length / size()));
        page = Math.min(pages - 1, Math.max(0, page + Number(button.getAttribute('data-step'))));
        draw();
      });
    });
    var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var button = header.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', direction);
        var sign = direction === 'ascending' ? 1 : -1;
        order = data.findings.map(function (_, index) { return index; }).sort(function (a, b) {
          var c = collator.compare(cell(data.findings[a], column), cell(data.findings[b], column));
          return c !== 0 ? sign * c : a - b;
        });
        apply();
      });
    });
    apply();
  }

  var list = document.getElementById('cases-list');
  var casePage = 0;
  var CASES_PAGE = Number(list ? list.getAttribute('data-page-size') : 0);
  function drawCases() {
    if (!list) return;
    var first = casePage * CASES_PAGE;
    var cases = data.cases.slice(first, first + CASES_PAGE);
    list.innerHTML = cases.map(function (c, index) { return caseDetails(c, first + index + 1); }).join('\\n');
    document.getElementById('cases-range').textContent = range(first, cases.length, data.cases.length, 'cases');
  }
  Array.prototype.forEach.call(document.querySelectorAll('#cases-pager button'), function (button) {
    button.addEventListener('click', function () {
      var pages = Math.max(1, Math.ceil(data.cases.length / CASES_PAGE));
      casePage = Math.min(pages - 1, Math.max(0, casePage + Number(button.getAttribute('data-step'))));
      drawCases();
    });
  });
  drawCases();
  function openTarget() {
    var match = /^#case-(\\d+)$/.exec(location.hash);
    if (!match || !list) return;
    var wantedPage = Math.floor((Number(match[1]) - 1) / CASES_PAGE);
    if (wantedPage !== casePage) { casePage = wantedPage; drawCases(); }
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') {
      target.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
`;

interface Bar {
  readonly label: string;
  readonly rate: number | null;
  readonly compliant: number;
  readonly applicable: number;
}

// Lengths in the chart are pixels or percentages of its width, never a viewBox: text keeps its size on a phone.
const ROW_HEIGHT = 40;
const BAR_HEIGHT = 16;
const LABEL_CHARACTERS = 36;

function shorten(label: string): string {
  return label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label;
}

/**
 * A horizontal bar chart of compliance rates, the label and number above each bar so both stay readable at any
 * width; every bar carries its number, so colour is never the only cue, and a 0% bar gets a red mark so it does
 * not pass for an empty track.
 */
function barChart(caption: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return '<p class="note">No applicable cases to chart.</p>';
  const top = 4;
  const axisY = top + bars.length * ROW_HEIGHT;
  const height = axisY + 20;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = `${tick * 100}%`;
    const anchor = tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle';
    parts.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${axisY}" stroke="#d1d9e0" stroke-width="1"/>`,
      `<text class="tick" x="${x}" y="${axisY + 15}" text-anchor="${anchor}">${x}</text>`,
    );
  }
  bars.forEach((bar, index) => {
    const rowTop = top + index * ROW_HEIGHT;
    const barY = rowTop + 19;
    const width = bar.rate === null ? 0 : Math.round(bar.rate * 1000) / 10;
    const value = `${formatRate(bar.rate)} (${bar.compliant}/${bar.applicable})`;
    parts.push(
      `<g><title>${escapeText(`${bar.label}: ${value}`)}</title>`,
      `<text x="0" y="${rowTop + 14}">${escapeText(shorten(bar.label))}</text>`,
      `<text x="100%" y="${rowTop + 14}" text-anchor="end">${escapeText(value)}</text>`,
      `<rect x="0" y="${barY}" width="100%" height="${BAR_HEIGHT}" fill="#eef1f4"/>`,
      `<rect x="0" y="${barY}" width="${width}%" height="${BAR_HEIGHT}" fill="${BAND_COLOURS[rateBand(bar.rate)]}"/>`,
      ...(bar.rate === 0
        ? [`<rect class="zero" x="0" y="${barY - 2}" width="4" height="${BAR_HEIGHT + 4}" fill="${BAND_COLOURS.poor}"/>`]
        : []),
      '</g>',
    );
  });
  return [
    `<svg class="chart" role="img" aria-label="${escapeAttribute(caption)}" width="100%" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    ...parts,
    '</svg>',
    bandLegend(),
  ].join('\n');
}

/** What the colours mean, with rateBand's thresholds, next to every chart so a printed page explains itself. */
function bandLegend(): string {
  const keys = rateBandLegend().map(
    ({ band, text }) => `<span class="key"><span class="swatch swatch-${band}" aria-hidden="true"></span>${escapeText(text)}</span>`,
  );
  return [
    '<p class="legend">',
    ...keys,
    '<span class="key"><span class="swatch swatch-zero" aria-hidden="true"></span>0%: a red mark where the bar starts</span>',
    '<span class="key">— nothing applicable</span>',
    '</p>',
  ].join('');
}

/** Wide tables scroll inside their own box, so the page itself never scrolls sideways on a narrow screen. */
function scrollable(table: string, label: string): string {
  return `<div class="scroll" role="region" aria-label="${escapeAttribute(label)}" tabindex="0">${table}</div>`;
}

function severityCell(severity: string): string {
  return `<td class="sev-${escapeAttribute(severity)}">${escapeText(severity)}</td>`;
}

function rateCell(rate: number | null): string {
  return `<td class="num band-${rateBand(rate)}">${escapeText(formatRate(rate))}</td>`;
}

function headline(report: Report): string {
  const { cases, casesWithBreaches, errors, warnings, pending } = report.summary;
  const overall = overallCompliance(report.cases);
  const assessed = report.standards.filter((s) => s.status === 'assessed').length;
  const card = (value: string, label: string, className = '') =>
    `<div class="card"><div class="value ${className}">${escapeText(value)}</div><div class="label">${escapeText(label)}</div></div>`;
  return [
    '<div class="cards">',
    card(String(cases), 'cases audited'),
    card(`${casesWithBreaches}${cases === 0 ? '' : ` (${formatRate(casesWithBreaches / cases)})`}`, 'cases with breaches'),
    card(formatRate(overall.rate), 'overall compliance', `band-${rateBand(overall.rate)}`),
    card(String(errors), 'errors', errors > 0 ? 'sev-error' : ''),
    card(String(warnings), 'warnings', warnings > 0 ? 'sev-warning' : ''),
    card(String(pending), 'pending', pending > 0 ? 'sev-pending' : ''),
    ...(report.summary.waived === undefined ? [] : [card(String(report.summary.waived), 'waived')]),
    ...(report.baseline === undefined
      ? []
      : [
          card(String(report.baseline.new), `new since ${report.baseline.asOf}`, report.baseline.new > 0 ? 'status-new' : ''),
          card(String(report.baseline.resolved.length), 'resolved', 'status-resolved'),
        ]),
    card(`${assessed} of ${report.standards.length}`, 'standards assessed'),
    ...(report.summary.partlyAssessed > 0 ? [card(String(report.summary.partlyAssessed), 'partly assessed', 'sev-warning')] : []),
    ...(report.summary.notAssessed > 0 ? [card(String(report.summary.notAssessed), 'not assessed', 'sev-warning')] : []),
    '</div>',
  ].join('\n');
}

function inputsTable(report: Report): string {
  if (report.inputs.length === 0) return '<p class="note">No input files.</p>';
  const rows = report.inputs.map(
    (input) =>
      `<tr><td class="id">${escapeText(input.table)}</td><td class="id">${escapeText(input.file)}${mappingNotes(input).map((note) => `<br><span class="note">${escapeText(note)}</span>`).join('')}</td><td class="num">${input.rows}</td><td class="num">${input.rejected}</td><td class="num">${input.keptWithRejectedCells}</td></tr>`,
  );
  return scrollable(
    [
      '<table><thead><tr><th>Table</th><th>File</th><th class="num">Rows</th><th class="num">Rejected</th><th class="num">Kept with a rejected cell</th></tr></thead><tbody>',
      ...rows,
      '</tbody></table>',
    ].join('\n'),
    'Inputs table',
  );
}

function charted(standard: StandardSummary): boolean {
  return (standard.status === 'assessed' || standard.status === 'partly-assessed') && standard.applicable > 0 && !isDataIntegrity(standard.id);
}

function standardsSection(report: Report): string {
  const bars = report.standards.filter(charted).map((standard) => ({
    label: standard.id,
    rate: standardRate(standard),
    compliant: standard.compliant,
    applicable: standard.applicable,
  }));
  const rows = report.standards.map((standard) =>
    [
      '<tr>',
      `<td class="id std">${escapeText(standard.id)}</td>`,
      `<td>${escapeText(standard.title)}</td>`,
      severityCell(standard.severity),
      `<td>${escapeText(statusLabel(standard))}</td>`,
      `<td class="num">${standard.applicable}</td>`,
      `<td class="num">${standard.compliant}</td>`,
      rateCell(standardRate(standard)),
      `<td class="num">${standard.breaches}</td>`,
      `<td class="num">${standard.pending}</td>`,
      '</tr>',
    ].join(''),
  );
  return [
    '<section id="standards"><h2>Compliance by standard</h2>',
    barChart('Compliance rate by standard', bars),
    scrollable(
      [
        '<table><thead><tr><th>Standard</th><th>Requirement</th><th>Severity</th><th>Status</th><th class="num">Applicable</th><th class="num">Compliant</th><th class="num">Rate</th><th class="num">Breaches</th><th class="num">Pending</th></tr></thead><tbody>',
        ...rows,
        '</tbody></table>',
      ].join('\n'),
      'Standards table',
    ),
    '</section>',
  ].join('\n');
}

function groupSection(report: Report, groupBy: GroupBy): string {
  const groups = complianceByGroup(report.cases, groupBy);
  const noun = groupBy === 'team' ? 'Team' : 'Worker';
  const bars = groups.map((group) => ({ label: group.group, ...group.overall }));
  const standards = distinctSorted(groups.flatMap((group) => group.byStandard.map((s) => s.standard)));
  const header = `<tr><th>Standard</th>${groups.map((group) => `<th class="num">${escapeText(group.group)}</th>`).join('')}</tr>`;
  const matrix = standards.map((standard) => {
    const cells = groups.map((group) => {
      const rate = group.byStandard.find((s) => s.standard === standard);
      if (rate === undefined) return '<td class="num band-none">—</td>';
      return `<td class="num cell-${rateBand(rate.rate)}">${escapeText(formatRate(rate.rate))} <span class="note">(${rate.compliant}/${rate.applicable})</span></td>`;
    });
    return `<tr><td class="id std">${escapeText(standard)}</td>${cells.join('')}</tr>`;
  });
  const summaryRows = groups.map(
    (group) =>
      `<tr><td class="name">${escapeText(group.group)}</td><td class="num">${group.cases}</td><td class="num">${group.casesWithBreaches}</td><td class="num">${group.overall.applicable}</td><td class="num">${group.overall.compliant}</td>${rateCell(group.overall.rate)}</tr>`,
  );
  return [
    `<section id="by-${groupBy}"><h2>Compliance by ${groupBy}</h2>`,
    `<p class="note">Share of applicable case × standard checks that complied, per ${groupBy}.</p>`,
    barChart(`Compliance rate by ${groupBy}`, bars),
    scrollable(
      [
        `<table><thead><tr><th>${noun}</th><th class="num">Cases</th><th class="num">Cases with breaches</th><th class="num">Applicable checks</th><th class="num">Compliant</th><th class="num">Rate</th></tr></thead><tbody>`,
        ...summaryRows,
        '</tbody></table>',
      ].join('\n'),
      `${noun} table`,
    ),
    standards.length === 0 ? '' : `<h3>Rate per standard and ${groupBy}</h3>`,
    standards.length === 0
      ? ''
      : scrollable(`<table><thead>${header}</thead><tbody>${matrix.join('\n')}</tbody></table>`, `Rate per standard and ${groupBy}`),
    '</section>',
  ].join('\n');
}

function filterSelect(key: string, label: string, values: readonly string[]): string {
  const options = values.map((value) => `<option value="${escapeAttribute(value)}">${escapeText(value)}</option>`);
  return `<label>${escapeText(label)}<select id="filter-${key}" data-filter="${key}"><option value="">All</option>${options.join('')}</select></label>`;
}

function statusCell(finding: ReportFinding): string {
  const status = findingStatus(finding);
  const title = finding.waiver === undefined ? '' : ` title="${escapeAttribute(waiverLine(finding.waiver))}"`;
  return `<td class="status-${status}"${title}>${escapeText(findingStatusLabel(finding))}</td>`;
}

function findingRow(finding: ReportFinding, caseAnchor: ReadonlyMap<string, string>, withStatus: boolean): string {
  const team = groupOf(finding, 'team');
  const worker = groupOf(finding, 'worker');
  const anchor = caseAnchor.get(finding.caseId);
  const caseText = escapeText(caseLabel(finding.caseId));
  const attributes = [
    ['standard', finding.standard],
    ['severity', finding.severity],
    ['team', team],
    ['worker', worker],
    ...(withStatus ? [['status', findingStatus(finding)]] : []),
  ]
    .map(([key, value]) => `data-${key}="${escapeAttribute(value ?? '')}"`)
    .join(' ');
  return [
    `<tr ${attributes}>`,
    `<td class="id">${anchor === undefined ? caseText : `<a href="#${anchor}">${caseText}</a>`}</td>`,
    `<td class="id std">${escapeText(finding.standard)}</td>`,
    severityCell(finding.severity),
    `<td class="date">${escapeText(finding.date ?? '')}</td>`,
    `<td class="date">${escapeText(finding.due ?? '')}</td>`,
    `<td class="id">${escapeText(finding.recordId ?? sourceLabel(finding))}</td>`,
    `<td class="name">${escapeText(team)}</td>`,
    `<td class="name">${escapeText(worker)}</td>`,
    `<td class="message">${escapeText(finding.message)}</td>`,
    withStatus ? statusCell(finding) : '',
    '</tr>',
  ].join('');
}

/** Rows of the findings table on one page, and the page sizes a reader can pick. */
export const FINDINGS_PAGE = 100;
const PAGE_SIZES = [FINDINGS_PAGE, 500, 2000] as const;
/** Cases on one page of the cases section. */
export const CASES_PAGE = 50;

function pager(id: string, range: string): string {
  return `<div class="pager" id="${id}-pager"><button type="button" data-step="-1">Previous</button> <span id="${id}-range">${escapeText(range)}</span> <button type="button" data-step="1">Next</button></div>`;
}

function rangeText(shown: number, total: number, noun: string): string {
  return total === 0 ? `No ${noun}` : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} 1–${shown} of ${total}`;
}

/** Says what a reader without scripts misses when a list is longer than its first page. */
function firstPageNote(shown: number, total: number, noun: string): string {
  if (total <= shown) return '';
  return `<noscript><p class="note">Scripts are off: only the first ${shown} of ${total} ${noun} are shown. The CSV, JSON and xlsx formats hold every one.</p></noscript>`;
}

function findingsSection(report: Report, caseAnchor: ReadonlyMap<string, string>): string {
  if (report.findings.length === 0) return '<section id="findings"><h2>Findings</h2><p>No breaches found.</p></section>';
  const withStatus = showsFindingStatus(report);
  const columns = ['Case', 'Standard', 'Severity', 'Date', 'Due', 'Record', 'Team', 'Worker', 'Message', ...(withStatus ? ['Status'] : [])];
  const header = columns.map((column) => `<th scope="col"><button type="button">${column}</button></th>`).join('');
  const firstPage = report.findings.slice(0, FINDINGS_PAGE);
  return [
    '<section id="findings"><h2>Findings</h2>',
    '<div class="controls">',
    '<label>Search<input id="filter-text" type="search" placeholder="case, record, message…" autocomplete="off"></label>',
    filterSelect('standard', 'Standard', distinctSorted(report.findings.map((f) => f.standard))),
    filterSelect('severity', 'Severity', distinctSorted(report.findings.map((f) => f.severity))),
    filterSelect('team', 'Team', distinctSorted(report.findings.map((f) => groupOf(f, 'team')))),
    filterSelect('worker', 'Worker', distinctSorted(report.findings.map((f) => groupOf(f, 'worker')))),
    ...(withStatus ? [filterSelect('status', 'Status', distinctSorted(report.findings.map(findingStatus)))] : []),
    `<label>Rows per page<select id="page-size">${PAGE_SIZES.map((size) => `<option value="${size}">${size}</option>`).join('')}</select></label>`,
    `<span id="findings-count" class="note" aria-live="polite">${report.findings.length} findings</span>`,
    '</div>',
    firstPageNote(firstPage.length, report.findings.length, 'findings'),
    scrollable(
      `<table id="findings-table"><thead><tr>${header}</tr></thead><tbody>${firstPage.map((finding) => findingRow(finding, caseAnchor, withStatus)).join('\n')}</tbody></table>`,
      'Findings table',
    ),
    pager('findings', rangeText(firstPage.length, report.findings.length, 'rows')),
    '</section>',
  ].join('\n');
}

function pendingSection(report: Report): string {
  if (report.pending.length === 0) return '';
  const rows = report.pending.map(
    (item) =>
      `<tr><td class="id">${escapeText(caseLabel(item.caseId))}</td><td class="id std">${escapeText(item.standard)}</td><td class="id">${escapeText(item.recordId ?? sourceLabel(item))}</td><td class="date sev-pending">${escapeText(item.due)}</td><td class="message">${escapeText(item.message)}</td></tr>`,
  );
  return [
    '<section id="pending"><h2>Pending <span class="note">(deadline not yet passed on the as-of date)</span></h2>',
    scrollable(
      [
        '<table><thead><tr><th>Case</th><th>Standard</th><th>Record</th><th>Due</th><th>Message</th></tr></thead><tbody>',
        ...rows,
        '</tbody></table>',
      ].join('\n'),
      'Pending table',
    ),
    '</section>',
  ].join('\n');
}

function evidenceList(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<ul class="evidence">${lines.map((line) => `<li>${escapeText(line)}</li>`).join('')}</ul>`;
}

function caseCounts(entry: CaseItems): string[] {
  const counted = entry.findings.filter((f) => f.waiver === undefined);
  const errors = counted.filter((f) => f.severity === 'error').length;
  const warnings = counted.length - errors;
  const waived = entry.findings.length - counted.length;
  return [
    errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
    waived > 0 ? `${waived} waived` : '',
    entry.pending.length > 0 ? `${entry.pending.length} pending` : '',
  ].filter((part) => part !== '');
}

function caseWho(entry: CaseItems): string {
  return `${groupOf(entry, 'team')} · ${groupOf(entry, 'worker')}`;
}

function caseDetails(entry: CaseItems, anchor: string, withStatus: boolean): string {
  const counts = caseCounts(entry);
  const statusTag = (finding: ReportFinding) =>
    withStatus ? ` <span class="status-${findingStatus(finding)}">[${escapeText(findingStatusLabel(finding))}]</span>` : '';
  const who = caseWho(entry);
  const items = [
    ...entry.findings.map(
      (finding) =>
        `<li><span class="sev-${escapeAttribute(finding.severity)}">${escapeText(finding.severity)}</span> <span class="id">${escapeText(finding.standard)}</span> ${escapeText(finding.date ?? '')}${finding.due === undefined ? '' : ` (due ${escapeText(finding.due)})`} <span class="id">${escapeText(finding.recordId ?? sourceLabel(finding))}</span>${statusTag(finding)}<br>${escapeText(finding.message)}${evidenceList([...(finding.source === null ? [] : [`source ${sourceLabel(finding)}`]), ...finding.evidence.map(evidenceLine)])}</li>`,
    ),
    ...entry.pending.map(
      (item) =>
        `<li><span class="sev-pending">pending</span> <span class="id">${escapeText(item.standard)}</span> due ${escapeText(item.due)} <span class="id">${escapeText(item.recordId ?? sourceLabel(item))}</span><br>${escapeText(item.message)}${evidenceList(item.evidence.map(evidenceLine))}</li>`,
    ),
  ];
  return [
    `<details id="${anchor}"><summary><span class="id">${escapeText(caseLabel(entry.caseId))}</span> · ${escapeText(who)} · ${escapeText(counts.join(', '))}</summary>`,
    `<ul>${items.join('\n')}</ul>`,
    '</details>',
  ].join('\n');
}

function casesSection(entries: readonly CaseItems[], anchors: ReadonlyMap<string, string>, report: Report): string {
  if (entries.length === 0) return '';
  const audited = new Set(report.cases.map((c) => c.caseId));
  const quiet = report.cases.length - entries.filter((entry) => audited.has(entry.caseId)).length;
  const firstPage = entries.slice(0, CASES_PAGE);
  return [
    '<section id="cases"><h2>Cases</h2>',
    `<p class="note">Cases with findings or pending deadlines; ${quiet} other audited ${quiet === 1 ? 'case has' : 'cases have'} neither.</p>`,
    firstPageNote(firstPage.length, entries.length, 'cases'),
    `<div id="cases-list" data-page-size="${CASES_PAGE}">${firstPage.map((entry) => caseDetails(entry, anchors.get(entry.caseId) ?? '', showsFindingStatus(report))).join('\n')}</div>`,
    pager('cases', rangeText(firstPage.length, entries.length, 'cases')),
    '</section>',
  ].join('\n');
}

/**
 * Every finding, pending item and case as the page's script draws them: strings once each in a table, rows as
 * lists of their positions. Nothing in it is markup; the script escapes as markup.ts does.
 */
function reportData(report: Report, entries: readonly CaseItems[]): string {
  const strings: string[] = [];
  const positions = new Map<string, number>();
  const at = (value: string): number => {
    const safe = xmlCharacters(value);
    let position = positions.get(safe);
    if (position === undefined) {
      position = strings.length;
      strings.push(safe);
      positions.set(safe, position);
    }
    return position;
  };
  // In parts, not as evidenceLine's sentence: the notes repeat where the ids do not, so each is stored once.
  const evidenceParts = (evidence: Evidence) => [at(evidence.table), at(evidence.id ?? ''), at(evidence.date ?? ''), at(evidence.note)];
  const withStatus = showsFindingStatus(report);
  const caseNumber = new Map(entries.map((entry, index) => [entry.caseId, index + 1]));
  const findingIndex = new Map(report.findings.map((finding, index) => [finding, index]));
  const pendingIndex = new Map(report.pending.map((item, index) => [item, index]));
  const findings = report.findings.map((finding) => [
    at(caseLabel(finding.caseId)),
    at(finding.standard),
    at(finding.severity),
    at(finding.date ?? ''),
    at(finding.due ?? ''),
    at(finding.recordId ?? sourceLabel(finding)),
    at(groupOf(finding, 'team')),
    at(groupOf(finding, 'worker')),
    at(finding.message),
    at(withStatus ? findingStatus(finding) : ''),
    at(findingStatusLabel(finding)),
    at(finding.waiver === undefined ? '' : waiverLine(finding.waiver)),
    finding.evidence.map(evidenceParts),
    caseNumber.get(finding.caseId) ?? 0,
    // The file once in the table, the line as a number: every finding's source is a different string.
    finding.source === null ? -1 : at(finding.source.file),
    finding.source === null ? 0 : finding.source.line,
  ]);
  const pending = report.pending.map((item) => [
    at(item.standard),
    at(item.due),
    at(item.recordId ?? sourceLabel(item)),
    at(item.message),
    item.evidence.map(evidenceParts),
  ]);
  const cases = entries.map((entry) => [
    at(caseLabel(entry.caseId)),
    at(caseWho(entry)),
    at(caseCounts(entry).join(', ')),
    entry.findings.map((finding) => findingIndex.get(finding) ?? 0),
    entry.pending.map((item) => pendingIndex.get(item) ?? 0),
  ]);
  // Inside a script element only "</script" or "<!--" could end the block early: every < (and, for a reader
  // searching the file, > & / and the two JavaScript line separators) is written as a \u escape.
  return JSON.stringify({ strings, findings, pending, cases }).replace(
    /[<>&/\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function waiverTable(
  rows: readonly { standard: string; caseId: string; recordId: string | null; expires: string; approvedBy: string; reason: string }[],
  label: string,
): string {
  const body = rows.map(
    (row) =>
      `<tr><td class="id std">${escapeText(row.standard)}</td><td class="id">${escapeText(caseLabel(row.caseId))}</td><td class="id">${escapeText(row.recordId ?? 'all records')}</td><td class="date">${escapeText(row.expires)}</td><td class="name">${escapeText(row.approvedBy)}</td><td class="message">${escapeText(row.reason)}</td></tr>`,
  );
  return scrollable(
    [
      '<table><thead><tr><th>Standard</th><th>Case</th><th>Record</th><th>Expires</th><th>Approved by</th><th>Reason</th></tr></thead><tbody>',
      ...body,
      '</tbody></table>',
    ].join('\n'),
    label,
  );
}

/** Waived findings with the waiver file's reason and approver, then expired and stale waivers for the QA team. */
function waiversSection(report: Report): string {
  if (report.waivers === undefined) return '';
  const { applied, expired, stale } = report.waivers;
  const waived = report.findings.flatMap((finding) =>
    finding.waiver === undefined ? [] : [{ ...finding, ...finding.waiver }],
  );
  const block = (heading: string, rows: readonly WaiverEntry[]) =>
    rows.length === 0 ? [] : [`<h3>${escapeText(heading)}</h3>`, waiverTable(rows, heading)];
  return [
    '<section id="waivers"><h2>Waivers</h2>',
    `<p class="note">${applied} ${applied === 1 ? 'waiver' : 'waivers'} applied to ${waived.length} ${waived.length === 1 ? 'finding' : 'findings'}; ${expired.length} expired; ${stale.length} stale. Reasons and approvers are quoted from the waiver file.</p>`,
    ...block('Waived findings', waived),
    ...block('Expired waivers (their findings count again)', expired),
    ...block('Stale waivers (no finding left to waive)', stale),
    '</section>',
  ].join('\n');
}

function baselineSection(report: Report): string {
  if (report.baseline === undefined) return '';
  const { asOf, new: added, known, resolved, notReassessed } = report.baseline;
  const rows = resolved.map(
    (item) =>
      `<tr><td class="id">${escapeText(caseLabel(item.caseId))}</td><td class="id std">${escapeText(item.standard)}</td><td class="id">${escapeText(item.recordId ?? '')}</td><td class="date">${escapeText(item.date ?? '')}</td><td class="message">${escapeText(item.message)}</td></tr>`,
  );
  const notJudged =
    notReassessed === 0 ? '' : ` ${notReassessed} earlier ${notReassessed === 1 ? 'breach was' : 'breaches were'} not re-assessed in this run.`;
  return [
    `<section id="baseline"><h2>Since the baseline of ${escapeText(asOf)}</h2>`,
    `<p class="note">${added} new, ${known} known, ${resolved.length} resolved.${escapeText(notJudged)}</p>`,
    ...(rows.length === 0
      ? []
      : [
          scrollable(
            [
              '<table><thead><tr><th>Case</th><th>Standard</th><th>Record</th><th>Date</th><th>Message</th></tr></thead><tbody>',
              ...rows,
              '</tbody></table>',
            ].join('\n'),
            'Resolved findings table',
          ),
        ]),
    '</section>',
  ].join('\n');
}

export function formatHtml(report: Report, options: FormatOptions): string {
  const entries = itemsByCase(report);
  // Element ids come from positions, never from case ids, which are data.
  const anchors = new Map(entries.map((entry, index) => [entry.caseId, `case-${index + 1}`]));
  const title = `Practice audit — as of ${report.asOf}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeText(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeText(title)}</h1>`,
    `<p class="meta">Period: ${escapeText(periodLabel(report.period))} · Region: ${escapeText(report.region)} · ${escapeText(`${report.tool.name} ${report.tool.version}`)}</p></header>`,
    '<main>',
    headline(report),
    standardsSection(report),
    // The team view always comes first; --group-by worker adds the worker view rather than replacing it.
    groupSection(report, 'team'),
    ...(groupByOf(options) === 'worker' ? [groupSection(report, 'worker')] : []),
    findingsSection(report, anchors),
    pendingSection(report),
    casesSection(entries, anchors, report),
    ...[waiversSection(report), baselineSection(report)].filter((section) => section !== ''),
    '<section id="inputs"><h2>Inputs</h2>',
    inputsTable(report),
    ...(report.skipped === undefined
      ? []
      : [`<p class="note">Skipped (not read): ${report.skipped.map(({ file, reason }) => `<span class="id">${escapeText(file)}</span> (${escapeText(reason)})`).join('; ')}</p>`]),
    ...(report.assumptions.length === 0
      ? []
      : ['<h3>Assumed by the mapping</h3><ul>', ...report.assumptions.map((a) => `<li>${escapeText(assumptionLine(a))}</li>`), '</ul>']),
    '</section>',
    '</main>',
    report.waivers === undefined
      ? '<footer>Contains case, record and worker ids, dates and the standards’ own wording only. Handle as case data.</footer>'
      : '<footer>Contains case, record and worker ids, dates, the standards’ own wording and the waiver file’s reasons and approvers only. Handle as case data.</footer>',
    ...(entries.length === 0 ? [] : [`<script type="application/json" id="report-data">${reportData(report, entries)}</script>`]),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
