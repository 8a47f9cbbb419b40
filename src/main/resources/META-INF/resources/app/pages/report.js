// 年报: one stored report with its tables laid out as the official form (sections 二, 三, 四 of the 2019 or 2021
// format), failed cross-checks marked, and a click on any figure showing the document text it was read from.

import { getJson, params } from '../api.js';
import { formatFigure } from '../format.js';
import { label, language, t } from '../i18n.js';
import { link } from '../state.js';
import { el, listTable, panel } from '../ui.js';

/** The English half of a catalogue label "Row — Column". */
const enRow = (m) => (m.labelEn || '').split(' — ')[0];
const enCol = (m) => (m.labelEn || '').split(' — ')[1] || m.labelEn;
const rowLabel = (m) => (language() === 'en' ? enRow(m) : m.rowLabel || m.label);
const colLabel = (m, format) => (language() === 'en' ? enCol(m) : (m.columnLabels && m.columnLabels[format]) || m.label);

/** Rows of a section in catalogue order: [{row, cells: [metric]}], only the cells of this format. */
function rows(metrics, section, format) {
  const out = new Map();
  for (const m of metrics.values()) {
    if (m.section !== section || !m.column || !(m.formats || []).includes(format)) continue;
    if (!out.has(m.row)) out.set(m.row, []);
    out.get(m.row).push(m);
  }
  return [...out].map(([row, cells]) => ({ row, cells }));
}

