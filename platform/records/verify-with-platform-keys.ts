import type { RecordVerification } from '../../core/api/check-record-schema.ts';
import { verifyCheckRecord } from '../../core/record/verify-check-record.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { platformSubtle } from './load-signing-key.ts';

/**
 * Verifies a saved record against the key it names, among every key this platform has had (so a
 * record outlives a key change); a record naming no key of ours is checked against the current key,
 * which reports it as `unknown-key`.
 */
export function verifyWithPlatformKeys(ctx: PlatformContext, input: unknown): Promise<RecordVerification> {
  const keyId = (input as { signature?: { keyId?: unknown } } | null)?.signature?.keyId;
  const stored = ctx.repos.signingKeys.all().find((k) => k.keyId === keyId);
  const key = stored ? { keyId: stored.keyId, publicKey: stored.publicRaw } : { keyId: ctx.signingKey.keyId, publicKey: ctx.signingKey.publicKey };
  return verifyCheckRecord(input, key, platformSubtle);
}
