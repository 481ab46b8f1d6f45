import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatsResponseSchema } from '../../../../core/api/stats-schema.ts';
import { chinaDate } from '../../../../core/verdict/china-date.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

// Queries and feedback carry the real time, so the period is around the real date.
const today = chinaDate(new Date());
const period = `from=${today}&to=${today}`;
let platform: RunningPlatform;
let oddToken: string;

const feedback = (key: string, measureId: string, outcome: string) => ({
  idempotencyKey: key,
  code: fixtureCode('black'),
  entryId: null,
  measureId,
  outcome,
  reason: outcome === 'not-applicable' ? '非本部门事项' : null,
  caseReference: 'CG-2026-07',
  note: null,
  operator: null,
  context: 'procurement',
});

beforeAll(async () => {
  platform = await startTestPlatform();
  const { department, viewer, admin } = platform.tokens;
  oddToken = (await call(platform, 'POST', '/api/v1/admin/tokens', { token: admin, body: { department: '=HYPERLINK("http://x")', role: 'department' } })).json
    .token;
  const codes = ['black', 'red', 'clear', 'disputed'].map(fixtureCode);
  await call(platform, 'POST', '/api/v1/status', { token: department, body: { codes: [...codes, 'not-a-code'] } }); // 4 looked up, 1 invalid
  await call(platform, 'POST', '/api/v1/status', { token: department, body: { codes: [fixtureCode('black')] } });
  await call(platform, 'POST', '/api/v1/records', {
    token: viewer,
    body: { codes: [fixtureCode('watch'), fixtureCode('black-multiple')], context: 'procurement' },
  });
  await call(platform, 'POST', '/api/v1/status', { body: { codes: [fixtureCode('internal-only')] } }); // anonymous: clear
  await call(platform, 'GET', `/api/v1/subjects/${fixtureCode('red')}`, { token: viewer }); // a subject view is not a check
  for (const [token, body] of [
    [department, feedback('stats-0001', 'P15-3', 'applied')],
    [department, feedback('stats-0002', 'P15-4', 'not-applicable')],
    [department, feedback('stats-0003', 'P15-3', 'exempted')],
    [oddToken, feedback('stats-0004', 'P15-3', 'applied')],
  ] as const) {
    expect((await call(platform, 'POST', '/api/v1/feedback', { token, body })).status).toBe(201);
  }
  const [entry] = (await call(platform, 'POST', '/api/v1/status', { token: admin, body: { codes: [fixtureCode('black-not-repairable')] } })).json.results[0]
    .entries;
  const filed = await call(platform, 'POST', '/api/v1/objections', {
    token: department,
    body: {
      code: fixtureCode('black-not-repairable'),
      entryId: entry.id,
      reason: '已履行全部义务并结清款项',
      contact: '027-84841234',
      documentNumber: entry.documentNumber,
    },
  });
  await call(platform, 'POST', `/api/v1/objections/${filed.json.objection.id}/resolve`, { token: admin, body: { outcome: 'upheld', note: '属实' } });
});
afterAll(() => platform.close());

const stats = async (query: string, token = platform.tokens.admin) => {
  const res = await call(platform, 'GET', `/api/v1/stats?${query}`, { token });
  expect(res.status, res.text).toBe(200);
  expect(StatsResponseSchema.safeParse(res.json).success).toBe(true);
  return res.json;
};

