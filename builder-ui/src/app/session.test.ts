import { describe, expect, it } from 'vitest';
import { can, expiryClaim, refreshDelay, sessionOf, signedInFragment, SignInRefused, tokensOf, type Me } from './session';

const NOW = Date.UTC(2026, 11, 7, 4, 0, 0);

/** An unsigned JWT-shaped token whose `exp` is {@code expSeconds}; the browser never checks signatures, the server does. */
function jwt(expSeconds: number): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'RS256' })}.${part({ sub: 'u1', exp: expSeconds })}.signature`;
}

const me = (role: Me['role'], permissions: Me['permissions']): Me => ({
  id: 'u1', email: 'ada@acme.example', name: 'Ada', role, tenant_ids: role === 'super-admin' ? [] : ['t1'], admin_token: false, permissions,
});

describe('the fragment an SSO sign-in ends with', () => {
  it('hands over the tokens and when the access token expires', () => {
    const access = jwt(NOW / 1000 + 60);
    const tokens = signedInFragment(`#/signed-in?access_token=${access}&refresh_token=r1&expires_in=60`, NOW);
    expect(tokens).toEqual({ accessToken: access, refreshToken: 'r1', expiresAt: NOW + 60_000 });
  });

  it('is read whether its parameters follow a ? or an &', () => {
    expect(signedInFragment('#/signed-in&access_token=a&refresh_token=r&expires_in=30', NOW)?.expiresAt).toBe(NOW + 30_000);
  });

  it('is no sign-in at all when the fragment is something else', () => {
    expect(signedInFragment('', NOW)).toBeNull();
    expect(signedInFragment('#/tenants', NOW)).toBeNull();
    expect(signedInFragment('#/signed-inx?access_token=a', NOW)).toBeNull();
  });

  it('without an access token or a refresh token is refused with a message saying which', () => {
    expect(() => signedInFragment('#/signed-in?refresh_token=r&expires_in=60', NOW)).toThrow(/access token/);
    expect(() => signedInFragment('#/signed-in?access_token=a&expires_in=60', NOW)).toThrow(/refresh token/);
    expect(() => signedInFragment('#/signed-in', NOW)).toThrow(SignInRefused);
  });

  it('with a malformed or non-positive lifetime is refused', () => {
    for (const expiresIn of ['soon', '-5', '0', '', 'NaN', 'Infinity']) {
      expect(() => signedInFragment(`#/signed-in?access_token=a&refresh_token=r&expires_in=${expiresIn}`, NOW))
        .toThrow(/expires_in/);
    }
  });

  it('whose access token has already expired is refused, so the screen goes back to sign-in', () => {
    const stale = jwt(NOW / 1000 - 1);
    expect(() => signedInFragment(`#/signed-in?access_token=${stale}&refresh_token=r&expires_in=60`, NOW)).toThrow(/expired/);
  });

  it("that carries the provider's refusal shows it", () => {
    expect(() => signedInFragment('#/signed-in?error=access_denied&error_description=No%20mapped%20group', NOW))
      .toThrow('Single sign-on failed: No mapped group');
  });

  it('with percent-garbage or a huge value does not crash the parser', () => {
    expect(() => signedInFragment('#/signed-in?access_token=%E0%A4%A&refresh_token=%&expires_in=%%', NOW)).toThrow(SignInRefused);
    const huge = 'a'.repeat(200_000);
    expect(signedInFragment(`#/signed-in?access_token=${huge}&refresh_token=r&expires_in=60`, NOW)?.accessToken).toHaveLength(200_000);
  });
});

describe('the answer of a password sign-in or a refresh', () => {
  it('becomes tokens expiring by the earlier of expires_in and the token\'s own exp', () => {
    const access = jwt(NOW / 1000 + 30);
    expect(tokensOf({ access_token: access, refresh_token: 'r', expires_in: 60 }, NOW).expiresAt).toBe(NOW + 30_000);
  });

  it('without a token or with a nonsense body is refused', () => {
    expect(() => tokensOf(null, NOW)).toThrow(SignInRefused);
    expect(() => tokensOf({ access_token: 42, refresh_token: 'r', expires_in: 60 }, NOW)).toThrow(/access token/);
  });

  it("reads no exp from a token that is not a JWT (the server judges it)", () => {
    expect(expiryClaim('opaque')).toBeNull();
    expect(expiryClaim('a.!!!.c')).toBeNull();
  });
});

describe('renewal', () => {
  it('comes a quarter of the remaining life before expiry, at least 5 s before, never in the past', () => {
    expect(refreshDelay(NOW + 60_000, NOW)).toBe(45_000);
    expect(refreshDelay(NOW + 12_000, NOW)).toBe(7_000);
    expect(refreshDelay(NOW + 3_000, NOW)).toBe(0);
    expect(refreshDelay(NOW - 1_000, NOW)).toBe(0);
  });
});

describe('what a session can do', () => {
  const tenantAdmin = sessionOf(me('tenant-admin', [
    { resource: 'tenants', action: 'read', scope: 'tenant' },
    { resource: 'versions', action: 'any', scope: 'tenant' },
    { resource: 'api_keys', action: 'any', scope: 'tenant' },
    { resource: 'branding', action: 'read', scope: 'tenant' },
    { resource: 'users', action: 'read', scope: 'tenant' },
  ]), 'token', 'password');
  const viewer = sessionOf(me('viewer', [{ resource: 'dashboards', action: 'read', scope: 'tenant' }]), 'token', 'password');
  const superAdmin = sessionOf(me('super-admin', [{ resource: 'any', action: 'any', scope: 'all' }]), 'token', 'password');

  it("follows the server's permission lines from /api/me", () => {
    expect(can(tenantAdmin, 'publish')).toBe(true);
    expect(can(tenantAdmin, 'manage-api-keys')).toBe(true);
    expect(can(tenantAdmin, 'read-users')).toBe(true);
    expect(can(tenantAdmin, 'manage-users')).toBe(false);
    expect(can(tenantAdmin, 'manage-tenants')).toBe(false);
    expect(can(tenantAdmin, 'edit-branding')).toBe(false);
    expect(can(viewer, 'edit')).toBe(false);
    expect(can(viewer, 'publish')).toBe(false);
    expect(can(superAdmin, 'manage-users')).toBe(true);
    expect(can(null, 'edit')).toBe(false);
  });

  it('shows the person by name and the admin token as itself', () => {
    expect(tenantAdmin.displayName).toBe('Ada');
    expect(sessionOf({ ...me('super-admin', []), admin_token: true, email: null, name: 'Admin token' }, 't', 'admin-token').displayName)
      .toBe('Admin token');
  });
});
