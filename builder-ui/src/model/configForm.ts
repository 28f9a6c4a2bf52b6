import type { WidgetConfig } from '../api/types';

/**
 * A widget config as the property panel edits it, and back. The pair is lossless: `fromForm(toForm(c))`
 * deep-equals `c` for every config whose optional strings, lists and objects are not empty. A value the form
 * has no control for — an unknown key, or a known key holding a value of the wrong kind — waits in the
 * `rest` of its level and is written back as it was, so the panel never drops what the JSON view typed.
 * An emptied field is removed rather than saved as "" (the schema refuses empty strings in many places).
 */
export type Json = Record<string, unknown>;

export type SourceKind = 'query' | 'sql' | 'api' | 'file';

/** One form per kind of source: switching kinds in the panel keeps what was typed in the others. */
export interface SourceForm {
  connection: string;
  query: string;
  endpoint: string;
  path: string;
  file: string;
  rest: Json;
}

export interface FilterForm {
  type: string;
  field: string;
  label: string;
  options?: unknown[];
  default?: unknown;
  rest: Json;
}

export interface AxisForm {
  field: string;
  type: string;
  position: string;
  format: string;
  rest: Json;
}

export interface SeriesForm {
  field: string;
  name: string;
  type: string;
  yAxisIndex?: number;
  smooth?: boolean;
  dashArray: string;
  rest: Json;
}

export interface ConfigForm {
  type: string;
  title: string;
  description: string;
  refreshInterval?: number;
  /** Phase 2's top-level `query` (the agent's default source) or one of `dataSource`'s types. */
  source: SourceKind;
  query: string;
  dataSource: SourceForm;
  clickable?: boolean;
  drilldown?: { enabled?: boolean; target: string; query: string; rest: Json };
  filters: FilterForm[];
  interactionsRest: Json;
  caching?: { enabled?: boolean; ttl?: number; rest: Json };
  visual: { colors: unknown[]; theme: string; showLegend?: boolean; showGrid?: boolean; animation?: boolean; rest: Json };
  xAxis?: AxisForm;
  yAxes: AxisForm[];
  /** Whether `yAxis` is written as a list even when it holds one axis, as the config had it. */
  yAxisList: boolean;
  series: SeriesForm[];
  min?: number;
  max?: number;
  target?: number;
  map?: { region: string; nameField: string; valueField: string; rest: Json };
  chartRest: Json;
  rest: Json;
  /** The config's keys as written, so an edit in the panel does not reorder the JSON view. */
  keys: string[];
}

export function toForm(config: Json): ConfigForm {
  const top = new Reader(config);
  const type = top.text('type');
  const title = top.text('title');
  const description = top.text('description');
  const refreshInterval = top.number('refreshInterval');
  const query = top.text('query');
  const source = top.object('dataSource');
  const interactions = top.object('interactions');
  const caching = top.object('caching');
  const visual = new Reader(top.object('visual') ?? {});
  const chart = new Reader(top.object('chartConfig') ?? {});

  let kind: SourceKind = 'query';
  let dataSource = emptySource();
  if (source) {
    const s = new Reader(source);
    const sourceType = s.text('type');
    if (sourceType === 'sql' || sourceType === 'api' || sourceType === 'file') {
      kind = sourceType;
      dataSource = { connection: s.text('connection'), query: s.text('query'), endpoint: s.text('endpoint'), path: s.text('path'), file: s.text('file'), rest: s.rest };
    } else {
      // A source of a type the form does not offer stays as written.
      top.rest.dataSource = source;
    }
  }

  const i = new Reader(interactions ?? {});
  const clickable = i.boolean('clickable');
  const drill = i.object('drilldown');
  const filterList = i.list('filters', isObject);
  let drilldown: ConfigForm['drilldown'];
  if (drill) {
    const d = new Reader(drill);
    drilldown = { enabled: d.boolean('enabled'), target: d.text('target'), query: d.text('query'), rest: d.rest };
  }
  const filters = (filterList ?? []).map((f): FilterForm => {
    const r = new Reader(f as Json);
    const form: FilterForm = { type: r.text('type'), field: r.text('field'), label: r.text('label'), rest: r.rest };
    const options = r.list('options', () => true);
    if (options) form.options = options;
    if ('default' in r.rest) {
      form.default = r.rest.default;
      delete r.rest.default;
    }
    return form;
  });

  let cachingForm: ConfigForm['caching'];
  if (caching) {
    const c = new Reader(caching);
    cachingForm = { enabled: c.boolean('enabled'), ttl: c.number('ttl'), rest: c.rest };
  }

  const visualForm = {
    colors: visual.list('colors', () => true) ?? [],
    theme: visual.text('theme'),
    showLegend: visual.boolean('showLegend'),
    showGrid: visual.boolean('showGrid'),
    animation: visual.boolean('animation'),
    rest: visual.rest,
  };

  const xAxisObject = chart.object('xAxis');
  const yAxisValue = chart.rest.yAxis;
  let yAxes: AxisForm[] = [];
  let yAxisList = false;
  if (Array.isArray(yAxisValue) && yAxisValue.every(isObject)) {
    yAxes = yAxisValue.map((a) => axis(a as Json));
    yAxisList = true;
    delete chart.rest.yAxis;
  } else if (isObject(yAxisValue)) {
    yAxes = [axis(yAxisValue)];
    delete chart.rest.yAxis;
  }
  const series = (chart.list('series', isObject) ?? []).map((s): SeriesForm => {
    const r = new Reader(s as Json);
    return { field: r.text('field'), name: r.text('name'), type: r.text('type'), yAxisIndex: r.number('yAxisIndex'), smooth: r.boolean('smooth'),
      dashArray: r.text('dashArray'), rest: r.rest };
  });
  const min = chart.number('min');
  const max = chart.number('max');
  const target = chart.number('target');
  const mapObject = chart.object('map');
  let map: ConfigForm['map'];
  if (mapObject) {
    const m = new Reader(mapObject);
    map = { region: m.text('region'), nameField: m.text('nameField'), valueField: m.text('valueField'), rest: m.rest };
  }

  return {
    type, title, description, refreshInterval, source: kind, query, dataSource,
    clickable, drilldown, filters, interactionsRest: i.rest, caching: cachingForm, visual: visualForm,
    xAxis: xAxisObject ? axis(xAxisObject) : undefined, yAxes, yAxisList, series, min, max, target, map,
    chartRest: chart.rest, rest: top.rest, keys: Object.keys(config),
  };
}

