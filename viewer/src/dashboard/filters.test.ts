import { describe, expect, it } from 'vitest';
import type { FilterSpec } from '../api/types';
import { between, carriedValues, drilldownPoint, ends, filterQuery, initialValues, valuesFromLink } from './filters';

const region: FilterSpec = { type: 'select', field: 'region', label: 'Region', options: ['North', 'South'] };
const regions: FilterSpec = { type: 'multiselect', field: 'regions', options: ['North', 'South', 'East'], default: ['North', 'East'] };
const amount: FilterSpec = { type: 'range', field: 'amount' };
const period: FilterSpec = { type: 'date', field: 'period', default: 'last_12_months' };

describe('filter state', () => {
  it('starts at each filter default, a select without one at its first option', () => {
    expect(initialValues([region, regions, amount, period])).toEqual({
      region: 'North', regions: ['North', 'East'], amount: undefined, period: 'last_12_months',
    });
  });

  it('a numeric default becomes the text the query string carries', () => {
    expect(initialValues([{ type: 'select', field: 'year', options: [2025, 2026], default: 2026 }])).toEqual({ year: '2026' });
    expect(initialValues([{ type: 'multiselect', field: 'year', default: 2026 }])).toEqual({ year: ['2026'] });
  });

  it('turns into the query string the agent reads, a multiselect repeating its field', () => {
    const query = filterQuery([region, regions, amount, period], {
      region: 'South', regions: ['North', 'East'], amount: '10..100.5', period: '2026-01-01..2026-03-31',
    });
    expect(query).toBe('region=South&regions=North&regions=East&amount=10..100.5&period=2026-01-01..2026-03-31');
  });

  it('sends nothing for an unset filter, so the agent applies its default', () => {
    expect(filterQuery([region, amount], { region: undefined, amount: '' })).toBe('');
    expect(filterQuery([regions], { regions: [] })).toBe('');
  });

  it('drops names that are not the widget filters and a list given to a single-value filter', () => {
    expect(filterQuery([region], { region: ['North', 'South'], other: 'x' })).toBe('');
  });

  it('percent-encodes hostile values instead of letting them split the query', () => {
    expect(filterQuery([region], { region: "North' OR '1'='1&x=1" })).toBe('region=North%27+OR+%271%27%3D%271%26x%3D1');
  });

  it('builds a range or date value only from two ends of its kind', () => {
    expect(between('range', '10', ' 99.5 ')).toBe('10..99.5');
    expect(between('range', '10', '')).toBeUndefined();
    expect(between('range', '1e9', '2')).toBeUndefined();
    expect(between('date', '2026-01-01', '2026-03-31')).toBe('2026-01-01..2026-03-31');
    expect(between('date', '2026-1-1', '2026-03-31')).toBeUndefined();
    expect(ends('2026-01-01..2026-03-31')).toEqual(['2026-01-01', '2026-03-31']);
    expect(ends('last_7_days')).toEqual(['', '']);
    expect(ends(undefined)).toEqual(['', '']);
  });
});

describe('drilldown parameters', () => {
  it('are the clicked point fields the drilldown query names, filters left to the filter state', () => {
    const query = "SELECT * FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}' AND region = {region} AND total > {amount.from}";
    expect(drilldownPoint(query, [region, amount], { month: '2026-03', revenue: 1200.5, region: 'North' })).toEqual({ month: '2026-03' });
  });

  it('leave out a field the point lacks or holds no plain value for', () => {
    expect(drilldownPoint('SELECT {month}, {code}, {tags}', [], { month: null, tags: ['a'] })).toEqual({});
    expect(drilldownPoint('SELECT {n}', [], { n: 0 })).toEqual({ n: '0' });
  });

  it('ignore braces that are not placeholders', () => {
    expect(drilldownPoint('{"find": {"x": 1}} {fn NOW()} {1,2}', [], { find: 'x' })).toEqual({});
  });
});

describe('a navigate drilldown link', () => {
  it('carries every filter value the widget had when clicked, an unset one empty', () => {
    expect(carriedValues([region, regions, amount, period], { region: 'South', regions: ['East'], amount: undefined, period: '2026-01-01..2026-03-31' }))
      .toEqual({ region: ['South'], regions: ['East'], amount: [], period: ['2026-01-01..2026-03-31'] });
  });

  it('opens the drill page filtered as the dashboard was, not at the defaults', () => {
    const filters = [region, regions, amount, period];
    const carried = carriedValues(filters, { region: 'South', regions: ['East'], amount: '10..20', period: undefined });

    expect(filterQuery(filters, valuesFromLink(filters, carried))).toBe('region=South&regions=East&amount=10..20');
  });

  it('falls back to the defaults for filters an older link does not carry, and ignores names that are not filters', () => {
    const values = valuesFromLink([region, regions, period], { regions: ['South'], evil: ['1; drop table'] });

    expect(values).toEqual({ region: 'North', regions: ['South'], period: 'last_12_months' });
  });

  it('takes the first value a hand-edited link gives a single-value filter', () => {
    expect(valuesFromLink([region], { region: ['South', 'North'] })).toEqual({ region: 'South' });
  });
});
