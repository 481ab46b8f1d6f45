import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackListResponseSchema } from '../../../../core/api/feedback-list-schema.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
let financeToken: string;
const feedback = (key: string, code: string, caseReference: string, measureId = 'P15-3') => ({
  idempotencyKey: key,
  code,
  entryId: null,
  measureId,
  outcome: 'applied',
  reason: null,
  caseReference,
  note: null,
  operator: '王科员',
  context: 'procurement',
});

beforeAll(async () => {
  platform = await startTestPlatform();
  financeToken = (await call(platform, 'POST', '/api/v1/admin/tokens', { token: platform.tokens.admin, body: { department: '区财政局', role: 'department' } }))
    .json.token;
  const black = fixtureCode('black');
  for (const [token, body] of [
    [platform.tokens.department, feedback('list-0001', black, 'CG-2026-01')],
    [financeToken, feedback('list-0002', black, 'CG-2026-01', 'P15-4')],
    [platform.tokens.department, feedback('list-0003', black, 'CG-2026-02')],
    [platform.tokens.department, feedback('list-0004', fixtureCode('black-multiple'), 'CG-2026-01')],
  ] as const) {
    expect((await call(platform, 'POST', '/api/v1/feedback', { token, body })).status).toBe(201);
  }
});
afterAll(() => platform.close());

const list = (query: string, token = platform.tokens.department) => call(platform, 'GET', `/api/v1/feedback?${query}`, { token });

describe('GET /api/v1/feedback', () => {
  it('returns a department its own feedback for a subject only, newest first (issue 10, finding 9)', async () => {
    const res = await list(`code=${fixtureCode('black')}`);
    expect(res.status).toBe(200);
    expect(FeedbackListResponseSchema.safeParse(res.json).success).toBe(true);
    expect(res.json.feedback.map((f: { idempotencyKey: string }) => f.idempotencyKey)).toEqual(['list-0003', 'list-0001']);
    expect(res.json.caseReference).toBeNull();
    const finance = await list(`code=${fixtureCode('black')}`, financeToken);
    expect(finance.json.feedback.map((f: { idempotencyKey: string }) => f.idempotencyKey)).toEqual(['list-0002']);
  });

  it('returns an admin the feedback of every department, newest first', async () => {
    const res = await list(`code=${fixtureCode('black')}`, platform.tokens.admin);
    expect(res.json.feedback.map((f: { idempotencyKey: string }) => f.idempotencyKey)).toEqual(['list-0003', 'list-0002', 'list-0001']);
    expect(res.json.feedback.map((f: { department: string }) => f.department)).toEqual(['区市场监管局', '区财政局', '区市场监管局']);
  });

  it('narrows to one case when caseReference is given', async () => {
    const res = await list(`code=${fixtureCode('black')}&caseReference=${encodeURIComponent('CG-2026-01')}`, platform.tokens.admin);
    expect(res.json.caseReference).toBe('CG-2026-01');
    expect(res.json.feedback.map((f: { measureId: string }) => f.measureId)).toEqual(['P15-4', 'P15-3']);
  });

  it('answers a subject without feedback with an empty list', async () => {
    expect((await list(`code=${fixtureCode('red')}`)).json.feedback).toEqual([]);
  });

  it('needs the department role and a valid code', async () => {
    expect((await list(`code=${fixtureCode('black')}`, platform.tokens.viewer)).status).toBe(403);
    expect((await call(platform, 'GET', `/api/v1/feedback?code=${fixtureCode('black')}`)).status).toBe(401);
    const bad = await list('code=not-a-code');
    expect([bad.status, envelopeCode(bad.json)]).toEqual([400, 'bad_request']);
    expect((await list('')).status).toBe(400);
  });
});
