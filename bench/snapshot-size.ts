/**
 * The list snapshot's budget (issue 15): for 10k, 100k and 1M listed codes, the signed download
 * (raw and gzip), what it takes in storage (`storage.local` holds it as base64) and in memory
 * once decoded (the packed index, and the heap's array buffers measured around the decode), and
 * the time of one lookup (a code string to its class, half listed, half not). Targets: ≤ 16 MB of
 * memory for 1M codes, ≤ 5 µs a lookup, ≤ 1 MB first download for 100k.
 * Codes are realistic: authority and category from the common heads, a region under a real
 * province, an 8-character serial, both check characters right; timelines as lists give them
 * (black for one to three years, some with monitoring after, red, disputed, monitoring).
 */
import { webcrypto } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { bytesToBase64 } from '../core/record/base64.ts';
import { dayNumber, FOREVER_DAY } from '../core/snapshot/china-day-number.ts';
import { encodeSnapshot, type SnapshotCode } from '../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../core/snapshot/sign-snapshot.ts';
import { createSnapshotLookup } from '../core/snapshot/snapshot-lookup.ts';
import { verifySnapshot } from '../core/snapshot/verify-snapshot.ts';
import { orgCodeCheckChar } from '../core/uscc/org-code-check-char.ts';
import { USCC_CHARSET } from '../core/uscc/uscc-charset.ts';
import { usccCheckChar } from '../core/uscc/uscc-check-char.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const SIZES = [10_000, 100_000, 1_000_000];
const HEADS = ['91', '91', '91', '91', '92', '92', '93', '12', '52', '31'];
const PROVINCES = ['11', '12', '13', '31', '32', '33', '34', '35', '37', '41', '42', '43', '44', '50', '51', '61'];
const TODAY = dayNumber('2026-12-02');

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCode(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const region = pick(PROVINCES) + String(1 + Math.floor(next() * 20)).padStart(2, '0') + String(1 + Math.floor(next() * 30)).padStart(2, '0');
  for (;;) {
    let serial = '';
    for (let i = 0; i < 8; i++) serial += USCC_CHARSET[Math.floor(next() * USCC_CHARSET.length)];
    const orgCheck = orgCodeCheckChar(serial);
    if (orgCheck === null || !USCC_CHARSET.includes(orgCheck)) continue;
    const body = pick(HEADS) + region + serial + orgCheck;
    return body + usccCheckChar(body);
  }
}

function makeTimeline(next: () => number): number[] {
  const end = TODAY + Math.floor(next() * 3 * 365);
  const r = next();
  if (r < 0.45) return [1, end];
  if (r < 0.6) return [1, end, 5, end + 365];
  if (r < 0.65) return [1, FOREVER_DAY];
  if (r < 0.88) return [4, end];
  if (r < 0.93) return [next() < 0.7 ? 2 : 3, FOREVER_DAY];
  return [5, end];
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(2)} MB`;
}

async function measure(n: number, key: CryptoKeyPair, publicKey: string): Promise<void> {
  const next = random(n);
  const codes: SnapshotCode[] = [];
  const seen = new Set<string>();
  while (codes.length < n) {
    const code = makeCode(next);
    if (seen.has(code)) continue;
    seen.add(code);
    codes.push({ code, timeline: makeTimeline(next) });
  }
  let started = performance.now();
  const unsigned = encodeSnapshot({ dataVersion: 1, asOf: new Date().toISOString(), today: '2026-12-02', scope: 'full', keyId: 'bench' }, codes);
  const bytes = await signSnapshot(unsigned, key.privateKey, subtle);
  const encodeMs = performance.now() - started;
  const gzip = gzipSync(bytes).length;
  const stored = bytesToBase64(bytes).length;

  gc();
  const before = process.memoryUsage();
  started = performance.now();
  const verified = await verifySnapshot(bytes, { keyId: 'bench', publicKey }, subtle);
  const decodeMs = performance.now() - started;
  if (!verified.ok) throw new Error(verified.message);
  gc();
  const after = process.memoryUsage();
  const { index } = verified;
  // The index, its timelines and the lookup's table of every 64th key.
  const packed = index.words.byteLength + index.timelineOf.byteLength + index.timelines.reduce((sum, t) => sum + t.byteLength + 64, 0) + Math.ceil(n / 64) * 12;
  const lookup = createSnapshotLookup(index);

  const probes: string[] = [];
  for (let i = 0; i < 200_000; i++) probes.push(i % 2 === 0 ? (codes[Math.floor(next() * n)] as SnapshotCode).code : makeCode(next));
  let listed = 0;
  for (const code of probes.slice(0, 20_000)) listed += lookup.classOf(code, TODAY) ? 1 : 0; // warm-up
  started = performance.now();
  for (let round = 0; round < 5; round++) for (const code of probes) listed += lookup.classOf(code, TODAY) ? 1 : 0;
  const lookupUs = ((performance.now() - started) * 1000) / (probes.length * 5);
  if (listed === 0) throw new Error('no lookup found a listed code');

  console.log(
    [
      `${n.toLocaleString('en')} codes:`,
      `download ${mb(bytes.length)} (${(bytes.length / n).toFixed(2)} B/code; gzip ${mb(gzip)})`,
      `storage ${mb(stored)} (base64 in storage.local)`,
      `memory ${mb(packed)} packed (${(packed / n).toFixed(2)} B/code), heap+buffers +${mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers)}`,
      `${index.header.timelines.length} timelines`,
      `lookup ${lookupUs.toFixed(3)} µs`,
      `encode+sign ${encodeMs.toFixed(0)} ms, verify+decode ${decodeMs.toFixed(0)} ms`,
    ].join('\n  '),
  );
}

/** Prints the snapshot's sizes and lookup time for 10k, 100k and 1M listed codes. */
export async function run(): Promise<void> {
  const key = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = bytesToBase64(new Uint8Array(await subtle.exportKey('raw', key.publicKey)));
  console.log('signed list snapshot (targets: memory ≤ 16 MB for 1M, lookup ≤ 5 µs, download ≤ 1 MB for 100k):');
  for (const n of SIZES) await measure(n, key, publicKey);
}

if (process.argv[1]?.endsWith('snapshot-size.ts')) await run();
