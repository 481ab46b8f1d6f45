import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordKeySchema } from '../../../../core/api/check-record-schema.ts';
import { dayNumber } from '../../../../core/snapshot/china-day-number.ts';
import { SNAPSHOT_CLASSES } from '../../../../core/snapshot/snapshot-class.ts';
import { SNAPSHOT_MEDIA_TYPE } from '../../../../core/snapshot/snapshot-header-schema.ts';
import { createSnapshotLookup, type SnapshotLookup } from '../../../../core/snapshot/snapshot-lookup.ts';
import { verifySnapshot } from '../../../../core/snapshot/verify-snapshot.ts';
import { platformSubtle } from '../../../../platform/records/platform-subtle.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, DEMO_SUBJECTS, envelopeCode, fixtureCode, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

async function snapshot(token?: string): Promise<{ lookup: SnapshotLookup; bytes: Uint8Array; headers: Headers }> {
  const response = await fetch(`${platform.url}/api/v1/snapshot`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(SNAPSHOT_MEDIA_TYPE);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const key = RecordKeySchema.parse((await call(platform, 'GET', '/.well-known/creditlens-record-key')).json);
  const verified = await verifySnapshot(bytes, key, platformSubtle);
  if (!verified.ok) throw new Error(verified.message);
  return { lookup: createSnapshotLookup(verified.index), bytes, headers: response.headers };
}

const kindOn = (lookup: SnapshotLookup, code: string) => {
  const id = lookup.classOf(code, dayNumber(TODAY));
  return id === null ? null : SNAPSHOT_CLASSES[id]!.kind;
};
const listKinds = new Set(['black', 'red', 'watch', 'disputed', 'clear']);

describe('GET /api/v1/snapshot', () => {
  it('gives a signed-in caller every demo subject the verdict its full answer gives, signed with the record key', async () => {
    const { lookup, headers } = await snapshot(platform.tokens.viewer);
    expect(lookup.index.header).toMatchObject({ scope: 'full', today: TODAY, format: 'creditlens-snapshot-1' });
    expect(headers.get('x-creditlens-data-version')).toBe(String(lookup.index.header.dataVersion));
    const checked = DEMO_SUBJECTS.filter((s) => listKinds.has(s.expectedVerdict) && kindOn(lookup, s.code) !== null && kindOn(lookup, s.code) !== 'pending');
    expect(checked.length).toBeGreaterThan(250);
    // Withheld (painted only from the full answer: a page may read highlights) exactly where internal entries decide.
    const withheld = DEMO_SUBJECTS.filter((s) => kindOn(lookup, s.code) === 'pending').map((s) => s.code);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld).toEqual(DEMO_SUBJECTS.filter((s) => s.anonymousVerdict !== undefined && s.anonymousVerdict !== s.expectedVerdict).map((s) => s.code));
    expect(checked.map((s) => [s.code, kindOn(lookup, s.code)])).toEqual(checked.map((s) => [s.code, s.expectedVerdict]));
  });

  it('gives an anonymous caller published entries only', async () => {
    const { lookup } = await snapshot();
    expect(lookup.index.header.scope).toBe('public');
    const checked = DEMO_SUBJECTS.filter((s) => listKinds.has(s.anonymousVerdict ?? s.expectedVerdict) && kindOn(lookup, s.code) !== null);
    expect(checked.map((s) => [s.code, kindOn(lookup, s.code)])).toEqual(checked.map((s) => [s.code, s.anonymousVerdict ?? s.expectedVerdict]));
    expect(kindOn(lookup, fixtureCode('internal-only'))).toBe('clear');
  });

  it('is compact: under 10 bytes per listed code beyond its header', async () => {
    const { lookup, bytes } = await snapshot(platform.tokens.viewer);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
    expect((bytes.length - headerLength - 8 - 64) / lookup.index.header.count).toBeLessThan(10);
  });

  it('is made again when the lists change: a newly listed code is in it, at the new dataVersion', async () => {
    const code = fixtureCode('clear');
    const before = await snapshot();
    expect(kindOn(before.lookup, code)).toBe('clear');
    const added = await call(platform, 'POST', '/api/v1/admin/entries', {
      token: platform.tokens.admin,
      body: { code, list: 'black', category: '失信被执行人', facts: '拒不履行', legalBasis: 'x' },
    });
    expect(added.status).toBeLessThan(300);
    const after = await snapshot();
    expect(after.lookup.index.header.dataVersion).toBeGreaterThan(before.lookup.index.header.dataVersion);
    expect(kindOn(after.lookup, code)).toBe('black');
  });

  it('answers 401 for a wrong token', async () => {
    const res = await call(platform, 'GET', '/api/v1/snapshot', { token: 'not-a-real-token-at-all' });
    expect(res.status).toBe(401);
  });

  it('answers an empty platform 503 no_data, never a snapshot of nothing', async () => {
    const empty = await startTestPlatform({ seed: false });
    try {
      const res = await call(empty, 'GET', '/api/v1/snapshot');
      expect(res.status).toBe(503);
      expect(envelopeCode(res.json)).toBe('no_data');
    } finally {
      await empty.close();
    }
  });
});
