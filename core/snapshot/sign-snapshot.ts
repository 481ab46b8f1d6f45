import { SIGNATURE_BYTES } from './encode-snapshot.ts';

/** The snapshot's bytes followed by their Ed25519 signature (WebCrypto `SubtleCrypto` passed in, as for check records). */
export async function signSnapshot(unsigned: Uint8Array, privateKey: CryptoKey, subtle: SubtleCrypto): Promise<Uint8Array> {
  const signature = new Uint8Array(await subtle.sign('Ed25519', privateKey, unsigned as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(unsigned.length + SIGNATURE_BYTES);
  out.set(unsigned, 0);
  out.set(signature, unsigned.length);
  return out;
}
