// 报送情况: for the last year of the range, which bodies reported, which reported before but not this year, and
// which reports could not be told apart (unresolved identity).

import { getJson, params } from '../api.js';
import { t } from '../i18n.js';
import { chart, el, listTable, panel } from '../ui.js';

export async function render({ state, content }) {
  const year = state.to;
  const c = await getJson('/api/views/coverage' + params({ regionCode: state.region, year, limit: 500 }));
  const missingRows = c.missing.map((a) => [a.name, a.regionCode, a.lastYear]);
  const unresolvedRows = c.unresolvedReports.map((u) => [u.agencyName ?? '—', u.regionCode ?? '—', u.year ?? '—', u.missing.join(', ')]);
  const reportedRows = c.reportedAgencies.map((a) => [a.name, a.regionCode]);
  content.append(
    el('h1', { class: 'page' }, `${t('coverage')} · ${year}`),
    state.sector ? el('p', { class: 'note' }, t('sectorIgnored')) : null,
    el('div', { class: 'kpis' },
      el('div', { class: 'kpi' }, el('div', { class: 'label' }, t('reported')), el('div', { class: 'value', id: 'n-reported' }, c.reported.toLocaleString('en-US'))),
      el('div', { class: 'kpi' }, el('div', { class: 'label' }, t('notReported')), el('div', { class: 'value', id: 'n-missing' }, c.missingCount.toLocaleString('en-US'))),
      el('div', { class: 'kpi' }, el('div', { class: 'label' }, t('unresolved')), el('div', { class: 'value', id: 'n-unresolved' }, c.unresolved.toLocaleString('en-US')))),
    el('div', { class: 'grid' },
      panel('coverage-chart', t('coverage'), { rows: () => [[t('reported'), t('notReported'), t('unresolved')], [c.reported, c.missingCount, c.unresolved]] },
        chart({
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          series: [{ type: 'pie', radius: ['35%', '65%'], data: [
            { name: t('reported'), value: c.reported },
            { name: t('notReported'), value: c.missingCount },
            { name: t('unresolved'), value: c.unresolved }] }],
        }, { title: t('coverage') })),
      panel('not-reported', t('notReported'), { rows: () => [[t('agency'), 'regionCode', t('lastReported')], ...missingRows] },
        listTable([t('agency'), t('province'), t('lastReported')], missingRows, 'missing-table'))),
    el('div', { class: 'grid' },
      panel('unresolved', t('unresolved'), { rows: () => [[t('agencyName'), 'regionCode', t('year'), t('missingIdentity')], ...unresolvedRows] },
        listTable([t('agencyName'), t('province'), t('year'), t('missingIdentity')], unresolvedRows, 'unresolved-table')),
      panel('reported', t('reported'), { rows: () => [[t('agency'), 'regionCode'], ...reportedRows] },
        listTable([t('agency'), t('province')], reportedRows.slice(0, 200), 'reported-table'))));
}
