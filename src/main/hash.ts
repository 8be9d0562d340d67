// Content hashes as the store keeps them: SHA-256 in hex, of a string's UTF-8 bytes or of raw bytes.
import { createHash } from 'node:crypto';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