export function fromForm(form: ConfigForm): WidgetConfig {
  const dataSource = form.source === 'query' ? undefined : merge(form.dataSource.rest, {
    type: form.source,
    connection: form.dataSource.connection,
    // Only the fields of the chosen type: the schema refuses `path` on sql, `endpoint` on file, …
    query: form.source === 'api' ? '' : form.dataSource.query,
    endpoint: form.source === 'api' ? form.dataSource.endpoint : '',
    path: form.source === 'api' ? form.dataSource.path : '',
    file: form.source === 'file' ? form.dataSource.file : '',
  });
  const drilldown = form.drilldown && nonEmpty(merge(form.drilldown.rest, { enabled: form.drilldown.enabled, target: form.drilldown.target, query: form.drilldown.query }));
  const filters = form.filters.map((f) => merge(f.rest, { type: f.type, field: f.field, label: f.label, options: f.options, default: f.default }));
  const interactions = nonEmpty(merge(form.interactionsRest, { clickable: form.clickable, drilldown, filters: filters.length ? filters : undefined }));
  const caching = form.caching && nonEmpty(merge(form.caching.rest, { enabled: form.caching.enabled, ttl: form.caching.ttl }));
  const v = form.visual;
  const visual = nonEmpty(merge(v.rest, { colors: v.colors.length ? v.colors : undefined, theme: v.theme, showLegend: v.showLegend, showGrid: v.showGrid, animation: v.animation }));
  const yAxes = form.yAxes.map(axisConfig);
  const series = form.series.map((s) => merge(s.rest, { field: s.field, name: s.name, type: s.type, yAxisIndex: s.yAxisIndex, smooth: s.smooth, dashArray: s.dashArray }));
  const map = form.map && nonEmpty(merge(form.map.rest, { region: form.map.region, nameField: form.map.nameField, valueField: form.map.valueField }));
  const chartConfig = nonEmpty(merge(form.chartRest, {
    xAxis: form.xAxis && nonEmpty(axisConfig(form.xAxis)),
    yAxis: yAxes.length === 0 ? undefined : yAxes.length === 1 && !form.yAxisList ? yAxes[0] : yAxes,
    series: series.length ? series : undefined,
    min: form.min, max: form.max, target: form.target, map,
  }));
  // The top-level query is written whenever it holds text: a config may carry both it and a dataSource.
  const config = merge(form.rest, {
    type: form.type, title: form.title, description: form.description, refreshInterval: form.refreshInterval,
    query: form.query, dataSource, visual, chartConfig, interactions, caching,
  });
  return ordered(config, form.keys) as WidgetConfig;
}

/** What was typed for the kinds of source not chosen: the panel keeps it while it is open. */
export interface TypedSources {
  query?: string;
  sources: Partial<Record<SourceKind, SourceForm>>;
}

