import type { FieldError } from '../api/problem';
import { ACCEPTED_TYPES, GRID_COLUMNS } from './widgets';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG = 64;

/**
 * The widget configuration schema of the spec (Phase 2), checked in the browser with the same field
 * paths and rules as command-api's `WidgetRules`, so the admin sees a problem while typing. The
 * server stays the judge: its answer's `errors[].field` lands on the same fields. A Phase 3 type
 * (gauge, map, scatter) is only a warning here: the server's refusal is what the admin then sees.
 */
export function validateDocument(document: unknown, maxWidgets?: number): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, message: string) => errors.push({ field, message, severity: 'error' });
  if (!isObject(document)) {
    error('', 'must be an object: { "widgets": [ … ] }');
    return errors;
  }
  const widgets = document.widgets;
  if (!Array.isArray(widgets)) {
    error('widgets', 'is required: a list of widgets');
    return errors;
  }
  if (maxWidgets !== undefined && widgets.length > maxWidgets) {
    error('widgets', `the tenant's license allows ${maxWidgets} widgets per dashboard, got ${widgets.length}`);
  }
  const names = new Set<string>();
  widgets.forEach((widget, i) => {
    const at = `widgets[${i}]`;
    if (!isObject(widget)) {
      error(at, 'must be an object');
      return;
    }
    const name = widget.name;
    if (typeof name !== 'string' || name.length === 0) {
      error(`${at}.name`, 'is required');
    } else if (name.length > MAX_SLUG || !SLUG.test(name)) {
      error(`${at}.name`, `must be lower-case letters, digits and single dashes, at most ${MAX_SLUG} characters`);
    } else if (names.has(name)) {
      error(`${at}.name`, `'${name}' appears twice in this list`);
    } else {
      names.add(name);
    }
    errors.push(...validateConfig(widget.config, `${at}.config`));
    const type = isObject(widget.config) ? widget.config.type : undefined;
    if (widget.widget_type !== undefined && typeof type === 'string' && widget.widget_type !== type) {
      error(`${at}.widget_type`, `must equal config.type ('${type}')`);
    }
    const x = integer(widget.position_x, 0);
    const y = integer(widget.position_y, 0);
    const width = integer(widget.width, 6);
    const height = integer(widget.height, 4);
    range(x, 0, GRID_COLUMNS - 1, `${at}.position_x`, error);
    range(y, 0, 10_000, `${at}.position_y`, error);
    range(width, 1, GRID_COLUMNS, `${at}.width`, error);
    range(height, 1, 100, `${at}.height`, error);
    if (typeof x === 'number' && typeof width === 'number' && x + width > GRID_COLUMNS) {
      error(`${at}.width`, `position_x + width must be at most ${GRID_COLUMNS}`);
    }
  });
  return errors;
}

export function validateConfig(config: unknown, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, message: string) => errors.push({ field, message, severity: 'error' });
  if (!isObject(config)) {
    error(at, config === undefined || config === null ? 'is required' : 'must be an object');
    return errors;
  }
  if (typeof config.query !== 'string' || config.query.trim() === '') {
    error(`${at}.query`, 'is required: the SQL the agent runs');
  }
  const accepted = [...ACCEPTED_TYPES].sort().join(', ');
  if (config.type === undefined || config.type === null) {
    error(`${at}.type`, `is required: one of ${accepted}`);
  } else if (typeof config.type !== 'string') {
    error(`${at}.type`, `must be one of ${accepted}`);
  } else if (!ACCEPTED_TYPES.includes(config.type)) {
    errors.push({
      field: `${at}.type`,
      message: `'${config.type}' is a Phase 3 type: the server accepts ${accepted} today`,
      severity: 'warning',
    });
  }
  for (const key of ['title', 'description']) {
    if (config[key] !== undefined && config[key] !== null && typeof config[key] !== 'string') {
      error(`${at}.${key}`, 'must be a string');
    }
  }
  const refresh = config.refreshInterval;
  if (refresh !== undefined && refresh !== null && !(typeof refresh === 'number' && Number.isInteger(refresh) && refresh >= 1000)) {
    error(`${at}.refreshInterval`, 'must be a whole number of milliseconds, at least 1000');
  }
  const chart = config.chartConfig;
  if (chart !== undefined && chart !== null) {
    if (!isObject(chart)) {
      error(`${at}.chartConfig`, 'must be an object');
    } else {
      for (const key of ['xAxisKey', 'yAxisKey']) {
        if (chart[key] !== undefined && chart[key] !== null && typeof chart[key] !== 'string') {
          error(`${at}.chartConfig.${key}`, 'must be a string');
        }
      }
      const colors = chart.colors;
      if (colors !== undefined && colors !== null && !(Array.isArray(colors) && colors.every((c) => typeof c === 'string'))) {
        error(`${at}.chartConfig.colors`, 'must be a list of strings');
      }
    }
  }
  return errors;
}

export function blocking(errors: FieldError[]): FieldError[] {
  return errors.filter((e) => e.severity !== 'warning');
}

/** `widgets[0].config.query` → `['widgets', 0, 'config', 'query']`, the JSON editor's path. */
export function toPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return path;
}

/** The widget index a field path is about, e.g. 0 for `widgets[0].config.query`. */
export function widgetIndexOf(field: string): number | undefined {
  const match = /^widgets\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) : undefined;
}

/** The path inside the widget, e.g. `config.query` for `widgets[0].config.query`. */
export function fieldWithinWidget(field: string): string {
  return field.replace(/^widgets\[\d+\]\.?/, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, fallback: number): number | string {
  if (value === undefined || value === null) {
    return fallback;
  }
  return typeof value === 'number' && Number.isInteger(value) ? value : 'invalid';
}

function range(value: number | string, min: number, max: number, field: string, error: (f: string, m: string) => void): void {
  if (typeof value !== 'number') {
    error(field, 'must be a whole number');
  } else if (value < min || value > max) {
    error(field, `must be between ${min} and ${max}`);
  }
}
