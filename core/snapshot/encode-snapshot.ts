import { compareKeys, codeKey, type CodeKey } from './snapshot-code-key.ts';
import type { SnapshotHeader } from './snapshot-header-schema.ts';
import type { SnapshotTimeline } from './snapshot-timeline.ts';
import { writeVarint } from './snapshot-varint.ts';

/** The four bytes a snapshot starts with. */
export const SNAPSHOT_MAGIC = [0x43, 0x4c, 0x53, 0x31]; // "CLS1"
export const SIGNATURE_BYTES = 64;

export interface SnapshotCode {
  code: string;
  timeline: SnapshotTimeline;
}

/**
 * The bytes a snapshot's signature covers: `CLS1`, the header's length (4 bytes, little endian),
 * the header as JSON, then per code in ascending order the gap to the previous code's key
 * (snapshot-code-key.ts; the first from 0) and its timeline's index, both varints. The signature
 * (64 bytes, Ed25519) follows them (sign-snapshot.ts). Codes whose check character is wrong, and
 * codes clear from today, are left out: a client asks the platform for those.
 */
export function encodeSnapshot(meta: Omit<SnapshotHeader, 'count' | 'timelines' | 'format'>, codes: readonly SnapshotCode[]): Uint8Array {
  const keyed: Array<{ key: CodeKey; timeline: string }> = [];
  const uses = new Map<string, number>();
  for (const { code, timeline } of codes) {
    const key = codeKey(code);
    if (!key || timeline.length === 0) continue;
    const id = timeline.join(',');
    keyed.push({ key, timeline: id });
    uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const order = [...uses.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const index = new Map(order.map((id, i) => [id, i]));
  const body: number[] = [];
  let prev: CodeKey = { hi: 0, lo: 0 };
  let count = 0;
  for (const { key, timeline } of keyed) {
    if (count > 0 && compareKeys(key, prev) === 0) continue;
    let hi = key.hi - prev.hi;
    let lo = key.lo - prev.lo;
    if (lo < 0) {
      lo += 2 ** 42;
      hi -= 1;
    }
    writeVarint(body, hi, lo);
    writeVarint(body, 0, index.get(timeline) as number);
    prev = key;
    count++;
  }
  const header: SnapshotHeader = {
    format: 'creditlens-snapshot-1',
    ...meta,
    count,
    timelines: order.map((id) => id.split(',').map(Number)),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + headerBytes.length + body.length);
  out.set(SNAPSHOT_MAGIC, 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  out.set(body, 8 + headerBytes.length);
  return out;
}
