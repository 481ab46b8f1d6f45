import type { CheckRecord, SignedCheckRecord } from '../api/check-record-schema.ts';
import { bytesToBase64 } from './base64.ts';
import { canonicalJson } from './canonical-json.ts';

/** Signs a check record with the platform's Ed25519 private key (WebCrypto `SubtleCrypto` passed in). */
export async function signCheckRecord(record: CheckRecord, key: { privateKey: CryptoKey; keyId: string }, subtle: SubtleCrypto): Promise<SignedCheckRecord> {
  const bytes = new TextEncoder().encode(canonicalJson(record));
  const signature = new Uint8Array(await subtle.sign('Ed25519', key.privateKey, bytes));
  return { record, signature: { algorithm: 'Ed25519', keyId: key.keyId, value: bytesToBase64(signature) } };
}
