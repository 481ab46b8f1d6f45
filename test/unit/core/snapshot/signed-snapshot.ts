import { webcrypto } from 'node:crypto';
import { bytesToBase64 } from '../../../../core/record/base64.ts';
import { encodeSnapshot } from '../../../../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../../../../core/snapshot/sign-snapshot.ts';
import { chinaDate } from '../../../../core/time/china-time.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export interface SignedSnapshot {
  key: { keyId: string; publicKey: string };
  bytes: Uint8Array;
}

/** A list snapshot made today at `dataVersion` (of a platform answering for `regions`, when given), signed with a fresh Ed25519 key. */
export async function signedSnapshot(
  dataVersion: number,
  codes: { code: string; timeline: number[] }[],
  today = chinaDate(new Date()),
  regions?: string[],
): Promise<SignedSnapshot> {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const key = { keyId: 'clk-1', publicKey: bytesToBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey))) };
  const meta = { dataVersion, asOf: new Date().toISOString(), today, scope: 'full' as const, keyId: key.keyId, ...(regions && { regions }) };
  return { key, bytes: await signSnapshot(encodeSnapshot(meta, codes), pair.privateKey, subtle) };
}
