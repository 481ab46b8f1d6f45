import { base64ToBytes } from '../../core/record/base64.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredSigningKey } from '../db/signing-key-repository.ts';
import { generateSigningKey } from './generate-signing-key.ts';
import { platformSubtle } from './platform-subtle.ts';

/** The key the platform signs check records with. */
export interface PlatformSigningKey {
  keyId: string;
  /** base64 of the 32-byte raw public key, as published at `/.well-known/creditlens-record-key`. */
  publicKey: string;
  privateKey: CryptoKey;
  createdAt: string;
}

/**
 * The platform's current Ed25519 signing key: the stored one not retired, or a new one generated
 * and stored on first start, so a restart on the same database keeps signing with the same key
 * (until `rotate-record-key` replaces it).
 */
export async function loadSigningKey(repos: Repositories): Promise<PlatformSigningKey> {
  let stored: Omit<StoredSigningKey, 'retiredAt'> | undefined = await repos.signingKeys.current();
  if (!stored) {
    stored = await generateSigningKey();
    await repos.signingKeys.insert(stored);
  }
  const pkcs8 = base64ToBytes(stored.privatePkcs8);
  if (!pkcs8 || pkcs8.length === 0) throw new Error(`signing key ${stored.keyId} in the database has no valid private key`);
  const privateKey = await platformSubtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  return { keyId: stored.keyId, publicKey: stored.publicRaw, privateKey, createdAt: stored.createdAt };
}
