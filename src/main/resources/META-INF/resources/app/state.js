// The view's state lives in the URL's hash (#/page?region=…&from=…&to=…), so that a view can be shared and reloads as
// it was: the hash is read into a state, the page renders from the state, and every change writes the hash again.

export const PAGES = ['overview', 'regions', 'rankings', 'coverage', 'anomalies', 'review', 'report', 'compare'];
/** The keys the hash keeps, in the order it writes them. */
const KEYS = ['region', 'from', 'to', 'sector', 'metric', 'id', 'mode', 'a', 'b', 'lang'];

/** The state a hash says. */
export function readHash(hash = location.hash) {
  const m = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash || '');
  const page = m && PAGES.includes(m[1]) ? m[1] : 'overview';
  const state = { page };
  const params = new URLSearchParams(m && m[2] ? m[2] : '');
  for (const k of KEYS) {
    const v = params.get(k);
    if (v !== null && v !== '') state[k] = v;
  }
  for (const k of ['from', 'to']) if (state[k] && !/^\d{4}$/.test(state[k])) delete state[k];
  if (state.region && !/^\d{6}$/.test(state.region)) delete state.region;
  return state;
}

/** The hash of a state. */
export function toHash(state) {
  const params = new URLSearchParams();
  for (const k of KEYS) if (state[k] !== undefined && state[k] !== null && state[k] !== '') params.set(k, state[k]);
  const q = params.toString();
  return '#/' + state.page + (q ? '?' + q : '');
}

/** A link to a page with this state changed. */
export function link(state, changes) {
  return toHash({ ...state, ...changes });
}
