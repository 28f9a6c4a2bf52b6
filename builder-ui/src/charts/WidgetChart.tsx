import { useEffect, useRef } from 'preact/hooks';
import { BarChart, GaugeChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { WidgetConfig } from '../api/types';
import { currentTheme, type Theme } from '../app/theme';
import { chartOption } from './options';
import { sampleFor } from './sample';

use([BarChart, LineChart, PieChart, GaugeChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const CHART_TYPES = ['bar', 'line', 'pie', 'gauge', 'scatter', 'map'];

interface Props {
  config: WidgetConfig;
  seed: string;
  /** Small tiles in the visual builder: no legend, axis names or animation. */
  compact?: boolean;
}

/** A widget drawn as its type with sample data: ECharts for charts, HTML for KPI and table. */
export function WidgetChart({ config, seed, compact = false }: Props) {
  const data = sampleFor(config, seed);
  if (config.type === 'kpi') {
    const value = data.rows.reduce((sum, r) => sum + Number(r[data.y]), 0);
    return (
      <div class="kpi" data-chart="kpi">
        <span class="kpi-value">{value.toLocaleString('en')}</span>
        <span class="kpi-label">{data.y}</span>
        <span class="kpi-trend">▲ 4.2% vs last period</span>
      </div>
    );
  }
  if (config.type === 'table') {
    const columns = ['order_id', 'customer', 'total', 'status'];
    const rows = data.rows.slice(0, compact ? 3 : 6);
    return (
      <div class="sample-table" data-chart="table">
        <table>
          <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}><td>{10_400 + i}</td><td>Customer {String.fromCharCode(65 + i)}</td><td>{r[data.y]}</td><td>{i % 3 === 0 ? 'open' : 'shipped'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (!CHART_TYPES.includes(String(config.type))) {
    return <div class="chart-unknown">Choose a type to see a preview</div>;
  }
  return <EChart option={chartOption(config, data, compact)} type={String(config.type)} />;
}

function EChart({ option, type }: { option: Record<string, unknown>; type: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const theme = useRef<Theme>(currentTheme());

  useEffect(() => {
    const create = () => {
      chart.current?.dispose();
      chart.current = init(element.current!, theme.current === 'dark' ? 'dark' : undefined, { renderer: 'svg' });
    };
    create();
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(element.current!);
    const onTheme = (e: Event) => {
      theme.current = (e as CustomEvent<Theme>).detail;
      create();
      chart.current!.setOption(latest.current);
    };
    window.addEventListener('flexboard:theme', onTheme);
    return () => {
      resize.disconnect();
      window.removeEventListener('flexboard:theme', onTheme);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [JSON.stringify(option)]);

  return <div class="chart" ref={element} data-chart={type} role="img" aria-label={`${type} chart with sample data`} />;
}
