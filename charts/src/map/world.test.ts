import { describe, expect, it } from 'vitest';
import { context, rows } from '../fixtures';
import { joinRegions, mapOption } from '../options/map';
import { numericId, regionFeatures, worldIndex } from './world';

const world = worldIndex();

describe('the world map', () => {
  it('finds a country by alpha-2, alpha-3, numeric id (text or number) and the atlas name, in any case', () => {
    for (const code of ['TH', 'th', 'THA', '764', 764, 'Thailand']) {
      expect(world.regionName(code), String(code)).toBe('Thailand');
    }
    expect(world.regionName('US')).toBe('United States of America');
    expect(world.regionName('4')).toBe('Afghanistan');
  });

  it('refuses codes no country has', () => {
    for (const code of ['XX', 'ZZZ', '999', 0, -4, 1e9, '', '  ', null, undefined, {}, ['TH'], 'TH; DROP TABLE']) {
      expect(world.regionName(code), JSON.stringify(code)).toBeUndefined();
    }
    expect(numericId('1000')).toBeUndefined();
  });

  it('joins rows to regions, keeping each row index for drilldown and reporting what did not join', () => {
    const data = rows({ country: 'string', revenue: 'number' }, [
      { country: 'DE', revenue: 120 },
      { country: 'nowhere', revenue: 5 },
      { country: 'DEU', revenue: 999 },
      { country: 'BR', revenue: null },
    ]);
    const config = { type: 'map' as const, chartConfig: { map: { nameField: 'country', valueField: 'revenue' } } };
    const join = joinRegions(context(config, data), world);
    expect(join.regions).toEqual([
      { name: 'Germany', value: 120, rowIndex: 0 },
      { name: 'Brazil', value: null, rowIndex: 3 },
    ]);
    expect(join.unmatched).toEqual(['nowhere']);
  });

  it('colours regions through a visualMap spanning the joined values, formatted like the value axis', () => {
    const data = rows({ country: 'string', revenue: 'number' }, [{ country: 'FR', revenue: 100 }, { country: 'JP', revenue: 400 }]);
    const config = { type: 'map' as const, chartConfig: { map: { nameField: 'country', valueField: 'revenue' }, yAxis: { format: 'currency' } } };
    const option = mapOption(context(config, data), world, 'flexboard-world');
    const visualMap = option.visualMap as { min: number; max: number; formatter: (v: unknown) => string };
    const series = (option.series as { type: string; map: string; data: { name: string }[] }[])[0];
    expect([visualMap.min, visualMap.max]).toEqual([100, 400]);
    expect(visualMap.formatter(400)).toBe('$400.00');
    expect(series.type).toBe('map');
    expect(series.map).toBe('flexboard-world');
    expect(series.data.map((d) => d.name)).toEqual(['France', 'Japan']);
  });

  it('draws the world without Antarctica, or only the country a region names', () => {
    expect(world.geoJson.features.length).toBeGreaterThan(170);
    expect(world.geoJson.features.some((f) => f.properties.name === 'Antarctica')).toBe(false);
    const thailand = regionFeatures(world.geoJson, 'TH');
    expect(thailand.features.map((f) => f.properties.name)).toEqual(['Thailand']);
    expect(regionFeatures(world.geoJson, 'world')).toBe(world.geoJson);
  });
});
