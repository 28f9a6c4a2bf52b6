import { type AxisForm, emptyAxis, listText, parseList, type SeriesForm } from '../../../model/configForm';
import { moved } from '../../../model/lists';
import { FlagControl, NumberControl, RowButtons, Section, type SectionProps, SelectControl, TextControl } from './controls';
import { AddButton } from './InteractionsSection';

const AXIS_TYPES = ['category', 'linear', 'time', 'log'] as const;
const POSITIONS = ['left', 'right', 'top', 'bottom'] as const;
const SERIES_TYPES = ['bar', 'line', 'scatter', 'area'] as const;
const THEMES = ['light', 'dark'] as const;
const AXIS_FORMATS = 'currency, number, percent, compact or a date pattern such as MMM yyyy';
/** The schema allows at most four y axes (chartConfig.yAxis). */
const MAX_Y_AXES = 4;

/** The look every widget may change: colours, theme, legend, grid, animation. */
export function VisualSection({ form, edit, at }: SectionProps) {
  const visual = (change: Partial<SectionProps['form']['visual']>) => edit((f) => ({ ...f, visual: { ...f.visual, ...change } }));
  return (
    <Section title="Look">
      <TextControl id="prop-visual-colors" label="Series colours" at={at} mono onBlur hint="Comma-separated: #3b82f6, #10b981, teal"
        value={listText(form.visual.colors)} set={(text) => visual({ colors: parseList(text, form.visual.colors) })} />
      <div class="field-row">
        <SelectControl id="prop-theme" label="Theme" at={at} value={form.visual.theme} options={THEMES} empty="The viewer's" set={(theme) => visual({ theme })} />
        <FlagControl id="prop-show-legend" label="Legend" at={at} value={form.visual.showLegend} set={(showLegend) => visual({ showLegend })} />
      </div>
      <div class="field-row">
        <FlagControl id="prop-show-grid" label="Grid lines" at={at} value={form.visual.showGrid} set={(showGrid) => visual({ showGrid })} />
        <FlagControl id="prop-animation" label="Animation" at={at} value={form.visual.animation} set={(animation) => visual({ animation })} />
      </div>
    </Section>
  );
}

/**
 * The chart's scale: axes and series for bar, line and scatter, min/max/target for a gauge, the region and
 * columns for a map. A part that does not apply to the type is shown only while the config still holds it,
 * so its value and its error stay visible until removed.
 */
export function ChartSection({ form, edit, at }: SectionProps) {
  const type = form.type;
  const axes = type === 'bar' || type === 'line' || type === 'scatter' || form.xAxis !== undefined || form.yAxes.length > 0 || form.series.length > 0;
  const gauge = type === 'gauge' || form.min !== undefined || form.max !== undefined || form.target !== undefined;
  const map = type === 'map' || form.map !== undefined;
  if (!axes && !gauge && !map) return null;
  return (
    <>
      {axes && <AxesSection form={form} edit={edit} at={at} />}
      {gauge && (
        <Section title="Gauge scale">
          <div class="field-row field-row-3">
            <NumberControl id="prop-gauge-min" label="Min" at={at} value={form.min} set={(min) => edit((f) => ({ ...f, min }))} />
            <NumberControl id="prop-gauge-max" label="Max" at={at} value={form.max} set={(max) => edit((f) => ({ ...f, max }))} />
            <NumberControl id="prop-gauge-target" label="Target" at={at} value={form.target} set={(target) => edit((f) => ({ ...f, target }))} />
          </div>
        </Section>
      )}
      {map && (
        <Section title="Map">
          <TextControl id="prop-map-region" label="Region" at={at} mono hint='"world" or a country code such as TH' value={form.map?.region ?? ''}
            set={(region) => edit((f) => ({ ...f, map: { nameField: '', valueField: '', rest: {}, ...f.map, region } }))} />
          <div class="field-row">
            <TextControl id="prop-map-name-field" label="Area codes column" at={at} mono value={form.map?.nameField ?? ''}
              set={(nameField) => edit((f) => ({ ...f, map: { region: '', valueField: '', rest: {}, ...f.map, nameField } }))} />
            <TextControl id="prop-map-value-field" label="Value column" at={at} mono value={form.map?.valueField ?? ''}
              set={(valueField) => edit((f) => ({ ...f, map: { region: '', nameField: '', rest: {}, ...f.map, valueField } }))} />
          </div>
        </Section>
      )}
    </>
  );
}

