/**
 * Who is signed in. Every way in (email and password, an SSO provider, the break-glass admin token) ends
 * with a bearer credential and `GET /api/me`, which makes the same Session: screens only ever ask
 * `can(session, ...)`, and the server enforces the same table again.
 */
export type Role = 'super-admin' | 'tenant-admin' | 'dashboard-editor' | 'viewer';

/** One line of the server's permission table, as `/api/me` lists the caller's role's lines. */
export interface Permission {
  resource: string;
  action: string;
  scope: string;
}

/** The caller as `GET /api/me` answers it. */
export interface Me {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  tenant_ids: string[];
  admin_token: boolean;
  permissions: Permission[];
}

/** The tokens of a password or SSO sign-in: the access token expires within a minute, the refresh token renews it. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
}

export type SignInMethodId = 'password' | 'sso' | 'admin-token';

export interface Session {
  /** The bearer credential every API call carries. */
  bearer: string;
  displayName: string;
  email: string | null;
  role: Role;
  /** The tenants the role applies to; empty for a super-admin, who has them all. */
  tenantIds: string[];
  permissions: Permission[];
  method: SignInMethodId;
  /** Absent for the admin token, which never expires. */
  refreshToken?: string;
  expiresAt?: number;
}

/** The session of a caller `/api/me` described, signed in with these tokens (none: the admin token). */
export function sessionOf(me: Me, bearer: string, method: SignInMethodId, tokens?: Tokens): Session {
  return {
    bearer,
    displayName: me.admin_token ? 'Admin token' : me.name || me.email || 'Signed in',
    email: me.email,
    role: me.role,
    tenantIds: me.tenant_ids ?? [],
    permissions: me.permissions ?? [],
    method,
    refreshToken: tokens?.refreshToken,
    expiresAt: tokens?.expiresAt,
  };
}

/** Why a sign-in could not start a session, in words for the sign-in screen. */
export class SignInRefused extends Error {}

/**
 * The tokens of a `POST /api/auth/login` or `/api/auth/refresh` answer; refuses an answer without an access
 * token, a refresh token or a positive lifetime, and an access token already expired by its own `exp`.
 */
export function tokensOf(answer: unknown, now: number): Tokens {
  const body = (answer ?? {}) as Record<string, unknown>;
  return checkedTokens(body.access_token, body.refresh_token, body.expires_in, now);
}

/**
 * The tokens an SSO provider's sign-in hands over in the URL fragment of `/#/signed-in`
 * (`access_token`, `refresh_token`, `expires_in`); never in the query string, which servers log.
 * Null when the fragment is not a sign-in's at all.
 */
export function signedInFragment(hash: string, now: number): Tokens | null {
  const match = /^#\/?signed-in(?:[?&](.*))?$/s.exec(hash);
  if (!match) {
    return null;
  }
  const params = new URLSearchParams(match[1] ?? '');
  const error = params.get('error');
  if (error) {
    throw new SignInRefused(`Single sign-on failed: ${params.get('error_description') || error}`);
  }
  return checkedTokens(params.get('access_token'), params.get('refresh_token'), params.get('expires_in'), now);
}

function checkedTokens(access: unknown, refresh: unknown, expiresIn: unknown, now: number): Tokens {
  if (typeof access !== 'string' || access.trim() === '') {
    throw new SignInRefused('The sign-in did not hand over an access token. Sign in again.');
  }
  if (typeof refresh !== 'string' || refresh.trim() === '') {
    throw new SignInRefused('The sign-in did not hand over a refresh token. Sign in again.');
  }
  const seconds = typeof expiresIn === 'number' ? expiresIn : Number(expiresIn);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new SignInRefused('The sign-in handed over a token without a valid lifetime (expires_in). Sign in again.');
  }
  const expiresAt = now + seconds * 1000;
  const claimed = expiryClaim(access);
  if (claimed !== null && claimed <= now) {
    throw new SignInRefused('That sign-in has expired. Sign in again.');
  }
  return { accessToken: access, refreshToken: refresh, expiresAt: claimed === null ? expiresAt : Math.min(expiresAt, claimed) };
}

/** The `exp` of a JWT in epoch milliseconds; null when the token is not a readable JWT (the server decides then). */
export function expiryClaim(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * When to renew: a quarter of the token's remaining life before it expires, at least 5 s before and never
 * in the past, so a 60 s token is renewed 15 s early and a request rarely meets an expired one.
 */
export function refreshDelay(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  return Math.max(0, left - Math.max(5000, left / 4));
}

/** Which screens and buttons a session gets; the server's permission table has the last word. */
export type Ability =
  | 'edit'
  | 'create-dashboard'
  | 'publish'
  | 'save-version'
  | 'manage-tenants'
  | 'pause-tenant'
  | 'edit-branding'
  | 'manage-api-keys'
  | 'read-api-keys'
  | 'read-history'
  | 'read-users'
  | 'manage-users';

const ABILITIES: Record<Ability, [resource: string, action: string]> = {
  edit: ['widgets', 'update'],
  'create-dashboard': ['dashboards', 'create'],
  publish: ['versions', 'publish'],
  'save-version': ['versions', 'create'],
  'manage-tenants': ['tenants', 'create'],
  'pause-tenant': ['tenants', 'update'],
  'edit-branding': ['branding', 'update'],
  'manage-api-keys': ['api_keys', 'create'],
  'read-api-keys': ['api_keys', 'read'],
  'read-history': ['history', 'read'],
  'read-users': ['users', 'read'],
  'manage-users': ['users', 'create'],
};

/**
 * Whether the session's role has the ability anywhere: a line of its table for the resource and action
 * (`any` is the table's `*`). An editor's `own` lines count, since the server checks who created what.
 */
export function can(session: Session | null, ability: Ability): boolean {
  if (!session) {
    return false;
  }
  const [resource, action] = ABILITIES[ability];
  return session.permissions.some((line) =>
    (line.resource === 'any' || line.resource === resource) && (line.action === 'any' || line.action === action));
}

const KEY = 'flexboard.session';

/**
 * The session lives in sessionStorage: gone when the tab closes, never shared with other sites. A stored
 * session of an older shape (before roles came from /api/me) counts as none.
 */
export const sessionStore = {
  load(): Session | null {
    try {
      const raw = sessionStorage.getItem(KEY);
      const session = raw ? (JSON.parse(raw) as Session) : null;
      return session && typeof session.bearer === 'string' && Array.isArray(session.permissions) ? session : null;
    } catch {
      return null;
    }
  },
  save(session: Session): void {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
