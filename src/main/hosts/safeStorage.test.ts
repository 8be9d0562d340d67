// The desktop app's cipher on safeStorage's asynchronous API, given a stand-in with the same four methods (Electron's
// binary is not available here): where it is used, what it refuses (basic_text), and that it round-trips.
import { describe, expect, test } from 'vitest';
import { openSecret, sealSecret } from '../secrets';
import { createTestCipher } from '../testing/testCipher';
import { createSafeStorageCipher } from './safeStorage';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

function safeStorageLike(options: { available: boolean; backend: Backend }) {
  const aes = createTestCipher();
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available),
    getSelectedStorageBackend: () => options.backend,
    encryptStringAsync: (text: string) => aes.encrypt(text),
    decryptStringAsync: async (data: Buffer) => ({ result: (await aes.decrypt(data)).text, shouldReEncrypt: false }),
  };
}

describe('safeStorage cipher', () => {
  test('none where encryption is unavailable, or on Linux without a secret store (basic_text is a hard-coded password)', async () => {
    expect(await createSafeStorageCipher(safeStorageLike({ available: false, backend: 'gnome_libsecret' }), 'linux')).toBeUndefined();
    expect(await createSafeStorageCipher(safeStorageLike({ available: true, backend: 'basic_text' }), 'linux')).toBeUndefined();
    expect(await createSafeStorageCipher(safeStorageLike({ available: true, backend: 'unknown' }), 'linux')).toBeUndefined();
  });

  test('names the keychain it uses, and seals and opens secrets of its kind', async () => {
    const linux = await createSafeStorageCipher(safeStorageLike({ available: true, backend: 'gnome_libsecret' }), 'linux');
    expect(linux?.kind).toBe('electron-safe-storage');
    expect(linux?.description).toBe('the local database, encrypted with the GNOME keyring (libsecret) (Electron safeStorage)');
    const mac = await createSafeStorageCipher(safeStorageLike({ available: true, backend: 'unknown' }), 'darwin');
    expect(mac?.description).toBe('the local database, encrypted with the macOS Keychain (Electron safeStorage)');
    const sealed = await sealSecret('sk-desktop', linux);
    expect(sealed).toMatchObject({ storage: 'sealed', kind: 'electron-safe-storage' });
    expect(await openSecret(sealed, linux)).toEqual({ readable: true, text: 'sk-desktop', reseal: false });
    // The CLI has no cipher: the message names the desktop app's keychain.
    expect(await openSecret(sealed, undefined)).toMatchObject({ readable: false, problem: expect.stringContaining("the desktop app's system keychain (Electron safeStorage)") as unknown });
  });
});
