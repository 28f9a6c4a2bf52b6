// ECharts themes matching the builder's and the viewer's CSS variables (--surface, --text, --border, --primary …),
// so a chart sits on its card without a different grey. A widget's visual.colors, else the tenant's branding
// (seriesColors), recolours the series; these are the defaults.

import type { BrandColors } from './types';

export type ThemeName = 'light' | 'dark';

export interface Palette {
  text: string;
  textMuted: string;
  border: string;
  gridLine: string;
  surface: string;
  primary: string;
  /** visualMap ramp of the map: from an empty region to the largest value. */
  ramp: [string, string];
  series: string[];
}

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    text: '#1c2330',
    textMuted: '#5a6475',
    border: '#c9ced8',
    gridLine: '#e1e4ea',
    surface: '#ffffff',
    primary: '#3b5bdb',
    ramp: ['#e8edfd', '#3b5bdb'],
    series: ['#3b5bdb', '#12b886', '#f59f00', '#e64980', '#7950f2', '#15aabf', '#fa5252', '#82c91e'],
  },
  dark: {
    text: '#e5e8ee',
    textMuted: '#a4adbd',
    border: '#3a4354',
    gridLine: '#2b3240',
    surface: '#171b23',
    primary: '#5c7cfa',
    ramp: ['#1f2a4d', '#748ffc'],
    series: ['#5c7cfa', '#38d9a9', '#fcc419', '#f783ac', '#9775fa', '#3bc9db', '#ff8787', '#a9e34b'],
  },
};

/** The ECharts theme object registered as `flexboard-light` / `flexboard-dark`. */
export function echartsTheme(name: ThemeName): Record<string, unknown> {
  const p = PALETTES[name];
  const axis = {
    axisLine: { lineStyle: { color: p.border } },
    axisTick: { lineStyle: { color: p.border } },
    axisLabel: { color: p.textMuted },
    splitLine: { lineStyle: { color: p.gridLine } },
    nameTextStyle: { color: p.textMuted },
  };
  return {
    color: p.series,
    backgroundColor: 'transparent',
    textStyle: { color: p.text },
    title: { textStyle: { color: p.text } },
    legend: { textStyle: { color: p.textMuted }, pageTextStyle: { color: p.textMuted } },
    tooltip: {
      backgroundColor: p.surface,
      borderColor: p.border,
      textStyle: { color: p.text },
    },
    categoryAxis: axis,
    valueAxis: axis,
    logAxis: axis,
    timeAxis: axis,
    gauge: {
      axisLine: { lineStyle: { color: [[1, p.gridLine]] } },
      axisLabel: { color: p.textMuted },
      title: { color: p.textMuted },
      detail: { color: p.text },
    },
    visualMap: { textStyle: { color: p.textMuted } },
    geo: { itemStyle: { areaColor: p.gridLine, borderColor: p.surface } },
    map: { itemStyle: { areaColor: p.gridLine, borderColor: p.surface }, label: { color: p.text } },
  };
}

export function themeName(theme: ThemeName): string {
  return `flexboard-${theme}`;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The series palette: the branding's primary, secondary and accent (those set, each once), then the theme's own
 * series colours not already among them, so a chart with more series than brand colours still tells them apart.
 * Without branding it is the theme's palette unchanged.
 */
export function seriesColors(theme: ThemeName, brand: BrandColors | null | undefined): string[] {
  const first = brandedColors(brand);
  return [...first, ...PALETTES[theme].series.filter((c) => !first.includes(c.toLowerCase()))];
}

/**
 * The branding's primary, secondary and accent that are `#rrggbb` (lower case, each once): the apps pass the
 * published colours as they are, so a malformed one is skipped here, never drawn.
 */
export function brandedColors(brand: BrandColors | null | undefined): string[] {
  const valid = [brand?.primary, brand?.secondary, brand?.accent]
    .filter((c): c is string => typeof c === 'string' && HEX_COLOR.test(c))
    .map((c) => c.toLowerCase());
  return [...new Set(valid)];
}