export async function render(ctx) {
  if (!ctx.state.id) return list(ctx);
  const { state, content, metrics } = ctx;
  const r = await getJson('/api/reports/' + encodeURIComponent(state.id));
  const format = r.format === '2019' || r.format === '2021' ? r.format : null;
  const failed = (r.checks || []).filter((c) => !c.passed);
  const failedCells = new Map();
  const failedColumns = new Map();
  for (const c of failed) {
    const target = c.row ? failedCells : failedColumns;
    const key = c.row ? `${c.row}.${c.column}` : c.column;
    if (!target.has(key)) target.set(key, []);
    target.get(key).push(c);
  }
  const placed = new Set();
  const source = el('section', { class: 'panel source', id: 'source', 'aria-labelledby': 'source-title', tabindex: '-1' },
    el('h2', { id: 'source-title' }, t('source')), el('p', { class: 'note' }, t('clickFigure')));
  let documentText = null;

  const showSource = async (key, button) => {
    for (const b of content.querySelectorAll('button.fig[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', 'true');
    const f = r.figures[key];
    const m = metrics.get(key);
    const s = f.source || { kind: 'submitted' };
    const parts = [el('h2', { id: 'source-title' }, t('source')),
      el('p', {}, el('strong', {}, label(m) || key), ' = ', formatFigure(f, m && m.unit), ' ', el('span', { class: 'tag', id: 'source-kind' }, s.kind))];
    if (s.row || s.column) parts.push(el('p', { class: 'note' }, [s.row && `${t('rowLabel')}: ${s.row}`, s.column && `${t('columnLabel')}: ${s.column}`, s.page && `${t('page')} ${s.page}`].filter(Boolean).join(' · ')));
    if (s.kind === 'submitted') parts.push(el('p', { id: 'source-none' }, t('submitted')));
    else if (s.kind === 'derived') parts.push(el('p', { id: 'source-none' }, t('derivedFrom'), el('code', {}, s.text || '')));
    else if (r.documentId && Number.isInteger(s.start) && Number.isInteger(s.end)) {
      if (documentText === null) documentText = (await getJson('/api/documents/' + encodeURIComponent(r.documentId))).text;
      const from = Math.max(0, s.start - 240);
      const to = Math.min(documentText.length, s.end + 240);
      parts.push(el('pre', { id: 'source-text' }, documentText.slice(from, s.start),
        el('mark', { id: 'source-mark', 'data-start': s.start, 'data-end': s.end }, documentText.slice(s.start, s.end)),
        documentText.slice(s.end, to)));
    } else parts.push(el('p', { id: 'source-none' }, s.text ? s.text : t('noDocument')));
    if (f.note) parts.push(el('p', { class: 'note' }, f.note));
    source.replaceChildren(...parts);
    source.querySelector('mark')?.scrollIntoView({ block: 'center' });
  };

  const cell = (m, extra = {}) => {
    placed.add(m.key);
    const f = r.figures[m.key];
    const problems = failedCells.get(m.key) || failedColumns.get(m.section === 'requests' ? m.column : '__none') || [];
    const td = el('td', { 'data-cell': m.key, class: problems.length ? 'failed' : null, title: problems.map((c) => c.message).join('\n') || null, ...extra });
    if (!f) td.append('—');
    else td.append(el('button', {
      type: 'button', class: 'fig' + (f.source && f.source.kind === 'derived' ? ' derived' : ''), 'data-key': m.key, 'aria-pressed': 'false',
      'aria-label': `${label(m)}: ${formatFigure(f, m.unit)}`,
      onclick: (e) => showSource(m.key, e.currentTarget),
    }, formatFigure(f, m.unit)));
    return td;
  };

  const tables = [];
  if (format) {
    // 二、主动公开: consecutive rows with the same columns form one sub-table, as on the form
    const proactive = rows(metrics, 'proactive', format);
    const groups = [];
    for (const row of proactive) {
      const cols = row.cells.map((c) => c.column).join();
      if (groups.length && groups[groups.length - 1].cols === cols) groups[groups.length - 1].rows.push(row);
      else groups.push({ cols, rows: [row] });
    }
    tables.push(el('h3', {}, t('sectionProactive')), ...groups.map((g) => el('div', { class: 'table-wrap' }, el('table', { class: 'form-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'row' }, ''), g.rows[0].cells.map((c) => el('th', { scope: 'col' }, colLabel(c, format))))),
      el('tbody', {}, g.rows.map((row) => el('tr', {}, el('th', { scope: 'row', class: 'row' }, rowLabel(row.cells[0])), row.cells.map((c) => cell(c)))))))));

    // 三、申请: seven applicant columns, 法人或其他组织 spanning five
    const requests = rows(metrics, 'requests', format);
    const columns = requests[0].cells;
    const head = el('thead', {},
      el('tr', {}, el('th', { scope: 'col', rowspan: 2, class: 'row' }, ''), el('th', { scope: 'col', rowspan: 2, class: failedColumns.has(columns[0].column) ? 'failed' : null }, colLabel(columns[0], format)),
        el('th', { scope: 'colgroup', colspan: columns.length - 2 }, t('legalPersons')), el('th', { scope: 'col', rowspan: 2, class: failedColumns.has(columns[columns.length - 1].column) ? 'failed' : null }, colLabel(columns[columns.length - 1], format))),
      el('tr', {}, columns.slice(1, -1).map((c) => el('th', { scope: 'col', class: failedColumns.has(c.column) ? 'failed' : null }, colLabel(c, format)))));
    const body = el('tbody');
    let grouped = false;
    for (const row of requests) {
      if (!grouped && row.row.startsWith('outcome.')) {
        grouped = true;
        body.append(el('tr', { class: 'group' }, el('th', { scope: 'row', colspan: columns.length + 1 }, t('outcomeGroup'))));
      }
      const depth = row.row.split('.').length - 2;
      body.append(el('tr', {}, el('th', { scope: 'row', class: 'row' + (depth > 0 ? ' indent' : '') }, rowLabel(row.cells[0])), row.cells.map((c) => cell(c))));
    }
    tables.push(el('h3', {}, t('sectionRequests')), el('div', { class: 'table-wrap' }, el('table', { class: 'form-table', id: 'requests-table' }, head, body)));

    // 四、复议诉讼: one row of fifteen numbers
    const appeals = rows(metrics, 'appeals', format);
    const review = appeals.filter((g) => g.row === 'review');
    const litigation = appeals.filter((g) => g.row !== 'review');
    const groupName = (g) => (language() === 'en' ? enRow(g.cells[0]) : (g.cells[0].rowLabel || '').split('·').pop());
    tables.push(el('h3', {}, t('sectionAppeals')), el('div', { class: 'table-wrap' }, el('table', { class: 'form-table', id: 'appeals-table' },
      el('thead', {},
        el('tr', {}, el('th', { scope: 'colgroup', colspan: review.length ? review[0].cells.length : 0, rowspan: 2 }, t('review_')),
          el('th', { scope: 'colgroup', colspan: litigation.reduce((n, g) => n + g.cells.length, 0) }, t('litigation'))),
        el('tr', {}, litigation.map((g) => el('th', { scope: 'colgroup', colspan: g.cells.length }, groupName(g)))),
        el('tr', {}, appeals.flatMap((g) => g.cells.map((c) => el('th', { scope: 'col', class: failedCells.has(c.key) ? 'failed' : null }, colLabel(c, format)))))),
      el('tbody', {}, el('tr', {}, appeals.flatMap((g) => g.cells.map((c) => cell(c))))))));
  }
  // what no form table holds: prose figures, annex rows, figures of a narrative report
  const others = Object.keys(r.figures).filter((k) => !placed.has(k));
  if (others.length) {
    tables.push(el('h3', {}, t('otherFigures')), el('div', { class: 'table-wrap' }, el('table', { class: 'form-table', id: 'other-figures' },
      el('tbody', {}, others.map((k) => {
        const m = metrics.get(k) || { key: k, label: k };
        return el('tr', {}, el('th', { scope: 'row', class: 'row' }, label(m)), cell(m));
      })))));
  }

  const region = r.agency.region ? [r.agency.region.province, r.agency.region.city, r.agency.region.county].filter(Boolean).join(' ') : r.agency.regionCode;
  const figureRows = () => [['key', 'label', 'value', 'bound', 'source', 'row', 'column', 'start', 'end'],
    ...Object.entries(r.figures).map(([k, f]) => [k, label(metrics.get(k)), f.value, f.bound, f.source?.kind, f.source?.row, f.source?.column, f.source?.start, f.source?.end])];
  content.append(
    el('h1', { class: 'page', id: 'report-title' }, `${r.agency.name} · ${r.year ?? '—'}`),
    el('p', { class: 'note' }, [region, `${t('format')} ${r.format}`, `${t('revision')} ${r.revision}`, r.publishedOn, r.documentId ? `document ${r.documentId}` : null].filter(Boolean).join(' · '),
      r.sourceUrl ? el('span', {}, ' · ', el('a', { href: r.sourceUrl, rel: 'noreferrer noopener', target: '_blank' }, r.sourceUrl)) : null),
    el('div', { class: 'report-layout' },
      el('div', {},
        panel('report-tables', t('report'), { rows: figureRows }, ...tables),
        panel('report-checks', `${t('checksFailed')} (${failed.length})`, null,
          failed.length ? el('ul', { class: 'checks', id: 'failed-checks' }, failed.map((c) => el('li', { 'data-rule': c.rule },
            el('span', { class: 'tag bad' }, c.rule), ' ', c.message || `${t('expected')} ${c.expected}, ${t('actual')} ${c.actual}`))) : el('p', {}, '—')),
        (r.missing || []).length ? panel('report-missing', `${t('missingCells')} (${r.missing.length})`, null, el('p', { class: 'note' }, r.missing.join(' · '))) : null),
      source));
}

/** Without an id: the reports of the region and year, to pick one. */
async function list({ state, content }) {
  const page = await getJson('/api/reports' + params({ regionCode: state.region, year: state.to, limit: 100 }));
  const rowsOf = page.items.map((i) => [
    el('a', { href: link(state, { id: i.id }), 'data-report': i.id }, i.agency.name), i.agency.regionCode, i.year ?? '—', i.format,
    i.revision, i.failedChecks, i.documentId ? '✓' : '']);
  content.append(el('h1', { class: 'page' }, `${t('reports')} · ${state.to}`),
    panel('report-list', `${t('reports')} (${page.total})`, {
      rows: () => [['id', 'agency', 'regionCode', 'year', 'format', 'revision', 'failedChecks', 'documentId'],
        ...page.items.map((i) => [i.id, i.agency.name, i.agency.regionCode, i.year, i.format, i.revision, i.failedChecks, i.documentId])],
    }, listTable([t('agency'), t('province'), t('year'), t('format'), t('revision'), t('checksFailed'), 'document'], rowsOf, 'reports-table')));
}
