import type { ComponentChildren } from 'preact';
import { describedBy, Field } from '../../../components/Field';
import type { ConfigForm } from '../../../model/configForm';

/** What every section of the property panel needs: the form, a way to change it, and the errors per control. */
export interface SectionProps {
  form: ConfigForm;
  edit: (change: (form: ConfigForm) => ConfigForm) => void;
  at: (control: string, severity: 'error' | 'warning') => string | undefined;
}

interface ControlProps {
  id: string;
  label: string;
  at: SectionProps['at'];
  hint?: string;
}

/**
 * A text input. `onBlur` sets the value when the input is left rather than on every key: a comma list is parsed
 * and shown again normalised, which would otherwise eat the comma just typed.
 */
export function TextControl({ id, label, at, hint, value, set, mono, list, multiline, onBlur }: ControlProps & {
  value: string; set: (v: string) => void; mono?: boolean; list?: string; multiline?: boolean; onBlur?: boolean;
}) {
  const error = at(id, 'error');
  const warning = at(id, 'warning');
  const common = {
    id, value, class: mono ? 'mono' : undefined, 'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, warning, hint),
  };
  return (
    <Field id={id} label={label} hint={hint} error={error} warning={warning}>
      {multiline
        ? <textarea {...common} rows={4} spellcheck={false} onInput={(e) => set((e.target as HTMLTextAreaElement).value)} />
        : onBlur
          ? <input {...common} list={list} onChange={(e) => set((e.target as HTMLInputElement).value)} />
          : <input {...common} list={list} onInput={(e) => set((e.target as HTMLInputElement).value)} />}
    </Field>
  );
}

/** A whole or decimal number; an empty input removes the field. */
export function NumberControl({ id, label, at, hint, value, set, min, max, step }: ControlProps & {
  value: number | undefined; set: (v: number | undefined) => void; min?: number; max?: number; step?: number;
}) {
  const error = at(id, 'error');
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} type="number" min={min} max={max} step={step ?? 'any'} value={value ?? ''} aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, undefined, hint)} onInput={(e) => {
          const text = (e.target as HTMLInputElement).value;
          const n = Number(text);
          set(text === '' || !Number.isFinite(n) ? undefined : n);
        }} />
    </Field>
  );
}

/** A choice among the schema's values; the empty choice removes the field. */
export function SelectControl({ id, label, at, hint, value, set, options, empty = '—' }: ControlProps & {
  value: string; set: (v: string) => void; options: readonly string[]; empty?: string;
}) {
  const error = at(id, 'error');
  // A value typed in the JSON view that the list does not offer is still shown, so the error beside it makes sense.
  const all = value && !options.includes(value) ? [...options, value] : options;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, undefined, hint)}
        onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        <option value="">{empty}</option>
        {all.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </Field>
  );
}

/** A yes / no / not set choice: a boolean the config leaves out stays out. */
export function FlagControl({ id, label, at, value, set }: ControlProps & { value: boolean | undefined; set: (v: boolean | undefined) => void }) {
  const error = at(id, 'error');
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} value={value === undefined ? '' : String(value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          set(v === '' ? undefined : v === 'true');
        }}>
        <option value="">Not set</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    </Field>
  );
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="prop-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** The move up / move down / remove buttons of one row of a list. */
export function RowButtons({ label, index, count, move, remove }: {
  label: string; index: number; count: number; move: (from: number, to: number) => void; remove: (index: number) => void;
}) {
  return (
    <div class="row-buttons">
      <button type="button" class="button button-ghost button-small" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>↑</button>
      <button type="button" class="button button-ghost button-small" aria-label={`Move ${label} down`} disabled={index === count - 1} onClick={() => move(index, index + 1)}>↓</button>
      <button type="button" class="button button-danger-ghost button-small" aria-label={`Remove ${label}`} onClick={() => remove(index)}>Remove</button>
    </div>
  );
}
