import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FieldError } from '../../api/problem';
import type { WidgetConfig, WidgetDoc } from '../../api/types';
import { describedBy, Field } from '../../components/Field';
import { fromForm, toForm, type ConfigForm } from '../../model/configForm';
import type { ConnectionOffer } from '../../model/connections';
import { controlOf } from '../../model/controlOf';
import { fieldWithinWidget } from '../../model/validation';
import { DEFAULT_REFRESH_MS, GRID_COLUMNS, WIDGET_KINDS } from '../../model/widgets';
import { DataSection } from './properties/DataSection';
import { ChartSection, VisualSection } from './properties/ChartSection';
import { Section } from './properties/controls';
import { InteractionsSection } from './properties/InteractionsSection';

interface Props {
  doc: WidgetDoc;
  index: number;
  errors: FieldError[];
  readOnly: boolean;
  /** The data source ids the dashboard's widgets already use: the connection field suggests them. */
  connections: ConnectionOffer[];
  onChange: (change: (doc: WidgetDoc) => WidgetDoc) => void;
  onRemove: () => void;
}

/** Everything about the selected widget, edited without writing JSON. */
export function PropertyPanel({ doc, index, errors, readOnly, connections, onChange, onRemove }: Props) {
  const mine = errors.filter((e) => e.field.startsWith(`widgets[${index}].`) || e.field === `widgets[${index}]`);
  const at = (control: string, severity: 'error' | 'warning') =>
    mine.filter((e) => (e.severity ?? 'error') === severity && controlOf(fieldWithinWidget(e.field)) === control).map((e) => e.message).join('; ') || undefined;
  // A control can be missing although its field has one, e.g. the y axes of a config whose yAxis is a string:
  // its error is listed above the form then, found once the form is drawn.
  const panel = useRef<HTMLElement>(null);
  const [undrawn, setUndrawn] = useState<string[]>([]);
  const controls = [...new Set(mine.map((e) => controlOf(fieldWithinWidget(e.field))).filter((c): c is string => c !== undefined))];
  useLayoutEffect(() => {
    const missing = controls.filter((id) => !panel.current?.querySelector(`[id="${id}"]`));
    if (missing.join() !== undrawn.join()) setUndrawn(missing);
  });
  const unplaced = mine.filter((e) => {
    const control = controlOf(fieldWithinWidget(e.field));
    return control === undefined || undrawn.includes(control);
  });
  const form = toForm(doc.config);
  // Every section edits the form; the config is written back through it whole, which is lossless (configForm.ts).
  const edit = (change: (f: ConfigForm) => ConfigForm) => onChange((d) => ({ ...d, config: fromForm(change(toForm(d.config))) }));
  const config = (change: (c: WidgetConfig) => WidgetConfig) => onChange((d) => ({ ...d, config: change(d.config) }));
  const chart = (key: 'xAxisKey' | 'yAxisKey', value: string) =>
    config((c) => {
      const next = { ...(c.chartConfig ?? {}) };
      if (value) next[key] = value; else delete next[key];
      return withChart(c, next);
    });
  const number = (value: string) => (value === '' ? NaN : Number(value));
  const text = (id: string, label: string, value: string, set: (v: string) => void, hint?: string, mono = false) => {
    const error = at(id, 'error');
    const warning = at(id, 'warning');
    return (
      <Field id={id} label={label} hint={hint} error={error} warning={warning}>
        <input id={id} value={value} readOnly={readOnly} class={mono ? 'mono' : undefined} aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, warning, hint)} onInput={(e) => set((e.target as HTMLInputElement).value)} />
      </Field>
    );
  };
  const grid = (id: string, label: string, value: number, set: (v: number) => void, min: number, max: number) => {
    const error = at(id, 'error');
    return (
      <Field id={id} label={label} error={error}>
        <input id={id} type="number" min={min} max={max} step={1} value={value} readOnly={readOnly} aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error)} onInput={(e) => {
            const v = number((e.target as HTMLInputElement).value);
            if (Number.isInteger(v)) set(v);
          }} />
      </Field>
    );
  };
  const typeError = at('prop-type', 'error');
  const typeWarning = at('prop-type', 'warning');
  const refreshError = at('prop-refresh', 'error');
  const colorsError = at('prop-colors', 'error');
  const colors = doc.config.chartConfig?.colors ?? [];

  return (
    <aside ref={panel} class="properties" aria-labelledby="properties-title" data-widget={doc.name}>
      <h2 id="properties-title" class="panel-title">Properties</h2>
      {unplaced.length > 0 && <div class="banner banner-danger" role="alert">{unplaced.map((e) => `${e.field}: ${e.message}`).join('; ')}</div>}
      <fieldset disabled={readOnly}>
        <legend class="visually-hidden">Widget</legend>
        {text('prop-title', 'Title', doc.config.title ?? '', (v) => config((c) => optional(c, 'title', v)))}
        {text('prop-name', 'Name (key)', doc.name, (v) => onChange((d) => ({ ...d, name: v })), "The key of this widget in the agent's configuration.", true)}
        <Field id="prop-type" label="Type" error={typeError} warning={typeWarning}>
          <select id="prop-type" value={doc.config.type ?? ''} aria-invalid={typeError ? true : undefined} aria-describedby={describedBy('prop-type', typeError, typeWarning)}
            onChange={(e) => {
              const type = (e.target as HTMLSelectElement).value;
              onChange((d) => ({ ...d, widget_type: type, config: { ...d.config, type } }));
            }}>
            {!doc.config.type && <option value="">Choose a type</option>}
            {WIDGET_KINDS.map((k) => <option key={k.type} value={k.type}>{k.label}</option>)}
          </select>
        </Field>
        {text('prop-description', 'Description', doc.config.description ?? '', (v) => config((c) => optional(c, 'description', v)))}
        <DataSection form={form} edit={edit} at={at} connections={connections} />
        <div class="field-row">
          {text('prop-x-axis', 'X axis key', doc.config.chartConfig?.xAxisKey ?? '', (v) => chart('xAxisKey', v), undefined, true)}
          {text('prop-y-axis', 'Y axis key', doc.config.chartConfig?.yAxisKey ?? '', (v) => chart('yAxisKey', v), undefined, true)}
        </div>
        <Field id="prop-colors" label="Colours (Phase 2, chartConfig.colors)" hint="Comma-separated, e.g. #3b5bdb, #37b24d" error={colorsError}>
          <div class="colors-input">
            <input id="prop-colors" class="mono" value={colors.join(', ')} aria-invalid={colorsError ? true : undefined}
              aria-describedby={describedBy('prop-colors', colorsError, undefined, 'hint')}
              onChange={(e) => {
                const list = (e.target as HTMLInputElement).value.split(',').map((s) => s.trim()).filter(Boolean);
                config((c) => {
                  const next = { ...(c.chartConfig ?? {}) };
                  if (list.length > 0) next.colors = list; else delete next.colors;
                  return withChart(c, next);
                });
              }} />
            <span class="swatches" aria-hidden="true">{colors.map((c) => <span key={c} class="swatch" style={{ background: c }} />)}</span>
          </div>
        </Field>
        <ChartSection form={form} edit={edit} at={at} />
        <VisualSection form={form} edit={edit} at={at} />
        <InteractionsSection form={form} edit={edit} at={at} />
        <Section title="Place and refresh">
          <div class="field-row field-row-4">
            {grid('prop-width', 'Width', doc.width, (v) => onChange((d) => ({ ...d, width: v })), 1, GRID_COLUMNS)}
            {grid('prop-height', 'Height', doc.height, (v) => onChange((d) => ({ ...d, height: v })), 1, 100)}
            {grid('prop-x', 'Column', doc.position_x, (v) => onChange((d) => ({ ...d, position_x: v })), 0, GRID_COLUMNS - 1)}
            {grid('prop-y', 'Row', doc.position_y, (v) => onChange((d) => ({ ...d, position_y: v })), 0, 10_000)}
          </div>
          <Field id="prop-refresh" label="Refresh interval (seconds)" hint={`Default ${DEFAULT_REFRESH_MS / 1000} s when empty.`} error={refreshError}>
            <input id="prop-refresh" type="number" min={1} step={1} value={doc.config.refreshInterval !== undefined ? doc.config.refreshInterval / 1000 : ''}
              aria-invalid={refreshError ? true : undefined} aria-describedby={describedBy('prop-refresh', refreshError, undefined, 'hint')}
              onInput={(e) => {
                const seconds = number((e.target as HTMLInputElement).value);
                config((c) => {
                  const next = { ...c };
                  if (Number.isFinite(seconds)) next.refreshInterval = Math.round(seconds * 1000); else delete next.refreshInterval;
                  return next;
                });
              }} />
          </Field>
        </Section>
      </fieldset>
      {!readOnly && <button type="button" class="button button-danger-ghost" onClick={onRemove}>Remove widget</button>}
    </aside>
  );
}

function optional(config: WidgetConfig, key: 'title' | 'description', value: string): WidgetConfig {
  const next = { ...config };
  if (value) next[key] = value; else delete next[key];
  return next;
}

function withChart(config: WidgetConfig, chart: NonNullable<WidgetConfig['chartConfig']>): WidgetConfig {
  const next = { ...config };
  if (Object.keys(chart).length > 0) next.chartConfig = chart; else delete next.chartConfig;
  return next;
}
