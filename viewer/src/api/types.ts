/** What the agent's GET /config answers (the published metadata), as far as the viewer reads it. */
export interface PublishedConfig {
  version: number;
  dashboards: Dashboard[];
  widgets: WidgetPlacement[];
  config: Record<string, WidgetSettings>;
  branding?: Branding | null;
}

export interface Dashboard {
  id: string;
  name: string;
  slug: string;
  description?: string | null;
}

export interface WidgetPlacement {
  id: string;
  name: string;
  dashboard_id: string;
  widget_type: string;
  position_x: number;
  position_y: number;
  width: number;
  height: number;
}

export type FilterType = 'date' | 'select' | 'multiselect' | 'range';
export type FilterDefault = string | number | (string | number)[];

export interface FilterSpec {
  type: FilterType;
  field: string;
  label?: string;
  options?: (string | number)[];
  default?: FilterDefault;
}

/** The parts of a widget's config the viewer itself acts on; the rest goes to drawWidget untouched. */
export interface WidgetSettings {
  type: string;
  title?: string;
  description?: string;
  refreshInterval?: number;
  interactions?: {
    clickable?: boolean;
    drilldown?: { enabled?: boolean; target?: 'modal' | 'navigate' | 'expand'; query?: string };
    filters?: FilterSpec[];
  };
  [other: string]: unknown;
}

export interface Branding {
  logo?: { media_type: string; data_base64: string } | null;
  colors?: Partial<Record<'primary' | 'secondary' | 'accent' | 'background' | 'text', string>> | null;
  font?: string | null;
  custom_css?: string | null;
}

/** GET /api/data/:widgetKey's answer. */
export interface DataAnswer {
  widget: string;
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  row_count: number;
  truncated: boolean;
  cached: boolean;
  fetched_at: string;
  duration_ms: number;
}
