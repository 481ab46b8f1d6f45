import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let open: RunningPlatform;
let closed: RunningPlatform;
beforeAll(async () => {
  open = await startTestPlatform();
  closed = await startTestPlatform({ anonymousReads: false });
});
afterAll(async () => {
  await open.close();
  await closed.close();
});

const feedback = (key: string) => ({
  idempotencyKey: key,
  code: fixtureCode('black'),
  entryId: null,
  measureId: 'P15-3',
  outcome: 'applied',
  reason: null,
  caseReference: '汉阳采购〔2026〕1号',
  note: null,
  operator: null,
  context: 'procurement',
});

type Who = 'anonymous' | 'viewer' | 'department' | 'admin' | 'bad';
const token = (p: RunningPlatform, who: Who) => (who === 'anonymous' ? undefined : who === 'bad' ? 'not-a-real-token-123' : p.tokens[who]);

const ENDPOINTS: { name: string; method: string; path: () => string; body?: () => unknown; allowed: Record<Who, number> }[] = [
  {
    name: 'status',
    method: 'POST',
    path: () => '/api/v1/status',
    body: () => ({ codes: [fixtureCode('red')] }),
    allowed: { anonymous: 200, viewer: 200, department: 200, admin: 200, bad: 401 },
  },
  {
    name: 'subject',
    method: 'GET',
    path: () => `/api/v1/subjects/${fixtureCode('red')}`,
    allowed: { anonymous: 200, viewer: 200, department: 200, admin: 200, bad: 401 },
  },
  { name: 'measures', method: 'GET', path: () => '/api/v1/measures', allowed: { anonymous: 200, viewer: 200, department: 200, admin: 200, bad: 401 } },
  { name: 'changes', method: 'GET', path: () => '/api/v1/changes?since=0', allowed: { anonymous: 200, viewer: 200, department: 200, admin: 200, bad: 401 } },
  {
    name: 'feedback',
    method: 'POST',
    path: () => '/api/v1/feedback',
    body: () => feedback(`auth-${Math.random().toString(36).slice(2)}`),
    allowed: { anonymous: 401, viewer: 403, department: 201, admin: 201, bad: 401 },
  },
  { name: 'audit', method: 'GET', path: () => '/api/v1/admin/audit', allowed: { anonymous: 401, viewer: 403, department: 403, admin: 200, bad: 401 } },
  {
    name: 'tokens',
    method: 'POST',
    path: () => '/api/v1/admin/tokens',
    body: () => ({ department: '区财政局', role: 'viewer' }),
    allowed: { anonymous: 401, viewer: 403, department: 403, admin: 201, bad: 401 },
  },
  {
    name: 'resolve',
    method: 'POST',
    path: () => '/api/v1/objections/obj-none/resolve',
    body: () => ({ outcome: 'rejected' }),
    allowed: { anonymous: 401, viewer: 403, department: 403, admin: 404, bad: 401 },
  },
];

describe('authorization', () => {
  const cases = ENDPOINTS.flatMap((e) => (Object.keys(e.allowed) as Who[]).map((who) => [e.name, who, e.allowed[who]] as const));
  it.each(cases)('%s as %s → %s (anonymous reads on)', async (name, who, expected) => {
    const endpoint = ENDPOINTS.find((e) => e.name === name)!;
    const res = await call(open, endpoint.method, endpoint.path(), { token: token(open, who), body: endpoint.body?.() });
    expect(res.status).toBe(expected);
    if (expected >= 400) expect(envelopeCode(res.json)).toBe(expected === 401 ? 'unauthorized' : expected === 403 ? 'forbidden' : 'not_found');
  });

  it('refuses anonymous reads when the operator turned them off, but not health', async () => {
    const res = await call(closed, 'POST', '/api/v1/status', { body: { codes: [fixtureCode('red')] } });
    expect([res.status, envelopeCode(res.json)]).toEqual([401, 'unauthorized']);
    expect((await call(closed, 'POST', '/api/v1/status', { token: closed.tokens.viewer, body: { codes: [fixtureCode('red')] } })).status).toBe(200);
    const health = await call(closed, 'GET', '/api/v1/health');
    expect([health.status, health.json.anonymousReads]).toEqual([200, false]);
  });

  it('never downgrades a bad or malformed token to anonymous', async () => {
    for (const header of ['Bearer nope', 'Basic abc', 'Bearer ', `Bearer ${open.tokens.viewer}x`]) {
      const res = await call(open, 'GET', '/api/v1/measures', { headers: { authorization: header } });
      expect(res.status).toBe(401);
    }
  });

  it('issues tokens that work with their role, stored only as a hash', async () => {
    const issued = await call(open, 'POST', '/api/v1/admin/tokens', { token: open.tokens.admin, body: { department: '区财政局', role: 'department' } });
    expect(issued.status).toBe(201);
    const fb = await call(open, 'POST', '/api/v1/feedback', { token: issued.json.token, body: feedback('issued-token-1') });
    expect([fb.status, fb.json.feedback.department]).toEqual([201, '区财政局']);
    const rows = await open.repos.db.selectFrom('tokens').select('hash').execute();
    expect(rows.some((r) => r.hash === issued.json.token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });
});
