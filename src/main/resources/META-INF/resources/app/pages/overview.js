// 总览: items published, requests and their outcomes, and the rates, per year for the region and years picked.

import { query } from '../api.js';
import { change, points, formatCell, valueOf } from '../format.js';
import { label, t } from '../i18n.js';
import { chart, col, el, panel, resultTable } from '../ui.js';
import { filtersOf, overviewTemplate } from './common.js';

const OUTCOMES = ['outcome.granted.total', 'outcome.partial.total', 'outcome.denied.total', 'outcome.unavailable.total',
  'outcome.not_processed.total', 'outcome.other.total'];
const RATES = ['rate.grant', 'rate.refusal', 'rate.review_correction'];

/** The overview's query for a state: the template's metrics with the state's filters (see overview.json). */
export async function overviewQuery(state) {
  const tpl = await overviewTemplate();
  const from = Math.max(2008, Number(state.from) - 1);
  return { ...tpl.series, filters: filtersOf(state, [from, Number(state.to)]) };
}

/** The answer with a change in percentage points beside each rate (the engine gives no change of a rate). */
function withRateChanges(result) {
  const columns = [...result.columns];
  const add = [];
  for (const key of RATES) {
    const i = col(result, key);
    if (i < 0) continue;
    const c = result.columns[i];
    columns.push({ key: 'pp:' + key, label: c.label + '·同比变化（百分点）', labelEn: c.labelEn + ' — change (pp)', type: 'pp' });
    add.push(i);
  }
  const rows = result.rows.map((row, r) => {
    const prev = r > 0 && result.rows[r - 1][0] === row[0] - 1 ? result.rows[r - 1] : null;
    return [...row, ...add.map((i) => {
      const a = valueOf(row[i]);
      const b = prev ? valueOf(prev[i]) : null;
      return a === null || b === null ? null : a - b;
    })];
  });
  return { ...result, columns, rows };
}

export async function render({ state, content, metrics }) {
  const body = await overviewQuery(state);
  const raw = await query(body);
  const result = withRateChanges(raw);
  const from = Number(state.from);
  const shown = result.rows.filter((r) => r[0] >= from);
  const years = shown.map((r) => String(r[0]));
  const series = (key) => shown.map((r) => valueOf(r[col(result, key)]));
  const name = (key) => label(metrics.get(key));
  const last = shown[shown.length - 1];

  const kpi = (key, changeKey, kind) => {
    const i = col(result, key);
    const v = last ? last[i] : null;
    const c = last && changeKey ? valueOf(last[col(result, changeKey)]) : null;
    return el('div', { class: 'kpi', 'data-kpi': key },
      el('div', { class: 'label' }, name(key), last ? ` (${last[0]})` : ''),
      el('div', { class: 'value', 'data-key': key }, formatCell(v, result.columns[i].type)),
      el('div', { class: 'change ' + (c > 0 ? 'up' : c < 0 ? 'down' : ''), 'data-key': changeKey || '' },
        t('yoy') + ' ', kind === 'pp' ? points(c) : change(c)));
  };

  content.append(
    el('h1', { class: 'page' }, t('overview')),
    el('p', { class: 'note', id: 'coverage-note' },
      `${t('coverageOf')}: ${raw.coverage.reports.toLocaleString('en-US')} ${t('reportsN')}, ${raw.coverage.agencies.toLocaleString('en-US')} ${t('agenciesN')}`),
    el('div', { class: 'kpis' },
      kpi('proactive.items_published', 'yoy:proactive.items_published'),
      kpi('requests.new.total', 'yoy:requests.new.total'),
      ...RATES.map((k) => kpi(k, 'pp:' + k, 'pp'))),
    el('div', { class: 'grid' },
      panel('items-published', t('itemsPublished'), { query: () => body }, chart({
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', name: name('proactive.items_published'), data: series('proactive.items_published') }],
      }, { title: t('itemsPublished') })),
      panel('requests-outcomes', t('requestsOutcomes'), { query: () => body }, chart({
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { bottom: 60 },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value' },
        series: [
          ...OUTCOMES.map((k) => ({ type: 'bar', stack: 'outcomes', name: name(k), data: series(k) })),
          { type: 'line', name: name('requests.new.total'), data: series('requests.new.total') },
        ],
      }, { title: t('requestsOutcomes') })),
      panel('rates', t('rates'), { query: () => body }, chart({
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%') },
        legend: { bottom: 0 },
        grid: { bottom: 50 },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
        series: RATES.map((k) => ({ type: 'line', name: name(k), data: series(k), connectNulls: false })),
      }, { title: t('rates') }))),
    panel('per-year', t('perYear'), { query: () => body },
      resultTable(result, { rowFilter: (r) => r[0] >= from })));
}
