import type { WidgetConfig, WidgetDoc } from '../api/types';

/** The widget library: every type the roadmap's visual builder offers. */
export interface WidgetKind {
  type: string;
  label: string;
  description: string;
}

export const WIDGET_KINDS: WidgetKind[] = [
  { type: 'bar', label: 'Bar chart', description: 'Compare values across categories' },
  { type: 'line', label: 'Line chart', description: 'A trend over time' },
  { type: 'pie', label: 'Pie chart', description: 'Parts of a whole' },
  { type: 'table', label: 'Table', description: 'Rows as the query returns them' },
  { type: 'kpi', label: 'KPI', description: 'One headline number' },
  { type: 'gauge', label: 'Gauge', description: 'A value against a target' },
  { type: 'map', label: 'Map', description: 'Values by country or region' },
  { type: 'scatter', label: 'Scatter', description: 'Two measures against each other' },
];

export const GRID_COLUMNS = 12;
export const DEFAULT_REFRESH_MS = 300_000;

export function kindOf(type: string | undefined): WidgetKind | undefined {
  return WIDGET_KINDS.find((k) => k.type === type);
}

const SAMPLE_QUERIES: Record<string, { query: string; x?: string; y?: string; chartConfig?: Record<string, unknown> }> = {
  bar: { query: "SELECT FORMAT(order_date, 'yyyy-MM') AS month, SUM(total) AS revenue\nFROM orders\nWHERE order_date >= DATEADD(month, -6, GETDATE())\nGROUP BY FORMAT(order_date, 'yyyy-MM')\nORDER BY month", x: 'month', y: 'revenue' },
  line: { query: 'SELECT CAST(created_at AS date) AS day, COUNT(*) AS signups\nFROM customers\nGROUP BY CAST(created_at AS date)\nORDER BY day', x: 'day', y: 'signups' },
  pie: { query: 'SELECT region, SUM(total) AS revenue\nFROM orders\nGROUP BY region', x: 'region', y: 'revenue' },
  table: { query: 'SELECT TOP 20 order_id, customer, total, status\nFROM orders\nORDER BY order_date DESC' },
  kpi: { query: 'SELECT SUM(total) AS revenue\nFROM orders\nWHERE order_date >= DATEADD(day, -30, GETDATE())', y: 'revenue' },
  gauge: { query: 'SELECT AVG(satisfaction) AS score FROM surveys', y: 'score', chartConfig: { min: 0, max: 5, target: 4 } },
  // A map's areas are named by ISO 3166 code: the column the query returns them in is chartConfig.map.nameField.
  map: {
    query: 'SELECT country_code, SUM(total) AS revenue\nFROM orders\nGROUP BY country_code',
    chartConfig: { map: { region: 'world', nameField: 'country_code', valueField: 'revenue' } },
  },
  scatter: { query: 'SELECT discount, margin FROM order_lines', x: 'discount', y: 'margin' },
};

/** A widget name (its key in the agent's config) not yet used in `taken`: `bar-1`, `bar-2`, … */
export function freeName(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const name = `${type}-${n}`;
    if (!used.has(name)) {
      return name;
    }
  }
}

/** A new widget of the given type with a sample query, placed where the admin dropped it. */
export function newWidget(type: string, taken: Iterable<string>, place: { x: number; y: number; w?: number; h?: number }): WidgetDoc {
  const sample = SAMPLE_QUERIES[type] ?? { query: 'SELECT 1' };
  const kind = kindOf(type);
  const config: WidgetConfig = { type, query: sample.query, title: kind?.label ?? type };
  if (sample.x || sample.y || sample.chartConfig) {
    config.chartConfig = { ...(sample.x ? { xAxisKey: sample.x } : {}), ...(sample.y ? { yAxisKey: sample.y } : {}), ...sample.chartConfig };
  }
  const size = defaultSize(type);
  const width = place.w ?? size.w;
  return {
    name: freeName(type, taken),
    widget_type: type,
    config,
    position_x: Math.min(place.x, GRID_COLUMNS - width),
    position_y: place.y,
    width,
    height: place.h ?? size.h,
  };
}

/** A new widget's size on the 12-column grid: KPIs and gauges small, charts half the width. */
export function defaultSize(type: string): { w: number; h: number } {
  if (type === 'kpi') return { w: 3, h: 2 };
  if (type === 'gauge') return { w: 3, h: 4 };
  return { w: 6, h: 4 };
}

/** The first row below every widget: where a widget added without a drop point goes. */
export function nextFreeRow(widgets: WidgetDoc[]): number {
  return widgets.reduce((row, w) => Math.max(row, (w.position_y ?? 0) + (w.height ?? 4)), 0);
}

/** Fills in what the server would default, so the visual grid and the JSON show the same thing. */
export function normalize(widget: Partial<WidgetDoc>): WidgetDoc {
  return {
    ...(widget.id ? { id: widget.id } : {}),
    name: widget.name ?? '',
    ...(widget.widget_type !== undefined ? { widget_type: widget.widget_type } : {}),
    config: widget.config ?? {},
    position_x: widget.position_x ?? 0,
    position_y: widget.position_y ?? 0,
    width: widget.width ?? 6,
    height: widget.height ?? 4,
  };
}

/** What the PUT sends: the server's fields only (the read's `dashboard_id` is not part of the command). */
export function forSave(widget: WidgetDoc): WidgetDoc {
  const { dashboard_id: _ignored, ...rest } = widget;
  void _ignored;
  return { ...rest, widget_type: widget.config?.type ?? widget.widget_type };
}
