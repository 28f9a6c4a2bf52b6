import { BarChart, GaugeChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, registerMap, registerTheme, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import './charts.css';
import { kpiModel, renderKpi } from './html/kpi';
import { renderTable, tableModel } from './html/table';
import { clickedRow, type ClickParams } from './options/click';
import { contextOf, type OptionContext } from './options/context';
import { chartOption } from './options/index';
import { mapOption, type RegionIndex } from './options/map';
import { echartsTheme, themeName } from './theme';
import type { DrawnWidget, DrawOptions, WidgetConfig, WidgetData } from './types';

use([BarChart, LineChart, PieChart, GaugeChart, ScatterChart, MapChart, GridComponent, TooltipComponent,
  LegendComponent, VisualMapComponent, SVGRenderer]);
registerTheme(themeName('light'), echartsTheme('light'));
registerTheme(themeName('dark'), echartsTheme('dark'));

let world: Promise<RegionIndex & { mapName(region: string | undefined): string }> | undefined;

/** The atlas, loaded once on the first map widget and each region registered with ECharts once. */
function loadWorld() {
  world ??= import('./map/world').then(({ worldIndex, regionFeatures }) => {
    const index = worldIndex();
    const registered = new Set<string>();
    return {
      ...index,
      mapName(region: string | undefined): string {
        const name = `flexboard-${region ?? 'world'}`;
        if (!registered.has(name)) {
          registerMap(name, regionFeatures(index.geoJson, region) as never);
          registered.add(name);
        }
        return name;
      },
    };
  });
  return world;
}

/**
 * Draws a widget into an element: ECharts (SVG) for bar, line, pie, gauge, scatter and map, HTML for KPI and table.
 * The returned handle redraws with new rows or options, follows the element's size and releases everything on dispose.
 */
export function drawWidget(element: HTMLElement, config: WidgetConfig, data: WidgetData, options: DrawOptions): DrawnWidget {
  let ctx: OptionContext = contextOf(config, data, options);
  let current = options;
  let chart: ECharts | undefined;
  let chartTheme: string | undefined;
  let disposed = false;
  let generation = 0;

  const onClick = (params: ClickParams) => {
    const row = clickedRow(ctx, params);
    if (row && current.onPointClick) {
      current.onPointClick({ ...row });
    }
  };

  const ensureChart = (): ECharts => {
    const wanted = themeName(ctx.theme);
    if (!chart || chartTheme !== wanted) {
      // A theme is fixed when ECharts initialises: a theme switch re-creates the instance.
      chart?.dispose();
      element.replaceChildren();
      chart = init(element, wanted, { renderer: 'svg' });
      chartTheme = wanted;
      chart.on('click', (params) => onClick(params as ClickParams));
    }
    return chart;
  };

  const render = () => {
    const run = ++generation;
    if (config.type === 'kpi' || config.type === 'table') {
      chart?.dispose();
      chart = undefined;
      if (config.type === 'kpi') {
        renderKpi(element, kpiModel(ctx), ctx.compact);
      } else {
        const onRow = current.onPointClick ? (rowIndex: number) => current.onPointClick?.({ ...ctx.data.rows[rowIndex] }) : undefined;
        renderTable(element, tableModel(ctx), ctx, onRow);
      }
      return;
    }
    const instance = ensureChart();
    if (config.type !== 'map') {
      instance.setOption(chartOption(ctx), { notMerge: true });
      return;
    }
    instance.showLoading('default', { text: '', color: '#8a93a3', maskColor: 'transparent' });
    loadWorld().then(
      (w) => {
        // A later update or a dispose while the atlas loaded wins over this one.
        if (disposed || run !== generation || chart !== instance) {
          return;
        }
        instance.hideLoading();
        instance.setOption(mapOption(ctx, w, w.mapName(config.chartConfig?.map?.region)), { notMerge: true });
      },
      () => {
        if (!disposed && chart === instance) {
          instance.hideLoading();
          instance.setOption({ title: { text: 'The map boundaries could not be loaded', left: 'center', top: 'middle', textStyle: { fontSize: 12 } } }, { notMerge: true });
        }
      },
    );
  };

  // A hidden or detached element measures 0 × 0: ECharts cannot lay a chart out in it (a map's geo view then
  // fails on a missing transform), and the next real size brings another resize anyway.
  const resize = () => {
    if (element.clientWidth > 0 && element.clientHeight > 0) {
      chart?.resize();
    }
  };
  const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resize);
  observer?.observe(element);
  render();

  return {
    update(nextData: WidgetData, nextOptions?: Partial<DrawOptions>) {
      if (disposed) {
        return;
      }
      current = { ...current, ...nextOptions };
      ctx = contextOf(config, nextData, current);
      render();
    },
    resize() {
      resize();
    },
    dispose() {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
      chart = undefined;
      element.replaceChildren();
    },
  };
}
