import { parseStrictJson } from '../record/parse-strict-json.ts';
import { SIGNATURE_BYTES, SNAPSHOT_MAGIC } from './encode-snapshot.ts';
import { keyWords } from './snapshot-code-key.ts';
import { SnapshotHeaderSchema, type SnapshotHeader } from './snapshot-header-schema.ts';
import { readVarint } from './snapshot-varint.ts';

/**
 * A snapshot in memory: every code's key as three 32-bit words in ascending order (12 bytes a
 * code) and its timeline's index (2 bytes, or 4 past 65,536 timelines) — a packed array searched
 * by halves (snapshot-lookup.ts), not a map of strings: a million codes fit in 14 MB.
 */
export interface SnapshotIndex {
  header: SnapshotHeader;
  words: Uint32Array;
  timelineOf: Uint16Array | Uint32Array;
  timelines: readonly Uint16Array[];
  /** The size of the signed snapshot, as downloaded and stored. */
  byteLength: number;
}

export type SnapshotDecode = { ok: true; index: SnapshotIndex } | { ok: false; message: string };

/** The header's bytes (after magic and length) and where the body starts, or why the bytes are not a snapshot. */
export function splitSnapshot(bytes: Uint8Array): { ok: true; header: unknown; bodyStart: number; bodyEnd: number } | { ok: false; message: string } {
  if (bytes.length < 8 + SIGNATURE_BYTES || SNAPSHOT_MAGIC.some((b, i) => bytes[i] !== b)) return { ok: false, message: 'not a CreditLens snapshot' };
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const bodyStart = 8 + headerLength;
  const bodyEnd = bytes.length - SIGNATURE_BYTES;
  if (bodyStart > bodyEnd) return { ok: false, message: 'header longer than the snapshot' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, bodyStart));
  } catch {
    return { ok: false, message: 'header is not UTF-8' };
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return { ok: false, message: `header is not JSON (${parsed.error.message})` };
  return { ok: true, header: parsed.value, bodyStart, bodyEnd };
}

/** Reads a snapshot's header and codes (the signature is checked by verify-snapshot.ts first). */
export function decodeSnapshot(bytes: Uint8Array): SnapshotDecode {
  const split = splitSnapshot(bytes);
  if (!split.ok) return split;
  const header = SnapshotHeaderSchema.safeParse(split.header);
  if (!header.success) {
    const first = header.error.issues[0];
    return { ok: false, message: `header off-schema (${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown'})` };
  }
  const { count, timelines } = header.data;
  const words = new Uint32Array(count * 3);
  const timelineOf = timelines.length > 0xffff ? new Uint32Array(count) : new Uint16Array(count);
  const body = bytes.subarray(0, split.bodyEnd);
  const at = { offset: split.bodyStart };
  const gap = { hi: 0, lo: 0 };
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < count; i++) {
    if (!readVarint(body, at, gap)) return { ok: false, message: `code ${i} cut short` };
    if (i > 0 && gap.hi === 0 && gap.lo === 0) return { ok: false, message: `code ${i} repeats the one before` };
    hi += gap.hi;
    lo += gap.lo;
    if (lo >= 2 ** 42) {
      lo -= 2 ** 42;
      hi += 1;
    }
    if (hi >= 2 ** 43) return { ok: false, message: `code ${i} out of range` };
    const [w2, w1, w0] = keyWords({ hi, lo });
    words[i * 3] = w2;
    words[i * 3 + 1] = w1;
    words[i * 3 + 2] = w0;
    if (!readVarint(body, at, gap) || gap.hi !== 0 || gap.lo >= timelines.length) return { ok: false, message: `code ${i} names no timeline` };
    timelineOf[i] = gap.lo;
  }
  if (at.offset !== split.bodyEnd) return { ok: false, message: 'bytes after the last code' };
  return { ok: true, index: { header: header.data, words, timelineOf, timelines: timelines.map((t) => Uint16Array.from(t)), byteLength: bytes.length } };
}
