// The model provider's API key: sealed with the host's cipher when it has one (a plain key is sealed as soon as one is
// available), kept in plain text otherwise, and never a crash when it cannot be read — a message asks to enter it again.
import { ArkError } from '../../shared/errors';
import { describeSecretStorage, openSecret, sealSecret, type SecretCipher } from '../secrets';
import type { ProviderRepo } from '../store/providerRepo';

/** What Settings shows about the key (the key itself never leaves the main process). */
export type ApiKeyStatus = { hasApiKey: boolean; keyStorage: string; keyProblem: string | null };

export type ProviderApiKey = {
  /** The key to send; null when none is stored. Throws `unavailable` with the reason when the stored key cannot be read here. */
  read(): Promise<string | null>;
  status(): Promise<ApiKeyStatus>;
  /** Stores a new key (sealed when this host can); "" removes it. */
  write(apiKey: string): Promise<void>;
  /** Seals a key stored in plain text once a cipher is available, and re-seals one whose cipher key was rotated. */
  reseal(): Promise<void>;
};

export function createProviderApiKey(deps: { repo: ProviderRepo; cipher?: SecretCipher; log?: (message: string) => void }): ProviderApiKey {
  const { repo, cipher } = deps;
  const log = deps.log ?? ((message: string) => console.warn(message));

  /** Opens the stored key, sealing it again when that is due; a failed seal leaves the readable key as it was. */
  const open = async () => {
    const stored = repo.storedKey();
    if (!stored) return null;
    const opened = await openSecret(stored, cipher);
    if (opened.readable && opened.reseal && cipher) {
      try {
        repo.saveKey(await sealSecret(opened.text, cipher));
      } catch (error) {
        log(`Could not encrypt the stored API key with ${cipher.kind}; it stays as it was: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return opened;
  };

  return {
    async read() {
      const opened = await open();
      if (!opened) return null;
      if (!opened.readable) throw new ArkError('unavailable', opened.problem);
      return opened.text;
    },
    async status() {
      const opened = await open();
      const stored = repo.storedKey();
      let keyStorage: string;
      if (!stored) keyStorage = describeSecretStorage(cipher);
      else if (stored.storage === 'sealed') keyStorage = cipher?.kind === stored.kind ? cipher.description : `the local database, encrypted (${stored.kind})`;
      else keyStorage = cipher ? 'the local database, in plain text (encrypting it failed; the log says why)' : describeSecretStorage(undefined);
      return { hasApiKey: stored !== null, keyStorage, keyProblem: opened && !opened.readable ? opened.problem : null };
    },
    async write(apiKey) {
      if (apiKey === '') return repo.saveKey(null);
      let sealed;
      try {
        sealed = await sealSecret(apiKey, cipher);
      } catch (error) {
        throw new ArkError('unavailable', `The API key was not stored: encrypting it with ${cipher?.description ?? 'the cipher'} failed (${error instanceof Error ? error.message : String(error)}).`);
      }
      repo.saveKey(sealed);
    },
    async reseal() {
      await open();
    },
  };
}
