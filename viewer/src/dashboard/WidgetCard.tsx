import { useMemo, useState } from 'preact/hooks';
import type { WidgetConfig } from '@flexboard/charts';
import type { WidgetPlacement, WidgetSettings } from '../api/types';
import { routeHash } from '../app/routes';
import type { Theme } from '../app/theme';
import { DrilldownModal } from './DrilldownModal';
import { DrillResult } from './DrillResult';
import { FilterBar } from './FilterBar';
import { carriedValues, drilldownPoint, filterQuery, initialValues, type FilterValue, type FilterValues } from './filters';
import { gridPlace } from './layout';
import { useWidgetData } from './useWidgetData';
import { WidgetBody } from './WidgetBody';

interface Props {
  slug: string;
  placement: WidgetPlacement;
  settings: WidgetSettings;
  theme: Theme;
}

/** One widget on its dashboard: title, filters, rows drawn, and its drilldown where it has one. */
export function WidgetCard({ slug, placement, settings, theme }: Props) {
  const filters = settings.interactions?.filters ?? [];
  const [values, setValues] = useState<FilterValues>(() => initialValues(filters));
  const query = filterQuery(filters, values);
  const { load, retry } = useWidgetData(placement.name, query, settings.refreshInterval);
  const [drill, setDrill] = useState<Record<string, string> | null>(null);
  const drilldown = settings.interactions?.drilldown;
  const place = gridPlace(placement);
  const title = settings.title ?? placement.name;
  const headingId = `w-${placement.name}-title`;

  const onPointClick = useMemo(() => {
    if (!drilldown?.enabled || !drilldown.query || settings.interactions?.clickable === false) {
      return undefined;
    }
    const drillQuery = drilldown.query;
    return (point: Record<string, unknown>) => {
      const fields = drilldownPoint(drillQuery, filters, point);
      if (drilldown.target === 'navigate') {
        window.location.hash = routeHash({ screen: 'drill', slug, widget: placement.name, point: fields, filters: carriedValues(filters, values) });
      } else {
        setDrill(fields);
      }
    };
  }, [drilldown, filters, values, slug, placement.name]);

  const drillQuery = drill ? joinQueries(query, new URLSearchParams(drill).toString()) : '';
  return (
    <article class="widget" data-widget={placement.name} data-type={settings.type} aria-labelledby={headingId}
             style={{ gridColumn: `${place.column} / span ${place.columnSpan}`, gridRow: `${place.row} / span ${place.rowSpan}` }}>
      <header>
        <h2 id={headingId}>{title}</h2>
        {settings.description && <p class="description">{settings.description}</p>}
      </header>
      <FilterBar widget={placement.name} filters={filters} values={values}
                 onChange={(field: string, value: FilterValue) => setValues((old) => ({ ...old, [field]: value }))} />
      <WidgetBody name={placement.name} config={settings as unknown as WidgetConfig} load={load} theme={theme} retry={retry}
                  onPointClick={onPointClick} />
      {drill && drilldown?.target === 'expand' && (
        <section class="drill-expand" aria-label={`${title}: details`}>
          <button type="button" class="close" onClick={() => setDrill(null)}>Hide details</button>
          <DrillResult widget={placement.name} query={drillQuery} theme={theme} />
        </section>
      )}
      {drill && drilldown?.target !== 'expand' && drilldown?.target !== 'navigate' && (
        <DrilldownModal title={`${title}: details`} widget={placement.name} query={drillQuery} point={drill} theme={theme}
                        onClose={() => setDrill(null)} />
      )}
    </article>
  );
}

/** The widget's filter query and the clicked point's fields: the agent reads both on the drilldown. */
export function joinQueries(...queries: string[]): string {
  return queries.filter((query) => query !== '').join('&');
}
