// The dashboard's shell: sign-in, the filters (region picker, years, sector), the pages' navigation, and rendering
// the page the URL's hash names.

import { ApiError, getJson, session } from './api.js';
import { label, language, setLanguage, t } from './i18n.js';
import { PAGES, readHash, toHash } from './state.js';
import { disposeCharts, el, mountCharts, showError } from './ui.js';
import * as overview from './pages/overview.js';
import * as regions from './pages/regions.js';
import * as rankings from './pages/rankings.js';
import * as coverage from './pages/coverage.js';
import * as anomalies from './pages/anomalies.js';
import * as review from './pages/review.js';
import * as report from './pages/report.js';
import * as compare from './pages/compare.js';

const RENDERERS = { overview, regions, rankings, coverage, anomalies, review, report, compare };
const NATION = '000000';
const main = document.getElementById('main');
const filters = document.getElementById('filters');

let me = null;
let metrics = null;
let sectors = [];
let generation = 0;
const regionCache = new Map();

/** The level of a region code (as the service reads it): province, city or county. */
export function levelOf(code) {
  if (!code) return 'nation';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

async function children(parent) {
  const key = parent || '';
  if (!regionCache.has(key)) regionCache.set(key, getJson('/api/regions' + (parent ? '?parent=' + parent : '')).then((r) => r.regions));
  return regionCache.get(key);
}

async function regionOf(code) {
  const key = 'one:' + code;
  if (!regionCache.has(key)) regionCache.set(key, getJson('/api/regions/' + code));
  return regionCache.get(key);
}

/** The token's scope: null for the nation (admins), else the region every question must stay under. */
function scope() {
  if (!me || me.role === 'admin' || !me.regionCode) return null;
  return me.regionCode;
}

function defaults(state) {
  const s = { ...state };
  const last = new Date().getFullYear() - 1;
  if (!s.to) s.to = String(last);
  if (!s.from) s.from = String(Number(s.to) - 9);
  if (Number(s.from) > Number(s.to)) s.from = s.to;
  if (!s.region && scope() && scope() !== NATION) s.region = scope();
  return s;
}

function signIn(why) {
  const dialog = document.getElementById('signin');
  document.getElementById('signin-title').textContent = t('signIn');
  document.getElementById('signin-why').textContent = why || t('signInWhy');
  document.getElementById('token-label').textContent = t('tokenLabel');
  document.getElementById('signin-submit').textContent = t('signIn');
  document.getElementById('signin-error').textContent = '';
  if (!dialog.open) dialog.showModal();
  document.getElementById('token-input').focus();
}

document.getElementById('signin-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = document.getElementById('token-input');
  session.signIn(input.value);
  try {
    me = await getJson('/api/tokens/me');
  } catch (e) {
    session.signOut();
    document.getElementById('signin-error').textContent = e instanceof ApiError && e.status === 401 ? t('badToken') : e.message;
    return;
  }
  input.value = '';
  document.getElementById('signin').close();
  render();
});

document.getElementById('signout').addEventListener('click', () => {
  session.signOut();
  me = null;
  metrics = null;
  main.replaceChildren();
  filters.replaceChildren();
  render();
});

document.getElementById('lang').addEventListener('click', () => {
  const state = readHash();
  state.lang = language() === 'en' ? 'zh' : 'en';
  location.hash = toHash(state);
});

function chrome(state) {
  document.getElementById('skip').textContent = t('skip');
  document.getElementById('lang').textContent = t('language');
  document.getElementById('lang').setAttribute('lang', language() === 'en' ? 'zh-CN' : 'en');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('pages'));
  nav.replaceChildren(...PAGES.map((p) => el('a', {
    href: toHash({ ...state, page: p, id: p === 'report' ? state.id : undefined }),
    'aria-current': p === state.page ? 'page' : null,
    'data-page': p,
  }, t(p))));
  const out = document.getElementById('signout');
  out.hidden = !me;
  out.textContent = t('signOut');
  document.getElementById('who').textContent = me ? `${me.name} · ${me.role}${me.regionCode ? ' · ' + me.regionCode : ''}` : '';
}

function select(id, name, options, value, disabled) {
  const s = el('select', { id, name, disabled: disabled || null },
    options.map(([v, text]) => el('option', { value: v, selected: v === value ? true : null }, text)));
  s.value = value;
  return el('label', { for: id }, t(name), s);
}

