// The settings aggregate: typed values stored as JSON, read with their defaults filled in.
import { settingDefaults, settingSchemas, type SettingKey, type Settings, type SettingValue } from '../../shared/settings';
import type { Db } from './db';

export type SettingsRepo = {
  all(): Settings;
  get<K extends SettingKey>(key: K): SettingValue<K>;
  set<K extends SettingKey>(key: K, value: SettingValue<K>): void;
};

export function createSettingsRepo(db: Db): SettingsRepo {
  const selectAll = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings');
  const selectOne = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const upsert = db.prepare(
    "INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
  );

  // A stored value that no longer fits its schema (an older app wrote it, or a hand edit) falls back to the default
  // rather than breaking the UI; the row itself is kept until the user saves a new value.
  function decode<K extends SettingKey>(key: K, json: string | undefined): SettingValue<K> {
    if (json === undefined) return settingDefaults[key];
    try {
      const parsed = settingSchemas[key].safeParse(JSON.parse(json));
      return parsed.success ? (parsed.data as SettingValue<K>) : settingDefaults[key];
    } catch {
      return settingDefaults[key];
    }
  }

  return {
    all() {
      const settings = { ...settingDefaults };
      for (const row of selectAll.all()) {
        if (Object.hasOwn(settingSchemas, row.key)) {
          const key = row.key as SettingKey;
          (settings as Record<SettingKey, unknown>)[key] = decode(key, row.value_json);
        }
      }
      return settings;
    },
    get(key) {
      return decode(key, selectOne.get(key)?.value_json);
    },
    set(key, value) {
      const parsed = settingSchemas[key].parse(value);
      upsert.run(key, JSON.stringify(parsed));
    },
  };
}
