import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowUpResponseSchema } from '../../../../core/api/follow-up-schema.ts';
import { chinaDate } from '../../../../core/verdict/china-date.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

// Checks are stamped with the real time; the platform judges on the real date here.
const today = chinaDate(new Date());
let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ today });
});
afterAll(() => platform.close());

const followUp = async () =>
  FollowUpResponseSchema.parse((await call(platform, 'GET', `/api/v1/follow-up?from=${today}&to=${today}`, { token: platform.tokens.department })).json);

describe('hits recorded by checks', () => {
  it('returns the black and red codes of a status query as hits in its case — not the disputed, watched or clear ones', async () => {
    const codes = ['black', 'red', 'disputed', 'watch', 'clear', 'black-and-red'].map(fixtureCode);
    const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.department, body: { codes, caseReference: 'XK-2026-1202' } });
    expect(res.status, res.text).toBe(200);
    const hits = (await followUp()).hits.filter((h) => h.caseReference === 'XK-2026-1202');
    expect(hits.map((h) => [h.code, h.kind, h.status])).toEqual([
      [fixtureCode('black'), 'black', 'open'],
      [fixtureCode('red'), 'red', 'open'],
      [fixtureCode('black-and-red'), 'black', 'open'],
    ]);
  });

  it('returns a hit closed once the department gives feedback for the subject in that case', async () => {
    const body = {
      idempotencyKey: 'hit-recording-0001',
      code: fixtureCode('black'),
      entryId: null,
      measureId: 'P15-6',
      outcome: 'applied',
      reason: null,
      caseReference: 'XK-2026-1202',
      note: null,
      operator: null,
      context: 'approval',
    };
    expect((await call(platform, 'POST', '/api/v1/feedback', { token: platform.tokens.department, body })).status).toBe(201);
    const hit = (await followUp()).hits.find((h) => h.caseReference === 'XK-2026-1202' && h.code === fixtureCode('black'));
    expect(hit).toMatchObject({ status: 'closed', late: false });
  });

  it('returns the hits of a check record under the record’s case reference', async () => {
    const res = await call(platform, 'POST', '/api/v1/records', {
      token: platform.tokens.department,
      body: { codes: [fixtureCode('black-multiple'), fixtureCode('clear')], context: 'procurement', caseReference: 'CG-2026-1202' },
    });
    expect(res.status, res.text).toBe(201);
    const hits = (await followUp()).hits.filter((h) => h.caseReference === 'CG-2026-1202');
    expect(hits.map((h) => [h.code, h.kind])).toEqual([[fixtureCode('black-multiple'), 'black']]);
  });

  it('returns 400 for a status query whose case reference is empty', async () => {
    const res = await call(platform, 'POST', '/api/v1/status', {
      token: platform.tokens.department,
      body: { codes: [fixtureCode('black')], caseReference: '' },
    });
    expect(res.status).toBe(400);
  });
});
