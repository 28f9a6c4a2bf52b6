import type { WidgetConfig } from '../api/types';
import type { SampleData } from './sample';

/** The ECharts option for a chart widget; KPI and table are plain HTML (see WidgetChart). */
export function chartOption(config: WidgetConfig, data: SampleData, compact: boolean): Record<string, unknown> {
  const colors = config.chartConfig?.colors?.filter(Boolean);
  const categories = data.rows.map((r) => String(r[data.x]));
  const values = data.rows.map((r) => Number(r[data.y]));
  const base: Record<string, unknown> = {
    backgroundColor: 'transparent',
    animation: !compact,
    tooltip: { trigger: config.type === 'pie' || config.type === 'scatter' || config.type === 'map' ? 'item' : 'axis' },
    grid: { left: 8, right: 12, top: compact ? 12 : 24, bottom: 8, containLabel: true },
    ...(colors && colors.length > 0 ? { color: colors } : {}),
  };
  const axisName = (name: string) => (compact ? undefined : name);
  switch (config.type) {
    case 'line':
    case 'bar':
      return {
        ...base,
        xAxis: { type: 'category', data: categories, name: axisName(data.x), nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', name: axisName(data.y) },
        series: [{ type: config.type, data: values, name: data.y, smooth: config.type === 'line', barMaxWidth: 36, areaStyle: config.type === 'line' ? { opacity: 0.08 } : undefined }],
      };
    case 'pie':
      return {
        ...base,
        legend: compact ? undefined : { bottom: 0, type: 'scroll' },
        series: [{
          type: 'pie',
          radius: compact ? ['35%', '70%'] : ['40%', '68%'],
          center: ['50%', compact ? '50%' : '45%'],
          data: data.rows.map((r) => ({ name: String(r[data.x]), value: Number(r[data.y]) })),
          label: { show: !compact },
        }],
      };
    case 'gauge':
      return {
        ...base,
        series: [{ type: 'gauge', min: 0, max: 1000, progress: { show: true, width: 10 }, axisLine: { lineStyle: { width: 10 } },
          detail: { valueAnimation: true, fontSize: compact ? 14 : 22 }, data: [{ value: values[0], name: data.y }] }],
      };
    case 'scatter':
    case 'map':
      return {
        ...base,
        xAxis: { type: 'value', name: axisName(data.x), scale: true },
        yAxis: { type: 'value', name: axisName(data.y), scale: true },
        series: [{ type: 'scatter', symbolSize: config.type === 'map' ? 14 : 9, data: data.rows.map((r) => [Number(r[data.x]), Number(r[data.y])]) }],
      };
    default:
      return base;
  }
}
