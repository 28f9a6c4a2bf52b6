import { describe, expect, it } from 'vitest';
import { context, monthlyRevenue, revenueTrendAnalysis, rows } from '../fixtures';
import { clickedRow } from './click';
import { gaugeOption, roundMax } from './gauge';
import { chartOption } from './index';
import { pieOption } from './pie';
import { scatterOption } from './scatter';

const regions = rows({ region: 'string', revenue: 'number' }, [
  { region: 'North', revenue: 40 },
  { region: 'South', revenue: null },
  { region: 'East', revenue: 60 },
]);

describe('pie, gauge and scatter options', () => {
  it('draw a pie slice per row with a number, each carrying its row for drilldown', () => {
    const option = pieOption(context({ type: 'pie' }, regions));
    const slices = (option.series as { data: { name: string; value: number; rowIndex: number }[] }[])[0].data;
    expect(slices).toEqual([{ name: 'North', value: 40, rowIndex: 0 }, { name: 'East', value: 60, rowIndex: 2 }]);
    expect(clickedRow(context({ type: 'pie' }, regions), { componentType: 'series', data: slices[1] })).toEqual({ region: 'East', revenue: 60 });
  });

  it('draw a gauge on its configured scale with a target needle and the value formatted', () => {
    const data = rows({ score: 'number' }, [{ score: 0.72 }]);
    const config = { type: 'gauge' as const, chartConfig: { min: 0, max: 1, target: 0.8, yAxis: { field: 'score', format: 'percent' } } };
    const series = gaugeOption(context(config, data)).series as { min: number; max: number; data: { value: number }[]; detail?: { formatter: (v: unknown) => string } }[];
    expect(series).toHaveLength(2);
    expect([series[0].min, series[0].max, series[0].data[0].value]).toEqual([0, 1, 0.72]);
    expect(series[0].detail?.formatter(0.72)).toBe('72%');
    expect(series[1].data[0].value).toBe(0.8);
  });

  it('label a gauge scale compactly so neighbouring ticks do not overlap, and keep the value in full', () => {
    const data = rows({ total: 'number' }, [{ total: 3220.75 }]);
    const series = gaugeOption(context({ type: 'gauge', chartConfig: { max: 5000, yAxis: { field: 'total', format: 'currency' } } }, data, { locale: 'en-US' }))
      .series as { axisLabel: { formatter: (v: unknown) => string }; detail: { formatter: (v: unknown) => string } }[];
    expect(series[0].axisLabel.formatter(2000)).toBe('2K');
    expect(series[0].detail.formatter(3220.75)).toBe('$3,220.75');
  });

  it('give a gauge without max a round scale end above its value and target', () => {
    expect(roundMax(72)).toBe(100);
    expect(roundMax(0.4)).toBe(1);
    expect(roundMax(1234)).toBe(2000);
    const series = gaugeOption(context({ type: 'gauge', chartConfig: { target: 450 } }, rows({ v: 'number' }, [{ v: 120 }]))).series as { max: number }[];
    expect(series[0].max).toBe(500);
  });

  it('draw scatter points from two numeric fields, skipping rows without both, each point knowing its row', () => {
    const data = rows({ discount: 'number', margin: 'number' }, [{ discount: 1, margin: 2 }, { discount: null, margin: 3 }, { discount: 5, margin: 6 }]);
    const ctx = context({ type: 'scatter' }, data);
    const series = (scatterOption(ctx).series as { name: string; data: number[][] }[])[0];
    expect(series.name).toBe('margin');
    expect(series.data).toEqual([[1, 2, 0], [5, 6, 2]]);
    expect(clickedRow(ctx, { componentType: 'series', data: series.data[1] })).toEqual({ discount: 5, margin: 6 });
  });

  it('give a bar click and a category label click the same row', () => {
    const ctx = context(revenueTrendAnalysis, monthlyRevenue(3));
    expect(clickedRow(ctx, { componentType: 'series', dataIndex: 1, data: 11500.5 })).toMatchObject({ month: '2025-02' });
    expect(clickedRow(ctx, { componentType: 'xAxis', value: '2025-03' })).toMatchObject({ month: '2025-03' });
    expect(clickedRow(ctx, { componentType: 'legend' })).toBeUndefined();
    expect(clickedRow(ctx, { componentType: 'series', dataIndex: 99 })).toBeUndefined();
  });

  it('refuse to build a map, KPI or table option: those are drawn elsewhere', () => {
    expect(() => chartOption(context({ type: 'kpi' }, regions))).toThrow('kpi is not drawn by chartOption');
  });

  it('use the dark theme palette for the target needle on dark', () => {
    const data = rows({ v: 'number' }, [{ v: 1 }]);
    const needle = (theme: 'light' | 'dark') => ((gaugeOption(context({ type: 'gauge', chartConfig: { target: 2 } }, data, { theme })).series as { pointer: { itemStyle: { color: string } } }[])[1]).pointer.itemStyle.color;
    expect(needle('dark')).not.toBe(needle('light'));
  });
});