/**
 * The form with another kind of source chosen. What the current kind held goes into `typed` and what was typed
 * for the new kind comes back from it; a new dataSource starts with the connection last used. The top-level
 * query leaves the config when a dataSource replaces it (it stays when the config had both).
 */
export function switchSource(form: ConfigForm, kind: SourceKind, typed: TypedSources): ConfigForm {
  if (kind === form.source) return form;
  if (form.source === 'query') typed.query = form.query; else typed.sources[form.source] = form.dataSource;
  if (kind === 'query') return { ...form, source: kind, query: form.query || (typed.query ?? '') };
  const dataSource = typed.sources[kind] ?? { ...emptySource(), connection: form.dataSource.connection };
  return { ...form, source: kind, query: form.source === 'query' ? '' : form.query, dataSource };
}

export function emptySource(): SourceForm {
  return { connection: '', query: '', endpoint: '', path: '', file: '', rest: {} };
}

export function emptyAxis(): AxisForm {
  return { field: '', type: '', position: '', format: '', rest: {} };
}

/** The data source ids the tenant's widgets already name, for the connection field's suggestions. */
export function connectionsOf(configs: unknown[]): string[] {
  const ids = new Set<string>();
  for (const config of configs) {
    const source = isObject(config) ? config.dataSource : undefined;
    if (isObject(source) && typeof source.connection === 'string' && source.connection) ids.add(source.connection);
  }
  return [...ids].sort();
}

/** A list as the panel's comma-separated inputs show it. */
export function listText(values: unknown[] | undefined): string {
  return (values ?? []).map((v) => String(v)).join(', ');
}

/**
 * The list typed into a comma-separated input. An entry that reads as one already in the list keeps that value
 * (a number stays a number); a new one is a string, as options and colours usually are.
 */
export function parseList(text: string, previous: unknown[] = []): unknown[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((token) => previous.find((p) => String(p) === token) ?? token);
}

/** A filter's default typed as text: a list for a multiselect, a number where it was one, else the text. */
export function parseDefault(text: string, filterType: string, previous: unknown): unknown {
  if (text.trim() === '') return undefined;
  if (valueText(previous) === text) return previous;
  if (filterType === 'multiselect' || Array.isArray(previous)) return parseList(text, Array.isArray(previous) ? previous : []);
  if (typeof previous === 'number' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? listText(value) : String(value);
}

function axis(source: Json): AxisForm {
  const r = new Reader(source);
  return { field: r.text('field'), type: r.text('type'), position: r.text('position'), format: r.text('format'), rest: r.rest };
}

function axisConfig(a: AxisForm): Json {
  return merge(a.rest, { field: a.field, type: a.type, position: a.position, format: a.format });
}

/** Takes the values the form has a control for out of one level of a config; what stays is that level's rest. */
class Reader {
  readonly rest: Json;

  constructor(source: Json) {
    this.rest = { ...source };
  }

  text(key: string): string {
    return this.take(key, (v): v is string => typeof v === 'string') ?? '';
  }

  number(key: string): number | undefined {
    return this.take(key, (v): v is number => typeof v === 'number' && Number.isFinite(v));
  }

  boolean(key: string): boolean | undefined {
    return this.take(key, (v): v is boolean => typeof v === 'boolean');
  }

  object(key: string): Json | undefined {
    return this.take(key, isObject);
  }

  list(key: string, each: (v: unknown) => boolean): unknown[] | undefined {
    return this.take(key, (v): v is unknown[] => Array.isArray(v) && v.every(each));
  }

  private take<T>(key: string, accept: (v: unknown) => v is T): T | undefined {
    const value = this.rest[key];
    if (!accept(value)) return undefined;
    delete this.rest[key];
    return value;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One level of a config: what the form holds over what it left aside, without the fields that are undefined
 * or "" (an emptied optional field is removed, not saved empty; a value the form could not read stays).
 */
function merge(rest: Json, known: Json): Json {
  return { ...rest, ...Object.fromEntries(Object.entries(known).filter(([, value]) => value !== undefined && value !== '')) };
}

/** The object, or nothing when it is left empty. */
function nonEmpty(values: Json): Json | undefined {
  return Object.keys(values).length > 0 ? values : undefined;
}

/** The config's keys in the order they were written (the JSON view shows them so), new keys after. */
function ordered(config: Json, keys: string[]): Json {
  const present = keys.filter((key) => Object.hasOwn(config, key));
  const added = Object.keys(config).filter((key) => !present.includes(key));
  // fromEntries defines each key as data: a "__proto__" the JSON view parsed stays a key, not a prototype.
  return Object.fromEntries([...present, ...added].map((key) => [key, config[key]]));
}
