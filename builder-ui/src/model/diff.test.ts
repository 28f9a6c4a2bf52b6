import { describe, expect, it } from 'vitest';
import type { VersionMetadata } from '../api/types';
import { sideBySide, snapshotText, summarize } from './diff';

const version = (widgets: { name: string; query: string }[]): VersionMetadata => ({
  dashboards: [{ id: 'd1', name: 'Sales', slug: 'sales', description: null }],
  widgets: widgets.map((w, i) => ({
    id: `id-${w.name}-${i}`, dashboard_id: 'd1', name: w.name, widget_type: 'bar',
    config: { query: w.query, type: 'bar' }, position_x: 0, position_y: 0, width: 6, height: 4,
  })),
});

describe('a diff of two versions', () => {
  it('finds what was added, removed and changed per widget', () => {
    const before = version([{ name: 'a', query: 'SELECT 1' }, { name: 'b', query: 'SELECT 2' }]);
    const after = version([{ name: 'a', query: 'SELECT 10' }, { name: 'c', query: 'SELECT 3' }]);
    expect(summarize(before, after)).toEqual({ added: ['sales/c'], removed: ['sales/b'], changed: ['sales/a'] });
  });

  it('ignores ids: the same widget saved again is no change', () => {
    const before = version([{ name: 'a', query: 'SELECT 1' }]);
    const after = { ...before, widgets: before.widgets.map((w) => ({ ...w, id: 'other' })) };
    expect(sideBySide(snapshotText(before), snapshotText(after)).every((r) => r.change === 'same')).toBe(true);
  });

  it('pairs a changed line side by side and keeps line numbers', () => {
    const rows = sideBySide('a\nb\nc', 'a\nB\nc\nd');
    expect(rows.map((r) => r.change)).toEqual(['same', 'changed', 'same', 'added']);
    expect(rows[1]).toEqual({ change: 'changed', left: { number: 2, text: 'b' }, right: { number: 2, text: 'B' } });
    expect(rows[3].right).toEqual({ number: 4, text: 'd' });
  });
});
