import { describe, expect, it } from 'vitest';
import { context, monthlyRevenue, rows } from '../fixtures';
import { PALETTES, seriesColors } from '../theme';
import { cartesianOption } from './cartesian';
import { chartOption } from './index';

const brand = { primary: '#AA0000', secondary: '#00aa00', accent: '#0000aa' };
const pieRows = rows({ region: 'string', sales: 'number' }, [{ region: 'North', sales: 5 }, { region: 'South', sales: 3 }]);

describe('the series palette', () => {
  it('starts from the branding primary, secondary and accent, then the theme colours for further series', () => {
    const colors = seriesColors('light', brand);

    expect(colors.slice(0, 3)).toEqual(['#aa0000', '#00aa00', '#0000aa']);
    expect(colors.slice(3)).toEqual(PALETTES.light.series);
  });

  it('is the theme palette unchanged without branding, and skips unset, repeated or malformed brand colours', () => {
    expect(seriesColors('dark', undefined)).toEqual(PALETTES.dark.series);
    expect(seriesColors('light', { primary: '#3B5BDB', secondary: '#3b5bdb', accent: 'red; background:url(x)' }))
      .toEqual(PALETTES.light.series);
    expect(seriesColors('light', { primary: null, accent: '#123456' })[0]).toBe('#123456');
  });

  it('colours a widget without visual.colors from the branding, in the viewer and the builder alike (one option code)', () => {
    const option = cartesianOption(context({ type: 'bar' }, monthlyRevenue(2), { brand }));

    expect((option.color as string[]).slice(0, 3)).toEqual(['#aa0000', '#00aa00', '#0000aa']);
  });

  it('leaves a widget with its own visual.colors as it chose, branding or not', () => {
    const option = chartOption(context({ type: 'pie', visual: { colors: ['#111111', '#222222'] } }, pieRows, { brand }));

    expect(option.color).toEqual(['#111111', '#222222']);
  });

  it('leaves the ECharts theme in charge when there is no branding or no brand colour of the published shape', () => {
    expect(chartOption(context({ type: 'pie' }, pieRows)).color).toBeUndefined();
    expect(chartOption(context({ type: 'pie' }, pieRows, { brand: null })).color).toBeUndefined();
    expect(chartOption(context({ type: 'pie' }, pieRows, { brand: { primary: 'red; x:y', accent: '#fff' } })).color).toBeUndefined();
  });
});
