// Small DOM builders shared by the pages: elements, panels with export buttons, result tables, charts.

import { ApiError, downloadExport, saveBlob } from './api.js';
import { formatCell } from './format.js';
import { label, t } from './i18n.js';

/** An element with attributes (on* are listeners) and children (strings become text, never HTML). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** A panel: a heading, export buttons when it has something to export, and its content. */
export function panel(id, title, exporter, ...content) {
  const buttons = exporter ? exportButtons(id, exporter) : null;
  return el('section', { class: 'panel', id, 'aria-labelledby': id + '-title' },
    el('h2', {}, el('span', { id: id + '-title' }, title), buttons), ...content);
}

/**
 * CSV and XLSX buttons. {query} exports through POST /api/exports with the panel's own query body; {comparison}
 * through POST /api/exports/comparison; {rows} (lists that are no query: coverage, anomalies) as a CSV made here.
 */
function exportButtons(id, exporter) {
  const box = el('span', { class: 'exports', role: 'group', 'aria-label': t('exportLabel') });
  const formats = exporter.rows ? ['csv'] : ['csv', 'xlsx'];
  for (const format of formats) {
    box.append(el('button', {
      type: 'button',
      'data-export': format,
      'aria-label': `${t('exportLabel')} ${format.toUpperCase()}`,
      onclick: async (ev) => {
        const button = ev.currentTarget;
        button.disabled = true;
        try {
          if (exporter.query) await downloadExport('/api/exports?format=' + format, exporter.query(), `${id}.${format}`);
          else if (exporter.comparison) await downloadExport('/api/exports/comparison?format=' + format, exporter.comparison(), `${id}.${format}`);
          else saveBlob(csvBlob(exporter.rows()), `${id}.csv`);
        } catch (e) {
          showError(button.closest('section'), e);
        } finally {
          button.disabled = false;
        }
      },
    }, format.toUpperCase()));
  }
  return box;
}

/** RFC 4180 CSV, UTF-8 with a BOM, text that a spreadsheet would run as a formula prefixed with ' (as the server does). */
export function csvBlob(rows) {
  const quote = (v) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
  };
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' });
}

export function showError(where, e) {
  const msg = e instanceof ApiError && e.status === 403 ? `${t('forbidden')}: ${e.message}` : `${t('error')}: ${e.message}`;
  const p = el('p', { class: 'error', role: 'alert' }, msg);
  if (where) where.append(p);
  return p;
}

/**
 * A query answer as a table: every column but codes and ids, labels in the current language; each cell carries its
 * column key and the row's index so that a reader (or a test) can find it.
 */
export function resultTable(result, { hide = [], rowFilter = () => true, linkRow } = {}) {
  const shown = result.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !/(Code|Id)$/.test(c.key) && !hide.includes(c.key));
  const head = el('tr', {}, shown.map(({ c }) => el('th', { scope: 'col', class: c.type === 'string' || c.key === 'year' ? 'row' : null }, label(c))));
  const body = el('tbody');
  result.rows.forEach((row, r) => {
    if (!rowFilter(row)) return;
    const tr = el('tr', { 'data-row': r });
    for (const { c, i } of shown) {
      const text = c.type === 'string' || c.key === 'year'
        ? (row[i] === null ? t('seatedHere') : String(row[i]))
        : formatCell(row[i], c.type);
      const content = linkRow && c.type === 'string' && linkRow(row) ? el('a', { href: linkRow(row) }, text) : text;
      tr.append(el(c.type === 'string' || c.key === 'year' ? 'th' : 'td',
        { 'data-key': c.key, class: c.type === 'string' || c.key === 'year' ? 'row' : null, scope: c.type === 'string' || c.key === 'year' ? 'row' : null }, content));
    }
    body.append(tr);
  });
  return el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), body));
}

/** A plain table of rows of text (lists that are no query). */
export function listTable(headers, rows, id) {
  return el('div', { class: 'table-wrap' }, el('table', { id },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', class: 'row' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', { class: 'row' }, c)))))));
}

const charts = new Set();
const observers = new Set();
let pending = [];

/** An ECharts chart in a new element, drawn by {@link mountCharts} once the page is on screen. */
export function chart(option, { tall = false, title = '' } = {}) {
  const div = el('div', { class: tall ? 'chart tall' : 'chart', role: 'img', 'aria-label': title });
  pending.push({ div, option });
  return div;
}

/** Draws the charts of the page just put on screen (ECharts needs their size). */
export function mountCharts() {
  const now = pending;
  pending = [];
  if (!window.echarts) return;
  for (const { div, option } of now) {
    if (!div.isConnected) continue;
    const c = window.echarts.init(div);
    c.setOption({ animation: false, ...option });
    charts.add(c);
    const o = new ResizeObserver(() => c.resize());
    o.observe(div);
    observers.add(o);
  }
}

/** Forgets the charts of the page being left. */
export function disposeCharts() {
  for (const o of observers) o.disconnect();
  observers.clear();
  for (const c of charts) c.dispose();
  charts.clear();
  pending = [];
}

/** The index of a column in a query answer. */
export const col = (result, key) => result.columns.findIndex((c) => c.key === key);
