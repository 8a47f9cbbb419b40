// Numbers as the dashboard prints them: counts with separators, 万元 with up to four places, rates as percentages,
// bounds as ≥ (at least) and ≈ (approximately), a missing figure as —.

const BOUND_SIGN = { at_least: '≥', approximately: '≈' };

/** The plain number of a result cell (a number, {value, bound}, or null). */
export function valueOf(cell) {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object') return cell.value === null || cell.value === undefined ? null : Number(cell.value);
  return Number(cell);
}

export function boundOf(cell) {
  return cell && typeof cell === 'object' ? cell.bound || null : null;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A cell of a column of this type (integer, decimal, rate) as text. */
export function formatCell(cell, type) {
  const v = valueOf(cell);
  if (v === null || Number.isNaN(v)) return '—';
  const sign = BOUND_SIGN[boundOf(cell)] || '';
  if (type === 'rate') return sign + percent(v);
  if (type === 'change') return change(v);
  if (type === 'pp') return points(v);
  if (type === 'decimal') return sign + decimal.format(v);
  return sign + integer.format(v);
}

export function percent(v, digits = 1) {
  return v === null || v === undefined || Number.isNaN(v) ? '—' : (v * 100).toFixed(digits) + '%';
}

/** A relative change (0.12 → +12.0%). */
export function change(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return (v > 0 ? '+' : v < 0 ? '−' : '±') + Math.abs(v * 100).toFixed(1) + '%';
}

/** A change of a rate in percentage points (0.031 → +3.1 pp). */
export function points(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return (v > 0 ? '+' : v < 0 ? '−' : '±') + Math.abs(v * 100).toFixed(1) + ' pp';
}

/** A figure of a stored report ({value, bound}). */
export function formatFigure(figure, unit) {
  if (!figure) return '—';
  return formatCell({ value: figure.value, bound: figure.bound === 'exact' ? null : figure.bound },
    unit === '10k_yuan' ? 'decimal' : 'integer');
}
