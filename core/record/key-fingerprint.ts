import { base64ToBytes } from './base64.ts';

/** A short, printable fingerprint of a signature or key (SHA-256, first 16 bytes as hex groups) for the printed record. */
export async function keyFingerprint(base64: string, subtle: SubtleCrypto): Promise<string> {
  const bytes = base64ToBytes(base64) ?? new TextEncoder().encode(base64);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  const hex = [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join(' ').toUpperCase();
}
