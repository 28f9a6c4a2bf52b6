import { formatValue } from '../format';
import { brandedColors, PALETTES, seriesColors, type Palette } from '../theme';
import type { BrandColors, DrawOptions, WidgetConfig, WidgetData } from '../types';

/** Everything an option builder reads: the widget, its rows and how they are drawn. */
export interface OptionContext {
  config: WidgetConfig;
  data: WidgetData;
  theme: DrawOptions['theme'];
  compact: boolean;
  locale?: string;
  currency?: string;
  brand?: BrandColors | null;
}

export type EChartsOption = Record<string, unknown>;

export function contextOf(config: WidgetConfig, data: WidgetData, options: DrawOptions): OptionContext {
  return {
    config, data, theme: options.theme, compact: options.compact ?? false, locale: options.locale, currency: options.currency,
    brand: options.brand,
  };
}

export function palette(ctx: OptionContext): Palette {
  return PALETTES[ctx.theme];
}

/** A formatter of one format in the widget's locale and currency. */
export function formatter(ctx: OptionContext, format: string | undefined): (value: unknown) => string {
  return (value) => formatValue(value, format, ctx.locale, ctx.currency);
}

/** visual.colors (Phase 3) or chartConfig.colors (Phase 2), blanks dropped. */
export function colors(ctx: OptionContext): string[] | undefined {
  const chosen = (ctx.config.visual?.colors ?? ctx.config.chartConfig?.colors)?.filter((c) => typeof c === 'string' && c.trim() !== '');
  return chosen && chosen.length > 0 ? chosen : undefined;
}

/** The legend is shown unless visual.showLegend is false; compact tiles never show it. */
export function showLegend(ctx: OptionContext, defaultShown: boolean): boolean {
  return !ctx.compact && (ctx.config.visual?.showLegend ?? defaultShown);
}

/** The series colours: the widget's own, else the tenant's branding ahead of the theme's palette, else the theme's. */
export function seriesPalette(ctx: OptionContext): string[] | undefined {
  return colors(ctx) ?? (brandedColors(ctx.brand).length > 0 ? seriesColors(ctx.theme, ctx.brand) : undefined);
}

/** What every chart shares: transparent background, animation, colours. */
export function baseOption(ctx: OptionContext): EChartsOption {
  const chosen = seriesPalette(ctx);
  return {
    backgroundColor: 'transparent',
    animation: !ctx.compact && (ctx.config.visual?.animation ?? true),
    ...(chosen ? { color: chosen } : {}),
  };
}
