import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusClient } from '../../../../core/api/create-status-client.ts';
import { StatusResponseSchema } from '../../../../core/api/status-schema.ts';
import { createStatusQueryClient } from '../../../../core/query/create-status-query-client.ts';
import { createStatusStore } from '../../../../core/query/create-status-store.ts';
import type { StoredEntry } from '../../../../platform/db/stored-records.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

// Data written straight into the database, past the import checks — as data from before them, or
// another writer, would be: one subject with a 600-character ID number, one with 205 entries.
const longId = fixtureCode('black-not-repairable');
const manyEntries = fixtureCode('red');
const healthyBlack = fixtureCode('black');
const healthyClear = fixtureCode('clear');

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  const repos = platform.repos;
  const [entry] = (await repos.entries.listByCode(longId)) as StoredEntry[];
  await repos.entries.update({ ...entry!, persons: [{ role: '法定代表人', name: '张三', idNumber: '4'.repeat(600) }] });
  const [red] = (await repos.entries.listByCode(manyEntries)) as StoredEntry[];
  for (let i = 0; i < 205; i++) await repos.entries.insert({ ...red!, id: `bulk-${i}`, documentNumber: `汉信〔2026〕${i}号` });
});
afterAll(() => platform.close());

describe('POST /api/v1/status with one code whose stored data is off-contract', () => {
  it.each([
    ['a 600-character ID number', longId],
    ['205 entries', manyEntries],
  ])('returns the other codes of the batch and a per-code error for the subject with %s', async (_what, bad) => {
    const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes: [healthyBlack, bad, healthyClear] } });
    expect(res.status).toBe(200);
    expect(StatusResponseSchema.safeParse(res.json).success).toBe(true);
    const [first, second, third] = res.json.results;
    expect([first.code, first.found, first.entries.length > 0]).toEqual([healthyBlack, true, true]);
    expect(second).toEqual({ code: bad, error: { kind: 'unavailable', message: expect.any(String) }, asOf: res.json.asOf, dataVersion: res.json.dataVersion });
    expect(second).not.toHaveProperty('found');
    expect([third.code, third.found]).toEqual([healthyClear, true]);
  });

  it("returns unknown for the broken codes and the real verdicts for the rest through core's client and store", async () => {
    const queryClient = createStatusQueryClient();
    const source = { platform: platform.url, tokenFingerprint: 'viewer' };
    const store = createStatusStore({
      queryClient,
      source,
      client: createStatusClient({ baseUrl: platform.url, getToken: async () => platform.tokens.viewer }),
      retries: 0,
    });
    const verdicts = await Promise.all([healthyBlack, longId, manyEntries, healthyClear].map((code) => store.get(code)));
    queryClient.clear();
    expect(verdicts.map((v) => v.kind)).toEqual(['black', 'unknown', 'unknown', 'clear']);
    expect(verdicts[1]!.reason).toMatchObject({ code: 'error', errorKind: 'schema' });
  });

  it('returns a signed record whose broken code is unknown and whose other codes keep their verdicts', async () => {
    const res = await call(platform, 'POST', '/api/v1/records', {
      token: platform.tokens.viewer,
      body: { codes: [healthyBlack, manyEntries], context: 'procurement' },
    });
    expect(res.status).toBe(201);
    expect(res.json.record.items.map((i: { verdict: string }) => i.verdict)).toEqual(['black', 'unknown']);
  });
});

describe('POST /api/v1/status with invisible controls in stored data', () => {
  it('returns the texts without bidi and zero-width controls, the code as asked', async () => {
    const repos = platform.repos;
    const code = fixtureCode('disputed');
    const [entry] = (await repos.entries.listByCode(code)) as StoredEntry[];
    await repos.entries.update({
      ...entry!,
      department: '区\u202E局政财\u202C',
      persons: [{ role: '法定代表人', name: '王\u200B五', idNumber: '4201\u2066051980\u202E01011234' }],
    });
    const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.admin, body: { codes: [code] } });
    const [result] = res.json.results;
    expect(result.code).toBe(code);
    expect(result.entries[0].department).toBe('区局政财');
    expect(result.entries[0].persons[0].name).toBe('王五');
    expect(JSON.stringify(result)).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});
