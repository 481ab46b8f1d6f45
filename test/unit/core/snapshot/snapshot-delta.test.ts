import { describe, expect, it } from 'vitest';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import { FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { decodeSnapshot } from '../../../../core/snapshot/decode-snapshot.ts';
import { encodeSnapshot } from '../../../../core/snapshot/encode-snapshot.ts';
import { applySnapshotDelta, codesChangedAfter } from '../../../../core/snapshot/snapshot-delta.ts';
import { createSnapshotLookup } from '../../../../core/snapshot/snapshot-lookup.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeSnapshotCode } from './make-snapshot-code.ts';

const meta = { dataVersion: 10, asOf: '2026-12-02T06:00:00.000Z', today: '2026-12-02', scope: 'full' as const, keyId: 'k' };
const listed = makeSnapshotCode(1);
const other = makeSnapshotCode(2);
const now = new Date('2026-12-02T08:00:00.000Z');

function lookup() {
  const decoded = decodeSnapshot(new Uint8Array([...encodeSnapshot(meta, [{ code: listed, timeline: [1, FOREVER_DAY] }]), ...new Uint8Array(64)]));
  if (!decoded.ok) throw new Error(decoded.message);
  return createSnapshotLookup(decoded.index);
}

function answer(code: string, entries: StatusResult['entries'], found = true): StatusResult {
  return { code, found, invalid: false, subject: null, entries, asOf: now.toISOString(), dataVersion: 12 };
}

describe('codesChangedAfter', () => {
  it('names each code changed after the snapshot once', () => {
    const at = now.toISOString();
    expect(
      codesChangedAfter(
        [
          { cursor: 9, code: other, at, kind: 'listed' },
          { cursor: 11, code: listed, at, kind: 'exited' },
          { cursor: 12, code: listed, at, kind: 'updated' },
          { cursor: 13, code: other, at, kind: 'listed' },
        ],
        10,
      ),
    ).toEqual([listed, other]);
  });
});

describe('applySnapshotDelta', () => {
  it('lists a newly listed code, clears a code that left, and advances the cursor', () => {
    const l = lookup();
    expect(l.classOf(other, 20_000)).toBe(0);
    const { complete } = applySnapshotDelta(l, [answer(other, [makeEntry()]), answer(listed, [makeEntry({ state: 'revoked' })])], 12, now);
    expect(complete).toBe(true);
    expect(l.classOf(other, 20_000)).toBe(1);
    expect(l.classOf(listed, 20_000)).toBe(0);
    expect(l.dataVersion).toBe(12);
    expect(
      l
        .changed()
        .map(([code]) => code)
        .sort(),
    ).toEqual([listed, other].sort());
  });

  it('treats a code the platform does not know as clear', () => {
    const l = lookup();
    applySnapshotDelta(l, [answer(listed, [], false)], 11, now);
    expect(l.timelineOf(listed)).toEqual([]);
  });

  it('keeps the cursor when a code could not be re-read, so it is asked again', () => {
    const l = lookup();
    const { complete } = applySnapshotDelta(
      l,
      [answer(other, [makeEntry()]), { code: listed, error: { kind: 'unavailable', message: 'x' }, asOf: now.toISOString(), dataVersion: 12 }],
      12,
      now,
    );
    expect(complete).toBe(false);
    expect(l.dataVersion).toBe(10);
    expect(l.classOf(listed, 20_000)).toBe(1);
  });

  it('restores the applied codes saved beside the snapshot', () => {
    const l = lookup();
    applySnapshotDelta(l, [answer(other, [makeEntry()])], 12, now);
    const again = createSnapshotLookup(l.index, { changed: l.changed(), dataVersion: l.dataVersion });
    expect(again.classOf(other, 20_000)).toBe(1);
    expect(again.dataVersion).toBe(12);
  });
});
