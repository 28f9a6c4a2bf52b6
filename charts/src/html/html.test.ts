import { describe, expect, it } from 'vitest';
import { context, rows } from '../fixtures';
import { kpiModel } from './kpi';
import { COMPACT_ROW_CAP, footerText, TABLE_ROW_CAP, tableModel } from './table';

describe('the KPI', () => {
  it('shows the first row formatted with its change against the second row', () => {
    const config = { type: 'kpi' as const, chartConfig: { yAxis: { field: 'revenue', format: 'currency' }, series: [{ field: 'revenue', name: 'Revenue' }] } };
    const model = kpiModel(context(config, rows({ revenue: 'number' }, [{ revenue: 1100 }, { revenue: 1000 }])));
    expect(model).toEqual({ value: '$1,100.00', label: 'Revenue', trend: { direction: 'up', text: '▲ +10%' } });
  });

  it('shows a dash and no trend when the value is missing', () => {
    const model = kpiModel(context({ type: 'kpi' }, rows({ total: 'number' }, [])));
    expect(model).toEqual({ value: '—', label: 'total' });
  });
});

describe('the table', () => {
  const orders = (n: number) => rows({ order_id: 'number', placed: 'date', total: 'number', note: 'json' },
    Array.from({ length: n }, (_, i) => ({ order_id: i, placed: '2025-03-04', total: i * 10.5, note: { gift: i % 2 === 0 } })));

  it('formats cells by the axis naming their column and writes objects as JSON', () => {
    const config = { type: 'table' as const, chartConfig: { xAxis: { field: 'placed', format: 'dd MMM yyyy' }, yAxis: { field: 'total', format: 'currency' } } };
    const model = tableModel(context(config, orders(2)));
    expect(model.columns).toEqual([{ name: 'order_id', numeric: true }, { name: 'placed', numeric: false }, { name: 'total', numeric: true }, { name: 'note', numeric: false }]);
    expect(model.rows[1].cells).toEqual(['1', '04 Mar 2025', '$10.50', '{"gift":false}']);
  });

  it('draws at most the row cap of a hundred thousand rows and says how many more there are', () => {
    const started = performance.now();
    const model = tableModel(context({ type: 'table' }, { ...orders(100_000), truncated: true }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(model.rows).toHaveLength(TABLE_ROW_CAP);
    expect(model.hidden).toBe(100_000 - TABLE_ROW_CAP);
    expect(footerText(model, 'en-US')).toBe('Showing 200 of 100,000 rows (the agent capped the result)');
    expect(tableModel(context({ type: 'table' }, orders(50), { compact: true })).rows).toHaveLength(COMPACT_ROW_CAP);
  });

  it('says nothing under a table that shows every row', () => {
    expect(footerText(tableModel(context({ type: 'table' }, orders(3))), 'en-US')).toBeUndefined();
  });

  it('keeps markup in a cell as text for the DOM to show, not to parse', () => {
    const model = tableModel(context({ type: 'table' }, rows({ name: 'string' }, [{ name: '<img src=x onerror=alert(1)>' }])));
    expect(model.rows[0].cells).toEqual(['<img src=x onerror=alert(1)>']);
  });
});
