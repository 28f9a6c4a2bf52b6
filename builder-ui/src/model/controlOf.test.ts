import { describe, expect, it } from 'vitest';
import { controlOf } from './controlOf';
import { fieldWithinWidget, validateDocument } from './validation';

const widget = (config: Record<string, unknown>) => ({ name: 'w', config, position_x: 0, position_y: 0, width: 6, height: 4 });

describe("the property panel's control for a field's error", () => {
  it('names the control of each Phase 3 field, lists by their row', () => {
    expect(controlOf('config.dataSource.query')).toBe('prop-source-query');
    expect(controlOf('config.dataSource.connection')).toBe('prop-connection');
    expect(controlOf('config.interactions.filters[1].type')).toBe('prop-filter-1-type');
    expect(controlOf('config.interactions.filters[0].options[3]')).toBe('prop-filter-0-options');
    expect(controlOf('config.interactions.filters[2]')).toBe('prop-filter-2-field');
    expect(controlOf('config.chartConfig.yAxis.format')).toBe('prop-yaxis-0-format');
    expect(controlOf('config.chartConfig.yAxis[1].position')).toBe('prop-yaxis-1-position');
    expect(controlOf('config.chartConfig.series[1].yAxisIndex')).toBe('prop-series-1-y-axis-index');
    expect(controlOf('config.chartConfig.series[0].dashArray')).toBe('prop-series-0-dash-array');
    expect(controlOf('config.visual.colors[4]')).toBe('prop-visual-colors');
    expect(controlOf('config.chartConfig.map.nameField')).toBe('prop-map-name-field');
    expect(controlOf('config.caching.ttl')).toBe('prop-caching-ttl');
  });

  it('keeps the Phase 2 controls and names none for a field no control edits', () => {
    expect(controlOf('config.query')).toBe('prop-query');
    expect(controlOf('config.chartConfig.colors[1]')).toBe('prop-colors');
    expect(controlOf('config.layout.width')).toBeUndefined();
    expect(controlOf('config.dataSource.password')).toBeUndefined();
  });

  it("places validateDocument's own findings on controls the panel draws", () => {
    // Given a widget whose source, filter, drilldown, caching and series are wrong
    const errors = validateDocument({ widgets: [widget({
      type: 'line',
      dataSource: { type: 'sql', connection: 'main' },
      interactions: { filters: [{ type: 'week', field: 'region' }], drilldown: { enabled: true } },
      caching: { enabled: true, ttl: 0 },
      chartConfig: { series: [{ field: 'a', dashArray: 'dashed' }] },
    })] });
    // Then each lands on its control
    const controls = errors.map((e) => controlOf(fieldWithinWidget(e.field)));
    expect(errors.length).toBeGreaterThanOrEqual(5);
    expect(controls).toEqual(expect.arrayContaining(['prop-source-query', 'prop-filter-0-type', 'prop-drilldown-query', 'prop-caching-ttl', 'prop-series-0-dash-array']));
    expect(controls).not.toContain(undefined);
  });
});
