import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { actorName, changeBody, createBody, emptyForm, formOf, formProblems } from './usersModel';

const ada: User = { id: 'u1', email: 'ada@acme.example', name: 'Ada', role: 'viewer', tenant_ids: ['t1'], is_active: true,
  created_at: '2026-12-07T04:00:00Z', updated_at: '2026-12-07T04:00:00Z' };

describe('the user form', () => {
  it('names each problem by the API field it will be sent as', () => {
    const problems = formProblems({ ...emptyForm(), email: 'not-an-email', password: 'short' }, true);
    expect(problems.map((p) => p.field)).toEqual(['email', 'name', 'password', 'tenant_ids']);
  });

  it('refuses a password longer than 72 bytes in UTF-8 even when it has fewer characters', () => {
    const problems = formProblems({ ...emptyForm(), email: 'a@b.example', name: 'A', password: 'ก'.repeat(30), tenantIds: ['t1'] }, true);
    expect(problems).toEqual([{ field: 'password', message: 'must be at most 72 bytes in UTF-8' }]);
  });

  it('gives a super-admin no tenants, whatever was ticked', () => {
    const body = createBody({ ...emptyForm(), email: ' boss@vendor.example ', name: 'Boss', role: 'super-admin', tenantIds: ['t1'] });
    expect(body).toEqual({ email: 'boss@vendor.example', name: 'Boss', role: 'super-admin', tenant_ids: [] });
    expect(formProblems({ ...emptyForm(), email: 'boss@vendor.example', name: 'Boss', role: 'super-admin' }, true)).toEqual([]);
  });

  it('sends only what changed when editing', () => {
    expect(changeBody(ada, formOf(ada))).toEqual({});
    expect(changeBody(ada, { ...formOf(ada), role: 'tenant-admin', tenantIds: ['t1', 't2'] }))
      .toEqual({ role: 'tenant-admin', tenant_ids: ['t1', 't2'] });
  });
});

describe('an actor in the history', () => {
  it('is shown by name when the user is known, as the admin token when it was, and as recorded otherwise', () => {
    expect(actorName('ADA@acme.example', [ada])).toEqual({ name: 'Ada', title: 'ADA@acme.example' });
    expect(actorName('admin', [ada]).name).toBe('Admin token');
    expect(actorName('sso:okta', [ada])).toEqual({ name: 'sso:okta' });
    expect(actorName(null, []).name).toBe('—');
  });
});
