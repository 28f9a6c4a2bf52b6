import type { ErrorObject } from 'ajv';
import validateSchema from 'virtual:widget-config-validator';
import type { FieldError } from '../api/problem';
import { crossFieldErrors } from './crossField';
import { GRID_COLUMNS } from './widgets';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG = 64;

/**
 * A dashboard's widgets checked in the browser with the same field paths and rules as command-api's
 * `WidgetRules`, so the admin sees a problem while typing. Each config is checked against the schemas
 * module's widget-config.schema.json itself (compiled by Ajv at build time) and its cross-field rules;
 * the server stays the judge: its answer's `errors[].field` lands on the same fields.
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
  if (config === undefined || config === null) {
    return [{ field: at, message: 'is required', severity: 'error' }];
  }
  if (validateSchema(config)) {
    // The cross-field rules read filters, queries, axes and the layout the schema has vouched for.
    return crossFieldErrors(config as Record<string, unknown>, at);
  }
  // One finding per field, the first, as the server reports them: "" breaks both minLength and the non-blank pattern.
  const byField = new Map<string, FieldError>();
  for (const error of validateSchema.errors ?? []) {
    // An if/then or if/else failure is reported again by the keyword that failed inside it.
    if (error.keyword === 'if') {
      continue;
    }
    const { field, value } = locate(error, config, at);
    if (!byField.has(field)) {
      byField.set(field, { field, message: messageOf(error, field, at, value), severity: 'error' });
    }
  }
  return [...byField.values()];
}

/**
 * The server's field path (JSON Pointer segments as `.name` or `[index]`, plus the property a keyword is
 * about) and the value the error is about.
 */
function locate(error: ErrorObject, config: unknown, at: string): { field: string; value: unknown } {
  let field = at;
  let value: unknown = config;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    // A segment of digits is an index only inside an array: a property may be named "0" as well.
    field += Array.isArray(value) ? `[${segment}]` : `.${segment}`;
    value = (value as Record<string, unknown>)?.[segment];
  }
  if (error.keyword === 'required') {
    field += `.${(error.params as { missingProperty: string }).missingProperty}`;
  } else if (error.keyword === 'additionalProperties') {
    field += `.${(error.params as { additionalProperty: string }).additionalProperty}`;
  }
  return { field, value };
}

/** The server's wording (schemas' WidgetConfigSchema.messageOf and json-schema-validator's messages), not Ajv's. */
function messageOf(error: ErrorObject, field: string, at: string, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return field === `${at}.query` ? 'is required: the SQL the agent runs' : 'is required';
    case 'additionalProperties':
      return 'is not a property the schema knows here';
    // The schema's only false subschemas: the fields another dataSource.type uses.
    case 'false schema':
      return 'is not used by this dataSource.type';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).sort().join(', ')}`;
    case 'pattern':
      return params.pattern === BLANK ? 'must not be blank' : `must match ${params.pattern}`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'minLength':
      return `must be at least ${params.limit} characters long`;
    case 'maxLength':
      return `must be at most ${params.limit} characters long`;
    case 'minItems':
      return `must have at least ${params.limit} items but found ${countOf(value)}`;
    case 'maxItems':
      return `must have at most ${params.limit} items but found ${countOf(value)}`;
    case 'type': {
      const expected = String(params.type).split(',');
      return `${typeOf(value)} found, ${expected.length === 1 ? expected[0] : `[${expected.join(', ')}]`} expected`;
    }
    default:
      return error.message ?? 'is not valid';
  }
}

/** The schema's pattern for text that must hold more than white space. */
const BLANK = '\\S';

function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
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
