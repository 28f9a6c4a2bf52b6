import { describe, expect, it } from 'vitest';
import { blocking, toPath, validateDocument, widgetIndexOf } from './validation';

const widget = (config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'sales-by-month', config, position_x: 0, position_y: 0, width: 6, height: 4, ...extra,
});

describe('the widget configuration schema', () => {
  it('accepts a Phase 2 widget with a query and a type', () => {
    expect(validateDocument({ widgets: [widget({ query: 'SELECT 1', type: 'bar' })] })).toEqual([]);
  });

  it('names the missing query by the same path the server uses', () => {
    const errors = validateDocument({ widgets: [widget({ type: 'bar' })] });
    expect(errors).toEqual([{ field: 'widgets[0].config.query', message: 'is required: the SQL the agent runs', severity: 'error' }]);
  });

  it('refuses an unknown type and a missing one', () => {
    expect(validateDocument({ widgets: [widget({ query: 'q', type: 'donut' })] })[0].field).toBe('widgets[0].config.type');
    expect(validateDocument({ widgets: [widget({ query: 'q' })] })[0].message).toBe('is required: one of bar, kpi, line, pie, table');
  });

  it('only warns about a Phase 3 type, so the server has the last word', () => {
    const errors = validateDocument({ widgets: [widget({ query: 'q', type: 'gauge' })] });
    expect(errors.map((e) => e.severity)).toEqual(['warning']);
    expect(blocking(errors)).toEqual([]);
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
    expect(errors.map((e) => e.field)).toEqual(['widgets[1].name', 'widgets[1].config.refreshInterval']);
  });

  it("counts widgets against the tenant's license", () => {
    const errors = validateDocument({ widgets: [widget({ query: 'q', type: 'bar' })] }, 0);
    expect(errors[0].field).toBe('widgets');
  });
});

describe('field paths', () => {
  it('turn into the JSON editor path and the widget index', () => {
    expect(toPath('widgets[0].config.query')).toEqual(['widgets', 0, 'config', 'query']);
    expect(widgetIndexOf('widgets[12].config.chartConfig.colors')).toBe(12);
    expect(widgetIndexOf('widgets')).toBeUndefined();
  });
});
