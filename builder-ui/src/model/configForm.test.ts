import { describe, expect, it } from 'vitest';
import { connectionsOf, fromForm, parseDefault, parseList, switchSource, toForm, type TypedSources } from './configForm';
import { revenueTrendAnalysis } from './revenueTrendAnalysis.fixture';
import { validateConfig } from './validation';

const roundTrip = (config: Record<string, unknown>) => fromForm(toForm(config));

describe('a widget config turned into the property panel form and back', () => {
  it("keeps every field of the roadmap's Revenue Trend Analysis example unchanged", () => {
    // Given the roadmap's example, which the schema accepts
    const config = revenueTrendAnalysis();
    expect(validateConfig(config, 'config')).toEqual([]);
    // When it goes through the form and back, then it is the same config, keys in the same order
    const back = roundTrip(config);
    expect(back).toEqual(revenueTrendAnalysis());
    expect(Object.keys(back)).toEqual(Object.keys(config));
  });

  it('keeps Phase 2 configs, gauges, maps, single y axes, api and file sources unchanged', () => {
    const configs = [
      { query: 'SELECT region, total FROM sales', type: 'pie', refreshInterval: 60000, chartConfig: { xAxisKey: 'region', yAxisKey: 'total', colors: ['#3b82f6', 'red'] } },
      { type: 'gauge', query: 'q', chartConfig: { min: -1.5, max: 10, target: 0 } },
      { type: 'map', query: 'q', chartConfig: { map: { region: 'TH', nameField: 'province', valueField: 'n' } } },
      { type: 'scatter', query: 'q', chartConfig: { yAxis: { field: 'm', type: 'log', format: 'compact' }, series: [{ field: 'm', type: 'scatter', yAxisIndex: 0 }] } },
      { type: 'bar', chartConfig: { yAxis: [{ field: 'm' }] }, dataSource: { type: 'api', connection: 'crm', endpoint: '/deals', path: '/data/items' } },
      { type: 'table', dataSource: { type: 'file', connection: 'share', file: 'sales.csv', query: '{"limit": 5}' }, caching: { enabled: false } },
      { type: 'kpi', query: 'SELECT 1', dataSource: { type: 'sql', connection: 'main', query: 'SELECT 2' } },
      { type: 'bar', query: 'q', interactions: { filters: [{ type: 'multiselect', field: 'year', options: [2024, '2025'], default: [2024] }], drilldown: { enabled: false } } },
    ];
    for (const config of configs) {
      expect(roundTrip(config)).toEqual(config);
    }
  });

  it('never drops a value the form has no control for, at any level, nor one of the wrong kind', () => {
    // Given unknown keys at every level and known keys holding values the form cannot show
    const config = {
      type: 'line', query: 'q', future: { a: 1 }, title: 42, refreshInterval: 'soon',
      dataSource: { type: 'sql', connection: 'main', query: 'x', password: 's3cret' },
      visual: { theme: 'dark', glow: true, colors: 'red' },
      chartConfig: { xAxisKey: 'month', xAxis: { field: 'm', tilt: 45 }, yAxis: 'revenue', series: [{ field: 'a', width: 3 }], map: { region: 'DE', zoom: 2 } },
      interactions: { hover: 'tooltip', drilldown: { enabled: true, query: 'q', depth: 2 }, filters: [{ type: 'select', field: 'r', extra: null }] },
      caching: { enabled: true, ttl: '5m', store: 'disk' },
    };
    // When it goes through the form and back, then everything is still there
    expect(roundTrip(config)).toEqual(config);
    // And a dataSource of a type the form does not offer stays whole
    const foreign = { type: 'bar', dataSource: { type: 'graphql', connection: 'x', schema: 'y' } };
    expect(roundTrip(foreign)).toEqual(foreign);
  });

  it('keeps hostile and foreign configs as they were: wrong kinds, huge lists, unicode, a "__proto__" key', () => {
    // Given configs the JSON view may hold, most of them invalid
    const hostile = [
      JSON.parse('{"type": "bar", "query": "q", "__proto__": {"polluted": true}, "chartConfig": {"__proto__": 1}}'),
      { type: 'line', dataSource: [], interactions: { filters: [1, 'x', null] }, chartConfig: { series: {}, yAxis: [1, { field: 'a' }] }, visual: null, caching: [] },
      { type: 'bar', dataSource: { type: 'sql', connection: 'ไทย-数据', query: 'SELECT 1 -- ✓'.repeat(300) }, title: '\u0000\u202e' },
      { type: 'line', query: 'q', interactions: { filters: Array.from({ length: 500 }, (_, i) => ({ type: 'select', field: `f${i}`, options: [i, `${i}`] })) } },
    ];
    for (const config of hostile) {
      // When each goes through the form and back, then it is unchanged and nothing leaked into a prototype
      const back = roundTrip(config);
      expect(JSON.stringify(back)).toBe(JSON.stringify(config));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(Object.keys(roundTrip(hostile[0]))).toContain('__proto__');
  });

  it('removes an emptied optional field rather than saving ""', () => {
    // Given a form whose optional fields the admin emptied
    const form = toForm(revenueTrendAnalysis());
    form.title = '';
    form.dataSource.connection = '';
    form.visual.theme = '';
    form.visual.colors = [];
    form.filters[0].label = '';
    form.filters[1].options = undefined;
    form.xAxis = { ...form.xAxis!, format: '' };
    form.series = [];
    form.drilldown = { ...form.drilldown!, query: '', target: '', enabled: undefined };
    // When it becomes a config
    const config = fromForm(form) as Record<string, any>;
    // Then the emptied fields are gone, and levels left empty with them
    expect(config.title).toBeUndefined();
    expect(config.dataSource).toEqual({ type: 'sql', query: revenueTrendAnalysis().dataSource.query });
    expect(config.visual).toEqual({ showLegend: true, showGrid: true, animation: true });
    expect(config.interactions.filters[0]).toEqual({ type: 'date', field: 'date_range', default: 'last_12_months' });
    expect(config.interactions.filters[1]).toEqual({ type: 'select', field: 'region', label: 'Region' });
    expect(config.interactions.drilldown).toBeUndefined();
    expect(config.chartConfig.xAxis).toEqual({ field: 'month', type: 'category' });
    expect(config.chartConfig.series).toBeUndefined();
    expect(JSON.stringify(config)).not.toContain('""');
  });

  it("writes only the chosen source type's fields, and the top-level query only when it holds text", () => {
    // Given a form that held an sql query, an endpoint and a file, switched to api
    const form = toForm({ type: 'bar', query: 'SELECT 1' });
    form.query = '';
    form.source = 'api';
    form.dataSource = { connection: 'crm', query: 'SELECT 2', endpoint: '/deals', path: '', file: 'x.csv', rest: {} };
    // Then the config has an api source with its own fields only, and no top-level query
    expect(fromForm(form)).toEqual({ type: 'bar', dataSource: { type: 'api', connection: 'crm', endpoint: '/deals' } });
    // And switched to file, the file and its query
    expect(fromForm({ ...form, source: 'file' })).toEqual({ type: 'bar', dataSource: { type: 'file', connection: 'crm', query: 'SELECT 2', file: 'x.csv' } });
  });

  it('writes one y axis as an object and several as a list', () => {
    const form = toForm({ type: 'line', query: 'q', chartConfig: { yAxis: { field: 'a' } } });
    expect(fromForm(form).chartConfig).toEqual({ yAxis: { field: 'a' } });
    form.yAxes = [...form.yAxes, { field: 'b', type: '', position: 'right', format: '', rest: {} }];
    expect(fromForm(form).chartConfig).toEqual({ yAxis: [{ field: 'a' }, { field: 'b', position: 'right' }] });
  });
});

describe('switching the kind of data source', () => {
  it('keeps what was typed for each kind and brings it back, writing only the chosen one', () => {
    // Given a Phase 2 widget whose query the admin typed
    const typed: TypedSources = { sources: {} };
    let form = toForm({ type: 'bar', query: 'SELECT 1' });
    // When they switch to sql and type there, then to api and type there
    form = switchSource(form, 'sql', typed);
    expect(fromForm(form)).toEqual({ type: 'bar', dataSource: { type: 'sql' } });
    form = { ...form, dataSource: { ...form.dataSource, connection: 'main', query: 'SELECT 2' } };
    form = switchSource(form, 'api', typed);
    // Then the api source starts with the connection last used and no sql query
    expect(fromForm(form)).toEqual({ type: 'bar', dataSource: { type: 'api', connection: 'main' } });
    form = { ...form, dataSource: { ...form.dataSource, connection: 'crm', endpoint: '/deals' } };
    // And going back brings each kind's typing back
    expect(fromForm(switchSource(form, 'sql', typed))).toEqual({ type: 'bar', dataSource: { type: 'sql', connection: 'main', query: 'SELECT 2' } });
    expect(fromForm(switchSource(switchSource(form, 'sql', typed), 'query', typed))).toEqual({ type: 'bar', query: 'SELECT 1' });
    expect(fromForm(switchSource(switchSource(form, 'query', typed), 'api', typed)))
      .toEqual({ type: 'bar', dataSource: { type: 'api', connection: 'crm', endpoint: '/deals' } });
  });

  it('is the same form when the kind does not change', () => {
    const form = toForm({ type: 'bar', query: 'q' });
    expect(switchSource(form, 'query', { sources: {} })).toBe(form);
  });
});

describe('the comma-separated inputs', () => {
  it('keep the kind of a value already in the list and read new ones as text', () => {
    expect(parseList(' All, 2024 ,, North ', [2024])).toEqual(['All', 2024, 'North']);
    expect(parseList('')).toEqual([]);
  });

  it("read a filter's default as a list for a multiselect, a number where it was one, else text", () => {
    expect(parseDefault('a, b', 'multiselect', undefined)).toEqual(['a', 'b']);
    expect(parseDefault('7', 'range', 5)).toBe(7);
    expect(parseDefault('7', 'select', 'x')).toBe('7');
    expect(parseDefault('  ', 'select', 'x')).toBeUndefined();
    const previous = [1, 'two'];
    expect(parseDefault('1, two', 'select', previous)).toBe(previous);
  });

  it("suggest the data source ids the tenant's widgets already use, once each, ignoring malformed configs", () => {
    expect(connectionsOf([{ dataSource: { connection: 'main' } }, { dataSource: { connection: 'crm' } }, { dataSource: { connection: 'main' } },
      null, 'x', { dataSource: 'main' }, { dataSource: { connection: 5 } }, { dataSource: { connection: '' } }])).toEqual(['crm', 'main']);
  });
});
