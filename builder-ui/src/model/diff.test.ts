import { describe, expect, it } from 'vitest';
import type { VersionMetadata } from '../api/types';
import type { Branding } from '../api/types';
import { brandingChanges, sideBySide, snapshotText, summarize } from './diff';

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
    expect(summarize(before, after)).toEqual({ added: ['sales/c'], removed: ['sales/b'], changed: ['sales/a'], branding: [] });
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

const branding = (change: Partial<Branding> = {}): Branding => ({
  logo: { media_type: 'image/png', data_base64: 'iVBORw0KGgo'.repeat(2000) },
  colors: { primary: '#7c3aed', secondary: '#0ea5e9', accent: '#f59e0b', background: '#ffffff', text: '#111111' },
  font: 'Inter',
  custom_css: null,
  ...change,
} as Branding);

describe('a diff of two versions\' branding', () => {
  it('names the parts that changed', () => {
    const after = branding({ colors: { ...branding().colors, primary: '#000000' }, font: 'Lato' as Branding['font'] });

    expect(brandingChanges(branding(), after)).toEqual(['colors.primary', 'font']);
    expect(summarize({ ...version([]), branding: branding() }, { ...version([]), branding: after }).branding).toEqual(['colors.primary', 'font']);
  });

  it('names every part a branding set on one side only holds, and nothing when neither has one', () => {
    expect(brandingChanges(null, branding())).toEqual(['colors.accent', 'colors.background', 'colors.primary', 'colors.secondary', 'colors.text', 'font', 'logo']);
    expect(brandingChanges(undefined, null)).toEqual([]);
  });

  it('shows a logo as its type, size and fingerprint, so a new logo is one changed line, not 20 KB of base64', () => {
    const before = { ...version([]), branding: branding() };
    const after = { ...version([]), branding: branding({ logo: { media_type: 'image/png', data_base64: 'R0lGODlh'.repeat(2000) } }) };

    const rows = sideBySide(snapshotText(before), snapshotText(after));

    expect(rows.filter((r) => r.change !== 'same')).toHaveLength(1);
    expect(rows.find((r) => r.change === 'changed')?.left?.text).toMatch(/"logo": "image\/png, 16500 bytes, #[0-9a-f]{8}"/);
    expect(Math.max(...rows.map((r) => (r.right?.text ?? '').length))).toBeLessThan(200);
    expect(brandingChanges(before.branding, after.branding)).toEqual(['logo']);
  });

  it('keeps a version without branding comparable with one from before branding existed', () => {
    const old = version([{ name: 'a', query: 'SELECT 1' }]);

    expect(sideBySide(snapshotText(old), snapshotText({ ...old, branding: null })).every((r) => r.change === 'same')).toBe(true);
  });
});
