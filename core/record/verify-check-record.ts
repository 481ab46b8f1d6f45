import { SignedCheckRecordSchema, type RecordVerification } from '../api/check-record-schema.ts';
import { base64ToBytes } from './base64.ts';
import { canonicalJson } from './canonical-json.ts';
import { parseStrictJson } from './parse-strict-json.ts';
import { judgeRecordTime, type RecordKeyTrust } from './judge-record-time.ts';

export type { RecordKeyTrust } from './judge-record-time.ts';

/**
 * Verifies a saved check record against the platform's published public key. Any change to the
 * record — one character of a name, a verdict, a date — makes the signature fail. `input` is the
 * record file's JSON text (parsed strictly: a key named twice in one object fails, since readers
 * disagree on which copy counts) or an already parsed value. A good signature is then judged
 * against the key's life (judge-record-time.ts): issued in the future, before the key existed,
 * after its retirement, or since it was marked compromised → not valid, with the reason.
 */
export async function verifyCheckRecord(input: unknown, key: RecordKeyTrust, subtle: SubtleCrypto, options: { now?: Date } = {}): Promise<RecordVerification> {
  if (typeof input === 'string') {
    const parsedText = parseStrictJson(input);
    if (!parsedText.ok) {
      return parsedText.error.kind === 'duplicate-key'
        ? fail(
            'duplicate-keys',
            `记录中有重复的字段，无法确定其含义（${parsedText.error.message}） / The record names a field twice (${parsedText.error.message})`,
            null,
            null,
          )
        : fail('malformed', `记录不是有效的 JSON（${parsedText.error.message}） / The record is not JSON (${parsedText.error.message})`, null, null);
    }
    input = parsedText.value;
  }
  const parsed = SignedCheckRecordSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown shape';
    return fail('malformed', `不是有效的信用查询记录（${where}） / Not a check record (${where})`, null, input);
  }
  const { record, signature } = parsed.data;
  if (signature.keyId !== key.keyId) {
    return fail(
      'unknown-key',
      `签名密钥 ${signature.keyId} 不是本平台的密钥 / Signed with key ${signature.keyId}, not this platform's key`,
      signature.keyId,
      record,
    );
  }
  const publicKeyBytes = base64ToBytes(key.publicKey);
  const signatureBytes = base64ToBytes(signature.value);
  if (!publicKeyBytes || !signatureBytes || signatureBytes.length !== 64) {
    return fail('bad-signature', '签名格式错误 / The signature is not a valid Ed25519 signature', signature.keyId, record);
  }
  const cryptoKey = await subtle.importKey('raw', publicKeyBytes, { name: 'Ed25519' }, false, ['verify']);
  const ok = await subtle.verify('Ed25519', cryptoKey, signatureBytes, new TextEncoder().encode(canonicalJson(record)));
  if (!ok) {
    return fail('bad-signature', '签名验证失败：记录内容已被修改 / Signature check failed: the record was changed after signing', signature.keyId, record);
  }
  const untimely = judgeRecordTime(record.issuedAt, key, options.now ?? new Date());
  if (untimely) return fail(untimely.reason, untimely.message, signature.keyId, record);
  return {
    valid: true,
    reason: 'ok',
    message: `签名有效：平台于 ${record.issuedAt} 出具 / Valid: issued by the platform at ${record.issuedAt}`,
    keyId: signature.keyId,
    recordId: record.recordId,
    issuedAt: record.issuedAt,
  };
}

function fail(reason: RecordVerification['reason'], message: string, keyId: string | null, record: unknown): RecordVerification {
  const r = (record ?? {}) as { recordId?: unknown; issuedAt?: unknown; record?: { recordId?: unknown; issuedAt?: unknown } };
  const source = r.record ?? r;
  return {
    valid: false,
    reason,
    message,
    keyId,
    recordId: typeof source.recordId === 'string' ? source.recordId : null,
    issuedAt: null,
  };
}
