/** The HTTP client the web view uses to talk to the Stockroom service. */

export interface StockLevel {
  sku: string;
  name: string;
  quantity: number;
}

export type Fetch = (url: string, init?: { method?: string; body?: string }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/**
 * Reads and changes stock over the service's JSON API.
 *
 * Every method throws when the service answers with an error status.
 */
export class InventoryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchJson: Fetch,
  ) {}

  /** Every stock level of one warehouse. */
  async listStock(warehouse: string): Promise<StockLevel[]> {
    const response = await this.fetchJson(`${this.baseUrl}/warehouses/${encodeURIComponent(warehouse)}/stock`);
    if (!response.ok) throw new Error(`cannot list stock of ${warehouse}`);
    return (await response.json()) as StockLevel[];
  }

  /** Ships units of a SKU; returns the new level. */
  async shipItem(warehouse: string, sku: string, quantity = 1): Promise<number> {
    const response = await this.fetchJson(`${this.baseUrl}/warehouses/${encodeURIComponent(warehouse)}/ship`, {
      method: 'POST',
      body: JSON.stringify({ sku, quantity }),
    });
    if (!response.ok) throw new Error(`cannot ship ${sku}`);
    return ((await response.json()) as { quantity: number }).quantity;
  }
}
