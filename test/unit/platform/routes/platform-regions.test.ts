/**
 * A platform configured for its regions (issue 17: a city's or a province's) answers for its own
 * lists: a code registered elsewhere that it holds nothing on is unknown, never "not listed", in
 * status answers and in signed check records; what it holds on a subject from elsewhere it still says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordKeySchema } from '../../../../core/api/check-record-schema.ts';
import { createSnapshotLookup } from '../../../../core/snapshot/snapshot-lookup.ts';
import { snapshotVerdict } from '../../../../core/snapshot/snapshot-verdict.ts';
import { verifySnapshot } from '../../../../core/snapshot/verify-snapshot.ts';
import { platformSubtle } from '../../../../platform/records/platform-subtle.ts';
import { parseName, parseRegions } from '../../../../platform/cli/platform-config.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const BEIJING = withUsccCheck('91110105MA4K00003');
let platform: RunningPlatform;
beforeAll(async () => {
  // The demo subjects are Wuhan's (4201): this platform is Yichang's, holding them all the same.
  platform = await startTestPlatform({ seed: { subjects: 30 }, name: '宜昌市公共信用信息平台', regions: ['4205'] });
});
afterAll(() => platform.close());

const status = async (codes: string[]) =>
  (await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.department, body: { codes } })).json.results as {
    code: string;
    error?: { kind: string };
    found?: boolean;
  }[];

describe('a platform of its regions', () => {
  it('answers a code from elsewhere it holds nothing in force on as unavailable, and a listing it holds as usual', async () => {
    const [elsewhere, held, clean] = await status([BEIJING, fixtureCode('black'), fixtureCode('clear')]);
    expect(elsewhere).toMatchObject({ code: BEIJING, error: { kind: 'unavailable' } });
    expect(held).toMatchObject({ found: true });
    // Held, but with nothing in force: still not this platform's word that it is not listed.
    expect(clean).toMatchObject({ error: { kind: 'unavailable' } });
  });

  it('names its regions in the signed header of its list snapshot, so an absent code is not listed only there', async () => {
    const response = await fetch(`${platform.url}/api/v1/snapshot`, { headers: { authorization: `Bearer ${platform.tokens.department}` } });
    expect(response.status).toBe(200);
    const key = RecordKeySchema.parse(await (await fetch(`${platform.url}/.well-known/creditlens-record-key`)).json());
    const verified = await verifySnapshot(new Uint8Array(await response.arrayBuffer()), key, platformSubtle);
    if (!verified.ok) throw new Error(verified.message);
    expect(verified.index.header.regions).toEqual(['4205']);
    const lookup = createSnapshotLookup(verified.index);
    const at = (code: string) => snapshotVerdict({ lookup, code, now: new Date(), feedReadAt: Date.now(), freshnessMs: 60_000, scope: 'full' });
    // A Wuhan subject it holds nothing in force on: the snapshot does not call it clear, as the status answer does not.
    expect(at(fixtureCode('clear'))).toBeNull();
    expect(at(withUsccCheck('91420500MA4K00003'))?.kind).toBe('clear');
  });

  it('signs such a code unknown in a check record, under its own name', async () => {
    const signed = (await call(platform, 'POST', '/api/v1/records', { token: platform.tokens.department, body: { codes: [BEIJING], context: 'procurement' } }))
      .json;
    expect(signed.record.platform).toBe('宜昌市公共信用信息平台');
    expect(signed.record.items[0]).toMatchObject({ code: BEIJING, verdict: 'unknown' });
  });

  it('reads PLATFORM_NAME as one printable line', () => {
    expect(parseName(' 宜昌市公共信用信息平台 ')).toBe('宜昌市公共信用信息平台');
    expect(() => parseName('平台\u202e')).toThrow(/PLATFORM_NAME/);
    expect(() => parseName('平'.repeat(201))).toThrow(/PLATFORM_NAME/);
  });

  it('reads PLATFORM_REGIONS, refusing what is not a division prefix', () => {
    expect(parseRegions(' 4201，4205 ')).toEqual(['4201', '4205']);
    expect(parseRegions('')).toBeUndefined();
    expect(() => parseRegions('湖北')).toThrow(/PLATFORM_REGIONS/);
  });
});
