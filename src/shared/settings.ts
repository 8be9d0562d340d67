// Every user setting the workbench stores, each with its own schema and default, shared by main and renderer.
import { z } from 'zod';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

/** The schema of each setting's value; a key not listed here cannot be stored. */
export const settingSchemas = {
  'ui.theme': Theme,
  'ui.sidebarWidth': z.number().int().min(10).max(60),
  'window.bounds': WindowBounds.nullable(),
  'sandbox.pythonPath': z.string().max(4096),
  'sandbox.timeoutMs': z.number().int().min(100).max(3_600_000),
  'sandbox.memoryMb': z.number().int().min(16).max(65_536),
  /** Files larger than this are skipped by the indexer (read when the app starts). */
  'index.maxFileKb': z.number().int().min(1).max(65_536),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;
export type Settings = { [K in SettingKey]: SettingValue<K> };

export const settingDefaults: Settings = {
  'ui.theme': 'system',
  'ui.sidebarWidth': 22,
  'window.bounds': null,
  'sandbox.pythonPath': 'python3',
  'sandbox.timeoutMs': 10_000,
  'sandbox.memoryMb': 512,
  'index.maxFileKb': 1024,
};

export const SettingKeySchema = z.enum(Object.keys(settingSchemas) as [SettingKey, ...SettingKey[]]);

/** A setting change as it crosses the contract: the key picks the schema its value must satisfy. */
export const SettingChange = z.discriminatedUnion(
  'key',
  (Object.keys(settingSchemas) as SettingKey[]).map((key) => z.object({ key: z.literal(key), value: settingSchemas[key] }).strict()) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<SettingChange>;
export type SettingChange = { [K in SettingKey]: { key: K; value: SettingValue<K> } }[SettingKey];

export const SettingsSchema = z.object(settingSchemas);
