// 异常: reports whose own arithmetic fails (勾稽关系), and 上年结转 counts that are not last year's 结转下年度; the
// review queue, where the service has one, on its own page.

import { getJson, params } from '../api.js';
import { t } from '../i18n.js';
import { link } from '../state.js';
import { chart, el, listTable, panel } from '../ui.js';

export async function render({ state, content }) {
  const year = state.to;
  const a = await getJson('/api/views/anomalies' + params({ regionCode: state.region, year, limit: 500 }));
  const reportLink = (id, text) => el('a', { href: link(state, { page: 'report', id }), 'data-report': id }, text);
  const failedRows = a.failedChecks.flatMap((r) => r.failed.map((c) => [
    reportLink(r.reportId, r.agency), r.regionCode, r.year, c.rule, c.column ?? '', c.expected ?? '', c.actual ?? '']));
  const failedCsv = a.failedChecks.flatMap((r) => r.failed.map((c) => [
    r.reportId, r.agency, r.regionCode, r.year, c.rule, c.row ?? '', c.column ?? '', c.expected ?? '', c.actual ?? '', c.message ?? '']));
  const breakRows = a.chainBreaks.map((b) => [reportLink(b.reportId, b.agency), b.regionCode, b.year, b.column, b.carriedOver, b.previousCarriedForward]);
  const byRule = new Map();
  for (const r of a.failedChecks) for (const c of r.failed) byRule.set(c.rule, (byRule.get(c.rule) || 0) + 1);
  content.append(
    el('h1', { class: 'page' }, `${t('anomalies')} · ${year}`),
    state.sector ? el('p', { class: 'note' }, t('sectorIgnored')) : null,
    el('p', {}, el('a', { href: link(state, { page: 'review' }), id: 'review-link' }, t('reviewLink'))),
    el('div', { class: 'grid' },
      panel('checks-by-rule', t('by'), { rows: () => [[t('rule'), t('count')], ...byRule] }, chart({
        tooltip: { trigger: 'axis' },
        grid: { left: 160 },
        yAxis: { type: 'category', data: [...byRule.keys()] },
        xAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: [...byRule.values()] }],
      }, { title: t('by') })),
      panel('chain-breaks', t('chainBreaks'), {
        rows: () => [['reportId', t('agency'), 'regionCode', t('year'), t('column'), t('carriedOver'), t('previousForward')],
          ...a.chainBreaks.map((b) => [b.reportId, b.agency, b.regionCode, b.year, b.column, b.carriedOver, b.previousCarriedForward])],
      }, listTable([t('agency'), t('province'), t('year'), t('column'), t('carriedOver'), t('previousForward')], breakRows, 'breaks-table'))),
    panel('failed-checks', `${t('failedChecks')} (${a.failedChecks.length})`, {
      rows: () => [['reportId', t('agency'), 'regionCode', t('year'), t('rule'), 'row', t('column'), t('expected'), t('actual'), t('message')], ...failedCsv],
    }, listTable([t('agency'), t('province'), t('year'), t('rule'), t('column'), t('expected'), t('actual')], failedRows, 'failed-table')));
}
