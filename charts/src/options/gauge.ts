import { toNumber, valueField, valueFormatOf } from '../fields';
import { baseOption, formatter, palette, type EChartsOption, type OptionContext } from './context';

/** A scale end that holds the value when none is configured: 100 for percent-like values, else the next round number. */
export function roundMax(value: number): number {
  if (value <= 0) {
    return 100;
  }
  if (value <= 1) {
    return 1;
  }
  if (value <= 100) {
    return 100;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}

/** A gauge of the first row's value on chartConfig's min..max, with a target mark when configured. */
export function gaugeOption(ctx: OptionContext): EChartsOption {
  const { config, data } = ctx;
  const field = valueField(config, data);
  const value = field === undefined ? null : toNumber(data.rows[0]?.[field]);
  const min = config.chartConfig?.min ?? 0;
  const max = config.chartConfig?.max ?? roundMax(Math.max(value ?? 0, config.chartConfig?.target ?? 0));
  const target = config.chartConfig?.target;
  const valueFormat = valueFormatOf(config, field);
  const formatted = formatter(ctx, valueFormat);
  // The scale's ticks stand close together near the arc's top: "2K" fits where "$2,000.00" overlaps its
  // neighbour. Percentages are short already; the value in the middle keeps its full format.
  const tick = valueFormat === 'percent' ? formatted : formatter(ctx, 'compact');
  const p = palette(ctx);
  const width = ctx.compact ? 8 : 12;
  const gauge = {
    type: 'gauge',
    min,
    max,
    startAngle: 210,
    endAngle: -30,
    splitNumber: ctx.compact ? 2 : 5,
  };
  const series: EChartsOption[] = [
    {
      ...gauge,
      name: field,
      progress: { show: true, width },
      axisLine: { lineStyle: { width } },
      axisTick: { show: !ctx.compact },
      splitLine: { show: !ctx.compact, length: 8 },
      axisLabel: { show: !ctx.compact, formatter: tick, distance: 16 },
      pointer: { show: false },
      anchor: { show: false },
      // The name sits in the gauge's open bottom, clear of the scale's end labels.
      title: { show: !ctx.compact, offsetCenter: [0, '72%'] },
      detail: { valueAnimation: true, fontSize: ctx.compact ? 14 : 24, offsetCenter: [0, 0], formatter: formatted },
      data: [{ value: value ?? min, name: field ?? '' }],
    },
  ];
  if (target !== undefined) {
    // The target is a second, bare gauge whose only drawn part is a short needle at the target value.
    series.push({
      ...gauge,
      name: 'target',
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      progress: { show: false },
      pointer: { show: true, icon: 'rect', length: width + 6, width: 3, offsetCenter: [0, `${ctx.compact ? -62 : -68}%`], itemStyle: { color: p.text } },
      anchor: { show: false },
      title: { show: false },
      detail: { show: false },
      tooltip: { valueFormatter: formatted },
      data: [{ value: target, name: 'Target' }],
    });
  }
  return { ...baseOption(ctx), tooltip: { trigger: 'item' }, series };
}
