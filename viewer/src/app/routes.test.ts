import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './routes';

describe('hash routes', () => {
  it('an empty or unknown hash opens the dashboard list', () => {
    expect(parseRoute('')).toEqual({ screen: 'home' });
    expect(parseRoute('#/')).toEqual({ screen: 'home' });
    expect(parseRoute('#/x/y/z')).toEqual({ screen: 'home' });
    expect(parseRoute('#/d/')).toEqual({ screen: 'home' });
  });

  it('a dashboard route names the dashboard by its slug, decoded', () => {
    expect(parseRoute('#/d/sales')).toEqual({ screen: 'dashboard', slug: 'sales' });
    expect(parseRoute('#/d/%E0%B8%A2%E0%B8%AD%E0%B8%94%E0%B8%82%E0%B8%B2%E0%B8%A2')).toEqual({ screen: 'dashboard', slug: 'ยอดขาย' });
  });

  it('a malformed escape stays as typed instead of breaking the viewer', () => {
    expect(parseRoute('#/d/%E0%A4')).toEqual({ screen: 'dashboard', slug: '%E0%A4' });
  });

  it('a drill route carries the clicked point fields', () => {
    expect(parseRoute('#/d/sales/drill/revenue?month=2026-03&region=North%20East')).toEqual({
      screen: 'drill', slug: 'sales', widget: 'revenue', point: { month: '2026-03', region: 'North East' }, filters: {},
    });
  });

  it('a drill route carries the filter values the widget had when clicked, apart from the point', () => {
    expect(parseRoute('#/d/sales/drill/revenue?month=2026-03&f:region=South&f:tags=a&f:tags=b&f:period=')).toEqual({
      screen: 'drill', slug: 'sales', widget: 'revenue', point: { month: '2026-03' },
      filters: { region: ['South'], tags: ['a', 'b'], period: [''] },
    });
  });

  it('every route survives a round trip through its hash', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'dashboard', slug: 'q1 & q2/2026' },
      { screen: 'drill', slug: 'sales', widget: 'by-month', point: { month: '2026-03', note: 'a&b=c?' }, filters: {} },
      { screen: 'drill', slug: 'sales', widget: 'by-month', point: {}, filters: {} },
      { screen: 'drill', slug: 'sales', widget: 'by-month', point: { month: '2026-03' },
        filters: { region: ['South & East'], tags: ['a', 'b=c'], period: [''] } },
    ];
    for (const route of routes) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});