function AxesSection({ form, edit, at }: SectionProps) {
  const yAxis = (i: number, change: Partial<AxisForm>) => edit((f) => ({ ...f, yAxes: f.yAxes.map((a, j) => (j === i ? { ...a, ...change } : a)) }));
  const series = (i: number, change: Partial<SeriesForm>) => edit((f) => ({ ...f, series: f.series.map((s, j) => (j === i ? { ...s, ...change } : s)) }));
  const x = form.xAxis ?? emptyAxis();
  const xAxis = (change: Partial<AxisForm>) => edit((f) => ({ ...f, xAxis: { ...(f.xAxis ?? emptyAxis()), ...change } }));
  return (
    <Section title="Axes and series">
      <div class="prop-row" data-row="x-axis">
        <div class="field-row">
          <TextControl id="prop-xaxis-field" label="X axis column" at={at} mono value={x.field} set={(field) => xAxis({ field })} />
          <SelectControl id="prop-xaxis-type" label="X axis type" at={at} value={x.type} options={AXIS_TYPES} set={(type) => xAxis({ type })} />
        </div>
        <TextControl id="prop-xaxis-format" label="X axis format" at={at} mono hint={AXIS_FORMATS} value={x.format} set={(format) => xAxis({ format })} />
      </div>
      {form.yAxes.map((a, i) => (
        <div class="prop-row" key={i} data-row={`y-axis-${i}`}>
          <div class="field-row">
            <TextControl id={`prop-yaxis-${i}-field`} label={`Y axis ${i + 1} column`} at={at} mono value={a.field} set={(field) => yAxis(i, { field })} />
            <SelectControl id={`prop-yaxis-${i}-type`} label="Type" at={at} value={a.type} options={AXIS_TYPES} set={(type) => yAxis(i, { type })} />
          </div>
          <div class="field-row">
            <SelectControl id={`prop-yaxis-${i}-position`} label="Position" at={at} value={a.position} options={POSITIONS} set={(position) => yAxis(i, { position })} />
            <TextControl id={`prop-yaxis-${i}-format`} label="Format" at={at} mono value={a.format} set={(format) => yAxis(i, { format })} />
          </div>
          <RowButtons label={`y axis ${i + 1}`} index={i} count={form.yAxes.length}
            move={(from, to) => edit((f) => ({ ...f, yAxes: moved(f.yAxes, from, to) }))}
            remove={(at) => edit((f) => ({ ...f, yAxes: f.yAxes.filter((_, j) => j !== at) }))} />
        </div>
      ))}
      {form.yAxes.length < MAX_Y_AXES && (
        <AddButton id="prop-yaxis-add" label="Add y axis" at={at} add={() => edit((f) => ({ ...f, yAxes: [...f.yAxes, emptyAxis()] }))} />
      )}
      {form.series.map((s, i) => (
        <div class="prop-row" key={i} data-row={`series-${i}`}>
          <div class="field-row">
            <TextControl id={`prop-series-${i}-field`} label={`Series ${i + 1} column`} at={at} mono value={s.field} set={(field) => series(i, { field })} />
            <TextControl id={`prop-series-${i}-name`} label="Name" at={at} value={s.name} set={(name) => series(i, { name })} />
          </div>
          <div class="field-row">
            <SelectControl id={`prop-series-${i}-type`} label="Drawn as" at={at} value={s.type} options={SERIES_TYPES} set={(type) => series(i, { type })} />
            <NumberControl id={`prop-series-${i}-y-axis-index`} label="On y axis (0 = first)" at={at} min={0} max={3} step={1} value={s.yAxisIndex}
              set={(yAxisIndex) => series(i, { yAxisIndex })} />
          </div>
          <div class="field-row">
            <FlagControl id={`prop-series-${i}-smooth`} label="Smooth" at={at} value={s.smooth} set={(smooth) => series(i, { smooth })} />
            <TextControl id={`prop-series-${i}-dash-array`} label="Dashes" at={at} mono hint="e.g. 5,5" value={s.dashArray} set={(dashArray) => series(i, { dashArray })} />
          </div>
          <RowButtons label={`series ${s.field || i + 1}`} index={i} count={form.series.length}
            move={(from, to) => edit((f) => ({ ...f, series: moved(f.series, from, to) }))}
            remove={(at) => edit((f) => ({ ...f, series: f.series.filter((_, j) => j !== at) }))} />
        </div>
      ))}
      <AddButton id="prop-series-add" label="Add series" at={at}
        add={() => edit((f) => ({ ...f, series: [...f.series, { field: '', name: '', type: '', dashArray: '', rest: {} }] }))} />
    </Section>
  );
}
