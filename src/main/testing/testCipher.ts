// A reversible secret cipher for tests: AES-256-GCM under a random key, one key per "machine". A key made elsewhere
// cannot open what this one sealed, as safeStorage on another machine or user cannot.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../secrets';

export function createTestCipher(options: { kind?: string; key?: Buffer; rotated?: boolean } = {}): SecretCipher & { key: Buffer; encrypted: number } {
  const key = options.key ?? randomBytes(32);
  const cipher = {
    kind: options.kind ?? 'test-aes-gcm',
    description: 'the local database, encrypted with the test cipher',
    key,
    encrypted: 0,
    async encrypt(text: string) {
      cipher.encrypted += 1;
      const iv = randomBytes(12);
      const aes = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([aes.update(text, 'utf8'), aes.final()]);
      return Buffer.concat([iv, aes.getAuthTag(), body]);
    },
    async decrypt(data: Buffer) {
      const aes = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      aes.setAuthTag(data.subarray(12, 28));
      const text = Buffer.concat([aes.update(data.subarray(28)), aes.final()]).toString('utf8');
      return { text, shouldReEncrypt: options.rotated === true };
    },
  };
  return cipher;
}
