import { describe, expect, it } from 'vitest';
import { gridPlace, readingOrder } from './layout';

const at = (position_x: number, position_y: number, width: number, height: number, name = 'w') => ({ position_x, position_y, width, height, name });

describe('dashboard layout', () => {
  it('places a widget on 1-based grid lines as designed', () => {
    expect(gridPlace(at(0, 0, 6, 4))).toEqual({ column: 1, row: 1, columnSpan: 6, rowSpan: 4 });
    expect(gridPlace(at(6, 4, 6, 3))).toEqual({ column: 7, row: 5, columnSpan: 6, rowSpan: 3 });
  });

  it('clamps a widget the builder would refuse instead of pushing it off the grid', () => {
    expect(gridPlace(at(10, 0, 6, 4))).toEqual({ column: 11, row: 1, columnSpan: 2, rowSpan: 4 });
    expect(gridPlace(at(-3, -1, 0, 0))).toEqual({ column: 1, row: 1, columnSpan: 1, rowSpan: 1 });
    expect(gridPlace(at(99, 2.7, 1.5, 1e9))).toEqual({ column: 12, row: 3, columnSpan: 1, rowSpan: 100 });
    expect(gridPlace(at(NaN, NaN, NaN, NaN))).toEqual({ column: 1, row: 1, columnSpan: 12, rowSpan: 4 });
  });

  it('orders widgets top to bottom, then left to right', () => {
    const widgets = [at(6, 4, 6, 4, 'c'), at(6, 0, 6, 4, 'b'), at(0, 4, 6, 4, 'd'), at(0, 0, 6, 4, 'a')];
    expect(readingOrder(widgets).map((w) => w.name)).toEqual(['a', 'b', 'd', 'c']);
    expect(widgets[0].name).toBe('c');
  });
});