describe('GET /api/v1/stats', () => {
  it('counts check queries and looked-up codes per department (admin: all departments)', async () => {
    const s = await stats(period);
    // department: 2 status queries (4 + 1 codes looked up); viewer: 1 record (2); anonymous: 1 (1); admin: 1 (1)
    expect(s.department).toBeNull();
    expect(s.checks).toMatchObject({ queries: 5, codes: 9, records: 1 });
    expect(s.checks.byDepartment).toEqual(
      expect.arrayContaining([
        { department: '区市场监管局', queries: 2, codes: 5 },
        { department: '区政务服务中心', queries: 1, codes: 2 },
        { department: '匿名', queries: 1, codes: 1 },
      ]),
    );
  });

  it('counts the verdicts found when the queries were answered', async () => {
    const { verdicts } = await stats(period);
    expect(verdicts).toEqual({ black: 4, disputed: 1, red: 1, watch: 1, clear: 2, invalid: 1, unknown: 0, pending: 0 });
  });

  it('counts feedback per department, per measure and per outcome', async () => {
    const { feedback } = await stats(period);
    expect(feedback).toMatchObject({ total: 4, applied: 2, 'not-applicable': 1, exempted: 1 });
    expect(feedback.byDepartment).toEqual(
      expect.arrayContaining([
        { department: '区市场监管局', total: 3, applied: 1, 'not-applicable': 1, exempted: 1 },
        { department: '=HYPERLINK("http://x")', total: 1, applied: 1, 'not-applicable': 0, exempted: 0 },
      ]),
    );
    expect(feedback.byMeasure).toEqual([
      { measureId: 'P15-3', item: '限制参与公共资源交易', total: 3, applied: 2, 'not-applicable': 0, exempted: 1 },
      { measureId: 'P15-4', item: '限制参与特许经营', total: 1, applied: 0, 'not-applicable': 1, exempted: 0 },
    ]);
  });

  it('counts objections filed and resolved', async () => {
    expect((await stats(period)).objections).toEqual({ filed: 1, resolved: 1, upheld: 1, rejected: 0 });
  });

  it('limits other roles to their own department, and admins to one when asked', async () => {
    const own = await stats(period, platform.tokens.department);
    expect(own.department).toBe('区市场监管局');
    expect(own.checks).toMatchObject({ queries: 2, codes: 5, records: 0 });
    expect(own.feedback.total).toBe(3);
    expect(own.objections.filed).toBe(1);
    const viewer = await stats(period, platform.tokens.viewer);
    expect([viewer.department, viewer.checks.records, viewer.feedback.total]).toEqual(['区政务服务中心', 1, 0]);
    const other = await call(platform, 'GET', `/api/v1/stats?${period}&department=${encodeURIComponent('区财政局')}`, { token: platform.tokens.department });
    expect([other.status, envelopeCode(other.json)]).toEqual([403, 'forbidden']);
    const narrowed = await stats(`${period}&department=${encodeURIComponent('区政务服务中心')}`);
    expect(narrowed.checks.queries).toBe(1);
  });

  it('counts nothing outside the period, defaults to the last 30 days, and rejects a period that ends before it starts', async () => {
    const past = await stats('from=2020-01-01&to=2020-12-31');
    expect([past.checks.queries, past.feedback.total, past.objections.filed]).toEqual([0, 0, 0]);
    const byDefault = await stats('');
    expect([byDefault.to, byDefault.checks.queries]).toEqual([today, 5]);
    expect(Date.parse(byDefault.to) - Date.parse(byDefault.from)).toBe(29 * 86_400_000);
    const reversed = await call(platform, 'GET', '/api/v1/stats?from=2026-03-02&to=2026-03-01', { token: platform.tokens.admin });
    expect([reversed.status, envelopeCode(reversed.json)]).toEqual([400, 'bad_request']);
    expect((await call(platform, 'GET', '/api/v1/stats?from=yesterday', { token: platform.tokens.admin })).status).toBe(400);
    expect((await call(platform, 'GET', '/api/v1/stats')).status).toBe(401);
  });
});

describe('GET /api/v1/stats.csv', () => {
  it('exports the same figures as UTF-8 CSV with a BOM and formula-safe cells', async () => {
    const res = await fetch(`${platform.url}/api/v1/stats.csv?${period}`, { headers: { authorization: `Bearer ${platform.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`creditlens-stats-${today}-${today}.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.subarray(3)).trimEnd().split('\r\n');
    expect(rows).toContain('查询 checks,查询次数 queries,,5');
    expect(rows).toContain('核查结论 verdicts,black,黑名单,4');
    expect(rows).toContain('反馈 feedback（措施）,P15-3,限制参与公共资源交易,3,2,0,1');
    expect(rows).toContain(`反馈 feedback（部门）,,"'=HYPERLINK(""http://x"")",1,1,0,0`);
    expect(rows.some((r) => r.includes(',=HYPERLINK'))).toBe(false);
  });
});
