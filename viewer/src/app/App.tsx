import { useEffect, useState } from 'preact/hooks';
import { fetchConfig, ViewerError } from '../api/agent';
import type { PublishedConfig } from '../api/types';
import { DashboardView } from '../dashboard/DashboardView';
import { DrillPage } from '../dashboard/DrillPage';
import { applyBranding, BrandColorsContext } from './branding';
import { parseRoute, routeHash, type Route } from './routes';
import { Switcher } from './Switcher';
import { initialTheme, rememberTheme, type Theme } from './theme';

type Published = { state: 'loading' } | { state: 'ready'; published: PublishedConfig } | { state: 'error'; message: string; status: number };

/** The viewer: the agent's published dashboards, one at a time, in the tenant's branding. */
export function App() {
  const [published, setPublished] = useState<Published>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [theme, setTheme] = useState<Theme>(initialTheme);

  useEffect(() => {
    const controller = new AbortController();
    fetchConfig(controller.signal).then(
      (config) => setPublished({ state: 'ready', published: config }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          const status = error instanceof ViewerError ? error.status : 0;
          setPublished({ state: 'error', status, message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const config = published.state === 'ready' ? published.published : undefined;
  const branding = applyBranding(config?.branding);
  const brand = config?.branding?.colors ?? undefined;
  const dashboards = config?.dashboards ?? [];
  const slug = route.screen === 'home' ? undefined : route.slug;
  const dashboard = dashboards.find((one) => one.slug === slug);

  useEffect(() => {
    document.title = dashboard ? `${dashboard.name} · Dashboards` : 'Dashboards';
  }, [dashboard]);

  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    rememberTheme(next);
    setTheme(next);
  };

  return (
    <BrandColorsContext.Provider value={brand}>
      <div class="fb-viewer" data-theme={theme} style={branding.variables}>
        {branding.css && <style>{branding.css}</style>}
        <header class="topbar">
          <a class="brand" href={routeHash({ screen: 'home' })}>
            {branding.logo ? <img src={branding.logo} alt="Home" class="logo" /> : <span>Dashboards</span>}
          </a>
          {dashboards.length > 0 && <Switcher dashboards={dashboards} current={slug} />}
          <button type="button" class="theme-toggle" onClick={toggleTheme} aria-pressed={theme === 'dark'}>
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </button>
        </header>
        <main>
          {published.state === 'loading' && <p aria-busy="true">Loading dashboards…</p>}
          {published.state === 'error' && (
            <div class="page-error" role="alert">
              <h1>{published.status === 404 ? 'No dashboards yet' : 'The dashboards cannot be shown'}</h1>
              <p>{published.message}</p>
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>Retry</button>
            </div>
          )}
          {config && route.screen === 'home' && (
            <section aria-labelledby="home-title">
              <h1 id="home-title">Dashboards</h1>
              {dashboards.length === 0 ? <p>No dashboard is published yet.</p> : (
                <ul class="dashboard-list">
                  {dashboards.map((one) => (
                    <li key={one.id}>
                      <a href={routeHash({ screen: 'dashboard', slug: one.slug })}>{one.name}</a>
                      {one.description && <p>{one.description}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {config && route.screen !== 'home' && !dashboard && (
            <div class="page-error" role="alert">
              <h1>No such dashboard</h1>
              <p>No published dashboard is called “{slug}”. <a href={routeHash({ screen: 'home' })}>All dashboards</a></p>
            </div>
          )}
          {config && dashboard && route.screen === 'dashboard' && <DashboardView dashboard={dashboard} published={config} theme={theme} />}
          {config && dashboard && route.screen === 'drill' && (
            <DrillPage dashboard={dashboard} published={config} widget={route.widget} point={route.point} filters={route.filters}
                       theme={theme} />
          )}
        </main>
      </div>
    </BrandColorsContext.Provider>
  );
}
