import { describe, expect, it, vi } from 'vitest';
import { blocking, toPath, validateConfig, validateDocument, widgetIndexOf } from './validation';
import { WIDGET_KINDS, newWidget } from './widgets';
import { revenueTrendAnalysis } from './revenueTrendAnalysis.fixture';

const widget = (config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'sales-by-month', config, position_x: 0, position_y: 0, width: 6, height: 4, ...extra,
});

/** The config's problems as `[path, message]`, the path relative to the config as the server's tests write it. */
const problems = (config: unknown) => validateConfig(config, 'config').map((e) => [e.field.replace(/^config\.?/, ''), e.message]);
const paths = (config: unknown) => problems(config).map(([path]) => path);

describe('a widget config, checked against widget-config.schema.json', () => {
  it('accepts Phase 2 configs that were valid before Phase 3, unchanged', () => {
    const phase2 = [
      { query: 'SELECT month, total FROM sales', type: 'bar' },
      { query: 'SELECT COUNT(*) AS orders FROM sales.orders', type: 'kpi', title: 'Orders today', refreshInterval: 60000 },
      { query: 'SELECT region, total FROM sales', type: 'pie', title: '', description: 'By region', refreshInterval: 1000.0,
        chartConfig: { xAxisKey: 'region', yAxisKey: 'total', colors: ['#3b82f6', 'red'] } },
      { query: 'SELECT * FROM t', type: 'table', refreshInterval: 9223372036854775807, chartConfig: {} },
      { query: 'x'.repeat(4000), type: 'line', chartConfig: { colors: ['rgb(1, 2, 3)', ''] } },
    ];
    for (const config of phase2) {
      expect(problems(config)).toEqual([]);
    }
  });

  it("accepts the roadmap's Revenue Trend Analysis example as written", () => {
    expect(problems(revenueTrendAnalysis())).toEqual([]);
  });

  it('accepts all eight types, gauge, map and scatter with their own options', () => {
    for (const type of ['bar', 'line', 'pie', 'table', 'kpi', 'gauge', 'map', 'scatter']) {
      expect(problems({ type, query: 'SELECT 1' })).toEqual([]);
    }
    expect(problems({ type: 'gauge', query: 'q', chartConfig: { min: -1.5, max: 10, target: 8.5 } })).toEqual([]);
    expect(problems({ type: 'map', query: 'q', chartConfig: { map: { region: 'TH', nameField: 'province', valueField: 'n' } } })).toEqual([]);
    expect(problems({ type: 'scatter', query: 'q', chartConfig: { yAxis: { field: 'm', type: 'log', format: 'compact' },
      series: [{ field: 'm', type: 'scatter', yAxisIndex: 0 }] } })).toEqual([]);
  });

  it('refuses an unknown type and a missing one, naming config.type with the schema\'s types', () => {
    expect(problems({ query: 'q', type: 'donut' })).toEqual([['type', 'must be one of bar, gauge, kpi, line, map, pie, scatter, table']]);
    expect(problems({ query: 'q' })).toEqual([['type', 'is required']]);
  });

  it('names each refused field by the path the server uses, in its words', () => {
    expect(problems({ type: 'bar' })).toEqual([['query', 'is required: the SQL the agent runs']]);
    expect(problems({ type: 'bar', dataSource: { type: 'sql', connection: 'main' } })).toEqual([['dataSource.query', 'is required']]);
    expect(problems({ type: 'bar', dataSource: { type: 'api', connection: 'main', endpoint: '/x', query: 'q' } }))
      .toEqual([['dataSource.query', 'is not used by this dataSource.type']]);
    const config = revenueTrendAnalysis();
    config.interactions.filters[1].type = 'slider';
    config.caching.ttl = 0;
    config.chartConfig.yAxis[1].position = 'middle';
    expect(problems(config)).toEqual([
      ['chartConfig.yAxis[1].position', 'must be one of bottom, left, right, top'],
      ['interactions.filters[1].type', 'must be one of date, multiselect, range, select'],
      ['caching.ttl', 'must be at least 1'],
    ]);
  });

  it('refuses a property the schema does not know, at the top, in chartConfig and in a data source, without echoing its value', () => {
    const found = problems({ type: 'bar', visaul: {}, chartConfig: { stacked: true, 0: 1 },
      dataSource: { type: 'sql', connection: 'main', query: 'q', password: 's3cret-Pa55word' } });
    expect(found).toEqual(expect.arrayContaining([
      ['visaul', 'is not a property the schema knows here'],
      ['chartConfig.stacked', 'is not a property the schema knows here'],
      ['chartConfig.0', 'is not a property the schema knows here'],
      ['dataSource.password', 'is not a property the schema knows here'],
    ]));
    expect(found).toHaveLength(4);
    expect(JSON.stringify(found)).not.toContain('s3cret');
  });

  it('refuses Phase 3 options outside their values, each by its path', () => {
    const config = { type: 'line', query: 'q',
      visual: { colors: ['#fff', 'url(javascript:alert(1))'], theme: 'sepia', showLegend: 'yes' },
      chartConfig: { xAxis: { format: 'currencies' }, series: [{ type: 'pie' }, { field: 'a', dashArray: '5;5', yAxisIndex: 1.5 }],
        map: { region: 'Thailand' } },
      layout: { x: 12, y: 0, width: 0 } };
    expect(paths(config)).toEqual(expect.arrayContaining([
      'visual.colors[1]', 'visual.theme', 'visual.showLegend', 'chartConfig.xAxis.format',
      'chartConfig.series[0].field', 'chartConfig.series[0].type', 'chartConfig.series[1].dashArray', 'chartConfig.series[1].yAxisIndex',
      'chartConfig.map.region', 'chartConfig.map.nameField', 'chartConfig.map.valueField', 'layout.x', 'layout.width', 'layout.height',
    ]));
    expect(problems(config)).toHaveLength(14);
    expect(problems(config)).toContainEqual(['visual.showLegend', 'string found, boolean expected']);
    expect(problems(config)).toContainEqual(['chartConfig.series[1].yAxisIndex', 'number found, integer expected']);
  });

  it('refuses a y axis list of none or of five by count', () => {
    expect(problems({ type: 'line', query: 'q', chartConfig: { yAxis: [] } }))
      .toEqual([['chartConfig.yAxis', 'must have at least 1 items but found 0']]);
    expect(problems({ type: 'line', query: 'q', chartConfig: { yAxis: [{}, {}, {}, {}, {}] } }))
      .toEqual([['chartConfig.yAxis', 'must have at most 4 items but found 5']]);
  });
});

