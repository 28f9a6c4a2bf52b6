import { useEffect, useState } from 'preact/hooks';

/** The screens and their paths; the router's one table. */
export type Route =
  | { name: 'signin' }
  | { name: 'overview' }
  | { name: 'tenants' }
  | { name: 'tenant'; tenantId: string }
  | { name: 'builder'; tenantId: string; dashboardId: string; view: BuilderView }
  | { name: 'versions'; tenantId: string }
  | { name: 'branding'; tenantId: string }
  | { name: 'users' }
  | { name: 'not-found'; path: string };

export type BuilderView = 'visual' | 'json' | 'preview';
const BUILDER_VIEWS: BuilderView[] = ['visual', 'json', 'preview'];

export function parse(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'overview')) {
    return { name: 'overview' };
  }
  if (parts[0] === 'signin' && parts.length === 1) {
    return { name: 'signin' };
  }
  if (parts[0] === 'users' && parts.length === 1) {
    return { name: 'users' };
  }
  if (parts[0] === 'tenants') {
    if (parts.length === 1) {
      return { name: 'tenants' };
    }
    const tenantId = parts[1];
    if (parts.length === 2) {
      return { name: 'tenant', tenantId };
    }
    if (parts.length === 3 && parts[2] === 'versions') {
      return { name: 'versions', tenantId };
    }
    if (parts.length === 3 && parts[2] === 'branding') {
      return { name: 'branding', tenantId };
    }
    if (parts[2] === 'dashboards' && (parts.length === 4 || parts.length === 5)) {
      const view = (parts[4] ?? 'visual') as BuilderView;
      if (BUILDER_VIEWS.includes(view)) {
        return { name: 'builder', tenantId, dashboardId: parts[3], view };
      }
    }
  }
  return { name: 'not-found', path };
}

export function href(route: Route): string {
  const id = encodeURIComponent;
  switch (route.name) {
    case 'signin':
      return '/signin';
    case 'overview':
      return '/';
    case 'tenants':
      return '/tenants';
    case 'tenant':
      return `/tenants/${id(route.tenantId)}`;
    case 'versions':
      return `/tenants/${id(route.tenantId)}/versions`;
    case 'branding':
      return `/tenants/${id(route.tenantId)}/branding`;
    case 'users':
      return '/users';
    case 'builder':
      return `/tenants/${id(route.tenantId)}/dashboards/${id(route.dashboardId)}/${route.view}`;
    case 'not-found':
      return route.path;
  }
}

type Guard = (to: string) => boolean;
const guards = new Set<Guard>();

/** Lets a screen with unsaved changes ask before it is left; returns the unregister function. */
export function guardNavigation(guard: Guard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

export function navigate(to: string | Route, options: { replace?: boolean } = {}): void {
  const path = typeof to === 'string' ? to : href(to);
  if (path === location.pathname + location.search) {
    return;
  }
  for (const guard of guards) {
    if (!guard(path)) {
      return;
    }
  }
  if (options.replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  window.dispatchEvent(new Event('flexboard:navigate'));
}

/** The current route; re-renders on navigation and on the browser's back/forward. */
export function useRoute(): { route: Route; path: string } {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener('flexboard:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('flexboard:navigate', update);
    };
  }, []);
  return { route: parse(path), path };
}

/** A plain link that the client-side router follows without a page load (new tabs still work). */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const anchor = (event.target as HTMLElement).closest('a');
  if (!anchor || anchor.target || anchor.origin !== location.origin || anchor.hasAttribute('download')) {
    return;
  }
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
