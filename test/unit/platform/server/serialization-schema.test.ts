import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import { lookUpCodes } from '../../../../platform/lists/look-up-codes.ts';
import { disclosureFor } from '../../../../platform/privacy/disclosure-for.ts';
import type { PlatformContext } from '../../../../platform/server/platform-context.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, DEMO_SUBJECTS, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

/** The answers as JSON.stringify would write them, with the stamp's time left out. */
const plain = (results: unknown[]) => JSON.parse(JSON.stringify(results, (key, value: unknown) => (key === 'asOf' ? undefined : value))) as unknown[];

describe('the status answer written by the compiled serializer', () => {
  it('says exactly what the looked-up answer holds, field for field, for every demo subject (anonymous and signed in)', async () => {
    const repos = platform.repos;
    const ctx = { repos, today: () => TODAY, regions: ['all'] } as unknown as PlatformContext;
    for (const [token, caller] of [
      [undefined, { role: null, tokenId: null, department: null }],
      [platform.tokens.admin, { role: 'admin', tokenId: 'demo-admin', department: '区信用办' }],
    ] as const) {
      const codes = [...DEMO_SUBJECTS.map((s) => s.code), 'not-a-code'];
      for (let i = 0; i < codes.length; i += 100) {
        const batch = codes.slice(i, i + 100);
        const res = await call(platform, 'POST', '/api/v1/status', { token, body: { codes: batch } });
        expect(res.status).toBe(200);
        const expected = (await lookUpCodes(ctx, batch, disclosureFor(caller, undefined), { asOf: res.json.asOf, dataVersion: res.json.dataVersion })).results;
        expect(plain(res.json.results)).toEqual(plain(expected));
      }
    }
  });

  it('covers the optional parts: objections, repairs, exits and persons appear in the written answers', async () => {
    const entries: StatusResult['entries'] = [];
    for (let i = 0; i < DEMO_SUBJECTS.length; i += 100) {
      const codes = DEMO_SUBJECTS.slice(i, i + 100).map((s) => s.code);
      const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.admin, body: { codes } });
      entries.push(...(res.json.results as StatusResult[]).flatMap((r) => r.entries ?? []));
    }
    expect(entries.some((e) => e.objection !== null)).toBe(true);
    expect(entries.some((e) => e.repair !== undefined)).toBe(true);
    expect(entries.some((e) => e.exit !== null)).toBe(true);
    expect(entries.some((e) => e.persons.length > 0)).toBe(true);
  });
});
