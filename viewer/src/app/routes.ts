/**
 * Hash routes, so the agent serves one index.html for every screen and a reload keeps the place:
 * `#/` the dashboard list, `#/d/<slug>` a dashboard, `#/d/<slug>/drill/<widget>?<clicked fields>&f:<filter>=<value>`
 * a drill page: the clicked point and the widget's filter values when it was clicked (a multiselect repeats its
 * field, an empty value is an unset filter), so the page opens filtered as the dashboard was.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'dashboard'; slug: string }
  | { screen: 'drill'; slug: string; widget: string; point: Record<string, string>; filters: Record<string, string[]> };

/** Marks a filter value among the clicked point's fields, which are placeholder names and never hold a colon. */
const FILTER_PREFIX = 'f:';

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
    const filters: Record<string, string[]> = {};
    new URLSearchParams(queryAt < 0 ? '' : text.slice(queryAt + 1)).forEach((value, name) => {
      if (name.startsWith(FILTER_PREFIX)) {
        (filters[name.slice(FILTER_PREFIX.length)] ??= []).push(value);
      } else {
        point[name] = value;
      }
    });
    return { screen: 'drill', slug: parts[1], widget: parts[3], point, filters };
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
      const params = new URLSearchParams(route.point);
      for (const [field, values] of Object.entries(route.filters)) {
        (values.length > 0 ? values : ['']).forEach((value) => params.append(FILTER_PREFIX + field, value));
      }
      const query = params.toString();
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
