// Shared by the tests that must keep the roadmap's example valid (validation) and lossless (the property panel's form).

/** The roadmap's "Revenue Trend Analysis" example as written (Phase 3, AdvancedWidgetConfig). */
export const revenueTrendAnalysis = () => ({
  id: 'revenue-trend',
  type: 'line',
  title: 'Revenue Trend Analysis',
  description: 'Monthly revenue with forecast',
  dataSource: {
    type: 'sql',
    connection: 'main',
    query: `
      SELECT 
        FORMAT(order_date, 'yyyy-MM') as month,
        SUM(total_amount) as revenue,
        COUNT(*) as order_count,
        AVG(total_amount) as avg_order_value
      FROM orders 
      WHERE order_date >= DATEADD(month, -18, GETDATE())
      GROUP BY FORMAT(order_date, 'yyyy-MM')
      ORDER BY month
    `,
  },
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
  interactions: {
    clickable: true,
    drilldown: {
      enabled: true,
      target: 'modal',
      query: `
        SELECT * FROM orders 
        WHERE FORMAT(order_date, 'yyyy-MM') = '{month}'
        ORDER BY order_date DESC
      `,
    },
    filters: [
      { type: 'date', field: 'date_range', label: 'Date Range', default: 'last_12_months' },
      { type: 'select', field: 'region', label: 'Region', options: ['All', 'North', 'South', 'East', 'West'] },
    ],
  },
  caching: { enabled: true, ttl: 300 },
  layout: { x: 0, y: 0, width: 12, height: 6 },
});
