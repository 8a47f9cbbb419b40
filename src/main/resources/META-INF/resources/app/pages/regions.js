// 下级地区: how requests were answered in each region one level below the one picked, for the last year of the range,
// sorted (bars) by the metric chosen.

import { query } from '../api.js';
import { formatCell, valueOf } from '../format.js';
import { label, t } from '../i18n.js';
import { link } from '../state.js';
import { chart, col, el, panel, resultTable } from '../ui.js';
import { filtersOf, levelBelow } from './common.js';

export const METRICS = ['requests.new.total', 'outcome.granted.total', 'outcome.partial.total', 'outcome.denied.total',
  'outcome.unavailable.total', 'outcome.not_processed.total', 'outcome.other.total', 'outcome.total.total',
  'rate.grant', 'rate.refusal'];

export function regionsQuery(state, levelOf) {
  const sort = METRICS.includes(state.metric) ? state.metric : 'requests.new.total';
  const year = Number(state.to);
  return {
    metrics: METRICS,
    groupBy: [levelBelow(state, levelOf)],
    filters: filtersOf(state, [year, year]),
    order: [{ by: sort, dir: 'desc' }],
    limit: 1000,
  };
}

export async function render({ state, content, metrics, go, levelOf }) {
  const body = regionsQuery(state, levelOf);
  const sort = body.order[0].by;
  const level = body.groupBy[0];
  const result = await query(body);
  const nameAt = col(result, level);
  const codeAt = col(result, level === 'agency' ? 'agencyId' : level + 'Code');
  const sortAt = col(result, sort);
  const type = result.columns[sortAt].type;
  const names = result.rows.map((r) => r[nameAt] ?? t('seatedHere'));
  const sortSelect = el('select', { id: 'sort-metric', onchange: (e) => go({ metric: e.target.value }) },
    METRICS.map((k) => el('option', { value: k, selected: k === sort ? true : null }, label(metrics.get(k)))));
  sortSelect.value = sort;
  content.append(
    el('h1', { class: 'page' }, `${t('outcomesBy')} · ${state.to}`),
    el('div', { class: 'controls' }, el('label', { for: 'sort-metric' }, t('sortBy'), sortSelect)),
    panel('outcomes-by-region', `${label(metrics.get(sort))} · ${t(level === 'agency' ? 'agency' : level)}`, { query: () => body },
      chart({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatCell(v, type) },
        grid: { left: 140, right: 30 },
        yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 130, overflow: 'truncate' } },
        xAxis: { type: 'value', axisLabel: type === 'rate' ? { formatter: (v) => (v * 100).toFixed(0) + '%' } : {} },
        series: [{ type: 'bar', name: label(metrics.get(sort)), data: result.rows.map((r) => valueOf(r[sortAt])).reverse() }],
      }, { tall: result.rows.length > 12, title: label(metrics.get(sort)) }),
      resultTable(result, {
        linkRow: level === 'agency' ? null : (r) => (r[codeAt] ? link(state, { region: r[codeAt] }) : null),
      })));
}
