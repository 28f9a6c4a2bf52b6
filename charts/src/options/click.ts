import { categoryField } from '../fields';
import type { OptionContext } from './context';

/** What ECharts passes to a click handler, as far as finding the row goes. */
export interface ClickParams {
  componentType?: string;
  dataIndex?: number;
  data?: unknown;
  value?: unknown;
}

/**
 * The row behind a click, for drilldown: a bar or line point or its category label, a pie slice, a scatter point,
 * a map region. Builders that skip rows (pie without a number, map regions that did not join) carry the row's
 * index in the data item; bar and line draw every row, so the data index is the row's.
 */
export function clickedRow(ctx: OptionContext, params: ClickParams): Record<string, unknown> | undefined {
  const rows = ctx.data.rows;
  if (params.componentType === 'xAxis') {
    const x = categoryField(ctx.config, ctx.data);
    return x === undefined ? undefined : rows.find((row) => String(row[x]) === String(params.value));
  }
  if (params.componentType !== 'series') {
    return undefined;
  }
  const item = params.data;
  if (Array.isArray(item) && ctx.config.type === 'scatter') {
    return rows[Number(item[2])];
  }
  if (item !== null && typeof item === 'object' && 'rowIndex' in item) {
    return rows[Number((item as { rowIndex: unknown }).rowIndex)];
  }
  if ((ctx.config.type === 'bar' || ctx.config.type === 'line') && params.dataIndex !== undefined) {
    return rows[params.dataIndex];
  }
  return undefined;
}
