import type { FilterSpec } from '../api/types';
import { between, DATE_PRESETS, ends, type FilterValue, type FilterValues } from './filters';

interface Props {
  widget: string;
  filters: FilterSpec[];
  values: FilterValues;
  onChange: (field: string, value: FilterValue) => void;
}

/** A widget's filters as labelled controls; each change refetches that widget. */
export function FilterBar({ widget, filters, values, onChange }: Props) {
  if (filters.length === 0) {
    return null;
  }
  return (
    <div class="filters" role="group" aria-label="Filters">
      {filters.map((filter) => {
        const id = `f-${widget}-${filter.field}`;
        const label = filter.label ?? filter.field;
        const value = values[filter.field];
        return (
          <div class="filter" key={filter.field} data-filter={filter.field}>
            {filter.type === 'select' && (
              <>
                <label for={id}>{label}</label>
                <select id={id} value={typeof value === 'string' ? value : ''}
                        onChange={(e) => onChange(filter.field, e.currentTarget.value || undefined)}>
                  {value === undefined && <option value="">Any</option>}
                  {(filter.options ?? []).map((option) => <option key={String(option)} value={String(option)}>{String(option)}</option>)}
                </select>
              </>
            )}
            {filter.type === 'multiselect' && (
              <fieldset>
                <legend>{label}</legend>
                {(filter.options ?? []).map((option) => {
                  const text = String(option);
                  const chosen = Array.isArray(value) ? value : [];
                  return (
                    <label key={text} class="check">
                      <input type="checkbox" checked={chosen.includes(text)}
                             onChange={(e) => onChange(filter.field, e.currentTarget.checked
                               ? [...chosen, text] : chosen.filter((one) => one !== text))} />
                      {text}
                    </label>
                  );
                })}
              </fieldset>
            )}
            {filter.type === 'range' && <RangeControl id={id} label={label} value={value} onChange={(v) => onChange(filter.field, v)} />}
            {filter.type === 'date' && <DateControl id={id} label={label} value={value} onChange={(v) => onChange(filter.field, v)} />}
          </div>
        );
      })}
    </div>
  );
}

interface ControlProps {
  id: string;
  label: string;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
}

function RangeControl({ id, label, value, onChange }: ControlProps) {
  const [from, to] = ends(value);
  // Applied when both ends are numbers; clearing both sends nothing (the filter's default).
  const apply = (nextFrom: string, nextTo: string) => {
    if (nextFrom === '' && nextTo === '') {
      onChange(undefined);
      return;
    }
    const range = between('range', nextFrom, nextTo);
    if (range) {
      onChange(range);
    }
  };
  return (
    <fieldset>
      <legend>{label}</legend>
      <label for={`${id}-from`}>From</label>
      <input id={`${id}-from`} type="number" step="any" value={from} onChange={(e) => apply(e.currentTarget.value, to)} />
      <label for={`${id}-to`}>To</label>
      <input id={`${id}-to`} type="number" step="any" value={to} onChange={(e) => apply(from, e.currentTarget.value)} />
    </fieldset>
  );
}

function DateControl({ id, label, value, onChange }: ControlProps) {
  const [from, to] = ends(value);
  const custom = typeof value === 'string' && value.includes('..');
  return (
    <fieldset>
      <legend>{label}</legend>
      <label for={`${id}-preset`} class="visually-hidden">{label} period</label>
      <select id={`${id}-preset`} value={custom ? 'custom' : typeof value === 'string' ? value : ''}
              onChange={(e) => {
                const chosen = e.currentTarget.value;
                onChange(chosen === 'custom' ? between('date', from, to) ?? customStart() : chosen || undefined);
              }}>
        <option value="">Default</option>
        {DATE_PRESETS.map((preset) => <option key={preset.value} value={preset.value}>{preset.label}</option>)}
        <option value="custom">Custom range</option>
      </select>
      {custom && (
        <>
          <label for={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => {
            const range = between('date', e.currentTarget.value, to);
            if (range) onChange(range);
          }} />
          <label for={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => {
            const range = between('date', from, e.currentTarget.value);
            if (range) onChange(range);
          }} />
        </>
      )}
    </fieldset>
  );
}

/** A custom range starts as the last 30 days, so both inputs hold a date to edit. */
function customStart(): string {
  const today = new Date();
  const start = new Date(today.getTime() - 29 * 86_400_000);
  return `${isoDay(start)}..${isoDay(today)}`;
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
