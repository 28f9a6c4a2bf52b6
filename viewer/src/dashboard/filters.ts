import type { FilterSpec } from '../api/types';

/**
 * A filter control's value as the agent reads it (docs/agent.md, "Filters"): select one option, multiselect
 * several, range `from..to` (plain decimals), date a preset name or `from..to` dates. `undefined` sends
 * nothing, so the agent applies the filter's own default.
 */
export type FilterValue = string | string[] | undefined;
export type FilterValues = Record<string, FilterValue>;

/** The agent's date presets, in the order the control offers them. */
export const DATE_PRESETS: { value: string; label: string }[] = [
  { value: 'today', label: 'Today' },
  { value: 'yesterday', label: 'Yesterday' },
  { value: 'last_7_days', label: 'Last 7 days' },
  { value: 'last_30_days', label: 'Last 30 days' },
  { value: 'last_90_days', label: 'Last 90 days' },
  { value: 'this_month', label: 'This month' },
  { value: 'last_12_months', label: 'Last 12 months' },
  { value: 'this_year', label: 'This year' },
  { value: 'last_year', label: 'Last year' },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Each filter starts at its configured default (a select without one at its first option, so its query can run). */
export function initialValues(filters: FilterSpec[]): FilterValues {
  const values: FilterValues = {};
  for (const filter of filters) {
    const fallback = filter.type === 'select' && filter.options?.length ? filter.options[0] : undefined;
    const value = filter.default ?? fallback;
    if (value === undefined) {
      values[filter.field] = undefined;
    } else if (filter.type === 'multiselect') {
      values[filter.field] = (Array.isArray(value) ? value : [value]).map(String);
    } else {
      values[filter.field] = Array.isArray(value) ? value.map(String)[0] : String(value);
    }
  }
  return values;
}

/** `from..to` for a range or date filter; `undefined` while either end is missing or not of its kind. */
export function between(type: 'range' | 'date', from: string, to: string): string | undefined {
  const shape = type === 'date' ? ISO_DATE : DECIMAL;
  const a = from.trim();
  const b = to.trim();
  return shape.test(a) && shape.test(b) ? `${a}..${b}` : undefined;
}

/** The two ends of a `from..to` value, empty when the value is a preset or unset. */
export function ends(value: FilterValue): [string, string] {
  if (typeof value !== 'string' || !value.includes('..')) {
    return ['', ''];
  }
  const [from, to] = value.split('..', 2);
  return [from, to];
}

/**
 * The query string a widget's rows are fetched with: only its own filters, in their configured order, each
 * value it holds (a multiselect repeats its field), nothing for an unset one. Unknown names in `values`
 * are dropped: the agent refuses a parameter that is not one of the widget's filters.
 */
export function filterQuery(filters: FilterSpec[], values: FilterValues): string {
  const query = new URLSearchParams();
  for (const filter of filters) {
    const value = values[filter.field];
    if (value === undefined || value === '') {
      continue;
    }
    const list = Array.isArray(value) ? value : [value];
    // One value for every kind but multiselect: a second would be refused by the agent.
    if (filter.type !== 'multiselect' && list.length !== 1) {
      continue;
    }
    list.forEach((one) => query.append(filter.field, one));
  }
  return query.toString();
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\}/g;

/**
 * The clicked point's fields a drilldown query takes: exactly its placeholders that are not the widget's
 * filters (the agent refuses any other parameter). A placeholder the point lacks is left out, so the
 * agent's answer names it instead of the viewer guessing a value.
 */
export function drilldownPoint(query: string, filters: FilterSpec[], point: Record<string, unknown>): Record<string, string> {
  const filterFields = new Set(filters.map((filter) => filter.field));
  const fields: Record<string, string> = {};
  for (const match of query.matchAll(PLACEHOLDER)) {
    const name = match[1];
    const root = name.split('.')[0];
    if (filterFields.has(root) || !(name in point)) {
      continue;
    }
    const value = point[name];
    if (value !== null && value !== undefined && typeof value !== 'object') {
      fields[name] = String(value);
    }
  }
  return fields;
}

/**
 * The filter values a drill page link carries: every filter of the widget, an unset one as `[]`, so the page
 * opens filtered exactly as the dashboard was when its point was clicked.
 */
export function carriedValues(filters: FilterSpec[], values: FilterValues): Record<string, string[]> {
  const carried: Record<string, string[]> = {};
  for (const filter of filters) {
    const value = values[filter.field];
    carried[filter.field] = value === undefined ? [] : (Array.isArray(value) ? value : [value]);
  }
  return carried;
}

/**
 * A drill page's filter values: those its link carries for the widget's own filters (a hand-edited link's other
 * names are dropped, a single-value filter takes the first of several), the defaults for the rest, as for an
 * older link that carried none.
 */
export function valuesFromLink(filters: FilterSpec[], carried: Record<string, string[]>): FilterValues {
  const values = initialValues(filters);
  for (const filter of filters) {
    const link = carried[filter.field];
    if (link === undefined) {
      continue;
    }
    const given = link.filter((one) => one !== '');
    values[filter.field] = filter.type === 'multiselect' ? given : given[0];
  }
  return values;
}
