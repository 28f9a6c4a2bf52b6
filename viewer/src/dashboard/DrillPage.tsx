import type { Dashboard, PublishedConfig } from '../api/types';
import { routeHash } from '../app/routes';
import type { Theme } from '../app/theme';
import { DrillResult } from './DrillResult';
import { filterQuery, valuesFromLink } from './filters';
import { joinQueries } from './WidgetCard';

interface Props {
  dashboard: Dashboard;
  published: PublishedConfig;
  widget: string;
  point: Record<string, string>;
  /** The widget's filter values when its point was clicked, as the link carries them. */
  filters: Record<string, string[]>;
  theme: Theme;
}

/** A drilldown with `target: navigate`: a page of its own, with a link back to the dashboard. */
export function DrillPage({ dashboard, published, widget, point, filters: carried, theme }: Props) {
  const settings = published.config[widget];
  const filters = settings?.interactions?.filters ?? [];
  // The page is a link of its own (bookmarkable): it opens filtered as the dashboard was when clicked.
  const query = joinQueries(filterQuery(filters, valuesFromLink(filters, carried)), new URLSearchParams(point).toString());
  return (
    <section class="drill-page" aria-labelledby="drill-title">
      <a class="back" href={routeHash({ screen: 'dashboard', slug: dashboard.slug })}>← Back to {dashboard.name}</a>
      <h1 id="drill-title">{settings?.title ?? widget}: details</h1>
      <p class="drill-point">{Object.entries(point).map(([name, value]) => `${name}: ${value}`).join(' · ')}</p>
      {settings ? <DrillResult widget={widget} query={query} theme={theme} /> : <p role="alert">This dashboard has no widget “{widget}”.</p>}
    </section>
  );
}
