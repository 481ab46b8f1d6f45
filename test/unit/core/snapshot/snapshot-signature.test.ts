import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../../core/record/base64.ts';
import { dayNumber, FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { decodeSnapshot } from '../../../../core/snapshot/decode-snapshot.ts';
import { encodeSnapshot, type SnapshotCode } from '../../../../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../../../../core/snapshot/sign-snapshot.ts';
import { createSnapshotLookup } from '../../../../core/snapshot/snapshot-lookup.ts';
import { verifySnapshot } from '../../../../core/snapshot/verify-snapshot.ts';
import { makeSnapshotCode } from './make-snapshot-code.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const meta = { dataVersion: 42, asOf: '2026-12-02T06:00:00.000Z', today: '2026-12-02', scope: 'public' as const, keyId: 'clk-test' };
const codes: SnapshotCode[] = Array.from({ length: 300 }, (_, i) => ({
  code: makeSnapshotCode(i * 104_729 + 7),
  timeline: i % 3 === 0 ? [1, FOREVER_DAY] : i % 3 === 1 ? [1, dayNumber('2026-12-31'), 5, dayNumber('2027-06-30')] : [4, dayNumber('2027-01-01')],
}));

let key: { keyId: string; publicKey: string };
let signed: Uint8Array;

beforeAll(async () => {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  key = { keyId: 'clk-test', publicKey: bytesToBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey))) };
  signed = await signSnapshot(encodeSnapshot(meta, [...codes].reverse()), pair.privateKey, subtle);
});

describe('encodeSnapshot / decodeSnapshot', () => {
  it('reads back every code with its timeline, and its header', () => {
    const decoded = decodeSnapshot(signed);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.index.header).toMatchObject({ ...meta, format: 'creditlens-snapshot-1', count: 300 });
    expect(decoded.index.header.timelines).toHaveLength(3);
    const lookup = createSnapshotLookup(decoded.index);
    for (const { code, timeline } of codes) expect([...lookup.timelineOf(code)!]).toEqual(timeline);
    expect(lookup.timelineOf(makeSnapshotCode(5))).toEqual([]);
    expect(lookup.timelineOf('91420105MA4KXXXX9')).toBeNull();
  });

  it('leaves out codes clear from today and codes with a wrong check character, and keeps one copy of a code', () => {
    const right = makeSnapshotCode(1);
    const bytes = encodeSnapshot(meta, [
      { code: right, timeline: [1, FOREVER_DAY] },
      { code: right, timeline: [1, FOREVER_DAY] },
      { code: makeSnapshotCode(2), timeline: [] },
      { code: right.slice(0, 17) + (right[17] === 'A' ? 'B' : 'A'), timeline: [1, FOREVER_DAY] },
    ]);
    const decoded = decodeSnapshot(new Uint8Array([...bytes, ...new Uint8Array(64)]));
    expect(decoded.ok && decoded.index.header.count).toBe(1);
  });

  it('takes under 10 bytes a code', () => {
    expect(signed.length / codes.length).toBeLessThan(10);
  });
});

describe('verifySnapshot', () => {
  it('accepts the snapshot as signed', async () => {
    const verified = await verifySnapshot(signed, key, subtle);
    expect(verified.ok).toBe(true);
  });

  it.each([
    ['the magic', 0],
    ['the header length', 5],
    ['the header', 30],
    ['the first code', -400],
    ['a later code', -100],
    ['the signature', -1],
  ])('refuses a snapshot with one byte of %s altered', async (_, at) => {
    const altered = new Uint8Array(signed);
    const i = at < 0 ? altered.length + at : at;
    altered[i] = (altered[i] as number) ^ 0x01;
    const verified = await verifySnapshot(altered, key, subtle);
    expect(verified.ok).toBe(false);
    if (!verified.ok) {
      expect(['bad-signature', 'malformed', 'unknown-key']).toContain(verified.reason);
      expect(verified.message).toMatch(/名单快照/);
    }
  });

  it('refuses every single-byte change of the body with bad-signature', async () => {
    const bodyStart = 8 + new DataView(signed.buffer, signed.byteOffset).getUint32(4, true);
    for (let i = bodyStart; i < signed.length; i += 37) {
      const altered = new Uint8Array(signed);
      altered[i] = (altered[i] as number) ^ 0x80;
      const verified = await verifySnapshot(altered, key, subtle);
      expect(verified.ok ? 'ok' : verified.reason).toBe('bad-signature');
    }
  });

  it('refuses a snapshot signed with another key', async () => {
    const other = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const forged = await signSnapshot(encodeSnapshot(meta, codes), other.privateKey, subtle);
    const verified = await verifySnapshot(forged, key, subtle);
    expect(verified.ok ? 'ok' : verified.reason).toBe('bad-signature');
    const renamed = await verifySnapshot(signed, { ...key, keyId: 'clk-other' }, subtle);
    expect(renamed.ok ? 'ok' : renamed.reason).toBe('unknown-key');
  });

  it('refuses bytes that are not a snapshot', async () => {
    const verified = await verifySnapshot(new TextEncoder().encode('<html>proxy login</html>'.padEnd(100, ' ')), key, subtle);
    expect(verified.ok ? 'ok' : verified.reason).toBe('malformed');
  });
});