describe('the cross-field rules, worded as the server words them', () => {
  it('refuses a placeholder that names no filter, naming the query and the placeholder', () => {
    const config = revenueTrendAnalysis();
    config.dataSource.query = 'SELECT * FROM sales WHERE region = {regoin}';
    expect(problems(config)).toEqual([['dataSource.query',
      "placeholder {regoin} names no filter; this widget's filters give {date_range.from}, {date_range.to}, {region}"]]);
  });

  it('leaves JSON and SQL braces that are no placeholders alone, and the drilldown query free', () => {
    expect(problems({ type: 'bar', dataSource: { type: 'sql', connection: 'mongo',
      query: '{"find": "orders", "filter": {}} {1,2} {fn NOW()} { spaced }' } })).toEqual([]);
    expect(problems({ type: 'bar', query: 'SELECT * FROM t WHERE a = {a}', interactions: { drilldown: { enabled: true, query: 'SELECT {x}' } } }))
      .toEqual([['query', 'placeholder {a} names no filter; this widget has no interactions.filters']]);
  });

  it('refuses two filters on one field, naming the second', () => {
    const config = revenueTrendAnalysis();
    config.interactions.filters.push({ type: 'multiselect', field: 'region', label: 'Again', default: 'x' });
    expect(problems(config)).toEqual([['interactions.filters[2].field', "'region' is already the field of interactions.filters[1]"]]);
  });

  it('refuses a series on a y axis that does not exist', () => {
    const config = revenueTrendAnalysis();
    config.chartConfig.series[1].yAxisIndex = 2;
    expect(problems(config)).toEqual([['chartConfig.series[1].yAxisIndex', 'must be below 2, the number of chartConfig.yAxis entries']]);
    expect(problems({ type: 'line', query: 'q', chartConfig: { series: [{ field: 'a', yAxisIndex: 1 }] } }))
      .toEqual([['chartConfig.series[0].yAxisIndex', 'must be 0: chartConfig.yAxis defines one axis']]);
  });

  it("refuses a gauge whose max is not above its min, and a layout wider than the grid from its x", () => {
    expect(problems({ type: 'gauge', query: 'q', chartConfig: { min: 100, max: 100 } }))
      .toEqual([['chartConfig.max', 'must be above chartConfig.min (100)']]);
    expect(problems({ type: 'bar', query: 'q', layout: { x: 6, y: 0, width: 7, height: 4 } }))
      .toEqual([['layout.width', 'layout.x + layout.width must be at most 12, got 6 + 7']]);
  });
});

