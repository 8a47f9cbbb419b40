// 审核队列: GET /api/review (the review issue's queue) when the service has it; a plain note when it answers 404.

import { ApiError, getJson, params } from '../api.js';
import { t } from '../i18n.js';
import { link } from '../state.js';
import { el, listTable, panel } from '../ui.js';

const text = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function render({ state, content }) {
  content.append(el('h1', { class: 'page' }, t('reviewQueue')));
  let queue;
  try {
    queue = await getJson('/api/review' + params({ regionCode: state.region, year: state.to }));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
      content.append(el('p', { class: 'note', id: 'review-missing' }, t('reviewMissing')),
        el('p', {}, el('a', { href: link(state, { page: 'anomalies' }) }, t('anomalies'))));
      return;
    }
    throw e;
  }
  // the queue's shape belongs to the review issue: show its items' fields as they come
  const items = Array.isArray(queue) ? queue : queue.items || [];
  const keys = [...new Set(items.flatMap((i) => Object.keys(i)))].slice(0, 8);
  const rows = items.map((i) => keys.map((k) => (k === 'reportId' && i[k]
    ? el('a', { href: link(state, { page: 'report', id: i[k] }) }, text(i[k])) : text(i[k]))));
  if (queue.counts) content.append(el('p', { class: 'note' }, Object.entries(queue.counts).map(([k, v]) => `${k}: ${v}`).join(' · ')));
  content.append(panel('review-items', `${t('items')} (${items.length})`,
    { rows: () => [keys, ...items.map((i) => keys.map((k) => text(i[k])))] }, listTable(keys, rows, 'review-table')));
}
