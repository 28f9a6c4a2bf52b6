import type { DrawOptions, WidgetConfig, WidgetData } from './types';
import { contextOf, type OptionContext } from './options/context';

// Widgets and rows the tests draw, named for what they are.

/** The roadmap's "Revenue Trend Analysis" (flexboard-roadmap.th.md, Advanced Widget Types), as written. */
export const revenueTrendAnalysis: WidgetConfig = {
  id: 'revenue-trend',
  type: 'line',
  title: 'Revenue Trend Analysis',
  description: 'Monthly revenue with forecast',
  dataSource: { type: 'sql', connection: 'main', query: "SELECT FORMAT(order_date, 'yyyy-MM') as month, SUM(total_amount) as revenue, COUNT(*) as order_count FROM orders GROUP BY FORMAT(order_date, 'yyyy-MM') ORDER BY month" },
  visual: { colors: ['#3b82f6', '#10b981', '#f59e0b'], theme: 'dark', showLegend: true, showGrid: true, animation: true },
  chartConfig: {
    xAxis: { field: 'month', type: 'category', format: 'MMM yyyy' },
    yAxis: [
      { field: 'revenue', type: 'linear', position: 'left', format: 'currency' },
      { field: 'order_count', type: 'linear', position: 'right', format: 'number' },
    ],
    series: [
      { field: 'revenue', name: 'Revenue', type: 'line', yAxisIndex: 0, smooth: true },
      { field: 'order_count', name: 'Orders', type: 'line', yAxisIndex: 1, dashArray: '5,5' },
    ],
  },
  interactions: { clickable: true, drilldown: { enabled: true, target: 'modal', query: 'SELECT * FROM orders WHERE FORMAT(order_date, \'yyyy-MM\') = {month}' } },
  caching: { enabled: true, ttl: 300 },
  layout: { x: 0, y: 0, width: 12, height: 4 },
};

/** Monthly rows as the agent answers them for the revenue query. */
export function monthlyRevenue(months = 3): WidgetData {
  return {
    columns: [{ name: 'month', type: 'string' }, { name: 'revenue', type: 'number' }, { name: 'order_count', type: 'number' }, { name: 'avg_order_value', type: 'number' }],
    rows: Array.from({ length: months }, (_, i) => ({
      month: `2025-${String(i + 1).padStart(2, '0')}`,
      revenue: 10_000 + i * 1_500.5,
      order_count: 100 + i * 7,
      avg_order_value: (10_000 + i * 1_500.5) / (100 + i * 7),
    })),
  };
}

export function rows(columns: Record<string, string>, values: Record<string, unknown>[]): WidgetData {
  return { columns: Object.entries(columns).map(([name, type]) => ({ name, type })), rows: values };
}

export function context(config: WidgetConfig, data: WidgetData, options: Partial<DrawOptions> = {}): OptionContext {
  return contextOf(config, data, { theme: 'light', locale: 'en-US', ...options });
}
