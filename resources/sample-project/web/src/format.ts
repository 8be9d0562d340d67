/** Formatting helpers shared by the web view. */

/** Formats an amount of money for display, e.g. `formatPrice(12.5)` → "€12.50". */
export const formatPrice = (amount: number, currency = '€'): string => `${currency}${amount.toFixed(2)}`;

/** A short stock status a person can scan: out, low or in stock. */
export function stockStatus(quantity: number, lowThreshold = 5): 'out' | 'low' | 'ok' {
  if (quantity <= 0) return 'out';
  return quantity < lowThreshold ? 'low' : 'ok';
}

export const parseQuantity = (text: string): number | null => {
  const value = Number.parseInt(text.trim(), 10);
  return Number.isFinite(value) && value >= 0 ? value : null;
};
