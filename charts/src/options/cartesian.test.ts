import { describe, expect, it } from 'vitest';
import { context, monthlyRevenue, revenueTrendAnalysis, rows } from '../fixtures';
import { cartesianOption, dashPattern } from './cartesian';

type Axis = { position: string; offset: number; name?: string; axisLabel: { formatter: (v: unknown) => string }; splitLine: { show: boolean } };
type Series = { type: string; name: string; yAxisIndex: number; smooth?: boolean; data: unknown[]; lineStyle?: { type: number[] }; tooltip: { valueFormatter: (v: unknown) => string } };

describe('bar and line options', () => {
  it('draw the roadmap revenue trend with revenue on a left currency axis and dashed orders on a right number axis', () => {
    const option = cartesianOption(context(revenueTrendAnalysis, monthlyRevenue(3)));
    const yAxis = option.yAxis as Axis[];
    const series = option.series as Series[];
    const xAxis = option.xAxis as { data: unknown[]; axisLabel: { formatter: (v: unknown) => string } };

    expect(yAxis.map((a) => a.position)).toEqual(['left', 'right']);
    expect(yAxis[0].axisLabel.formatter(12000)).toBe('$12,000.00');
    expect(yAxis[1].axisLabel.formatter(1234)).toBe('1,234');
    expect(series.map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([['Revenue', 'line', 0], ['Orders', 'line', 1]]);
    expect(series[0].smooth).toBe(true);
    expect(series[1].lineStyle).toEqual({ type: [5, 5] });
    expect(series[0].data).toEqual([10000, 11500.5, 13001]);
    expect(xAxis.data).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(xAxis.axisLabel.formatter('2025-02')).toBe('Feb 2025');
    expect(series[0].tooltip.valueFormatter(11500.5)).toBe('$11,500.50');
    expect(option.color).toEqual(['#3b82f6', '#10b981', '#f59e0b']);
    expect(option.legend).toMatchObject({ show: true });
  });

  it('draw the first column against every numeric column when no axes are configured', () => {
    const option = cartesianOption(context({ type: 'bar' }, monthlyRevenue(2)));
    const series = option.series as Series[];
    expect((option.xAxis as { data: unknown[] }).data).toEqual(['2025-01', '2025-02']);
    expect(series.map((s) => [s.name, s.type])).toEqual([['revenue', 'bar'], ['order_count', 'bar'], ['avg_order_value', 'bar']]);
  });

  it('read the Phase 2 xAxisKey and yAxisKey as one series', () => {
    const option = cartesianOption(context({ type: 'line', chartConfig: { xAxisKey: 'month', yAxisKey: 'order_count' } }, monthlyRevenue(2)));
    expect((option.series as Series[]).map((s) => s.name)).toEqual(['order_count']);
  });

  it('stack a second axis on the same side outward instead of drawing it over the first', () => {
    const config = { type: 'bar' as const, chartConfig: { yAxis: [{ field: 'revenue', position: 'right' as const }, { field: 'order_count', position: 'right' as const }] } };
    const yAxis = cartesianOption(context(config, monthlyRevenue(2))).yAxis as Axis[];
    expect(yAxis.map((a) => [a.position, a.offset])).toEqual([['right', 0], ['right', 56]]);
  });

  it('hide grid lines, legend and animation as visual says, and axis names on compact tiles', () => {
    const config = { ...revenueTrendAnalysis, visual: { showGrid: false, showLegend: false, animation: false } };
    const option = cartesianOption(context(config, monthlyRevenue(2)));
    expect((option.yAxis as Axis[]).map((a) => a.splitLine.show)).toEqual([false, false]);
    expect(option.legend).toEqual({ show: false });
    expect(option.animation).toBe(false);
    const compact = cartesianOption(context(revenueTrendAnalysis, monthlyRevenue(2), { compact: true }));
    expect((compact.yAxis as Axis[]).every((a) => a.name === undefined)).toBe(true);
    expect(compact.legend).toEqual({ show: false });
  });

  it('leave a gap for a value that is not a number instead of drawing zero', () => {
    const data = rows({ month: 'string', revenue: 'number' }, [{ month: 'a', revenue: 1 }, { month: 'b', revenue: null }, { month: 'c', revenue: 'oops' }, { month: 'd', revenue: Number.NaN }]);
    const series = cartesianOption(context({ type: 'line' }, data)).series as Series[];
    expect(series[0].data).toEqual([1, null, null, null]);
  });

  it('draw ten thousand rows with line sampling on and symbols off', () => {
    const many = monthlyRevenue(10_000);
    const started = performance.now();
    const series = cartesianOption(context(revenueTrendAnalysis, many)).series as (Series & { sampling?: string; showSymbol: boolean })[];
    expect(performance.now() - started).toBeLessThan(500);
    expect(series[0].sampling).toBe('lttb');
    expect(series[0].showSymbol).toBe(false);
    expect(series[0].data).toHaveLength(10_000);
  });

  it('read a dash array and refuse a pattern that would hide the line', () => {
    expect(dashPattern('10, 4, 2, 4')).toEqual([10, 4, 2, 4]);
    expect(dashPattern('0,0')).toBeUndefined();
    expect(dashPattern('a,b')).toBeUndefined();
    expect(dashPattern(undefined)).toBeUndefined();
  });
});
