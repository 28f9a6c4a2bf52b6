import { seriesFields, toNumber, valueField, valueFormatOf } from '../fields';
import { formatter, type OptionContext } from '../options/context';

/** What a KPI shows: the first row's value, and its change against a second row (the previous period) when there is one. */
export interface KpiModel {
  value: string;
  label: string;
  trend?: { direction: 'up' | 'down' | 'flat'; text: string };
}

export function kpiModel(ctx: OptionContext): KpiModel {
  const { config, data } = ctx;
  const field = valueField(config, data);
  const label = seriesFields(config, data).find((s) => s.field === field)?.name ?? field ?? '';
  const current = field === undefined ? null : toNumber(data.rows[0]?.[field]);
  const previous = field === undefined ? null : toNumber(data.rows[1]?.[field]);
  const value = current === null ? '—' : formatter(ctx, valueFormatOf(config, field))(current);
  if (current === null || previous === null || previous === 0) {
    return { value, label };
  }
  const change = (current - previous) / Math.abs(previous);
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '•';
  const percent = new Intl.NumberFormat(ctx.locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change);
  return { value, label, trend: { direction, text: `${arrow} ${percent}` } };
}

/** The KPI as HTML; text only through textContent, so row values never become markup. */
export function renderKpi(element: HTMLElement, model: KpiModel, compact: boolean): void {
  const root = document.createElement('div');
  root.className = compact ? 'fb-kpi fb-compact' : 'fb-kpi';
  root.dataset.chart = 'kpi';
  const value = document.createElement('span');
  value.className = 'fb-kpi-value';
  value.textContent = model.value;
  const label = document.createElement('span');
  label.className = 'fb-kpi-label';
  label.textContent = model.label;
  root.append(value, label);
  if (model.trend) {
    const trend = document.createElement('span');
    trend.className = `fb-kpi-trend fb-trend-${model.trend.direction}`;
    trend.textContent = model.trend.text;
    root.append(trend);
  }
  element.replaceChildren(root);
}
