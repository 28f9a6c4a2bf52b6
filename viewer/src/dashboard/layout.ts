import type { WidgetPlacement } from '../api/types';

/** The builder's grid: 12 columns (builder-ui's GRID_COLUMNS), rows of one cell height each. */
export const GRID_COLUMNS = 12;

export interface GridPlace {
  column: number;
  row: number;
  columnSpan: number;
  rowSpan: number;
}

/**
 * Where a widget sits on the CSS grid (1-based lines), as designed. Values the builder would refuse
 * (negative, fractional, wider than the grid) are clamped, so one bad widget cannot push the others off screen.
 */
export function gridPlace(widget: Pick<WidgetPlacement, 'position_x' | 'position_y' | 'width' | 'height'>): GridPlace {
  const x = clamp(widget.position_x, 0, GRID_COLUMNS - 1, 0);
  const width = clamp(widget.width, 1, GRID_COLUMNS - x, GRID_COLUMNS - x);
  const y = clamp(widget.position_y, 0, 10_000, 0);
  const height = clamp(widget.height, 1, 100, 4);
  return { column: x + 1, row: y + 1, columnSpan: width, rowSpan: height };
}

/** A dashboard's widgets in reading order (top to bottom, left to right): the narrow layout's stacking order and tab order. */
export function readingOrder<T extends Pick<WidgetPlacement, 'position_x' | 'position_y' | 'name'>>(widgets: T[]): T[] {
  return [...widgets].sort((a, b) => a.position_y - b.position_y || a.position_x - b.position_x || a.name.localeCompare(b.name));
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) {
    return fallback;
  }
  return Math.min(max, Math.max(min, Math.floor(value)));
}
