import type { WidgetConfig } from '@flexboard/charts';
import type { Theme } from '../app/theme';
import { WidgetBody } from './WidgetBody';
import { useWidgetData } from './useWidgetData';

const TABLE: WidgetConfig = { type: 'table' };

/** The rows of a widget's drilldown for one clicked point (and the widget's filters), as a table. */
export function DrillResult({ widget, query, theme }: { widget: string; query: string; theme: Theme }) {
  const { load, retry } = useWidgetData(widget, query, undefined, true);
  return (
    <div class="drill-result" data-drilldown={widget}>
      <WidgetBody name={`${widget}/drilldown`} config={TABLE} load={load} theme={theme} retry={retry} />
    </div>
  );
}
