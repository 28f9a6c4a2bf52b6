import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { Auth } from './auth';

const NOW = Date.UTC(2026, 11, 7, 4, 0, 0);

/** A control plane answering from a table of paths: the browser's fetch, as the server would answer it. */
function controlPlane(routes: Record<string, (init?: RequestInit) => Response>): typeof fetch {
  return async (input, init) => {
    const route = routes[String(input)];
    return route ? route(init) : new Response('{"status":404}', { status: 404 });
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const me = { id: 'u1', email: 'ada@acme.example', name: 'Ada', role: 'tenant-admin', tenant_ids: ['t1'], admin_token: false,
  permissions: [{ resource: 'tenants', action: 'read', scope: 'tenant' }] };

describe('signing in', () => {
  it('with email and password loads /api/me with the new access token and keeps the refresh token', async () => {
    let bearer: string | null = null;
    const auth = new Auth(controlPlane({
      '/api/auth/login': () => json({ access_token: 'a1', token_type: 'Bearer', expires_in: 60, refresh_token: 'r1' }),
      '/api/me': (init) => {
        bearer = new Headers(init?.headers).get('Authorization');
        return json(me);
      },
    }), () => NOW);

    const session = await auth.withPassword('ada@acme.example', 'a long pass phrase');

    expect(bearer).toBe('Bearer a1');
    expect(session).toMatchObject({ bearer: 'a1', refreshToken: 'r1', expiresAt: NOW + 60_000, role: 'tenant-admin', tenantIds: ['t1'],
      displayName: 'Ada', method: 'password' });
  });

  it('with a wrong password answers the server\'s 401 problem', async () => {
    const auth = new Auth(controlPlane({
      '/api/auth/login': () => json({ type: 'https://flexboard.io/problems/unauthorized', title: 'Unauthorized', status: 401 }, 401),
    }), () => NOW);

    await expect(auth.withPassword('ada@acme.example', 'wrong')).rejects.toBeInstanceOf(ApiProblem);
  });
});

describe('the SSO providers', () => {
  it('are none when the control plane has no such endpoint (404), lists none, or answers nonsense', async () => {
    for (const answer of [() => new Response('', { status: 404 }), () => json([]), () => json({ not: 'a list' }), () => new Response('<html>', { status: 200 })]) {
      expect(await new Auth(controlPlane({ '/api/auth/providers': answer })).providers()).toEqual([]);
    }
  });

  it('keep only entries with an id, a name and a same-origin or http(s) login URL', async () => {
    const auth = new Auth(controlPlane({ '/api/auth/providers': () => json([
      { id: 'okta', name: 'Okta', type: 'oidc', login_url: '/api/auth/sso/okta/login' },
      { id: 'evil', name: 'Evil', type: 'oidc', login_url: 'javascript:alert(1)' },
      { id: 'elsewhere', name: 'Elsewhere', type: 'saml', login_url: '//evil.example/login' },
      { name: 'No id', type: 'oidc', login_url: '/x' },
    ]) }));

    expect((await auth.providers()).map((p) => p.id)).toEqual(['okta']);
  });
});
