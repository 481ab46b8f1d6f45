import type { RecordVerification } from '../api/check-record-schema.ts';

/** How far a record's `issuedAt` may lie ahead of the verifier's clock (or before its key was made) before it is refused. */
export const RECORD_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * A public key with what is known of its life, from the platform's key table or its published
 * key list (`/.well-known/creditlens-record-keys`). Absent times are unknown and not applied.
 */
export interface RecordKeyTrust {
  keyId: string;
  /** base64 of the 32-byte raw Ed25519 public key. */
  publicKey: string;
  createdAt?: string | null;
  /** When a rotation replaced it: it signed nothing after. */
  retiredAt?: string | null;
  /** Marked compromised from this time on (`rotate-record-key --compromised --since`): what it signed since is untrusted. */
  compromisedSince?: string | null;
}

/**
 * Why a record with a good signature still cannot be trusted, judged by when it says it was
 * issued: a key copied before its rotation can still sign, so a record dated after the key's
 * retirement, or since the key was marked compromised, or in the future, or before the key
 * existed, is refused. A record backdated to before the compromise time cannot be told apart
 * from a genuine one — that is why `--since` should be the earliest time the key may have leaked.
 */
export function judgeRecordTime(
  issuedAt: string,
  key: RecordKeyTrust,
  now: Date,
): { reason: Exclude<RecordVerification['reason'], 'ok'>; message: string } | null {
  const issued = Date.parse(issuedAt);
  if (Number.isNaN(issued)) return { reason: 'malformed', message: `出具时间无效 ${issuedAt} / issuedAt is not a time` };
  if (issued > now.getTime() + RECORD_CLOCK_SKEW_MS) {
    return {
      reason: 'not-yet-valid',
      message: `记录的出具时间 ${issuedAt} 在未来，不可信 / The record says it was issued at ${issuedAt}, in the future: not trusted`,
    };
  }
  const created = key.createdAt ? Date.parse(key.createdAt) : Number.NaN;
  if (!Number.isNaN(created) && issued < created - RECORD_CLOCK_SKEW_MS) {
    return {
      reason: 'not-yet-valid',
      message: `记录的出具时间 ${issuedAt} 早于签名密钥 ${key.keyId} 的生成时间 ${key.createdAt}，不可信 / Issued at ${issuedAt}, before key ${key.keyId} existed (${key.createdAt}): not trusted`,
    };
  }
  const compromised = key.compromisedSince ? Date.parse(key.compromisedSince) : Number.NaN;
  if (!Number.isNaN(compromised) && issued >= compromised) {
    return {
      reason: 'key-compromised',
      message: `签名密钥 ${key.keyId} 自 ${key.compromisedSince} 起被标记为泄露，此后出具的记录（本记录出具于 ${issuedAt}）不可信，请重新查询 / Key ${key.keyId} was marked compromised from ${key.compromisedSince}; records it signed since (this one: ${issuedAt}) are not trusted — check again`,
    };
  }
  const retired = key.retiredAt ? Date.parse(key.retiredAt) : Number.NaN;
  if (!Number.isNaN(retired) && issued > retired) {
    return {
      reason: 'key-retired',
      message: `签名密钥 ${key.keyId} 已于 ${key.retiredAt} 停用，不可能签出 ${issuedAt} 出具的记录，不可信 / Key ${key.keyId} was retired at ${key.retiredAt} and cannot have signed a record issued at ${issuedAt}: not trusted`,
    };
  }
  return null;
}
