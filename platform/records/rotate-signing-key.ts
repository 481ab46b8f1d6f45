import type { Repositories } from '../db/repositories.ts';
import type { StoredSigningKey } from '../db/signing-key-repository.ts';
import { generateSigningKey } from './generate-signing-key.ts';

/**
 * Replaces the platform's signing key: a new Ed25519 pair becomes the key records are signed
 * with; the previous key is retired — its public half kept, so every record it signed still
 * verifies, its private half erased, so it can sign nothing more. The retirement time is the
 * moment of the switch (or `now` when given): a record dated after it, signed with a copy of the
 * old private key, does not verify.
 */
export async function rotateSigningKey(
  repos: Repositories,
  now?: Date,
): Promise<{ current: Omit<StoredSigningKey, 'retiredAt' | 'privatePkcs8'>; retired: string[] }> {
  const next = await generateSigningKey(now ?? new Date());
  const retired = await repos.signingKeys.rotate(next, now ? () => now.toISOString() : () => new Date().toISOString());
  return { current: { keyId: next.keyId, publicRaw: next.publicRaw, createdAt: next.createdAt }, retired };
}
