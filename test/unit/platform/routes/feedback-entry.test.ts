/** `POST /api/v1/feedback` names an entry of the subject on this platform, or none (issue 17: several platforms). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

const feedback = (key: string, code: string, entryId: string | null) => ({
  idempotencyKey: key,
  code,
  entryId,
  measureId: 'P15-3',
  outcome: 'applied',
  reason: null,
  caseReference: 'CG-2026-07',
  note: null,
  operator: null,
  context: 'procurement',
});
const post = (body: object) => call(platform, 'POST', '/api/v1/feedback', { token: platform.tokens.department, body });
const entryOf = async (code: string) => (await platform.repos.entries.listByCode(code))[0]!.id;

describe('feedback on an entry', () => {
  it('is filed with an entry of the subject, or with none', async () => {
    const black = fixtureCode('black');
    expect((await post(feedback('entry-0001', black, await entryOf(black)))).status).toBe(201);
    expect((await post(feedback('entry-0002', black, null))).status).toBe(201);
  });

  it('is refused, saying which entry, when the entry is not on this platform or is another subject’s', async () => {
    const black = fixtureCode('black');
    const elsewhere = await post(feedback('entry-0003', black, 'province:x-1'));
    expect(elsewhere.status).toBe(400);
    expect(envelopeCode(elsewhere.json)).toBe('bad_request');
    expect(JSON.stringify(elsewhere.json)).toContain('province:x-1');
    const another = await post(feedback('entry-0004', black, await entryOf(fixtureCode('black-multiple'))));
    expect(another.status).toBe(400);
  });
});
