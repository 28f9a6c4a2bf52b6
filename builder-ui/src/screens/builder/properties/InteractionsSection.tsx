import { type FilterForm, listText, parseDefault, parseList, valueText } from '../../../model/configForm';
import { moved } from '../../../model/lists';
import { FlagControl, NumberControl, RowButtons, Section, type SectionProps, SelectControl, TextControl } from './controls';

const FILTER_TYPES = ['date', 'select', 'multiselect', 'range'] as const;
const DRILL_TARGETS = ['modal', 'navigate', 'expand'] as const;

/** The widget's filters (their order is the order the viewer shows them in), drilldown, clicks and caching. */
export function InteractionsSection({ form, edit, at }: SectionProps) {
  const filter = (i: number, change: Partial<FilterForm>) =>
    edit((f) => ({ ...f, filters: f.filters.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  const drill = form.drilldown ?? { target: '', query: '', rest: {} };
  const drilldown = (change: Partial<typeof drill>) => edit((f) => ({ ...f, drilldown: { ...(f.drilldown ?? drill), ...change } }));
  const caching = (change: { enabled?: boolean; ttl?: number }) => edit((f) => ({ ...f, caching: { rest: {}, ...f.caching, ...change } }));
  return (
    <>
      <Section title="Filters">
        {form.filters.map((x, i) => (
          <div class="prop-row" key={i} data-row={`filter-${i}`}>
            <div class="field-row">
              <SelectControl id={`prop-filter-${i}-type`} label="Type" at={at} value={x.type} options={FILTER_TYPES} set={(type) => filter(i, { type })} />
              <TextControl id={`prop-filter-${i}-field`} label="Field" at={at} mono value={x.field} set={(field) => filter(i, { field })}
                hint={x.type === 'date' || x.type === 'range' ? `{${x.field || 'field'}.from}, {${x.field || 'field'}.to}` : `{${x.field || 'field'}}`} />
            </div>
            <TextControl id={`prop-filter-${i}-label`} label="Label" at={at} value={x.label} set={(label) => filter(i, { label })} />
            <TextControl id={`prop-filter-${i}-options`} label="Options" at={at} hint="Comma-separated" onBlur value={listText(x.options)}
              set={(text) => {
                const options = parseList(text, x.options);
                filter(i, { options: options.length ? options : undefined });
              }} />
            <TextControl id={`prop-filter-${i}-default`} label="Default" at={at} onBlur value={valueText(x.default)}
              set={(text) => filter(i, { default: parseDefault(text, x.type, x.default) })} />
            <RowButtons label={`filter ${x.field || i + 1}`} index={i} count={form.filters.length}
              move={(from, to) => edit((f) => ({ ...f, filters: moved(f.filters, from, to) }))}
              remove={(at) => edit((f) => ({ ...f, filters: f.filters.filter((_, j) => j !== at) }))} />
          </div>
        ))}
        <AddButton id="prop-filter-add" label="Add filter" at={at}
          add={() => edit((f) => ({ ...f, filters: [...f.filters, { type: 'select', field: '', label: '', rest: {} }] }))} />
      </Section>
      <Section title="Clicks and drilldown">
        <FlagControl id="prop-clickable" label="Clickable" at={at} value={form.clickable} set={(clickable) => edit((f) => ({ ...f, clickable }))} />
        <div class="field-row">
          <FlagControl id="prop-drilldown-enabled" label="Drilldown" at={at} value={drill.enabled} set={(enabled) => drilldown({ enabled })} />
          <SelectControl id="prop-drilldown-target" label="Opens in" at={at} value={drill.target} options={DRILL_TARGETS} set={(target) => drilldown({ target })} />
        </div>
        <TextControl id="prop-drilldown-query" label="Drilldown query" at={at} mono multiline value={drill.query}
          hint="Its {placeholders} are the clicked point's columns, e.g. '{month}'." set={(query) => drilldown({ query })} />
      </Section>
      <Section title="Caching">
        <div class="field-row">
          <FlagControl id="prop-caching-enabled" label="Cache results" at={at} value={form.caching?.enabled} set={(enabled) => caching({ enabled })} />
          <NumberControl id="prop-caching-ttl" label="For (seconds)" at={at} min={1} max={86_400} step={1} value={form.caching?.ttl} set={(ttl) => caching({ ttl })} />
        </div>
      </Section>
    </>
  );
}

export function AddButton({ id, label, at, add }: { id: string; label: string; at: SectionProps['at']; add: () => void }) {
  const error = at(id, 'error');
  return (
    <div class="field" data-field={id}>
      <button type="button" id={id} class="button button-small" onClick={add}>{label}</button>
      {error && <p class="field-error" id={`${id}-error`} role="alert" data-testid="field-error">{error}</p>}
    </div>
  );
}
