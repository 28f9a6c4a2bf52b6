import type { WidgetConfig } from '@flexboard/charts';
import type { Theme } from '../app/theme';
import { Chart } from './Chart';
import type { Load } from './useWidgetData';

interface Props {
  name: string;
  config: WidgetConfig;
  load: Load;
  theme: Theme;
  retry: () => void;
  onPointClick?: (point: Record<string, unknown>) => void;
}

/** A widget's loading, error, empty or drawn state; `data-state` lets tests and styles tell them apart. */
export function WidgetBody({ name, config, load, theme, retry, onPointClick }: Props) {
  if (load.state === 'loading') {
    return <div class="widget-body" data-state="loading" aria-busy="true"><span class="spinner" aria-hidden="true" />Loading…</div>;
  }
  if (load.state === 'error') {
    return (
      <div class="widget-body widget-error" data-state="error" role="alert">
        <p>{load.message}</p>
        <button type="button" onClick={retry}>Retry</button>
      </div>
    );
  }
  const { answer } = load;
  if (answer.rows.length === 0) {
    return <div class="widget-body widget-empty" data-state="empty">No rows</div>;
  }
  return (
    <div class="widget-body" data-state="ready" data-row-count={answer.rows.length}>
      <Chart name={name} config={config} data={{ columns: answer.columns, rows: answer.rows, truncated: answer.truncated }}
             theme={theme} onPointClick={onPointClick} />
      {answer.truncated && <p class="note">Showing the first {answer.rows.length} rows.</p>}
    </div>
  );
}
