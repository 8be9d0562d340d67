// The model provider's settings, in the settings table under keys of their own. The API key is stored as a
// StoredSecret (sealed by the host's cipher, or plain text, and marked which); provider/apiKey.ts decides which. It is
// never returned to a UI or written to the audit trail.
import { ProviderSettings } from '../../shared/generation';
import { StoredSecret } from '../secrets';
import type { Db } from './db';

const SETTINGS_KEY = 'provider.settings';
const KEY_KEY = 'provider.apiKey';

export const defaultProviderSettings: ProviderSettings = { enabled: false, baseUrl: '', model: '', maxAttempts: 3 };

export type ProviderRepo = {
  settings(): ProviderSettings;
  saveSettings(settings: ProviderSettings): void;
  /** The stored API key as kept (null when there is none). */
  storedKey(): StoredSecret | null;
  /** Stores the key as given; null removes it. */
  saveKey(key: StoredSecret | null): void;
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
    saveSettings(settings) {
      upsert.run(SETTINGS_KEY, JSON.stringify(ProviderSettings.parse(settings)));
    },
    storedKey() {
      const value = read(KEY_KEY);
      // Keys stored before secrets were marked are a bare JSON string: plain text.
      if (typeof value === 'string') return value === '' ? null : { storage: 'plain', text: value };
      const parsed = StoredSecret.safeParse(value);
      return parsed.success ? parsed.data : null;
    },
    saveKey(key) {
      if (key === null) remove.run(KEY_KEY);
      else upsert.run(KEY_KEY, JSON.stringify(StoredSecret.parse(key)));
    },
  };
}
