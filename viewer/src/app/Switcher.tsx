import type { Dashboard } from '../api/types';
import { routeHash } from './routes';

/**
 * The dashboards as links (Tab and Enter work as anywhere); arrow keys also move between them, Home and
 * End jump to the first and last.
 */
export function Switcher({ dashboards, current }: { dashboards: Dashboard[]; current?: string }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const links = Array.from((event.currentTarget as HTMLElement).querySelectorAll<HTMLAnchorElement>('a'));
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
    if (next !== undefined && links.length > 0) {
      event.preventDefault();
      links[(next + links.length) % links.length].focus();
    }
  };
  return (
    <nav class="switcher" aria-label="Dashboards">
      <ul onKeyDown={onKeyDown}>
        {dashboards.map((dashboard) => (
          <li key={dashboard.id}>
            <a href={routeHash({ screen: 'dashboard', slug: dashboard.slug })} aria-current={dashboard.slug === current ? 'page' : undefined}>
              {dashboard.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
