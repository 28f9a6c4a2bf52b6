import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  warning?: string;
  children: ComponentChildren;
}

/**
 * A labelled form field with its hint and its error. The control inside must carry `id`; it gets
 * `aria-describedby`/`aria-invalid` from {@link describedBy} and {@link invalid}.
 */
export function Field({ id, label, hint, error, warning, children }: FieldProps) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`} data-field={id}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && !warning && <p class="field-hint" id={`${id}-hint`}>{hint}</p>}
      {warning && !error && <p class="field-warning" id={`${id}-warning`} data-testid="field-warning">{warning}</p>}
      {error && <p class="field-error" id={`${id}-error`} role="alert" data-testid="field-error">{error}</p>}
    </div>
  );
}

export function describedBy(id: string, error?: string, warning?: string, hint?: string): string | undefined {
  if (error) return `${id}-error`;
  if (warning) return `${id}-warning`;
  return hint ? `${id}-hint` : undefined;
}
