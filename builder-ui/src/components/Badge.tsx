export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

const TONES: Record<string, Tone> = {
  active: 'success',
  synced: 'success',
  published: 'success',
  success: 'success',
  draft: 'info',
  pending: 'warning',
  paused: 'warning',
  partial: 'warning',
  stale: 'neutral',
  archived: 'neutral',
  error: 'danger',
};

const LABELS: Record<string, string> = {
  synced: 'Synced',
  pending: 'Pending',
  error: 'Error',
  stale: 'Stale',
  active: 'Active',
  paused: 'Paused',
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};

/** A status as a coloured pill; the text always says it, so colour is never the only signal. */
export function Badge({ status, label, title }: { status: string; label?: string; title?: string }) {
  const tone = TONES[status] ?? 'neutral';
  return (
    <span class={`badge badge-${tone}`} data-status={status} title={title}>
      <span class="badge-dot" aria-hidden="true" />
      {label ?? LABELS[status] ?? status}
    </span>
  );
}
