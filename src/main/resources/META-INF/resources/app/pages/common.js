// What several pages share: the filters of a query from the state, and the group level below a region.

/** Query filters from the state: the region when one is picked, years and sector. */
export function filtersOf(state, years = [Number(state.from), Number(state.to)]) {
  const f = { years };
  if (state.region) f.regionCode = state.region;
  if (state.sector) f.sector = state.sector;
  return f;
}

/** The level one below the state's region: nation → province → city → county → agency. */
export function levelBelow(state, levelOf) {
  return { nation: 'province', province: 'city', city: 'county', county: 'agency' }[levelOf(state.region)];
}

/** The overview's query template (app/overview.json), fetched once. */
let template = null;
export async function overviewTemplate() {
  if (!template) template = fetch('/app/overview.json').then((r) => r.json());
  return template;
}
