import { isDatePattern } from './format';
import { categoryField, seriesFields, valueFormatOf, yAxes } from './fields';
import type { WidgetConfig, WidgetData } from './types';

// The builder previews widgets with rows shaped by their own fields (the control plane never sees customer data).
// Numbers come from a generator seeded with the widget's own text, so a widget looks the same on every preview.

const MONTHS = 12;
const CATEGORIES = ['North', 'South', 'East', 'West', 'Central'];
const COUNTRIES = ['US', 'CA', 'MX', 'BR', 'AR', 'GB', 'FR', 'DE', 'ES', 'IT', 'PL', 'SE', 'TR', 'EG', 'NG', 'ZA', 'IN', 'CN', 'JP', 'KR', 'TH', 'VN', 'ID', 'AU'];
const EMPTY: WidgetData = { columns: [], rows: [] };
const TIME_LIKE = /month|date|day|week|period|year|time/i;

function seeded(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

/** A plausible magnitude for a value of a format: shares for percent, amounts for currency, counts otherwise. */
function scaleOf(format: string | undefined): { base: number; spread: number; round: number } {
  switch (format) {
    case 'percent':
      return { base: 0.2, spread: 0.6, round: 1000 };
    case 'currency':
      return { base: 20_000, spread: 60_000, round: 100 };
    default:
      return { base: 200, spread: 800, round: 1 };
  }
}

function value(random: () => number, format: string | undefined): number {
  const { base, spread, round } = scaleOf(format);
  return Math.round((base + random() * spread) * round) / round;
}

function data(columns: [string, string][], rows: Record<string, unknown>[]): WidgetData {
  return { columns: columns.map(([name, type]) => ({ name, type })), rows };
}

/** Month labels ("2025-01" …) for a time-like x axis, else a handful of categories. */
function categories(config: WidgetConfig, field: string): string[] {
  const format = config.chartConfig?.xAxis?.format;
  if (isDatePattern(format) || TIME_LIKE.test(field)) {
    return Array.from({ length: MONTHS }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
  }
  return CATEGORIES;
}

/** Rows shaped like the widget's query result: its axes', series' and map's fields, deterministic per widget. */
export function sampleData(config: WidgetConfig): WidgetData {
  const random = seeded(JSON.stringify([config.type, config.title ?? '', config.chartConfig ?? {}]));
  const chartConfig = config.chartConfig;
  const x = categoryField(config, EMPTY) ?? (config.type === 'pie' ? 'category' : config.type === 'scatter' ? 'x' : 'month');
  const configured = seriesFields(config, EMPTY, x);
  const series = configured.length > 0 ? configured : [{ field: config.type === 'scatter' ? 'y' : 'value' }];
  const fieldsOf = (names: string[]): [string, string][] => names.map((name) => [name, 'number']);
  switch (config.type) {
    case 'kpi': {
      const field = series[0].field;
      const format = valueFormatOf(config, field);
      const current = value(random, format);
      return data(fieldsOf([field]), [{ [field]: current }, { [field]: Math.round(current * (0.85 + random() * 0.2) * 100) / 100 }]);
    }
    case 'gauge': {
      const field = series[0].field;
      const min = chartConfig?.min ?? 0;
      const max = chartConfig?.max ?? (valueFormatOf(config, field) === 'percent' ? 1 : 1000);
      return data(fieldsOf([field]), [{ [field]: Math.round((min + (0.35 + random() * 0.55) * (max - min)) * 100) / 100 }]);
    }
    case 'map': {
      const nameField = chartConfig?.map?.nameField ?? 'country';
      const valueField = chartConfig?.map?.valueField ?? 'value';
      const region = chartConfig?.map?.region;
      const codes = region && region !== 'world' ? [region] : COUNTRIES;
      return data([[nameField, 'string'], [valueField, 'number']], codes.map((code) => ({ [nameField]: code, [valueField]: value(random, valueFormatOf(config, valueField)) })));
    }
    case 'scatter': {
      const names = [x, ...series.map((s) => s.field)];
      const rows = Array.from({ length: 40 }, () => {
        const px = Math.round(random() * 1000) / 10;
        return Object.fromEntries([[x, px], ...series.map((s) => [s.field, Math.round((px * (0.6 + random() * 0.8) + random() * 20) * 10) / 10])]);
      });
      return data(fieldsOf(names), rows);
    }
    case 'table': {
      const named = configured.length > 0 || Boolean(chartConfig?.xAxis?.field || chartConfig?.xAxisKey);
      const columns: [string, string][] = named
        ? [[x, 'string'], ...fieldsOf(series.map((s) => s.field))]
        : [['order_id', 'number'], ['customer', 'string'], ['total', 'number'], ['status', 'string']];
      const labels = categories(config, x);
      const cell = (name: string, type: string, i: number): unknown => {
        switch (name) {
          case 'order_id':
            return 10_400 + i;
          case 'customer':
            return `Customer ${String.fromCharCode(65 + i)}`;
          case 'status':
            return i % 3 === 0 ? 'open' : 'shipped';
          default:
            return type === 'string' ? labels[i % labels.length] : value(random, valueFormatOf(config, name));
        }
      };
      return data(columns, Array.from({ length: 8 }, (_, i) => Object.fromEntries(columns.map(([name, type]) => [name, cell(name, type, i)]))));
    }
    default: {
      // bar, line and pie: one row per category, one number per series, drifting like a real monthly figure.
      const labels = config.type === 'pie' && !TIME_LIKE.test(x) ? CATEGORIES : categories(config, x);
      const levels = series.map((s) => value(random, formatOfSeries(config, s.field, s.yAxisIndex)));
      const rows = labels.map((label) => Object.fromEntries([[x, label], ...series.map((s, i) => {
        levels[i] = Math.max(0, levels[i] * (0.9 + random() * 0.22));
        const round = scaleOf(formatOfSeries(config, s.field, s.yAxisIndex)).round;
        return [s.field, Math.round(levels[i] * round) / round];
      })]));
      return data([[x, 'string'], ...fieldsOf(series.map((s) => s.field))], rows);
    }
  }
}

function formatOfSeries(config: WidgetConfig, field: string, yAxisIndex: number | undefined): string | undefined {
  return valueFormatOf(config, field) ?? yAxes(config.chartConfig)[yAxisIndex ?? 0]?.format;
}