describe('hostile configs', () => {
  it('refuses a config that is no object, naming the config itself', () => {
    expect(validateConfig([], 'widgets[0].config')).toEqual([{ field: 'widgets[0].config', message: 'array found, object expected', severity: 'error' }]);
    expect(validateConfig('SELECT 1', 'widgets[0].config')[0].message).toBe('string found, object expected');
    expect(validateConfig(null, 'widgets[0].config')[0].message).toBe('is required');
  });

  it('refuses a huge query with a short message that does not echo it', () => {
    const found = problems({ type: 'bar', query: `SELECT '${'x'.repeat(1_000_000)}'` });
    expect(found).toEqual([['query', 'must be at most 4000 characters long']]);
  });

  it('counts characters as the server does: an emoji is one', () => {
    expect(problems({ type: 'bar', query: '📈'.repeat(4000) })).toEqual([]);
    expect(paths({ type: 'bar', query: '📈'.repeat(4001) })).toEqual(['query']);
  });

  it('refuses numbers far beyond any bound without throwing', () => {
    expect(problems({ type: 'bar', query: 'q', refreshInterval: 1e30, caching: { enabled: true, ttl: 1e300 },
      layout: { x: -1e300, y: 0, width: 1, height: 1 } })).toEqual([
      ['refreshInterval', 'must be at most 9223372036854776000'],
      ['caching.ttl', 'must be at most 86400'],
      ['layout.x', 'must be at least 0'],
    ]);
  });

  it('refuses hundreds of colours and series by count, and lists five of hundreds of unknown placeholders', () => {
    const many = Array.from({ length: 500 }, (_, i) => i);
    expect(problems({ type: 'line', query: 'q', visual: { colors: many.map(() => 'red') }, chartConfig: { series: many.map((i) => ({ field: `f${i}` })) } }))
      .toEqual([['visual.colors', 'must have at most 20 items but found 500'], ['chartConfig.series', 'must have at most 20 items but found 500']]);
    const query = `SELECT {${'n'.repeat(1500)}}` + many.slice(0, 300).map((i) => ` {p${i}}`).join('');
    const [[path, message]] = problems({ type: 'bar', query: query.slice(0, 4000) });
    expect(path).toBe('query');
    expect(message).toMatch(new RegExp(`^placeholders \\{${'n'.repeat(63)}…, \\{p0\\}, \\{p1\\}, \\{p2\\}, \\{p3\\} and \\d+ more name no filter`));
    expect(message.length).toBeLessThan(200);
  });

  it('accepts foreign text where text is free and refuses it where an identifier is expected', () => {
    expect(problems({ type: 'bar', query: 'SELECT ยอดขาย FROM 売上', title: 'รายได้ 📈',
      interactions: { filters: [{ type: 'select', field: 'region', label: 'ภูมิภาค' }] } })).toEqual([]);
    expect(paths({ type: 'bar', query: 'q', interactions: { filters: [{ type: 'select', field: 'ภูมิภาค' }] } }))
      .toEqual(['interactions.filters[0].field']);
  });

  it('runs without eval, as the Content-Security-Policy requires: the schema was compiled at build time', async () => {
    vi.resetModules();
    const original = globalThis.Function;
    globalThis.Function = function refused() {
      throw new Error('eval refused');
    } as unknown as FunctionConstructor;
    try {
      const fresh = await import('./validation');
      expect(fresh.validateConfig({ type: 'bar' }, 'config').map((e) => e.field)).toEqual(['config.query']);
    } finally {
      globalThis.Function = original;
    }
  });
});

describe('a dashboard document', () => {
  it('accepts a Phase 2 widget with a query and a type', () => {
    expect(validateDocument({ widgets: [widget({ query: 'SELECT 1', type: 'bar' })] })).toEqual([]);
  });

  it('names the missing query by the same path the server uses', () => {
    const errors = validateDocument({ widgets: [widget({ type: 'bar' })] });
    expect(errors).toEqual([{ field: 'widgets[0].config.query', message: 'is required: the SQL the agent runs', severity: 'error' }]);
  });

  it('keeps the widget inside the 12 columns', () => {
    const errors = validateDocument({ widgets: [widget({ query: 'q', type: 'bar' }, { position_x: 8, width: 6 })] });
    expect(errors.map((e) => e.field)).toEqual(['widgets[0].width']);
  });

  it('refuses a name twice in one list and a refresh interval below a second', () => {
    const errors = validateDocument({ widgets: [
      widget({ query: 'q', type: 'bar' }),
      widget({ query: 'q', type: 'bar', refreshInterval: 500 }),
    ] });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['widgets[1].name', "'sales-by-month' appears twice in this list"],
      ['widgets[1].config.refreshInterval', 'must be at least 1000'],
    ]);
    expect(blocking(errors)).toHaveLength(2);
  });

  it("counts widgets against the tenant's license", () => {
    const errors = validateDocument({ widgets: [widget({ query: 'q', type: 'bar' })] }, 0);
    expect(errors[0].field).toBe('widgets');
  });
});

describe('the widget library', () => {
  it('offers the eight types, each a new widget the schema accepts as it is added', () => {
    expect(WIDGET_KINDS.map((k) => k.type)).toEqual(['bar', 'line', 'pie', 'table', 'kpi', 'gauge', 'map', 'scatter']);
    for (const kind of WIDGET_KINDS) {
      const added = newWidget(kind.type, [], { x: 10, y: 0 });
      expect(validateDocument({ widgets: [added] })).toEqual([]);
    }
  });
});

describe('field paths', () => {
  it('turn into the JSON editor path and the widget index', () => {
    expect(toPath('widgets[0].config.query')).toEqual(['widgets', 0, 'config', 'query']);
    expect(toPath('widgets[0].config.chartConfig.series[1].yAxisIndex')).toEqual(['widgets', 0, 'config', 'chartConfig', 'series', 1, 'yAxisIndex']);
    expect(widgetIndexOf('widgets[12].config.chartConfig.colors')).toBe(12);
    expect(widgetIndexOf('widgets')).toBeUndefined();
  });
});
