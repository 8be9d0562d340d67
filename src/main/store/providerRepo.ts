// The model provider's settings, in the settings table under keys of their own. The API key is stored in the local
// database in plain text (docs/generation.md says so); it is never returned to a UI or written to the audit trail.
import { ProviderSettings } from '../../shared/generation';
import type { Db } from './db';

const SETTINGS_KEY = 'provider.settings';
const KEY_KEY = 'provider.apiKey';

export const defaultProviderSettings: ProviderSettings = { enabled: false, baseUrl: '', model: '', maxAttempts: 3 };

export type ProviderRepo = {
  settings(): ProviderSettings;
  apiKey(): string | null;
  save(settings: ProviderSettings, apiKey: string | undefined): void;
};

export function createProviderRepo(db: Db): ProviderRepo {
  const select = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const upsert = db.prepare(
    "INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  const read = (key: string): unknown => {
    const row = select.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value_json) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    settings() {
      const parsed = ProviderSettings.safeParse(read(SETTINGS_KEY));
      return parsed.success ? parsed.data : defaultProviderSettings;
    },
    apiKey() {
      const value = read(KEY_KEY);
      return typeof value === 'string' && value !== '' ? value : null;
    },
    save: db.transaction((settings: ProviderSettings, apiKey: string | undefined) => {
      upsert.run(SETTINGS_KEY, JSON.stringify(ProviderSettings.parse(settings)));
      if (apiKey === '') remove.run(KEY_KEY);
      else if (apiKey !== undefined) upsert.run(KEY_KEY, JSON.stringify(apiKey));
    }),
  };
}
