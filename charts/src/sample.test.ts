import { describe, expect, it } from 'vitest';
import { revenueTrendAnalysis } from './fixtures';
import { worldIndex } from './map/world';
import { sampleData } from './sample';
import { WIDGET_TYPES } from './types';

describe('sample data for the builder preview', () => {
  it('is shaped by the widget fields: the revenue trend gets months, revenue amounts and order counts', () => {
    const data = sampleData(revenueTrendAnalysis);
    expect(data.columns).toEqual([{ name: 'month', type: 'string' }, { name: 'revenue', type: 'number' }, { name: 'order_count', type: 'number' }]);
    expect(data.rows).toHaveLength(12);
    expect(data.rows[0].month).toBe('2025-01');
    expect(data.rows.every((r) => typeof r.revenue === 'number' && (r.revenue as number) >= 1000)).toBe(true);
  });

  it('is the same on every call and different for another widget', () => {
    expect(sampleData(revenueTrendAnalysis)).toEqual(sampleData(revenueTrendAnalysis));
    expect(sampleData({ ...revenueTrendAnalysis, title: 'Other' }).rows).not.toEqual(sampleData(revenueTrendAnalysis).rows);
  });

  it('gives a map region codes every one of which joins a country of the atlas', () => {
    const data = sampleData({ type: 'map', chartConfig: { map: { nameField: 'iso', valueField: 'sales' } } });
    const world = worldIndex();
    expect(data.columns.map((c) => c.name)).toEqual(['iso', 'sales']);
    expect(data.rows.length).toBeGreaterThan(10);
    expect(data.rows.filter((r) => world.regionName(r.iso) === undefined)).toEqual([]);
  });

  it('keeps a gauge value inside its scale and a percent KPI below one', () => {
    const gauge = sampleData({ type: 'gauge', chartConfig: { min: 50, max: 60, yAxis: { field: 'load' } } });
    expect(gauge.rows[0].load).toBeGreaterThanOrEqual(50);
    expect(gauge.rows[0].load).toBeLessThanOrEqual(60);
    const kpi = sampleData({ type: 'kpi', chartConfig: { yAxis: { field: 'share', format: 'percent' } } });
    expect(kpi.rows.map((r) => r.share as number).every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('gives every type rows, unconfigured widgets included', () => {
    for (const type of WIDGET_TYPES) {
      const data = sampleData({ type });
      expect(data.rows.length, type).toBeGreaterThan(0);
      expect(data.columns.length, type).toBeGreaterThan(0);
    }
  });
});
