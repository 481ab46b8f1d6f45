import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../../core/verdict/verdict-labels.ts';
import { VerdictSchema } from '../../../../core/verdict/verdict-schema.ts';
import { dayNumber } from '../../../../core/snapshot/china-day-number.ts';
import { decodeSnapshot } from '../../../../core/snapshot/decode-snapshot.ts';
import { encodeSnapshot } from '../../../../core/snapshot/encode-snapshot.ts';
import { createSnapshotLookup } from '../../../../core/snapshot/snapshot-lookup.ts';
import { snapshotVerdict } from '../../../../core/snapshot/snapshot-verdict.ts';
import { makeSnapshotCode } from './make-snapshot-code.ts';

const meta = { dataVersion: 10, asOf: '2026-12-02T06:00:00.000Z', today: '2026-12-02', scope: 'public' as const, keyId: 'k' };
const black = makeSnapshotCode(1);
const unlisted = makeSnapshotCode(2);
const decoded = decodeSnapshot(
  new Uint8Array([...encodeSnapshot(meta, [{ code: black, timeline: [1, dayNumber('2026-12-02'), 5, dayNumber('2026-12-03')] }]), ...new Uint8Array(64)]),
);
if (!decoded.ok) throw new Error(decoded.message);
const lookup = createSnapshotLookup(decoded.index);
const minute = 60_000;

function verdictAt(code: string, iso: string, feedReadAt: number | null = Date.parse(iso) - minute) {
  const v = snapshotVerdict({ lookup, code, now: new Date(iso), feedReadAt, freshnessMs: 5 * minute, scope: 'public' });
  if (v) expect(VerdictSchema.parse(v)).toEqual(v);
  return v;
}

describe('snapshotVerdict', () => {
  it('paints a listed code its class and an absent one clear while the feed is fresh', () => {
    expect(verdictAt(black, '2026-12-02T08:00:00.000Z')).toMatchObject({ kind: 'black', reason: { code: 'black-active', detail: 'snapshot' }, stale: false });
    expect(verdictAt(unlisted, '2026-12-02T08:00:00.000Z')).toMatchObject({ kind: 'clear', reason: { code: 'nothing-active-public' } });
  });

  it.each([
    ['23:59 China time on the last day', '2026-12-02T15:59:00.000Z', 'black'],
    ['00:01 China time the next morning', '2026-12-02T16:01:00.000Z', 'watch'],
    ['after monitoring ends', '2026-12-03T16:01:00.000Z', 'clear'],
  ])('ends an entry by its date locally: %s', (_, iso, kind) => {
    expect(verdictAt(black, iso)?.kind).toBe(kind);
  });

  it('says unknown, with the snapshot as last known answer, once the feed was not read within the window', () => {
    const readAt = Date.parse('2026-12-02T06:30:00.000Z'); // 14:30 China time
    const stale = verdictAt(unlisted, '2026-12-02T06:36:00.000Z', readAt);
    expect(stale).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true, reason: { code: 'error', detail: '据 14:30 名单快照：未列入' } });
    expect(verdictAt(black, '2026-12-02T06:36:00.000Z', readAt)).toMatchObject({
      kind: 'unknown',
      lastKnown: 'black',
      reason: { detail: '据 14:30 名单快照：黑名单' },
    });
    expect(verdictAt(black, '2026-12-02T06:34:00.000Z', readAt)?.kind).toBe('black');
    expect(describeReason(stale!, 'zh-CN')).toContain('据 14:30 名单快照：未列入。');
    expect(describeReason(stale!, 'en')).toContain('Last answer received: Not listed (list snapshot, 14:30).');
  });

  it('says unknown before the feed was first read', () => {
    expect(verdictAt(black, '2026-12-02T08:00:00.000Z', null)?.kind).toBe('unknown');
  });

  it('does not speak for a code whose check character is wrong', () => {
    const wrong = black.slice(0, 17) + (black[17] === 'A' ? 'B' : 'A');
    expect(verdictAt(wrong, '2026-12-02T08:00:00.000Z')).toBeNull();
  });

  it('speaks only for codes registered in the regions of a regional platform’s snapshot (issue 17)', () => {
    const regional = decodeSnapshot(new Uint8Array([...encodeSnapshot({ ...meta, regions: ['4205', '4206'] }, []), ...new Uint8Array(64)]));
    if (!regional.ok) throw new Error(regional.message);
    const at = (code: string) =>
      snapshotVerdict({
        lookup: createSnapshotLookup(regional.index),
        code,
        now: new Date('2026-12-02T08:00:00.000Z'),
        feedReadAt: Date.parse('2026-12-02T07:59:00.000Z'),
        freshnessMs: 5 * minute,
        scope: 'public',
      });
    expect(at(makeSnapshotCode(3, '91420500'))?.kind).toBe('clear');
    // A Wuhan subject is not this platform's to call clear: another platform's lists decide.
    expect(at(makeSnapshotCode(3, '91420105'))).toBeNull();
  });
});
