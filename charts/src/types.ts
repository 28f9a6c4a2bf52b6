// The widget configuration of docs/widget-config.md (Phase 2 keys plus the roadmap's Phase 3 ones) as the
// drawing code reads it. The JSON Schema in `schemas` is what validates it; these types only describe the shape.

export type WidgetType = 'bar' | 'line' | 'pie' | 'table' | 'kpi' | 'gauge' | 'map' | 'scatter';

export const WIDGET_TYPES: readonly WidgetType[] = ['bar', 'line', 'pie', 'table', 'kpi', 'gauge', 'map', 'scatter'];

/** `visual`: how a widget looks, independent of its data. */
export interface Visual {
  colors?: string[];
  theme?: 'light' | 'dark';
  showLegend?: boolean;
  showGrid?: boolean;
  animation?: boolean;
}

/** One axis: the field it reads and how its labels are formatted. */
export interface AxisConfig {
  field?: string;
  type?: 'category' | 'linear' | 'time' | 'log';
  position?: 'left' | 'right' | 'top' | 'bottom';
  format?: string;
}

/** One drawn series: the field it plots and on which y axis. */
export interface SeriesConfig {
  field: string;
  name?: string;
  type?: 'bar' | 'line' | 'area' | 'scatter';
  yAxisIndex?: number;
  smooth?: boolean;
  /** SVG dash pattern, e.g. "5,5". */
  dashArray?: string;
}

/** A map widget: the region drawn ("world" or one country's ISO alpha-2 code) and the columns it joins. */
export interface MapConfig {
  region?: string;
  /** The column holding each row's ISO 3166 code (alpha-2, alpha-3 or numeric). */
  nameField: string;
  valueField: string;
}

/** `chartConfig`: Phase 2's keys (xAxisKey, yAxisKey, colors), Phase 3's axes and series, a gauge's scale, a map. */
export interface ChartConfig {
  xAxisKey?: string;
  yAxisKey?: string;
  /** Phase 2 series colours; visual.colors is the Phase 3 place and wins. */
  colors?: string[];
  xAxis?: AxisConfig;
  yAxis?: AxisConfig | AxisConfig[];
  series?: SeriesConfig[];
  /** Gauge scale. */
  min?: number;
  max?: number;
  target?: number;
  map?: MapConfig;
}

export interface DrilldownConfig {
  enabled?: boolean;
  target?: 'modal' | 'navigate' | 'expand';
  query?: string;
}

export interface FilterConfig {
  type: 'date' | 'select' | 'multiselect' | 'range';
  field: string;
  label?: string;
  options?: string[];
  default?: unknown;
}

export interface Interactions {
  clickable?: boolean;
  drilldown?: DrilldownConfig;
  filters?: FilterConfig[];
}

/** The roadmap's grid place; the widget's position_x/y, width and height are what the dashboard uses. */
export interface Layout {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WidgetConfig {
  id?: string;
  type: WidgetType;
  title?: string;
  description?: string;
  query?: string;
  refreshInterval?: number;
  dataSource?: { type: 'sql' | 'api' | 'file'; connection: string; query?: string; endpoint?: string; file?: string; path?: string };
  visual?: Visual;
  chartConfig?: ChartConfig;
  interactions?: Interactions;
  caching?: { enabled: boolean; ttl?: number };
  layout?: Layout;
  calculatedFields?: { name: string; formula: string }[];
}

/** Rows as `GET /api/data/:widgetKey` answers them. */
export interface WidgetData {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  truncated?: boolean;
}

export interface DrawOptions {
  theme: 'light' | 'dark';
  /** Small tiles in the visual builder: no legend, axis names or animation. */
  compact?: boolean;
  locale?: string;
  /** ISO 4217 code for the `currency` format; USD when absent. */
  currency?: string;
  /** The clicked row's fields, for drilldown. */
  onPointClick?: (point: Record<string, unknown>) => void;
  /** The tenant's branding colours: a widget without `visual.colors` draws its series from them first. */
  brand?: BrandColors | null;
}

/** The branding colours the series palette starts from (`#rrggbb`; others are ignored). */
export interface BrandColors {
  primary?: string | null;
  secondary?: string | null;
  accent?: string | null;
}

export interface DrawnWidget {
  update(data: WidgetData, options?: Partial<DrawOptions>): void;
  resize(): void;
  dispose(): void;
}
