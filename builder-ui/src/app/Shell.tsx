import { useEffect, useMemo, useState } from 'preact/hooks';
import { FlexboardApi } from '../api/flexboard';
import { HttpClient } from '../api/http';
import { ToastRegion, Toasts } from '../components/Toasts';
import { Overview } from '../screens/overview/Overview';
import { SignIn } from '../screens/signin/SignIn';
import { TenantDetail } from '../screens/tenantdetail/TenantDetail';
import { Tenants } from '../screens/tenants/Tenants';
import { DashboardBuilder } from '../screens/builder/DashboardBuilder';
import { Versions } from '../screens/versions/Versions';
import { BrandingScreen } from '../screens/branding/BrandingScreen';
import { App } from './context';
import { href, navigate, onLinkClick, useRoute, type Route } from './router';
import { ApiProblem, describe } from '../api/problem';
import { Users } from '../screens/users/Users';
import { roleLabel } from '../screens/users/usersModel';
import { Auth } from './auth';
import { Renewal } from './renewal';
import { can, sessionStore, signedInFragment, type Session } from './session';
import { applyTheme, currentTheme, type Theme } from './theme';

/** The signed-in frame (navigation, theme, sign-out) around the screen the route names. */
export function Shell() {
  const auth = useMemo(() => new Auth(), []);
  const [session, setSession] = useState<Session | null>(sessionStore.load());
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [arriving, setArriving] = useState(() => /^#\/?signed-in/.test(location.hash));
  const { route } = useRoute();
  const toasts = useMemo(() => new Toasts(), []);

  const start = (next: Session) => {
    sessionStore.save(next);
    setNotice(undefined);
    setSession(next);
  };
  const end = (message?: string) => {
    sessionStore.clear();
    setSession(null);
    setNotice(message);
  };
  const renewal = useMemo(() => new Renewal(auth, start, end), [auth]);
  const api = useMemo(() => new FlexboardApi(new HttpClient(
    () => sessionStore.load()?.bearer ?? null,
    () => end('Your session ended: the control plane no longer accepts it. Sign in again.'),
    () => renewal.now(),
  )), [renewal]);

  // An SSO provider's sign-in ends at /#/signed-in with the tokens in the fragment: take them, then wipe them
  // from the address bar and history before anything else can read or bookmark them.
  useEffect(() => {
    if (!arriving) {
      return;
    }
    const hash = location.hash;
    history.replaceState(null, '', location.pathname + location.search);
    let tokens;
    try {
      tokens = signedInFragment(hash, Date.now());
    } catch (e) {
      end(describe(e));
      setArriving(false);
      return;
    }
    if (!tokens) {
      setArriving(false);
      return;
    }
    auth.withTokens(tokens, 'sso')
      .then((next) => {
        api.http.tokens.clear();
        start(next);
      })
      .catch((e) => end(e instanceof ApiProblem && e.status === 401
        ? 'The single sign-on was not accepted by the control plane (expired or revoked). Sign in again.' : describe(e)))
      .finally(() => setArriving(false));
  }, []);

  // Renew the access token before it expires (it lives a minute); the admin token never does.
  useEffect(() => renewal.schedule(session), [renewal, session]);

  useEffect(() => {
    if (arriving) {
      return;
    }
    if (!session && route.name !== 'signin') {
      navigate({ name: 'signin' }, { replace: true });
    }
    if (session && route.name === 'signin') {
      navigate({ name: 'overview' }, { replace: true });
    }
  }, [session, route.name, arriving]);

  useEffect(() => {
    document.title = `${titleOf(route)} · Flexboard`;
  }, [route]);

  if (arriving) {
    return <div class="signin"><div class="signin-card" role="status">Signing in…</div></div>;
  }

  if (!session || route.name === 'signin') {
    return (
      <>
        <SignIn auth={auth} notice={notice} onSignedIn={(s) => {
          api.http.tokens.clear();
          start(s);
        }} />
        <ToastRegion toasts={toasts} />
      </>
    );
  }

  const signOut = () => {
    api.http.tokens.clear();
    end();
  };

  return (
    <App.Provider value={{ api, session, toasts }}>
      <div class="shell" onClick={onLinkClick}>
        <a class="skip-link" href="#main">Skip to content</a>
        <aside class="sidebar">
          <a class="brand" href="/" aria-label="Flexboard overview">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Flexboard</span>
          </a>
          <nav aria-label="Main">
            <ul>
              <li><a href="/" aria-current={route.name === 'overview' ? 'page' : undefined}>Overview</a></li>
              <li><a href="/tenants" aria-current={isTenantRoute(route) ? 'page' : undefined}>Tenants</a></li>
              {can(session, 'read-users') && (
                <li><a href="/users" aria-current={route.name === 'users' ? 'page' : undefined}>Users</a></li>
              )}
            </ul>
          </nav>
          <div class="sidebar-footer">
            <ThemeToggle />
            <div class="who" data-testid="signed-in-as">
              <span class="avatar" aria-hidden="true">{session.displayName.charAt(0)}</span>
              <span>
                <strong>{session.displayName}</strong>
                <span class="muted" data-testid="signed-in-role">{roleLabel(session.role)}</span>
              </span>
            </div>
            <button type="button" class="button button-ghost" onClick={signOut}>Sign out</button>
          </div>
        </aside>
        <main id="main" class="main" tabIndex={-1}>
          <Screen route={route} />
        </main>
      </div>
      <ToastRegion toasts={toasts} />
    </App.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <Overview />;
    case 'tenants':
      return <Tenants />;
    case 'tenant':
      return <TenantDetail key={route.tenantId} tenantId={route.tenantId} />;
    case 'builder':
      return <DashboardBuilder key={route.dashboardId} tenantId={route.tenantId} dashboardId={route.dashboardId} view={route.view} />;
    case 'versions':
      return <Versions key={route.tenantId} tenantId={route.tenantId} />;
    case 'branding':
      return <BrandingScreen key={route.tenantId} tenantId={route.tenantId} />;
    case 'users':
      return <Users />;
    case 'signin':
      return null;
    case 'not-found':
      return (
        <div class="not-found">
          <h1>Page not found</h1>
          <p>Nothing lives at <code>{route.path}</code>.</p>
          <a class="button button-primary" href={href({ name: 'overview' })}>Go to the overview</a>
        </div>
      );
  }
}

function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(currentTheme());
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" class="button button-ghost theme-toggle" aria-pressed={theme === 'dark'}
      onClick={() => {
        applyTheme(next);
        setTheme(next);
      }}>
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> {theme === 'dark' ? 'Light theme' : 'Dark theme'}
    </button>
  );
}

function isTenantRoute(route: Route): boolean {
  return route.name === 'tenants' || route.name === 'tenant' || route.name === 'builder' || route.name === 'versions'
    || route.name === 'branding';
}

function titleOf(route: Route): string {
  switch (route.name) {
    case 'signin': return 'Sign in';
    case 'overview': return 'Overview';
    case 'tenants': return 'Tenants';
    case 'tenant': return 'Tenant';
    case 'builder': return 'Dashboard builder';
    case 'versions': return 'Versions';
    case 'branding': return 'Branding';
    case 'users': return 'Users';
    case 'not-found': return 'Not found';
  }
}
