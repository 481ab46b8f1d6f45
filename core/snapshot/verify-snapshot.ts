import { base64ToBytes } from '../record/base64.ts';
import { decodeSnapshot, splitSnapshot, type SnapshotIndex } from './decode-snapshot.ts';
import { SIGNATURE_BYTES } from './encode-snapshot.ts';

export type SnapshotRefusal = 'malformed' | 'unknown-key' | 'bad-signature';

export type SnapshotVerification = { ok: true; index: SnapshotIndex } | { ok: false; reason: SnapshotRefusal; message: string };

/**
 * Checks a snapshot's Ed25519 signature against the platform's published key (the record key at
 * `/.well-known/creditlens-record-key`, as check records are verified) before reading a code of it:
 * one altered byte — header, codes or signature — and it is refused, with the reason in Chinese
 * and English for the popup.
 */
export async function verifySnapshot(bytes: Uint8Array, key: { keyId: string; publicKey: string }, subtle: SubtleCrypto): Promise<SnapshotVerification> {
  const split = splitSnapshot(bytes);
  if (!split.ok) return refuse('malformed', `名单快照格式错误（${split.message}） / Not a list snapshot (${split.message})`);
  const keyId = (split.header as { keyId?: unknown } | null)?.keyId;
  if (keyId !== key.keyId) {
    return refuse('unknown-key', `名单快照的签名密钥 ${String(keyId)} 不是本平台的密钥 / Snapshot signed with key ${String(keyId)}, not this platform's key`);
  }
  const publicKey = base64ToBytes(key.publicKey);
  if (!publicKey || publicKey.length !== 32) return refuse('unknown-key', '平台公钥格式错误 / The platform key is not an Ed25519 key');
  const signed = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  const signature = bytes.subarray(bytes.length - SIGNATURE_BYTES);
  const cryptoKey = await subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  const ok = await subtle.verify('Ed25519', cryptoKey, copy(signature), copy(signed));
  if (!ok) return refuse('bad-signature', '名单快照签名验证失败：内容已被修改 / Snapshot signature check failed: its bytes were changed');
  const decoded = decodeSnapshot(bytes);
  if (!decoded.ok) return refuse('malformed', `名单快照格式错误（${decoded.message}） / Not a list snapshot (${decoded.message})`);
  return decoded;
}

function refuse(reason: SnapshotRefusal, message: string): SnapshotVerification {
  return { ok: false, reason, message };
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
