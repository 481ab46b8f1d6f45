import type { RecordVerification } from '../../core/api/check-record-schema.ts';
import { verifyCheckRecord } from '../../core/record/verify-check-record.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { platformSubtle } from './platform-subtle.ts';

/**
 * Verifies a saved record against the key it names, among every key this platform has had —
 * current or retired — so a record outlives key rotations; a record naming no key of ours is
 * checked against the current key, which reports it as `unknown-key`.
 */
export async function verifyWithPlatformKeys(ctx: PlatformContext, input: unknown): Promise<RecordVerification> {
  const keyId = (input as { signature?: { keyId?: unknown } } | null)?.signature?.keyId;
  const stored = typeof keyId === 'string' ? ctx.repos.signingKeys.find(keyId) : undefined;
  const key = stored ? { keyId: stored.keyId, publicKey: stored.publicRaw } : await ctx.currentSigningKey();
  return verifyCheckRecord(input, { keyId: key.keyId, publicKey: key.publicKey }, platformSubtle);
}
