import { categoryField, formatOf, seriesFields, toNumber, yAxes } from '../fields';
import type { AxisConfig, SeriesConfig } from '../types';
import { baseOption, formatter, showLegend, type EChartsOption, type OptionContext } from './context';

// Bar and line: one category axis, one to four value axes (left/right, stacked outward by offset), series per
// field. Lines with many points are down-sampled by ECharts (lttb) so a year of daily rows stays responsive.

const AXIS_OFFSET = 56;
const SAMPLING_FROM = 500;

function valueAxisType(axis: AxisConfig): string {
  return axis.type === 'log' ? 'log' : 'value';
}

/** `"5,5"` → `[5, 5]`, ECharts' dash pattern. */
export function dashPattern(dashArray: string | undefined): number[] | undefined {
  if (!dashArray) {
    return undefined;
  }
  const parts = dashArray.split(',').map((p) => Number(p.trim()));
  return parts.every((n) => Number.isFinite(n) && n >= 0) && parts.some((n) => n > 0) ? parts : undefined;
}

function buildValueAxes(ctx: OptionContext, axes: AxisConfig[], series: SeriesConfig[]): EChartsOption[] {
  const showGrid = ctx.config.visual?.showGrid ?? true;
  const declared = axes.length > 0 ? axes : [{}];
  const seen = { left: 0, right: 0 };
  return declared.map((axis, index) => {
    // A second axis without a position goes right, as in the roadmap's revenue/orders example.
    const position = axis.position === 'right' || (axis.position === undefined && index % 2 === 1) ? 'right' : 'left';
    const offset = seen[position]++ * AXIS_OFFSET;
    const named = axis.field ?? series.find((s) => (s.yAxisIndex ?? 0) === index)?.name;
    return {
      type: valueAxisType(axis),
      position,
      offset,
      name: ctx.compact ? undefined : named,
      nameTextStyle: { align: position === 'left' ? 'left' : 'right' },
      axisLabel: { formatter: formatter(ctx, axis.format), hideOverlap: true },
      splitLine: { show: showGrid && index === 0 },
      scale: axis.type === 'log' ? undefined : false,
    };
  });
}

function buildSeries(ctx: OptionContext, series: SeriesConfig, axes: AxisConfig[], axisCount: number): EChartsOption {
  const rows = ctx.data.rows;
  const kind = series.type ?? (ctx.config.type === 'line' ? 'line' : 'bar');
  const yAxisIndex = Math.min(Math.max(series.yAxisIndex ?? 0, 0), axisCount - 1);
  const dash = dashPattern(series.dashArray);
  const format = axes[yAxisIndex]?.format;
  const line = kind === 'line' || kind === 'area';
  return {
    type: line ? 'line' : kind,
    name: series.name ?? series.field,
    yAxisIndex,
    data: rows.map((row) => toNumber(row[series.field])),
    tooltip: { valueFormatter: formatter(ctx, format) },
    ...(line
      ? {
          smooth: series.smooth ?? false,
          showSymbol: rows.length <= 60,
          areaStyle: kind === 'area' ? { opacity: 0.15 } : undefined,
          lineStyle: dash ? { type: dash } : undefined,
          sampling: rows.length > SAMPLING_FROM ? 'lttb' : undefined,
          connectNulls: false,
        }
      : { barMaxWidth: 36, large: rows.length > SAMPLING_FROM }),
    ...(kind === 'scatter' ? { symbolSize: 8 } : {}),
  };
}

export function cartesianOption(ctx: OptionContext): EChartsOption {
  const { config, data } = ctx;
  const x = categoryField(config, data);
  const series = seriesFields(config, data, x);
  const axes = yAxes(config.chartConfig);
  const valueAxes = buildValueAxes(ctx, axes, series);
  const xFormat = config.chartConfig?.xAxis?.format ?? formatOf(config, x);
  const legend = showLegend(ctx, series.length > 1);
  const rightAxes = valueAxes.filter((a) => a.position === 'right').length;
  const leftAxes = valueAxes.length - rightAxes;
  const formatX = formatter(ctx, xFormat);
  return {
    ...baseOption(ctx),
    tooltip: { trigger: 'axis', axisPointer: { type: ctx.config.type === 'bar' ? 'shadow' : 'line' } },
    legend: legend ? { show: true, type: 'scroll', top: 0 } : { show: false },
    grid: {
      left: 8 + Math.max(0, leftAxes - 1) * AXIS_OFFSET,
      right: 12 + Math.max(0, rightAxes - 1) * AXIS_OFFSET,
      top: legend ? 36 : ctx.compact ? 12 : 28,
      bottom: 8,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      position: config.chartConfig?.xAxis?.position === 'top' ? 'top' : 'bottom',
      data: data.rows.map((row) => (x === undefined ? '' : row[x] ?? '')),
      name: ctx.compact ? undefined : x,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: formatX, hideOverlap: true },
      axisPointer: { label: { formatter: (p: { value: unknown }) => formatX(p.value) } },
      // Clicking a category label drills into that category's row too.
      triggerEvent: true,
    },
    yAxis: valueAxes,
    series: series.map((s) => buildSeries(ctx, s, axes, valueAxes.length)),
  };
}
