import type { WidgetConfig } from '../api/types';

/** Rows shaped like the widget's query result, so the preview shows the layout before any agent runs it. */
export interface SampleData {
  x: string;
  y: string;
  rows: Record<string, string | number>[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];

/** Deterministic numbers from the widget's own text: a widget looks the same on every preview. */
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

export function sampleFor(config: WidgetConfig, seed: string): SampleData {
  const x = config.chartConfig?.xAxisKey || (config.type === 'pie' ? 'category' : 'label');
  const y = config.chartConfig?.yAxisKey || 'value';
  const random = seeded(`${seed}:${config.type}:${x}:${y}`);
  const labels = config.type === 'pie' ? REGIONS : MONTHS;
  const rows = labels.map((label) => ({ [x]: label, [y]: Math.round(200 + random() * 800) }));
  if (config.type === 'scatter' || config.type === 'map') {
    return {
      x,
      y,
      rows: Array.from({ length: 24 }, () => ({
        [x]: Math.round(random() * 1000) / 10,
        [y]: Math.round(random() * 1000) / 10,
      })),
    };
  }
  return { x, y, rows };
}
