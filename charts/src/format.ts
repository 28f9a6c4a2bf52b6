// Value formats of chartConfig (axis.format, series and table formats) through Intl, so every locale gets its own
// digits, separators, currency placement and month names without a formatting library.

// The pattern letters the widget schema allows (y M d E H h m s a), each mapped to the Intl part it names.
const DATE_TOKENS = /yyyy|yy|y|MMMM|MMM|MM|M|dd|d|EEEE|EEE|EE|E|HH|H|hh|h|mm|m|ss|s|a/g;

const DATE_TOKEN_PARTS: Record<string, [Intl.DateTimeFormatPartTypes, Intl.DateTimeFormatOptions]> = {
  yyyy: ['year', { year: 'numeric' }],
  y: ['year', { year: 'numeric' }],
  yy: ['year', { year: '2-digit' }],
  MMMM: ['month', { month: 'long' }],
  MMM: ['month', { month: 'short' }],
  MM: ['month', { month: '2-digit' }],
  M: ['month', { month: 'numeric' }],
  dd: ['day', { day: '2-digit' }],
  d: ['day', { day: 'numeric' }],
  EEEE: ['weekday', { weekday: 'long' }],
  EEE: ['weekday', { weekday: 'short' }],
  EE: ['weekday', { weekday: 'short' }],
  E: ['weekday', { weekday: 'short' }],
  HH: ['hour', { hour: '2-digit', hourCycle: 'h23' }],
  H: ['hour', { hour: 'numeric', hourCycle: 'h23' }],
  hh: ['hour', { hour: '2-digit', hourCycle: 'h12' }],
  h: ['hour', { hour: 'numeric', hourCycle: 'h12' }],
  mm: ['minute', { minute: '2-digit' }],
  m: ['minute', { minute: 'numeric' }],
  ss: ['second', { second: '2-digit' }],
  s: ['second', { second: 'numeric' }],
  a: ['dayPeriod', { hour: 'numeric', hourCycle: 'h12' }],
};

// Intl formatters are costly to build and a table formats thousands of cells with a handful of them.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

const NUMBER_FORMATS = new Set(['number', 'integer', 'currency', 'percent', 'compact']);

/** A currency format; an unknown currency code (a viewer setting, not the widget) falls back to a plain number. */
function currencyFormat(locale: string | undefined, currency: string): Intl.NumberFormat {
  try {
    return numberFormat(locale, { style: 'currency', currency });
  } catch (e) {
    if (e instanceof RangeError) {
      return numberFormat(locale, { maximumFractionDigits: 2 });
    }
    throw e;
  }
}

/** True when the format is a date pattern such as "MMM yyyy" rather than a number format. */
export function isDatePattern(format: string | undefined): boolean {
  return format !== undefined && !NUMBER_FORMATS.has(format) && new RegExp(DATE_TOKENS.source).test(format);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * A date from a row value. Date-only strings ("2024-03", "2024-03-15") are calendar dates, not instants: they are
 * read and shown in UTC, so "2024-03" is March in every time zone.
 */
export function toDate(value: unknown): { date: Date; utc: boolean } | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : { date: value, utc: false };
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { date: new Date(value), utc: false };
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const dateOnly = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
    return date.getUTCMonth() === Number(m) - 1 ? { date, utc: true } : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value.trim())) {
    return undefined;
  }
  const date = new Date(value.trim().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : { date, utc: false };
}

function formatDate(value: unknown, pattern: string, locale: string | undefined): string {
  const parsed = toDate(value);
  if (!parsed) {
    return String(value);
  }
  const timeZone = parsed.utc ? 'UTC' : undefined;
  if (pattern === 'date') {
    return cached(`d|${locale}|${timeZone}|date`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })).format(parsed.date);
  }
  return pattern.replace(DATE_TOKENS, (token) => {
    const [part, options] = DATE_TOKEN_PARTS[token];
    const formatter = cached(`d|${locale}|${timeZone}|${token}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
    const text = formatter.formatToParts(parsed.date).find((p) => p.type === part)?.value ?? '';
    // Intl gives "2-digit" minutes and seconds as numerals without padding in some engines.
    return (token === 'mm' || token === 'ss') && text.length === 1 ? `0${text}` : text;
  });
}

/**
 * A value as text in a format: `number`, `integer`, `currency` (in the given ISO 4217 currency, USD by default),
 * `percent` (0.25 is 25 %), `compact` (1.2K), `date`, or a date pattern such as `MMM yyyy`. Without a format numbers
 * get the locale's grouping and at most two decimals. Values a format cannot read are shown as they are.
 */
export function formatValue(value: unknown, format: string | undefined, locale?: string, currency = 'USD'): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (format && (format === 'date' || isDatePattern(format))) {
    return formatDate(value, format, locale);
  }
  const n = toNumber(value);
  if (n === undefined) {
    return value instanceof Date ? formatDate(value, 'date', locale) : String(value);
  }
  switch (format) {
    case 'currency':
      return currencyFormat(locale, currency).format(n);
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);
    case 'compact':
      return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
    case 'integer':
      return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
    default:
      return typeof value === 'string' && format === undefined ? value : numberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  }
}
