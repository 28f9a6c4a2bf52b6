import { categoryField, numericColumns, toNumber, valueFormatOf } from '../fields';
import { baseOption, colors, formatter, palette, type EChartsOption, type OptionContext } from './context';

/** Region names by any code a row may hold; built from the atlas by map/world.ts. */
export interface RegionIndex {
  /** The region name for an alpha-2, alpha-3 or numeric ISO code, or the atlas' own name; undefined when unknown. */
  regionName(code: unknown): string | undefined;
  countryName(alpha2: string): string | undefined;
}

export interface JoinedRegion {
  name: string;
  value: number | null;
  rowIndex: number;
}

export interface RegionJoin {
  regions: JoinedRegion[];
  /** Codes no region answers to (a typo, a territory the 110m atlas leaves out), for the tooltip-less report. */
  unmatched: string[];
}

/** The name and value fields of a map: chartConfig.map, else the first non-numeric and the first numeric column. */
export function mapFields(ctx: OptionContext): { nameField?: string; valueField?: string } {
  const map = ctx.config.chartConfig?.map;
  if (map) {
    return { nameField: map.nameField, valueField: map.valueField };
  }
  const nameField = categoryField(ctx.config, ctx.data);
  return { nameField, valueField: numericColumns(ctx.data).find((c) => c !== nameField) };
}

/** Rows joined to regions by ISO code. A region named by several rows keeps the first (the drilldown's row). */
export function joinRegions(ctx: OptionContext, index: RegionIndex): RegionJoin {
  const { nameField, valueField } = mapFields(ctx);
  const regions: JoinedRegion[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  ctx.data.rows.forEach((row, rowIndex) => {
    const code = nameField === undefined ? undefined : row[nameField];
    const name = index.regionName(code);
    if (name === undefined) {
      if (code !== undefined && code !== null) {
        unmatched.push(String(code));
      }
      return;
    }
    if (!seen.has(name)) {
      seen.add(name);
      regions.push({ name, value: valueField === undefined ? null : toNumber(row[valueField]), rowIndex });
    }
  });
  return { regions, unmatched };
}

/** A choropleth: the registered map's regions coloured by value through a continuous visualMap. */
export function mapOption(ctx: OptionContext, index: RegionIndex, mapName: string): EChartsOption {
  const { valueField } = mapFields(ctx);
  const { regions } = joinRegions(ctx, index);
  const values = regions.flatMap((r) => (r.value === null ? [] : [r.value]));
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 1;
  const p = palette(ctx);
  const chosen = colors(ctx);
  const ramp = chosen ? (chosen.length > 1 ? chosen : [p.ramp[0], chosen[0]]) : p.ramp;
  const valueFormat = formatter(ctx, valueFormatOf(ctx.config, valueField));
  return {
    ...baseOption(ctx),
    tooltip: { trigger: 'item', valueFormatter: valueFormat },
    visualMap: {
      type: 'continuous',
      show: !ctx.compact,
      min,
      max: max === min ? min + 1 : max,
      calculable: true,
      left: 8,
      bottom: 8,
      itemHeight: 90,
      inRange: { color: ramp },
      formatter: (v: unknown) => valueFormat(v),
      textStyle: { color: p.textMuted },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        name: valueField,
        roam: !ctx.compact,
        scaleLimit: { min: 1, max: 12 },
        itemStyle: { areaColor: p.gridLine, borderColor: p.surface, borderWidth: 0.5 },
        emphasis: { label: { show: !ctx.compact, color: p.text }, itemStyle: { areaColor: p.primary } },
        select: { disabled: true },
        data: regions.map((r) => ({ name: r.name, value: r.value ?? NaN, rowIndex: r.rowIndex })),
        label: { show: false },
      },
    ],
  };
}
