/**
 * Who is signed in. Today one admin token stands for every builder (the server's only credential);
 * roles and SSO (OIDC, SAML) will arrive as other {@link SignInMethod}s producing the same Session,
 * so screens only ever ask `session.can(...)`.
 */
export type Role = 'super-admin' | 'tenant-admin' | 'dashboard-editor' | 'viewer';

export interface Session {
  /** The bearer credential every API call carries. */
  bearer: string;
  displayName: string;
  roles: Role[];
  method: 'admin-token';
}

export interface SignInMethod {
  readonly id: Session['method'];
  /** Checks the credential against the server; resolves to the session, rejects with the server's problem. */
  signIn(credential: string, verify: (bearer: string) => Promise<void>): Promise<Session>;
}

export const adminToken: SignInMethod = {
  id: 'admin-token',
  async signIn(credential, verify) {
    const bearer = credential.trim();
    await verify(bearer);
    return { bearer, displayName: 'Admin', roles: ['super-admin'], method: 'admin-token' };
  },
};

const KEY = 'flexboard.session';

/** The session lives in sessionStorage: gone when the tab closes, never shared with other sites. */
export const sessionStore = {
  load(): Session | null {
    try {
      const raw = sessionStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as Session) : null;
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

export function can(session: Session | null, action: 'edit' | 'publish' | 'manage-tenants'): boolean {
  if (!session) {
    return false;
  }
  if (session.roles.includes('super-admin')) {
    return true;
  }
  return action !== 'manage-tenants' && session.roles.includes('tenant-admin');
}
