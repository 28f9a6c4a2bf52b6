import { categoryField, formatOf, numericColumns, seriesFields, toNumber } from '../fields';
import { baseOption, formatter, showLegend, type EChartsOption, type OptionContext } from './context';

const LARGE_FROM = 2000;

/** The x field of a scatter: the configured one, else the first numeric column. */
function xField(ctx: OptionContext): string | undefined {
  const named = ctx.config.chartConfig?.xAxis?.field || ctx.config.chartConfig?.xAxisKey;
  return named || numericColumns(ctx.data)[0] || categoryField(ctx.config, ctx.data);
}

/** Points of (x, y) per series field on two value axes; rows missing either number are left out. */
export function scatterOption(ctx: OptionContext): EChartsOption {
  const { config, data } = ctx;
  const x = xField(ctx);
  const series = seriesFields(config, data, x);
  const xFormat = config.chartConfig?.xAxis?.format;
  const yFormat = series[0] ? formatOf(config, series[0].field) : undefined;
  return {
    ...baseOption(ctx),
    tooltip: { trigger: 'item' },
    legend: showLegend(ctx, series.length > 1) ? { show: true, type: 'scroll', top: 0 } : { show: false },
    grid: { left: 8, right: 16, top: ctx.compact ? 12 : 32, bottom: 8, containLabel: true },
    xAxis: {
      type: config.chartConfig?.xAxis?.type === 'log' ? 'log' : 'value',
      scale: true,
      name: ctx.compact ? undefined : x,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: formatter(ctx, xFormat), hideOverlap: true },
      splitLine: { show: config.visual?.showGrid ?? true },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: formatter(ctx, yFormat), hideOverlap: true },
      splitLine: { show: config.visual?.showGrid ?? true },
    },
    series: series.map((s) => ({
      type: 'scatter',
      name: s.name ?? s.field,
      symbolSize: ctx.compact ? 6 : 9,
      large: data.rows.length > LARGE_FROM,
      // The third dimension is the row's index (kept through large mode's typed arrays) for the click's row.
      encode: { x: 0, y: 1, tooltip: [0, 1] },
      dimensions: [x ?? 'x', s.name ?? s.field, 'row'],
      data: data.rows.flatMap((row, rowIndex) => {
        const px = x === undefined ? null : toNumber(row[x]);
        const py = toNumber(row[s.field]);
        return px === null || py === null ? [] : [[px, py, rowIndex]];
      }),
    })),
  };
}
