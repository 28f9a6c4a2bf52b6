/**
 * Which property-panel control shows an error on a widget's field, from the field's path within the widget
 * (`config.dataSource.query`, `config.interactions.filters[1].type`: validateDocument's and the server's paths
 * without `widgets[i].`). Undefined when no control edits that field: the panel lists those above its form.
 */
export function controlOf(path: string): string | undefined {
  // An entry of a colour list is shown on the list's one input.
  const fixed = FIXED[path.replace(/(\.colors)\[\d+\]$/, '$1')];
  if (fixed) return fixed;
  const filter = /^config\.interactions\.filters\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (filter) return `prop-filter-${filter[1]}-${kebab(filter[2] ?? 'field')}`;
  // A single y axis is written as an object: it is the form's first one.
  const yAxis = /^config\.chartConfig\.yAxis(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path);
  if (yAxis) return `prop-yaxis-${yAxis[1] ?? 0}-${kebab(yAxis[2] ?? 'field')}`;
  const series = /^config\.chartConfig\.series\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (series) return `prop-series-${series[1]}-${kebab(series[2] ?? 'field')}`;
  return undefined;
}

const FIXED: Record<string, string> = {
  name: 'prop-name',
  widget_type: 'prop-type',
  'config.type': 'prop-type',
  config: 'prop-query',
  'config.query': 'prop-query',
  'config.title': 'prop-title',
  'config.description': 'prop-description',
  'config.refreshInterval': 'prop-refresh',
  'config.chartConfig': 'prop-x-axis',
  'config.chartConfig.xAxisKey': 'prop-x-axis',
  'config.chartConfig.yAxisKey': 'prop-y-axis',
  'config.chartConfig.colors': 'prop-colors',
  'config.dataSource': 'prop-source',
  'config.dataSource.type': 'prop-source',
  'config.dataSource.connection': 'prop-connection',
  'config.dataSource.query': 'prop-source-query',
  'config.dataSource.endpoint': 'prop-endpoint',
  'config.dataSource.path': 'prop-path',
  'config.dataSource.file': 'prop-file',
  'config.interactions': 'prop-clickable',
  'config.interactions.clickable': 'prop-clickable',
  'config.interactions.filters': 'prop-filter-add',
  'config.interactions.drilldown': 'prop-drilldown-enabled',
  'config.interactions.drilldown.enabled': 'prop-drilldown-enabled',
  'config.interactions.drilldown.target': 'prop-drilldown-target',
  'config.interactions.drilldown.query': 'prop-drilldown-query',
  'config.caching': 'prop-caching-enabled',
  'config.caching.enabled': 'prop-caching-enabled',
  'config.caching.ttl': 'prop-caching-ttl',
  'config.visual': 'prop-visual-colors',
  'config.visual.colors': 'prop-visual-colors',
  'config.visual.theme': 'prop-theme',
  'config.visual.showLegend': 'prop-show-legend',
  'config.visual.showGrid': 'prop-show-grid',
  'config.visual.animation': 'prop-animation',
  'config.chartConfig.xAxis': 'prop-xaxis-field',
  'config.chartConfig.xAxis.field': 'prop-xaxis-field',
  'config.chartConfig.xAxis.type': 'prop-xaxis-type',
  'config.chartConfig.xAxis.position': 'prop-xaxis-position',
  'config.chartConfig.xAxis.format': 'prop-xaxis-format',
  'config.chartConfig.series': 'prop-series-add',
  'config.chartConfig.min': 'prop-gauge-min',
  'config.chartConfig.max': 'prop-gauge-max',
  'config.chartConfig.target': 'prop-gauge-target',
  'config.chartConfig.map': 'prop-map-region',
  'config.chartConfig.map.region': 'prop-map-region',
  'config.chartConfig.map.nameField': 'prop-map-name-field',
  'config.chartConfig.map.valueField': 'prop-map-value-field',
  position_x: 'prop-x',
  position_y: 'prop-y',
  width: 'prop-width',
  height: 'prop-height',
};

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
