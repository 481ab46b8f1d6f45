import type { Repositories } from '../db/repositories.ts';
import type { StoredSigningKey } from '../db/signing-key-repository.ts';
import { generateSigningKey } from './generate-signing-key.ts';

/**
 * Replaces the platform's signing key: a new Ed25519 pair becomes the key records are signed
 * with; the previous key is retired — its public half kept, so every record it signed still
 * verifies, its private half erased, so it can sign nothing more.
 */
export async function rotateSigningKey(repos: Repositories, now: Date = new Date()): Promise<{ current: Omit<StoredSigningKey, 'retiredAt' | 'privatePkcs8'>; retired: string[] }> {
  const next = await generateSigningKey(now);
  const retired = repos.signingKeys.rotate(next, now.toISOString());
  return { current: { keyId: next.keyId, publicRaw: next.publicRaw, createdAt: next.createdAt }, retired };
}
