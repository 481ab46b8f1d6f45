/**
 * The credit office's figures on a data set written out here: checks, hits and feedback with
 * chosen times around National Day 2026 (10-01…10-07 off, Saturday 10-10 worked), so every
 * expected number below can be counted by hand.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentResponseSchema } from '../../../../core/api/assessment-schema.ts';
import type { FeedbackRecord } from '../../../../core/api/feedback-schema.ts';
import { FollowUpResponseSchema } from '../../../../core/api/follow-up-schema.ts';
import { TypicalCaseListSchema } from '../../../../core/api/typical-case-schema.ts';
import type { AuditHit } from '../../../../platform/db/audit-repository.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const A = '区测试甲局';
const B = '+区测试乙局'; // starts like a formula: the exports must defuse it
const PERIOD = 'from=2026-09-21&to=2026-10-16';
const china = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();

let platform: RunningPlatform;
let tokenA: string;
let tokenB: string;
const code = { black: '', red: '', clear: '', multiple: '', individual: '' };

beforeAll(async () => {
  // Judged on 2027-06-15: every hit still open by then is overdue with the default 5 working days;
  // the demo seed's own objections (the six months before that day) stay out of the period.
  platform = await startTestPlatform({ today: '2027-06-15' });
  const { admin } = platform.tokens;
  tokenA = (await call(platform, 'POST', '/api/v1/admin/tokens', { token: admin, body: { department: A, role: 'department' } })).json.token;
  tokenB = (await call(platform, 'POST', '/api/v1/admin/tokens', { token: admin, body: { department: B, role: 'department' } })).json.token;
  Object.assign(code, {
    black: fixtureCode('black'),
    red: fixtureCode('red'),
    clear: fixtureCode('clear'),
    multiple: fixtureCode('black-multiple'),
    individual: fixtureCode('individual-black'),
  });
  const repos = platform.repos;
  const check = async (
    at: string,
    department: string | null,
    endpoint: string,
    codes: string[],
    caseReference: string | null,
    verdicts: Record<string, number>,
    hits: AuditHit[],
  ) => await repos.audit.record({ at, tokenId: null, department, endpoint, codes, purpose: null, ip: '127.0.0.1', verdicts, caseReference, hits });
  await check(china('2026-09-28'), A, 'status', [code.black, code.clear], 'A-1', { black: 1, clear: 1 }, [{ code: code.black, kind: 'black' }]);
  await check(china('2026-09-28', '15:00'), A, 'status', [code.black], 'A-1', { black: 1 }, [{ code: code.black, kind: 'black' }]); // same case: same hit
  await check(china('2026-09-30'), A, 'record', [code.red, code.multiple], 'A-2', { red: 1, black: 1 }, [
    { code: code.red, kind: 'red' },
    { code: code.multiple, kind: 'black' },
  ]);
  await check(china('2026-10-12'), A, 'status', [code.individual], null, { black: 1 }, [{ code: code.individual, kind: 'black' }]);
  await check(china('2026-10-09'), B, 'status', [code.black], 'B-1', { black: 1 }, [{ code: code.black, kind: 'black' }]);
  await check(china('2026-10-15', '11:00'), B, 'status', [code.clear], 'B-2', { clear: 1 }, []);
  await check(china('2026-10-09'), null, 'status', [code.black], null, { black: 1 }, [{ code: code.black, kind: 'black' }]); // anonymous: no department's case
  await check(china('2026-10-17'), A, 'status', [code.black], 'A-9', { black: 1 }, [{ code: code.black, kind: 'black' }]); // after the period
  await check(china('2027-06-14'), A, 'status', [code.black], 'A-10', { black: 1 }, [{ code: code.black, kind: 'black' }]); // the day before judging

  const feedback = async (
    id: string,
    department: string,
    c: string,
    caseReference: string,
    measureId: string,
    receivedAt: string,
    outcome: FeedbackRecord['outcome'] = 'applied',
  ) =>
    await repos.feedback.insert(
      {
        id,
        idempotencyKey: `key-${id}`,
        code: c,
        entryId: null,
        measureId,
        outcome,
        reason: outcome === 'not-applicable' ? '非本部门事项' : null,
        caseReference,
        note: null,
        operator: null,
        department,
        context: 'approval',
        receivedAt,
      },
      `hash-${id}`,
    );
  await feedback('fb-a1', A, code.black, 'A-1', 'P15-6', china('2026-09-29')); // 1.0 day, on time (due 10-10)
  await feedback('fb-a2', A, code.red, 'A-2', 'R11-1', china('2026-10-14')); // 14.0 days, late (due 10-13)
  await feedback('fb-a3', A, code.individual, 'X-0', 'P15-6', china('2026-10-12', '09:00')); // before the caseless check: does not close it
  await feedback('fb-b1', B, code.black, 'B-9', 'P15-6', china('2026-10-10'), 'not-applicable'); // another case: does not close B-1

  const [entry] = (await call(platform, 'POST', '/api/v1/status', { token: admin, body: { codes: [code.multiple] } })).json.results[0].entries;
  const objection = async (id: string, department: string, status: 'pending' | 'upheld' | 'rejected', filedAt: string) =>
    await repos.objections.insert({
      id,
      code: code.multiple,
      entryId: entry.id,
      status,
      reason: '已履行',
      contact: '027-84840000',
      filedAt,
      resolvedAt: status === 'pending' ? null : filedAt,
      resolutionNote: null,
      department,
      previousState: 'active',
      documentNumber: null,
      reference: null,
    });
  await objection('ob-a1', A, 'upheld', china('2026-09-29'));
  await objection('ob-a2', A, 'pending', china('2026-10-16'));
  await objection('ob-b1', B, 'rejected', china('2026-10-10'));
  await objection('ob-b2', B, 'rejected', china('2026-10-20')); // after the period
});
afterAll(() => platform.close());

const get = async (path: string, token = platform.tokens.admin) => {
  const res = await call(platform, 'GET', path, { token });
  expect(res.status, res.text).toBe(200);
  return res;
};
const assessmentCsvCaption = (res: { text: string }) => res.text.replace(/^\ufeff/, '').split('\r\n')[0]!;
const assessment = async (query: string, token?: string) => AssessmentResponseSchema.parse((await get(`/api/v1/assessment?${query}`, token)).json);

const A_FIGURES = {
  rank: 1,
  department: A,
  checks: 4,
  codes: 6,
  hits: 4,
  blackHits: 3,
  redHits: 1,
  closed: 2,
  open: 2,
  overdue: 2,
  closedLate: 1,
  feedbackRate: 0.5,
  medianDaysToFeedback: 7.5,
  objectionsFiled: 2,
  objectionsPending: 1,
  objectionsUpheld: 1,
  objectionsRejected: 0,
  typicalCases: 1,
};
const B_FIGURES = {
  rank: 2,
  department: B,
  checks: 2,
  codes: 2,
  hits: 1,
  blackHits: 1,
  redHits: 0,
  closed: 0,
  open: 1,
  overdue: 1,
  closedLate: 0,
  feedbackRate: 0,
  medianDaysToFeedback: null,
  objectionsFiled: 1,
  objectionsPending: 0,
  objectionsUpheld: 0,
  objectionsRejected: 1,
  typicalCases: 0,
};
const DEMO_DEPARTMENT = {
  rank: 3,
  department: '区市场监管局',
  checks: 0,
  codes: 0,
  hits: 0,
  blackHits: 0,
  redHits: 0,
  closed: 0,
  open: 0,
  overdue: 0,
  closedLate: 0,
  feedbackRate: null,
  medianDaysToFeedback: null,
  objectionsFiled: 0,
  objectionsPending: 0,
  objectionsUpheld: 0,
  objectionsRejected: 0,
  typicalCases: 0,
};

describe('credit office routes', () => {
  beforeAll(async () => {
    const marked = await call(platform, 'POST', '/api/v1/typical-cases', {
      token: platform.tokens.admin,
      body: { feedbackId: 'fb-a1', kind: 'punishment', note: '投标前核查发现失信，依法限制' },
    });
    expect(marked.status, marked.text).toBe(201);
  });

  it('returns the league table of the period with figures counted by hand', async () => {
    const a = await assessment(PERIOD);
    expect(a).toMatchObject({
      from: '2026-09-21',
      to: '2026-10-16',
      department: null,
      workingDays: 5,
      judgedOn: '2027-06-15',
      calendar: { coveredYears: [2025, 2026], covered: true },
    });
    expect(a.departments).toEqual([A_FIGURES, B_FIGURES, DEMO_DEPARTMENT]);
    expect(a.totals).toEqual({
      checks: 6,
      codes: 8,
      hits: 5,
      blackHits: 4,
      redHits: 1,
      closed: 2,
      open: 3,
      overdue: 3,
      closedLate: 1,
      feedbackRate: 0.4,
      medianDaysToFeedback: 7.5,
      objectionsFiled: 3,
      objectionsPending: 1,
      objectionsUpheld: 1,
      objectionsRejected: 1,
      typicalCases: 1,
    });
  });

  it('returns checks and hits per day, every day of the period listed, and the verdict mix of department checks', async () => {
    const a = await assessment(PERIOD);
    expect(a.daily).toHaveLength(26);
    expect(a.daily.filter((d) => d.checks > 0 || d.hits > 0)).toEqual([
      { date: '2026-09-28', checks: 2, hits: 1 },
      { date: '2026-09-30', checks: 1, hits: 2 },
      { date: '2026-10-09', checks: 1, hits: 1 },
      { date: '2026-10-12', checks: 1, hits: 1 },
      { date: '2026-10-15', checks: 1, hits: 0 },
    ]);
    expect(a.verdicts).toEqual({ black: 5, disputed: 0, red: 1, watch: 0, clear: 2, invalid: 0, unknown: 0, pending: 0 });
  });

  it('returns a hit of yesterday as open, and says the 2027 calendar is not covered', async () => {
    // Scoped to A: the demo's own check history also lies in these days.
    const a = await assessment(`from=2027-06-14&to=2027-06-15&department=${encodeURIComponent(A)}`);
    expect(a.totals).toMatchObject({ hits: 1, open: 1, overdue: 0, closed: 0, feedbackRate: 0 });
    expect(a.calendar).toEqual({ coveredYears: [2025, 2026], covered: false });
    expect(assessmentCsvCaption(await get(`/api/v1/assessment.csv?from=2027-06-14&to=2027-06-15&department=${encodeURIComponent(A)}`))).toContain(
      '未收录节假日安排的年份',
    );
  });

  it('returns fewer overdue hits when the deadline is longer', async () => {
    // 20 working days after 09-30 is 11-03: the red feedback of 10-14 is on time then.
    const a = await assessment(`${PERIOD}&workingDays=20`);
    expect(a.totals).toMatchObject({ closed: 2, closedLate: 0, overdue: 3 });
  });

  it('returns every hit with its deadline across National Day and where it stands', async () => {
    const f = FollowUpResponseSchema.parse((await get(`/api/v1/follow-up?${PERIOD}`)).json);
    expect(f.hits.map((h) => [h.department, h.code, h.caseReference, h.checkedOn, h.checks, h.dueOn, h.status, h.late])).toEqual([
      [A, code.black, 'A-1', '2026-09-28', 2, '2026-10-10', 'closed', false],
      [A, code.red, 'A-2', '2026-09-30', 1, '2026-10-13', 'closed', true],
      [A, code.multiple, 'A-2', '2026-09-30', 1, '2026-10-13', 'overdue', false],
      [B, code.black, 'B-1', '2026-10-09', 1, '2026-10-15', 'overdue', false],
      [A, code.individual, null, '2026-10-12', 1, '2026-10-19', 'overdue', false],
    ]);
    const overdue = FollowUpResponseSchema.parse((await get(`/api/v1/follow-up?${PERIOD}&status=overdue`)).json);
    expect(overdue.hits).toHaveLength(3);
  });

  it('returns a department only its own figures and hits, and 403 for another department', async () => {
    const a = await assessment(PERIOD, tokenB);
    expect(a.department).toBe(B);
    expect(a.departments).toEqual([{ ...B_FIGURES, rank: 1 }]);
    const f = FollowUpResponseSchema.parse((await get(`/api/v1/follow-up?${PERIOD}`, tokenA)).json);
    expect(f.hits.every((h) => h.department === A)).toBe(true);
    expect(f.hits).toHaveLength(4);
    const other = await call(platform, 'GET', `/api/v1/assessment?${PERIOD}&department=${encodeURIComponent(B)}`, { token: tokenA });
    expect(other.status).toBe(403);
    expect(envelopeCode(other.json)).toBe('forbidden');
    expect((await call(platform, 'GET', `/api/v1/follow-up?${PERIOD}`)).status).toBe(401);
  });

  it('returns 400 for a deadline outside 1–60 working days or an unknown parameter', async () => {
    for (const q of ['workingDays=0', 'workingDays=61', 'workingDays=abc', 'colour=red']) {
      const res = await call(platform, 'GET', `/api/v1/assessment?${PERIOD}&${q}`, { token: platform.tokens.admin });
      expect(res.status, q).toBe(400);
    }
  });

  it('exports the league table as CSV with Chinese headers and formula-safe cells', async () => {
    const res = await get(`/api/v1/assessment.csv?${PERIOD}`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('creditlens-assessment-2026-09-21-2026-10-16.csv');
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('2026-09-21 至 2026-10-16；反馈时限 5 个工作日');
    expect(lines[1]).toBe(
      '排名,部门,查询次数,查询主体数,命中数,其中黑名单（惩戒）,其中红名单（激励）,已反馈,未反馈,逾期未反馈,逾期后反馈,反馈率,反馈用时中位数（天）,提出异议,异议核实中,异议成立,异议不成立,典型案例',
    );
    expect(lines.slice(2)).toEqual([
      '1,区测试甲局,4,6,4,3,1,2,2,2,1,50%,7.5,2,1,1,0,1',
      "2,'+区测试乙局,2,2,1,1,0,0,1,1,0,0%,,1,0,0,1,0",
      '3,区市场监管局,0,0,0,0,0,0,0,0,0,,,0,0,0,0,0',
      ',合计,6,8,5,4,1,2,3,3,1,40%,7.5,3,1,1,1,1',
    ]);
  });

  it('exports the league table as .xlsx: text as text, rates as numbers in percent format', async () => {
    const res = await fetch(`${platform.url}/api/v1/assessment.xlsx?${PERIOD}`, { headers: { authorization: `Bearer ${platform.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('部门考核')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('部门');
    expect(sheet.getRow(3).values).toEqual([undefined, 1, A, 4, 6, 4, 3, 1, 2, 2, 2, 1, 0.5, 7.5, 2, 1, 1, 0, 1]);
    const b = sheet.getRow(4).getCell(2);
    expect(b.type).toBe(ExcelJS.ValueType.String);
    expect(b.value).toBe("'+区测试乙局");
    expect(sheet.getRow(3).getCell(12).numFmt).toBe('0.0%');
  });
});

describe('typical cases', () => {
  const mark = (body: unknown, token = platform.tokens.admin) => call(platform, 'POST', '/api/v1/typical-cases', { token, body });

  it('returns 409 when the kind does not fit the measure, or the measure was not applied', async () => {
    expect((await mark({ feedbackId: 'fb-a2', kind: 'punishment', note: '奖励措施' })).status).toBe(409); // R11-1 is a reward
    expect((await mark({ feedbackId: 'fb-b1', kind: 'punishment', note: '未实施' })).status).toBe(409);
  });

  it('returns 404 for an unknown feedback, 400 without a note, 403 for a department', async () => {
    expect((await mark({ feedbackId: 'fb-none', kind: 'punishment', note: '无' })).status).toBe(404);
    expect((await mark({ feedbackId: 'fb-a2', kind: 'incentive', note: '   ' })).status).toBe(400);
    expect((await mark({ feedbackId: 'fb-a2', kind: 'incentive', note: '绿色通道' }, tokenA)).status).toBe(403);
    expect((await call(platform, 'GET', '/api/v1/typical-cases', { token: tokenA })).status).toBe(403);
  });

  it('lists typical cases newest first, marking again replaces the note, and exports them as CSV and .xlsx', async () => {
    expect((await mark({ feedbackId: 'fb-a2', kind: 'incentive', note: '红名单企业享受绿色通道' })).status).toBe(201);
    expect((await mark({ feedbackId: 'fb-a2', kind: 'incentive', note: '=红名单企业享受绿色通道，当日办结' })).status).toBe(201);
    const list = TypicalCaseListSchema.parse((await get('/api/v1/typical-cases')).json);
    expect(list.typicalCases.map((t) => [t.feedback.id, t.kind, t.note, t.measureItem])).toEqual([
      ['fb-a2', 'incentive', '=红名单企业享受绿色通道，当日办结', '行政审批“绿色通道”'],
      ['fb-a1', 'punishment', '投标前核查发现失信，依法限制', '从严审核行政许可'],
    ]);
    const csv = (await get('/api/v1/typical-cases.csv')).text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('类型,部门,统一社会信用代码,案件编号,措施编号,措施,实施结果,反馈时间,标记时间,标记人,典型案例说明');
    expect(csv[1]).toMatch(
      new RegExp(
        `^守信激励,区测试甲局,${code.red},A-2,R11-1,行政审批“绿色通道”,已实施,2026-10-14T02:00:00.000Z,[^,]+,demo admin,'=红名单企业享受绿色通道，当日办结$`,
      ),
    );
    const res = await fetch(`${platform.url}/api/v1/typical-cases.xlsx`, { headers: { authorization: `Bearer ${platform.tokens.admin}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('典型案例')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(3).getCell(1).value).toBe('失信惩戒');
  });
});
