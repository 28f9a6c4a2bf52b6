import type { Dashboard, PublishedConfig } from '../api/types';
import type { Theme } from '../app/theme';
import { readingOrder } from './layout';
import { WidgetCard } from './WidgetCard';

/** A dashboard on the builder's 12-column grid, its widgets in reading order (the narrow layout's order). */
export function DashboardView({ dashboard, published, theme }: { dashboard: Dashboard; published: PublishedConfig; theme: Theme }) {
  const widgets = readingOrder(published.widgets.filter((widget) => widget.dashboard_id === dashboard.id));
  return (
    <section class="dashboard" aria-labelledby="dashboard-title" data-dashboard={dashboard.slug}>
      <h1 id="dashboard-title">{dashboard.name}</h1>
      {dashboard.description && <p class="description">{dashboard.description}</p>}
      {widgets.length === 0 && <p class="empty-note">This dashboard has no widgets yet.</p>}
      <div class="grid">
        {widgets.map((widget) => {
          const settings = published.config[widget.name];
          return settings
            ? <WidgetCard key={`${published.version}:${widget.name}`} slug={dashboard.slug} placement={widget} settings={settings} theme={theme} />
            : null;
        })}
      </div>
    </section>
  );
}
