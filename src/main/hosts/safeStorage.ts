// The desktop app's secret cipher: Electron's safeStorage (macOS Keychain, Windows DPAPI, the Linux secret store),
// handed to createApp so the model provider's API key is encrypted at rest. The safeStorage object comes from
// src/main/index.ts (only it and hosts/electron.ts import electron).
import type { SecretCipher } from '../secrets';

/** The part of Electron's safeStorage used here (Electron 45's asynchronous API). */
export type SafeStorageApi = {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only: which secret store; `basic_text` when there is none. */
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
};

/** What the platform's safeStorage encrypts with, in Settings' words. */
function keychainName(platform: NodeJS.Platform, backend: string): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows DPAPI (your Windows login)';
  return backend === 'gnome_libsecret' ? 'the GNOME keyring (libsecret)' : backend.startsWith('kwallet') ? `KWallet (${backend})` : backend;
}

/**
 * A secret cipher on Electron's safeStorage, or undefined where it would not protect anything. Call it only after the
 * app's 'ready' event (safeStorage is not usable before). The asynchronous API: the synchronous one is deprecated in
 * Electron 45 and removed in 46. On Linux without a secret store safeStorage falls back to `basic_text`, a hard-coded
 * password (Electron's safeStorage docs) — plain text by another name — so there the key is stored as plain text and
 * Settings says so.
 */
export async function createSafeStorageCipher(safeStorage: SafeStorageApi, platform: NodeJS.Platform = process.platform): Promise<SecretCipher | undefined> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined;
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform;
  if (backend === 'basic_text' || backend === 'unknown') return undefined;
  return {
    kind: 'electron-safe-storage',
    description: `the local database, encrypted with ${keychainName(platform, backend)} (Electron safeStorage)`,
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (data) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
      return { text: result, shouldReEncrypt };
    },
  };
}
