// Secrets at rest: sealed with a cipher and marked so, plain without one, and unreadable ones reported, never thrown.
import { describe, expect, test } from 'vitest';
import { describeSecretStorage, openSecret, PLAIN_STORAGE, sealSecret } from './secrets';
import { createTestCipher } from './testing/testCipher';

describe('secrets', () => {
  test('a cipher seals the text (marked with its kind) and opens it again; without one the text stays plain', async () => {
    const cipher = createTestCipher();
    const sealed = await sealSecret('sk-secret-1', cipher);
    expect(sealed).toMatchObject({ storage: 'sealed', kind: 'test-aes-gcm' });
    expect(JSON.stringify(sealed)).not.toContain('sk-secret-1');
    expect(await openSecret(sealed, cipher)).toEqual({ readable: true, text: 'sk-secret-1', reseal: false });
    expect(await sealSecret('sk-secret-1', undefined)).toEqual({ storage: 'plain', text: 'sk-secret-1' });
    expect(describeSecretStorage(cipher)).toBe('the local database, encrypted with the test cipher');
    expect(describeSecretStorage(undefined)).toBe(PLAIN_STORAGE);
  });

  test('plain text is due for sealing once a cipher exists; a rotated cipher key asks for re-sealing', async () => {
    expect(await openSecret({ storage: 'plain', text: 'k' }, undefined)).toEqual({ readable: true, text: 'k', reseal: false });
    expect(await openSecret({ storage: 'plain', text: 'k' }, createTestCipher())).toEqual({ readable: true, text: 'k', reseal: true });
    const key = createTestCipher().key;
    const sealed = await sealSecret('k', createTestCipher({ key }));
    expect(await openSecret(sealed, createTestCipher({ key, rotated: true }))).toEqual({ readable: true, text: 'k', reseal: true });
  });

  test('another machine, a host without the cipher, or another kind of cipher gets a message, not an exception', async () => {
    const sealed = await sealSecret('k', createTestCipher());
    const elsewhere = await openSecret(sealed, createTestCipher());
    expect(elsewhere).toEqual({ readable: false, problem: expect.stringMatching(/cannot be decrypted on this machine.*Enter the key again/) as unknown });
    const cli = await openSecret({ storage: 'sealed', kind: 'electron-safe-storage', data: sealed.storage === 'sealed' ? sealed.data : '' }, undefined);
    expect(cli).toEqual({ readable: false, problem: expect.stringMatching(/desktop app's system keychain \(Electron safeStorage\).*\(web host or CLI\) cannot decrypt/) as unknown });
    expect((await openSecret(sealed, createTestCipher({ kind: 'other' }))).readable).toBe(false);
  });
});
