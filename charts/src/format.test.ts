import { describe, expect, it } from 'vitest';
import { formatValue } from './format';

describe('formatValue', () => {
  it('writes currency in the given currency and locale, USD when none is given', () => {
    expect(formatValue(1234.5, 'currency', 'en-US')).toBe('$1,234.50');
    expect(formatValue(1234.5, 'currency', 'de-DE', 'EUR')).toBe('1.234,50\u00a0€');
    expect(formatValue(1234.5, 'currency', 'th-TH', 'THB')).toBe('฿1,234.50');
  });

  it('writes percent from a fraction and compact numbers with the locale suffix', () => {
    expect(formatValue(0.256, 'percent', 'en-US')).toBe('25.6%');
    expect(formatValue(1_234_567, 'compact', 'en-US')).toBe('1.2M');
    expect(formatValue('98765.432', 'number', 'en-US')).toBe('98,765.43');
  });

  it('reads a month string as a calendar month in every time zone for the MMM yyyy pattern', () => {
    expect(formatValue('2024-03', 'MMM yyyy', 'en-US')).toBe('Mar 2024');
    expect(formatValue('2024-12-31', 'dd/MM/yy', 'en-GB')).toBe('31/12/24');
    expect(formatValue('2024-03', 'MMMM yyyy', 'de-DE')).toBe('März 2024');
  });

  it('shows a value the format cannot read as it is, and nothing for null', () => {
    expect(formatValue('not a date', 'MMM yyyy', 'en-US')).toBe('not a date');
    expect(formatValue('n/a', 'currency', 'en-US')).toBe('n/a');
    expect(formatValue(null, 'number', 'en-US')).toBe('');
    expect(formatValue('2024-13', 'MMM yyyy', 'en-US')).toBe('2024-13');
    expect(formatValue(1234.5, 'currency', 'en-US', 'not-a-currency')).toBe('1,234.5');
  });
});
