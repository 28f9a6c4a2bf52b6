import { categoryField, formatOf, toNumber, valueField } from '../fields';
import { baseOption, formatter, showLegend, type EChartsOption, type OptionContext } from './context';

/** A pie (donut) of one value per row, named by the category field. Rows without a number are left out. */
export function pieOption(ctx: OptionContext): EChartsOption {
  const { config, data } = ctx;
  const label = categoryField(config, data);
  const value = valueField(config, data, label);
  const formatLabel = formatter(ctx, label === undefined ? undefined : formatOf(config, label));
  const legend = showLegend(ctx, true);
  const slices = data.rows.flatMap((row, rowIndex) => {
    const n = value === undefined ? null : toNumber(row[value]);
    return n === null ? [] : [{ name: formatLabel(label === undefined ? '' : row[label]), value: n, rowIndex }];
  });
  return {
    ...baseOption(ctx),
    tooltip: { trigger: 'item', valueFormatter: formatter(ctx, formatOf(config, value)) },
    legend: legend ? { show: true, type: 'scroll', bottom: 0 } : { show: false },
    series: [
      {
        type: 'pie',
        name: value,
        radius: ctx.compact ? ['35%', '70%'] : ['40%', '68%'],
        center: ['50%', legend ? '45%' : '50%'],
        data: slices,
        label: { show: !ctx.compact },
        avoidLabelOverlap: true,
      },
    ],
  };
}
