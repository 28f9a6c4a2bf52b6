const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 minutes ago", from an ISO-8601 instant. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      if (unit === 'second' && Math.abs(seconds) < 10) {
        return 'just now';
      }
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return absolute.format(new Date(iso));
}

export function when(iso: string | null | undefined): string {
  return iso ? absolute.format(new Date(iso)) : '—';
}

export function TimeAgo({ at }: { at: string | null | undefined }) {
  return at ? <time dateTime={at} title={when(at)}>{ago(at)}</time> : <span class="muted">never</span>;
}
