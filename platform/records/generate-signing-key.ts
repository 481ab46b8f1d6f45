import { createHash } from 'node:crypto';
import { bytesToBase64 } from '../../core/record/base64.ts';
import type { StoredSigningKey } from '../db/signing-key-repository.ts';
import { platformSubtle } from './platform-subtle.ts';

/**
 * A fresh Ed25519 key pair, ready to store. The key id is derived from the public key
 * (`clk-` + the first 16 hex digits of its SHA-256), so it names the key wherever a record travels.
 */
export async function generateSigningKey(now: Date = new Date()): Promise<Omit<StoredSigningKey, 'retiredAt'>> {
  const pair = (await platformSubtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicRaw = new Uint8Array(await platformSubtle.exportKey('raw', pair.publicKey));
  const privatePkcs8 = new Uint8Array(await platformSubtle.exportKey('pkcs8', pair.privateKey));
  return {
    keyId: `clk-${createHash('sha256').update(publicRaw).digest('hex').slice(0, 16)}`,
    publicRaw: bytesToBase64(publicRaw),
    privatePkcs8: bytesToBase64(privatePkcs8),
    createdAt: now.toISOString(),
  };
}
