/**
 * Hash routes, so the agent serves one index.html for every screen and a reload keeps the place:
 * `#/` the dashboard list, `#/d/<slug>` a dashboard, `#/d/<slug>/drill/<widget>?<clicked fields>` a drill page.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'dashboard'; slug: string }
  | { screen: 'drill'; slug: string; widget: string; point: Record<string, string> };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const queryAt = text.indexOf('?');
  const path = queryAt < 0 ? text : text.slice(0, queryAt);
  const parts = path.split('/').filter((part) => part !== '').map(safeDecode);
  if (parts.length === 2 && parts[0] === 'd' && parts[1]) {
    return { screen: 'dashboard', slug: parts[1] };
  }
  if (parts.length === 4 && parts[0] === 'd' && parts[2] === 'drill' && parts[1] && parts[3]) {
    const point: Record<string, string> = {};
    new URLSearchParams(queryAt < 0 ? '' : text.slice(queryAt + 1)).forEach((value, name) => {
      point[name] = value;
    });
    return { screen: 'drill', slug: parts[1], widget: parts[3], point };
  }
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'dashboard':
      return `#/d/${encodeURIComponent(route.slug)}`;
    case 'drill': {
      const query = new URLSearchParams(route.point).toString();
      return `#/d/${encodeURIComponent(route.slug)}/drill/${encodeURIComponent(route.widget)}${query ? `?${query}` : ''}`;
    }
  }
}

/** A hand-typed `%E0%A4` must not throw out of the router: the undecodable part stays as typed. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
