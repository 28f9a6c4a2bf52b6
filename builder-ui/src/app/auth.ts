import { ApiProblem, NetworkFailure } from '../api/problem';
import { sessionOf, SignInRefused, tokensOf, type Me, type Session, type SignInMethodId, type Tokens } from './session';

/** A configured single sign-on provider, as `GET /api/auth/providers` lists them. */
export interface SsoProvider {
  id: string;
  name: string;
  type: string;
  login_url: string;
}

type Fetch = typeof fetch;

async function call(fetcher: Fetch, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetcher(path, { ...init, cache: 'no-store' });
  } catch (e) {
    throw new NetworkFailure(e instanceof Error ? e.message : String(e));
  }
}

async function postJson(fetcher: Fetch, path: string, body: unknown): Promise<unknown> {
  const response = await call(fetcher, path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw await ApiProblem.from(response);
  }
  return response.json();
}

/**
 * The sign-in conversations with the control plane: every one ends in `GET /api/me`, whose answer makes
 * the session (so the role and tenants always come from the server, never from what the browser holds).
 */
export class Auth {
  constructor(private readonly fetcher: Fetch = (input, init) => fetch(input, init), private readonly clock: () => number = Date.now) {}

  /** `POST /api/auth/login`: 401 for a wrong email or password alike, 429 after repeated failures. */
  async withPassword(email: string, password: string): Promise<Session> {
    const tokens = tokensOf(await postJson(this.fetcher, '/api/auth/login', { email, password }), this.clock());
    return this.withTokens(tokens, 'password');
  }

  /** A session for tokens already issued (an SSO provider's, or a refresh's). */
  async withTokens(tokens: Tokens, method: SignInMethodId): Promise<Session> {
    return sessionOf(await this.me(tokens.accessToken), tokens.accessToken, method, tokens);
  }

  /** The break-glass admin token: a super-admin that is nobody in particular. */
  async withAdminToken(token: string): Promise<Session> {
    const bearer = token.trim();
    return sessionOf(await this.me(bearer), bearer, 'admin-token');
  }

  /**
   * New tokens for the session's refresh token (single use: the answer carries the next one) and a fresh
   * `/api/me`, so a changed role or a removed tenant shows within one access token's life.
   */
  async refreshed(session: Session): Promise<Session> {
    if (!session.refreshToken) {
      throw new SignInRefused('This session cannot be renewed. Sign in again.');
    }
    const tokens = tokensOf(await postJson(this.fetcher, '/api/auth/refresh', { refresh_token: session.refreshToken }), this.clock());
    return this.withTokens(tokens, session.method);
  }

  /** The configured SSO providers; none when the control plane has no SSO (404) or cannot say. */
  async providers(): Promise<SsoProvider[]> {
    try {
      const response = await call(this.fetcher, '/api/auth/providers', { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        return [];
      }
      const body = (await response.json()) as unknown;
      return Array.isArray(body) ? body.filter(isProvider) : [];
    } catch {
      return [];
    }
  }

  private async me(bearer: string): Promise<Me> {
    const response = await call(this.fetcher, '/api/me', { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } });
    if (!response.ok) {
      throw await ApiProblem.from(response);
    }
    return (await response.json()) as Me;
  }
}

function isProvider(value: unknown): value is SsoProvider {
  const p = value as Partial<SsoProvider> | null;
  // Only a same-origin path or an http(s) URL: a javascript: URL from a compromised answer must not become a link.
  return !!p && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.login_url === 'string'
    && (/^\/(?!\/)/.test(p.login_url) || /^https?:\/\//i.test(p.login_url));
}
