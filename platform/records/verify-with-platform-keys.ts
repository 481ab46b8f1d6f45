import type { RecordVerification } from '../../core/api/check-record-schema.ts';
import { parseStrictJson } from '../../core/record/parse-strict-json.ts';
import { verifyCheckRecord, type RecordKeyTrust } from '../../core/record/verify-check-record.ts';
import type { StoredSigningKey } from '../db/signing-key-repository.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { platformSubtle } from './platform-subtle.ts';

/**
 * Verifies a saved record — its JSON text (parsed strictly: duplicate keys fail) or a parsed
 * value — against the key it names, among every key this platform has had, with that key's life:
 * a retired key vouches only for records issued before its retirement, a compromised one for
 * none issued since it was marked, no key for a record from the future. A record naming no key
 * of ours is checked against the current key, which reports it as `unknown-key`.
 */
export async function verifyWithPlatformKeys(ctx: PlatformContext, input: unknown, now: Date = new Date()): Promise<RecordVerification> {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseStrictJson(input);
    if (!parsed.ok) return verifyCheckRecord(input, await currentTrust(ctx), platformSubtle, { now });
    value = parsed.value;
  }
  const keyId = (value as { signature?: { keyId?: unknown } } | null)?.signature?.keyId;
  const stored = typeof keyId === 'string' ? await ctx.repos.signingKeys.find(keyId) : undefined;
  return verifyCheckRecord(value, stored ? keyTrust(stored) : await currentTrust(ctx), platformSubtle, { now });
}

/** A stored key as the verifier judges it: public half and its life. */
export function keyTrust(stored: StoredSigningKey): RecordKeyTrust {
  return {
    keyId: stored.keyId,
    publicKey: stored.publicRaw,
    createdAt: stored.createdAt,
    retiredAt: stored.retiredAt,
    compromisedSince: stored.compromisedSince ?? null,
  };
}

async function currentTrust(ctx: PlatformContext): Promise<RecordKeyTrust> {
  const current = await ctx.currentSigningKey();
  const stored = await ctx.repos.signingKeys.find(current.keyId);
  return stored ? keyTrust(stored) : { keyId: current.keyId, publicKey: current.publicKey, createdAt: current.createdAt };
}
