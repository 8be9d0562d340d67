// Secrets at rest (the model provider's API key): sealed with the host's cipher where it has one — Electron's
// safeStorage in the desktop app — and in plain text where it has none (the web host, the CLI), saying so. Each secret
// is stored with how it was kept, so a later run, another host or another machine knows whether it can read it.
import { z } from 'zod';

/** Encrypts secrets for this user on this machine; the desktop app builds one on Electron's safeStorage. */
export type SecretCipher = {
  /** Stored with each sealed secret: only a cipher of the same kind is asked to open it. */
  readonly kind: string;
  /** Where the secret is kept, as Settings says it ("the local database, encrypted with the macOS Keychain (Electron safeStorage)"). */
  readonly description: string;
  encrypt(text: string): Promise<Buffer>;
  /** Throws when the data cannot be decrypted here; `shouldReEncrypt` when the key was rotated or got stronger. */
  decrypt(data: Buffer): Promise<{ text: string; shouldReEncrypt: boolean }>;
};

/** A secret as stored: plain text, or sealed by a cipher of the named kind (its bytes in base64). */
export const StoredSecret = z.discriminatedUnion('storage', [
  z.object({ storage: z.literal('plain'), text: z.string() }),
  z.object({ storage: z.literal('sealed'), kind: z.string().min(1), data: z.string() }),
]);
export type StoredSecret = z.infer<typeof StoredSecret>;

/** A stored secret opened: its text (and whether to store it again, sealed or re-sealed), or why it cannot be read. */
export type OpenedSecret = { readable: true; text: string; reseal: boolean } | { readable: false; problem: string };

export const PLAIN_STORAGE = 'the local database, in plain text (this host has no system keychain to encrypt it with)';

/** Where a new secret is kept on this host, for Settings. */
export function describeSecretStorage(cipher: SecretCipher | undefined): string {
  return cipher ? cipher.description : PLAIN_STORAGE;
}

export async function sealSecret(text: string, cipher: SecretCipher | undefined): Promise<StoredSecret> {
  if (!cipher) return { storage: 'plain', text };
  const data = await cipher.encrypt(text);
  return { storage: 'sealed', kind: cipher.kind, data: data.toString('base64') };
}

/**
 * Opens a stored secret. Never throws: a secret this host cannot decrypt (sealed by the desktop app and read by the
 * CLI, or copied from another machine or user) comes back unreadable, with a message asking to enter it again.
 */
export async function openSecret(stored: StoredSecret, cipher: SecretCipher | undefined): Promise<OpenedSecret> {
  if (stored.storage === 'plain') return { readable: true, text: stored.text, reseal: cipher !== undefined };
  if (!cipher || cipher.kind !== stored.kind) {
    return {
      readable: false,
      problem: `The stored API key was encrypted with ${stored.kind === 'electron-safe-storage' ? "the desktop app's system keychain (Electron safeStorage)" : stored.kind}, which this ${cipher ? 'host' : 'host (web host or CLI)'} cannot decrypt. Enter the key again here to replace it, or use the desktop app.`,
    };
  }
  try {
    const opened = await cipher.decrypt(Buffer.from(stored.data, 'base64'));
    return { readable: true, text: opened.text, reseal: opened.shouldReEncrypt };
  } catch {
    return {
      readable: false,
      problem: 'The stored API key cannot be decrypted on this machine: it was encrypted for another user, machine or keyring. Enter the key again to replace it.',
    };
  }
}
