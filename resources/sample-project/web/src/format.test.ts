import { describe, expect, it } from 'vitest';
import { formatPrice, parseQuantity, stockStatus } from './format';

describe('format', () => {
  it('formats prices with two decimals', () => {
    expect(formatPrice(12.5)).toBe('€12.50');
  });

  it('classifies stock levels', () => {
    expect([stockStatus(0), stockStatus(2), stockStatus(9)]).toEqual(['out', 'low', 'ok']);
  });

  it('refuses negative quantities', () => {
    expect(parseQuantity('-3')).toBeNull();
  });
});
