import { describe, expect, it } from 'vitest';
import { href, parse } from './router';

describe('the client-side routes', () => {
  it('round-trip through their paths', () => {
    const routes = [
      { name: 'overview' as const },
      { name: 'tenants' as const },
      { name: 'tenant' as const, tenantId: 't1' },
      { name: 'versions' as const, tenantId: 't1' },
      { name: 'branding' as const, tenantId: 't1' },
      { name: 'users' as const },
      { name: 'builder' as const, tenantId: 't1', dashboardId: 'd1', view: 'json' as const },
    ];
    for (const route of routes) {
      expect(parse(href(route))).toEqual(route);
    }
  });

  it('open the visual builder by default and know what they do not know', () => {
    expect(parse('/tenants/t1/dashboards/d1')).toEqual({ name: 'builder', tenantId: 't1', dashboardId: 'd1', view: 'visual' });
    expect(parse('/tenants/t1/dashboards/d1/elsewhere').name).toBe('not-found');
  });
});
