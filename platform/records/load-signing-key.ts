import { createHash, webcrypto } from 'node:crypto';
import { base64ToBytes, bytesToBase64 } from '../../core/record/base64.ts';
import type { Repositories } from '../db/repositories.ts';

/** The key the platform signs check records with. */
export interface PlatformSigningKey {
  keyId: string;
  /** base64 of the 32-byte raw public key, as published at `/.well-known/creditlens-record-key`. */
  publicKey: string;
  privateKey: CryptoKey;
  createdAt: string;
}

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

/**
 * The platform's Ed25519 signing key: the newest stored one, or a new one generated and stored on
 * first start, so a restart on the same database keeps signing (and verifying) with the same key.
 * The key id is derived from the public key, so it names the key wherever the record travels.
 */
export async function loadSigningKey(repos: Repositories): Promise<PlatformSigningKey> {
  const stored = repos.signingKeys.all()[0];
  if (stored) {
    const pkcs8 = base64ToBytes(stored.privatePkcs8);
    if (!pkcs8) throw new Error(`signing key ${stored.keyId} in the database is not valid base64`);
    const privateKey = await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    return { keyId: stored.keyId, publicKey: stored.publicRaw, privateKey, createdAt: stored.createdAt };
  }
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicRaw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const privatePkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const keyId = `clk-${createHash('sha256').update(publicRaw).digest('hex').slice(0, 16)}`;
  const createdAt = new Date().toISOString();
  repos.signingKeys.insert({ keyId, publicRaw: bytesToBase64(publicRaw), privatePkcs8: bytesToBase64(privatePkcs8), createdAt });
  return { keyId, publicKey: bytesToBase64(publicRaw), privateKey: pair.privateKey, createdAt };
}

/** WebCrypto as core/record expects it (Node's `webcrypto.subtle`). */
export const platformSubtle: SubtleCrypto = subtle;
