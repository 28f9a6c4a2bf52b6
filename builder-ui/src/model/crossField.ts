import type { FieldError } from '../api/problem';
import { GRID_COLUMNS } from './widgets';

/**
 * The widget config's cross-field rules, which a JSON Schema cannot say, worded as the schemas module's
 * WidgetConfigSchema words them (FilterPlaceholders, ChartConfigRules, LayoutRule) so the admin reads
 * the server's refusal while typing. Expects a config the schema accepted.
 */
export function crossFieldErrors(config: Record<string, unknown>, at: string): FieldError[] {
  const found: [string, string][] = [];
  placeholderErrors(config, found);
  chartErrors(config, found);
  layoutErrors(config, found);
  return found.map(([path, message]) => ({ field: `${at}.${path}`, message, severity: 'error' }));
}

/** A name and an optional part; `{"find": …}` or `{1,2}` is no placeholder. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\}/g;
/** A hostile query can hold hundreds of placeholders, each thousands of characters long. */
const MAX_LISTED = 5;
const MAX_QUOTED = 64;

function placeholderErrors(config: Record<string, unknown>, found: [string, string][]): void {
  const filters = asArray(asObject(config.interactions)?.filters);
  const typeByField = new Map<string, string>();
  const firstIndex = new Map<string, number>();
  filters.forEach((filter, i) => {
    const { field, type } = filter as { field: string; type: string };
    const earlier = firstIndex.get(field);
    if (earlier !== undefined) {
      found.push([`interactions.filters[${i}].field`, `'${field}' is already the field of interactions.filters[${earlier}]`]);
    } else {
      firstIndex.set(field, i);
      typeByField.set(field, type);
    }
  });
  const known: string[] = [];
  typeByField.forEach((type, field) => {
    if (type === 'date' || type === 'range') {
      known.push(`{${field}.from}`, `{${field}.to}`);
    } else {
      known.push(`{${field}}`);
    }
  });
  const dataSource = asObject(config.dataSource);
  checkQuery(config.query, 'query', known, found);
  checkQuery(dataSource?.query, 'dataSource.query', known, found);
  checkQuery(dataSource?.endpoint, 'dataSource.endpoint', known, found);
}

function checkQuery(query: unknown, path: string, known: string[], found: [string, string][]): void {
  if (typeof query !== 'string') {
    return;
  }
  const unknown = new Set<string>();
  for (const match of query.matchAll(PLACEHOLDER)) {
    if (!known.includes(match[0])) {
      unknown.add(match[0]);
    }
  }
  if (unknown.size === 0) {
    return;
  }
  const listed = [...unknown].slice(0, MAX_LISTED).map((p) => (p.length <= MAX_QUOTED ? p : `${p.slice(0, MAX_QUOTED)}…`));
  const names = listed.join(', ') + (unknown.size > MAX_LISTED ? ` and ${unknown.size - MAX_LISTED} more` : '');
  const offered = known.length === 0 ? 'this widget has no interactions.filters' : `this widget's filters give ${known.join(', ')}`;
  found.push([path, unknown.size === 1 ? `placeholder ${names} names no filter; ${offered}` : `placeholders ${names} name no filter; ${offered}`]);
}

function chartErrors(config: Record<string, unknown>, found: [string, string][]): void {
  const chart = asObject(config.chartConfig);
  if (!chart) {
    return;
  }
  // No yAxis is one default axis, as a single AxisConfig is.
  const axes = Array.isArray(chart.yAxis) ? chart.yAxis.length : 1;
  asArray(chart.series).forEach((series, i) => {
    const index = asObject(series)?.yAxisIndex;
    if (typeof index === 'number' && index >= axes) {
      found.push([`chartConfig.series[${i}].yAxisIndex`, axes === 1
        ? 'must be 0: chartConfig.yAxis defines one axis'
        : `must be below ${axes}, the number of chartConfig.yAxis entries`]);
    }
  });
  if (typeof chart.min === 'number' && typeof chart.max === 'number' && chart.min >= chart.max) {
    found.push(['chartConfig.max', `must be above chartConfig.min (${chart.min})`]);
  }
}

function layoutErrors(config: Record<string, unknown>, found: [string, string][]): void {
  const layout = asObject(config.layout);
  if (layout && (layout.x as number) + (layout.width as number) > GRID_COLUMNS) {
    found.push(['layout.width', `layout.x + layout.width must be at most ${GRID_COLUMNS}, got ${layout.x} + ${layout.width}`]);
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
