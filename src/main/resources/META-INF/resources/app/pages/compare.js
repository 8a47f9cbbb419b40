// 对比: two years of one region, or two regions in one year, side by side, with the difference.

import { getJson, query } from '../api.js';
import { formatCell, points, valueOf } from '../format.js';
import { label, t } from '../i18n.js';
import { chart, col, el, panel } from '../ui.js';
import { filtersOf } from './common.js';

export const METRICS = ['proactive.items_published', 'requests.new.total', 'outcome.granted.total', 'outcome.partial.total',
  'outcome.denied.total', 'outcome.unavailable.total', 'outcome.total.total', 'review.total', 'rate.grant', 'rate.refusal',
  'rate.review_correction'];

/** The two sides' queries: {a, b, titles}. */
export function compareQueries(state) {
  if (state.mode === 'regions') {
    const year = Number(state.to);
    const b = { ...state, region: state.b || state.region };
    return {
      a: { metrics: METRICS, groupBy: ['year'], filters: filtersOf(state, [year, year]) },
      b: { metrics: METRICS, groupBy: ['year'], filters: filtersOf(b, [year, year]) },
    };
  }
  const ya = Number(state.a || state.from);
  const yb = Number(state.b || state.to);
  return {
    a: { metrics: METRICS, groupBy: ['year'], filters: filtersOf(state, [ya, ya]) },
    b: { metrics: METRICS, groupBy: ['year'], filters: filtersOf(state, [yb, yb]) },
  };
}

async function regionName(code) {
  if (!code) return t('nation');
  return (await getJson('/api/regions/' + code)).name;
}

export async function render({ state, content, metrics, go }) {
  const mode = state.mode === 'regions' ? 'regions' : 'years';
  let siblings = [];
  let bRegion = state.b;
  if (mode === 'regions') {
    // region B among the siblings of the region picked (the provinces when it is the nation or a province)
    const here = state.region ? await getJson('/api/regions/' + state.region) : null;
    const parent = here ? (here.level === 'province' ? null : here.level === 'city' ? here.provinceCode : here.cityCode) : null;
    siblings = (await getJson('/api/regions' + (parent ? '?parent=' + parent : ''))).regions;
    if (!bRegion || !/^\d{6}$/.test(bRegion)) bRegion = (siblings.find((s) => s.code !== state.region) || {}).code;
  }
  const q = compareQueries({ ...state, mode, b: mode === 'regions' ? bRegion : state.b });
  const [ra, rb] = await Promise.all([query(q.a), query(q.b)]);
  let titleA;
  let titleB;
  const controls = el('div', { class: 'controls' });
  const modeSelect = el('select', { id: 'compare-mode', onchange: (e) => go({ mode: e.target.value, a: undefined, b: undefined }) },
    el('option', { value: 'years', selected: mode === 'years' ? true : null }, t('twoYears')),
    el('option', { value: 'regions', selected: mode === 'regions' ? true : null }, t('twoRegions')));
  modeSelect.value = mode;
  controls.append(el('label', { for: 'compare-mode' }, t('mode'), modeSelect));
  if (mode === 'years') {
    titleA = String(q.a.filters.years[0]);
    titleB = String(q.b.filters.years[0]);
    const year = (id, name, value, key) => el('label', { for: id }, t(name), el('input', {
      id, type: 'number', min: 2008, max: new Date().getFullYear() + 1, value,
      onchange: (e) => /^\d{4}$/.test(e.target.value) && go({ [key]: e.target.value }),
    }));
    controls.append(year('compare-a', 'yearA', titleA, 'a'), year('compare-b', 'yearB', titleB, 'b'));
  } else {
    const bCode = q.b.filters.regionCode || '';
    const chooser = el('select', { id: 'compare-b-region', onchange: (e) => go({ b: e.target.value }) },
      siblings.map((s) => el('option', { value: s.code, selected: s.code === bCode ? true : null }, s.name)));
    chooser.value = bCode;
    controls.append(el('label', { for: 'compare-b-region' }, t('regionB'), chooser));
    [titleA, titleB] = await Promise.all([regionName(state.region), regionName(q.b.filters.regionCode)]);
    titleA += ' ' + state.to;
    titleB += ' ' + state.to;
  }
  const rowA = ra.rows[0] || [];
  const rowB = rb.rows[0] || [];
  const body = el('tbody');
  const counts = [];
  for (const key of METRICS) {
    const ia = col(ra, key);
    const c = ra.columns[ia];
    const va = valueOf(rowA[ia]);
    const vb = valueOf(rowB[col(rb, key)]);
    const diff = va === null || vb === null ? null : vb - va;
    if (c.type !== 'rate') counts.push({ key, va, vb });
    body.append(el('tr', { 'data-metric': key },
      el('th', { scope: 'row', class: 'row' }, label(metrics.get(key))),
      el('td', { 'data-side': 'a' }, formatCell(rowA[ia] ?? null, c.type)),
      el('td', { 'data-side': 'b' }, formatCell(rowB[col(rb, key)] ?? null, c.type)),
      el('td', { 'data-side': 'diff' }, c.type === 'rate' ? points(diff) : formatCell(diff, c.type))));
  }
  content.append(
    el('h1', { class: 'page' }, `${t('compare')}: ${titleA} ↔ ${titleB}`),
    controls,
    el('div', { class: 'grid' },
      panel('compare-a', `A · ${titleA}`, { query: () => q.a },
        el('div', { class: 'table-wrap' }, el('table', { id: 'compare-table' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'row' }, t('metric')), el('th', { scope: 'col' }, `A · ${titleA}`),
            el('th', { scope: 'col' }, `B · ${titleB}`), el('th', { scope: 'col' }, t('difference')))), body))),
      panel('compare-b', `B · ${titleB}`, { query: () => q.b }, chart({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 150, bottom: 40 },
        yAxis: { type: 'category', data: counts.map((c) => label(metrics.get(c.key))).reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
        xAxis: { type: 'value' },
        series: [
          { type: 'bar', name: 'A · ' + titleA, data: counts.map((c) => c.va).reverse() },
          { type: 'bar', name: 'B · ' + titleB, data: counts.map((c) => c.vb).reverse() },
        ],
      }, { tall: true, title: t('compare') }))));
}
