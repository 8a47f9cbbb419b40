// 机关排名: the agencies under the region, ranked by one metric, with the grant and refusal rates beside the counts.

import { query } from '../api.js';
import { formatCell, valueOf } from '../format.js';
import { label, t } from '../i18n.js';
import { chart, col, el, panel, resultTable } from '../ui.js';
import { filtersOf } from './common.js';

export const RANKED = ['requests.new.total', 'outcome.total.total', 'outcome.denied.total', 'review.total',
  'proactive.items_published', 'rate.grant', 'rate.refusal'];
const BESIDE = ['requests.new.total', 'outcome.total.total', 'rate.grant', 'rate.refusal'];

export function rankingsQuery(state) {
  const by = RANKED.includes(state.metric) ? state.metric : 'requests.new.total';
  const year = Number(state.to);
  const metrics = [by, ...BESIDE.filter((k) => k !== by)];
  return { metrics, groupBy: ['agency'], filters: filtersOf(state, [year, year]), order: [{ by, dir: 'desc' }], limit: 20 };
}

export async function render({ state, content, metrics, go }) {
  const body = rankingsQuery(state);
  const by = body.metrics[0];
  const result = await query(body);
  const byAt = col(result, by);
  const rateKey = by.startsWith('rate.') ? 'requests.new.total' : 'rate.grant';
  const rateAt = col(result, rateKey);
  const names = result.rows.map((r) => r[col(result, 'agency')]);
  const chooser = el('select', { id: 'rank-metric', onchange: (e) => go({ metric: e.target.value }) },
    RANKED.map((k) => el('option', { value: k, selected: k === by ? true : null }, label(metrics.get(k)))));
  chooser.value = by;
  const byType = result.columns[byAt].type;
  const rateType = result.columns[rateAt].type;
  content.append(
    el('h1', { class: 'page' }, `${t('rankings')} · ${state.to}`),
    el('div', { class: 'controls' }, el('label', { for: 'rank-metric' }, t('rankBy'), chooser)),
    panel('agency-ranking', `${t('topN')} ${body.limit} · ${label(metrics.get(by))}`, { query: () => body },
      chart({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 170, right: 50, bottom: 40 },
        yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 160, overflow: 'truncate' } },
        xAxis: [{ type: 'value', position: 'bottom' }, { type: 'value', position: 'top', min: 0,
          max: rateType === 'rate' ? 1 : null, axisLabel: rateType === 'rate' ? { formatter: (v) => (v * 100).toFixed(0) + '%' } : {} }],
        series: [
          { type: 'bar', name: label(metrics.get(by)), xAxisIndex: 0, data: result.rows.map((r) => valueOf(r[byAt])).reverse(),
            tooltip: { valueFormatter: (v) => formatCell(v, byType) } },
          { type: 'scatter', name: label(metrics.get(rateKey)), xAxisIndex: 1, data: result.rows.map((r) => valueOf(r[rateAt])).reverse(),
            tooltip: { valueFormatter: (v) => formatCell(v, rateType) } },
        ],
      }, { tall: true, title: label(metrics.get(by)) }),
      resultTable(result)));
}