/** The filter bar for this state: region picker (province → city → county), years and sector. */
async function syncFilters(state) {
  const locked = scope();
  const code = state.region || '';
  let provinceCode = '';
  let cityCode = '';
  let countyCode = '';
  if (code) {
    const r = await regionOf(code);
    provinceCode = r.provinceCode;
    if (r.level === 'city') cityCode = r.code;
    if (r.level === 'county') { cityCode = r.cityCode || ''; countyCode = r.code; }
  }
  const lockLevel = locked && locked !== NATION ? levelOf(locked) : null;
  const provinces = await children(null);
  const provinceOptions = (locked ? [] : [['', t('nation')]]).concat(provinces.map((p) => [p.code, p.name]));
  const parts = [select('f-province', 'province', provinceOptions, provinceCode, !!lockLevel)];
  if (provinceCode) {
    const cities = await children(provinceCode);
    const lockCity = lockLevel === 'city' || lockLevel === 'county';
    parts.push(select('f-city', 'city', [['', t('all')]].concat(cities.map((c) => [c.code, c.name])), cityCode, lockCity));
    if (cityCode) {
      const counties = await children(cityCode);
      parts.push(select('f-county', 'county', [['', t('all')]].concat(counties.map((c) => [c.code, c.name])), countyCode, lockLevel === 'county'));
    }
  }
  const nextYear = new Date().getFullYear() + 1;
  const year = (id, name, value) => el('label', { for: id }, t(name),
    el('input', { id, name, type: 'number', min: 2008, max: nextYear, step: 1, value, inputmode: 'numeric' }));
  parts.push(year('f-from', 'from', state.from), year('f-to', 'to', state.to));
  parts.push(select('f-sector', 'sector', [['', t('all')]].concat(sectors.map((s) => [s.key, label(s)])), state.sector || ''));
  filters.setAttribute('aria-label', t('filters'));
  filters.replaceChildren(...parts);
}

filters.addEventListener('change', (ev) => {
  const state = readHash();
  const v = ev.target.value;
  switch (ev.target.id) {
    case 'f-province': state.region = v; break;
    case 'f-city': state.region = v || document.getElementById('f-province').value; break;
    case 'f-county': state.region = v || document.getElementById('f-city').value; break;
    case 'f-from': if (/^\d{4}$/.test(v)) state.from = v; break;
    case 'f-to': if (/^\d{4}$/.test(v)) state.to = v; break;
    case 'f-sector': state.sector = v; break;
    default: return;
  }
  if (!state.region) delete state.region;
  delete state.id;
  location.hash = toHash(defaults(state));
});
filters.addEventListener('submit', (ev) => ev.preventDefault());

/** Navigates to the current page with these changes to the state. */
function go(changes) {
  location.hash = toHash({ ...readHash(), ...changes });
}

async function render() {
  const mine = ++generation;
  const asked = readHash();
  setLanguage(asked.lang);
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.ready;
  if (!session.token()) {
    chrome(asked);
    signIn();
    return;
  }
  try {
    if (!me) me = await getJson('/api/tokens/me');
    if (!metrics) {
      const [list, s] = await Promise.all([getJson('/api/metrics'), getJson('/api/sectors')]);
      metrics = new Map(list.map((m) => [m.key, m]));
      sectors = s;
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      session.signOut();
      me = null;
      chrome(asked);
      signIn(t('badToken'));
      return;
    }
    main.replaceChildren(showError(null, e));
    return;
  }
  const state = defaults(asked);
  const hash = toHash(state);
  // the URL always shows the whole state, defaults included, so that it can be shared as it is
  if (hash !== location.hash) history.replaceState(null, '', hash);
  chrome(state);
  disposeCharts();
  main.replaceChildren(el('p', { class: 'loading' }, t('loading')));
  try {
    // the filter bar and the page's own calls go out together: a click costs the slower of the two, not their sum
    const content = el('div');
    await Promise.all([syncFilters(state), RENDERERS[state.page].render({
      state, content, metrics, me, go, levelOf,
      current: () => mine === generation,
    })]);
    if (mine !== generation) return;
    main.replaceChildren(content);
    mountCharts();
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof ApiError && e.status === 401) {
      session.signOut();
      me = null;
      signIn(t('badToken'));
      return;
    }
    main.replaceChildren(showError(null, e));
  } finally {
    if (mine === generation) {
      main.setAttribute('aria-busy', 'false');
      main.dataset.ready = toHash(state);
    }
  }
}

window.addEventListener('hashchange', render);
render();
