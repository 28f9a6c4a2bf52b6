import { cartesianOption } from './cartesian';
import type { EChartsOption, OptionContext } from './context';
import { gaugeOption } from './gauge';
import { pieOption } from './pie';
import { scatterOption } from './scatter';

/**
 * The ECharts option of a chart widget, a pure function of config, rows and draw options. Maps need the atlas
 * (loaded on demand) and are built by mapOption; KPI and table are HTML.
 */
export function chartOption(ctx: OptionContext): EChartsOption {
  switch (ctx.config.type) {
    case 'bar':
    case 'line':
      return cartesianOption(ctx);
    case 'pie':
      return pieOption(ctx);
    case 'gauge':
      return gaugeOption(ctx);
    case 'scatter':
      return scatterOption(ctx);
    default:
      throw new Error(`${ctx.config.type} is not drawn by chartOption`);
  }
}
