// @flexboard/charts: one drawing code for the builder's preview and the on-prem viewer.
export type {
  AxisConfig,
  BrandColors,
  ChartConfig,
  DrawnWidget,
  DrawOptions,
  DrilldownConfig,
  FilterConfig,
  Interactions,
  Layout,
  MapConfig,
  SeriesConfig,
  Visual,
  WidgetConfig,
  WidgetData,
  WidgetType,
} from './types';
export { WIDGET_TYPES } from './types';
export { drawWidget } from './draw';
export { sampleData } from './sample';
export { formatValue } from './format';
export { seriesColors } from './theme';
