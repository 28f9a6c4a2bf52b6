import type { AxisConfig, ChartConfig, SeriesConfig, WidgetConfig, WidgetData } from './types';

// Which row fields a widget draws. Phase 3 names them in chartConfig (xAxis/yAxis/series); Phase 2 in
// xAxisKey/yAxisKey; a config naming none draws the first non-numeric column against the numeric ones, so a
// widget shows its query's rows before anyone has configured its axes.

/** True when a column holds numbers: its declared type, else the first row's values. */
function isNumericColumn(data: WidgetData, name: string): boolean {
  const column = data.columns.find((c) => c.name === name);
  if (column && column.type !== '' && column.type !== 'unknown') {
    return column.type === 'number';
  }
  const sample = data.rows.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
  return typeof sample === 'number';
}

/** The row's column names: the declared columns, else the first row's keys. */
export function columnNames(data: WidgetData): string[] {
  if (data.columns.length > 0) {
    return data.columns.map((c) => c.name);
  }
  return Object.keys(data.rows[0] ?? {});
}

export function numericColumns(data: WidgetData): string[] {
  return columnNames(data).filter((name) => isNumericColumn(data, name));
}

export function yAxes(chartConfig: ChartConfig | undefined): AxisConfig[] {
  const y = chartConfig?.yAxis;
  if (y === undefined) {
    return [];
  }
  return Array.isArray(y) ? y : [y];
}

/** The category (x) field: chartConfig.xAxis.field, the Phase 2 xAxisKey, else the first non-numeric column. */
export function categoryField(config: WidgetConfig, data: WidgetData): string | undefined {
  const named = config.chartConfig?.xAxis?.field || config.chartConfig?.xAxisKey;
  if (named) {
    return named;
  }
  const names = columnNames(data);
  return names.find((name) => !isNumericColumn(data, name)) ?? names[0];
}

/** The series to draw: chartConfig.series, else one per y axis field, the Phase 2 yAxisKey, else every numeric column but x. */
export function seriesFields(config: WidgetConfig, data: WidgetData, exclude?: string): SeriesConfig[] {
  const chartConfig = config.chartConfig;
  if (chartConfig?.series && chartConfig.series.length > 0) {
    return chartConfig.series;
  }
  const fromAxes = yAxes(chartConfig).flatMap((axis, index) => (axis.field ? [{ field: axis.field, yAxisIndex: index }] : []));
  if (fromAxes.length > 0) {
    return fromAxes;
  }
  if (chartConfig?.yAxisKey) {
    return [{ field: chartConfig.yAxisKey }];
  }
  return numericColumns(data).filter((name) => name !== exclude).map((field) => ({ field }));
}

/** The single value field of pie, gauge and kpi: the first series (or y axis, or yAxisKey), else the first numeric column. */
export function valueField(config: WidgetConfig, data: WidgetData, exclude?: string): string | undefined {
  return seriesFields(config, data, exclude)[0]?.field ?? numericColumns(data)[0];
}

/** The format of a field: the axis naming it, else the y axis its series is drawn against. */
export function formatOf(config: WidgetConfig, field: string | undefined): string | undefined {
  const chartConfig = config.chartConfig;
  if (chartConfig?.xAxis?.field !== undefined && chartConfig.xAxis.field === field) {
    return chartConfig.xAxis.format;
  }
  const axes = yAxes(chartConfig);
  const byField = axes.find((axis) => axis.field !== undefined && axis.field === field);
  if (byField) {
    return byField.format;
  }
  const series = chartConfig?.series?.find((s) => s.field === field);
  return series ? axes[series.yAxisIndex ?? 0]?.format : undefined;
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The format of a single value (kpi, gauge, map): the axis naming its field, else a y axis that names no field. */
export function valueFormatOf(config: WidgetConfig, field: string | undefined): string | undefined {
  return formatOf(config, field) ?? yAxes(config.chartConfig).find((axis) => axis.field === undefined)?.format;
}
