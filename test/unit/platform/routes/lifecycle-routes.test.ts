import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectionQueueResponseSchema } from '../../../../core/api/objection-schema.ts';
import { RepairResponseSchema } from '../../../../core/api/repair-response-schema.ts';
import { StatusResponseSchema } from '../../../../core/api/status-schema.ts';
import { SubjectDetailsSchema } from '../../../../core/api/subject-details-schema.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
let courtToken: string;
let labourToken: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  const token = async (department: string) =>
    (await call(platform, 'POST', '/api/v1/admin/tokens', { token: platform.tokens.admin, body: { department, role: 'department' } })).json.token as string;
  courtToken = await token('区人民法院');
  labourToken = await token('区人社局');
});
afterAll(() => platform.close());

type Entry = {
  id: string;
  category: string;
  documentNumber: string | null;
  state: string;
  persons: { name: string; idNumber: string | null }[];
  repair?: { status: string };
};
const status = async (code: string, token?: string, purpose?: string) => {
  const res = await call(platform, 'POST', '/api/v1/status', { token, body: { codes: [code], ...(purpose ? { purpose } : {}) } });
  expect(StatusResponseSchema.safeParse(res.json).success, res.text).toBe(true);
  return res.json.results[0] as { entries: Entry[]; subject: { legalRepresentative: string | null } };
};
const entriesOf = async (code: string) => (await status(code, platform.tokens.admin)).entries;
const objection = (code: string, entry: Entry, over: Record<string, unknown> = {}) =>
  call(platform, 'POST', '/api/v1/objections', {
    token: platform.tokens.department,
    body: { code, entryId: entry.id, reason: '相关款项已于列入前全部结清', contact: '027-84841234', documentNumber: entry.documentNumber, ...over },
  });
const resolve = (id: string, outcome: 'upheld' | 'rejected') =>
  call(platform, 'POST', `/api/v1/objections/${id}/resolve`, { token: platform.tokens.admin, body: { outcome } });

describe('POST /api/v1/objections (issue 10, finding 2)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a one-character reason', { reason: '.' }, 'reason'],
    ['a reason that is mostly spaces', { reason: '有      误    。' }, 'reason'],
    ['a contact that is no phone or email', { contact: 'x' }, 'contact'],
    ['neither the document number nor a reference', { documentNumber: undefined }, 'reference'],
    ['the document number of another entry', { documentNumber: '汉财采罚〔2017〕1号' }, 'documentNumber'],
  ])('refuses %s with 400 and the field, and suspends nothing', async (_case, over, path) => {
    const code = fixtureCode('black');
    const [entry] = await entriesOf(code);
    const res = await objection(code, entry!, over);
    expect([res.status, envelopeCode(res.json), res.json.error.issues?.[0]?.path]).toEqual([400, 'bad_request', path]);
    expect((await entriesOf(code))[0]!.state).toBe('active');
  });

  it('accepts a reference instead of the document number, and an email as the contact', async () => {
    const code = fixtureCode('black-and-red');
    const black = (await entriesOf(code)).find((e) => e.category === '重大税收违法失信主体')!;
    const res = await objection(code, black, { documentNumber: undefined, reference: '汉税复〔2026〕3号复议决定书', contact: 'fawu@example.cn' });
    expect([res.status, res.json.entryState]).toEqual([201, 'disputed']);
    expect((await resolve(res.json.objection.id, 'rejected')).status).toBe(200);
  });

  it('limits objections for one subject to 3 in 24 hours (429), and writes each filing and resolution to the audit log', async () => {
    const code = fixtureCode('black-multiple');
    const entries = (await entriesOf(code)).filter((e) => e.state === 'active');
    for (let i = 0; i < 3; i++) {
      const filed = await objection(code, entries[i % entries.length]!);
      expect(filed.status).toBe(201);
      expect((await resolve(filed.json.objection.id, 'rejected')).status).toBe(200);
    }
    const fourth = await objection(code, entries[0]!);
    expect([fourth.status, envelopeCode(fourth.json)]).toEqual([429, 'rate_limited']);
    const audit = (await call(platform, 'GET', '/api/v1/admin/audit?limit=50', { token: platform.tokens.admin })).json.records as {
      endpoint: string;
      codes: string[];
    }[];
    const mine = audit.filter((r) => r.codes.includes(code)).map((r) => r.endpoint);
    expect(mine.filter((e) => e === 'objection')).toHaveLength(3);
    expect(mine.filter((e) => e === 'objection-resolve')).toHaveLength(3);
  });
});

describe('GET /api/v1/admin/objections', () => {
  it('lists pending objections oldest first with their age, for admins only', async () => {
    const res = await call(platform, 'GET', '/api/v1/admin/objections', { token: platform.tokens.admin });
    expect(ObjectionQueueResponseSchema.safeParse(res.json).success, res.text).toBe(true);
    const queue = res.json.objections as { code: string; ageSeconds: number; filedAt: string; status: string }[];
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.map((o) => o.filedAt)).toEqual([...queue.map((o) => o.filedAt)].sort());
    expect(new Set(queue.map((o) => o.status))).toEqual(new Set(['pending']));
    const disputed = queue.find((o) => o.code === fixtureCode('disputed'))!;
    expect(disputed.ageSeconds).toBeGreaterThan(86_400);
    const resolved = await call(platform, 'GET', '/api/v1/admin/objections?status=upheld', { token: platform.tokens.admin });
    expect(resolved.json.objections.some((o: { code: string }) => o.code === fixtureCode('revoked-only'))).toBe(true);
  });

  it.each([
    ['department', 403],
    ['viewer', 403],
    ['anonymous', 401],
  ] as const)('answers %s %i', async (who, code) => {
    const token = who === 'anonymous' ? undefined : platform.tokens[who];
    expect((await call(platform, 'GET', '/api/v1/admin/objections', { token })).status).toBe(code);
  });
});

describe('/admin/objections page', () => {
  const post = (token: string) =>
    call(platform, 'POST', '/admin/objections', {
      raw: new URLSearchParams({ token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('asks for the admin token, and shows the queue with ages only to an admin', async () => {
    const form = await call(platform, 'GET', '/admin/objections');
    expect([form.status, form.text.includes('name="token"'), form.text.includes(fixtureCode('disputed'))]).toEqual([200, true, false]);
    const page = await post(platform.tokens.admin);
    expect(page.status).toBe(200);
    expect(page.text).toContain(fixtureCode('disputed'));
    expect(page.text).toMatch(/已等待/);
    expect(page.text).toMatch(/\d+天/);
  });

  it.each([
    ['a department token', 'department', 403],
    ['no valid token', 'nonsense-token-x', 401],
  ] as const)('refuses %s', async (_case, token, code) => {
    const res = await post(token === 'department' ? platform.tokens.department : token);
    expect(res.status).toBe(code);
    expect(res.text).not.toContain(fixtureCode('disputed'));
  });
});

describe('credit repair routes (section (二十六))', () => {
  const apply = (code: string, entryId: string, token = platform.tokens.department) =>
    call(platform, 'POST', '/api/v1/repairs', {
      token,
      body: { code, entryId, materials: '已足额支付全部拖欠工资并作出信用承诺', reference: '支付凭证 2026-001' },
    });

  it('files an application the status answer shows as pending; the identifying department approves it into monitoring', async () => {
    const code = fixtureCode('black-multiple');
    const entry = (await entriesOf(code)).find((e) => e.category === '拖欠农民工工资失信联合惩戒对象')!;
    const filed = await apply(code, entry.id);
    expect(filed.status, filed.text).toBe(201);
    expect(RepairResponseSchema.safeParse(filed.json).success).toBe(true);
    expect((await entriesOf(code)).find((e) => e.id === entry.id)).toMatchObject({ state: 'active', repair: { status: 'pending' } });
    expect((await apply(code, entry.id)).status).toBe(409);

    const decide = (token: string, body: Record<string, unknown>) => call(platform, 'POST', `/api/v1/repairs/${filed.json.repair.id}/decide`, { token, body });
    expect((await decide(platform.tokens.department, { outcome: 'approved', monitoringUntil: '2027-03-15' })).status).toBe(403);
    const noMonitoring = await decide(labourToken, { outcome: 'approved' });
    expect([noMonitoring.status, noMonitoring.json.error.issues[0].path]).toEqual([400, 'monitoringUntil']);
    const approved = await decide(labourToken, { outcome: 'approved', monitoringUntil: '2027-03-15', note: '材料齐全' });
    expect([approved.status, approved.json.entryState, approved.json.repair.status]).toEqual([200, 'exited', 'approved']);
    expect((await entriesOf(code)).find((e) => e.id === entry.id)).toMatchObject({
      state: 'exited',
      monitoringUntil: '2027-03-15',
      repair: { status: 'approved' },
    });
    const history = (await call(platform, 'GET', `/api/v1/subjects/${code}`, { token: platform.tokens.viewer })).json.history.map(
      (h: { kind: string }) => h.kind,
    );
    expect(history.slice(-3)).toEqual(['repair-filed', 'repair-approved', 'exited']);
  });

  it('lets the identifying department refuse an application: the entry stays listed', async () => {
    const code = fixtureCode('black');
    const [entry] = await entriesOf(code);
    const filed = await apply(code, entry!.id);
    const refused = await call(platform, 'POST', `/api/v1/repairs/${filed.json.repair.id}/decide`, {
      token: courtToken,
      body: { outcome: 'refused', note: '尚未履行' },
    });
    expect([refused.status, refused.json.entryState, refused.json.repair.status]).toEqual([200, 'active', 'refused']);
  });

  it.each([
    ['black-not-repairable', /非法集资 cannot be repaired/],
    ['red', /only black-list entries/],
  ] as const)('refuses %s with 409 and the reason', async (role, message) => {
    const code = fixtureCode(role);
    const [entry] = await entriesOf(code);
    const res = await apply(code, entry!.id);
    expect([res.status, envelopeCode(res.json)]).toEqual([409, 'conflict']);
    expect(res.json.error.message).toMatch(message);
  });

  it('needs the department role', async () => {
    const code = fixtureCode('black');
    const [entry] = await entriesOf(code);
    expect((await apply(code, entry!.id, platform.tokens.viewer)).status).toBe(403);
  });
});

describe('admin exits (section (二十))', () => {
  it('refuses a black exit without a monitoring end (400 monitoringUntil), and keeps an exit when an objection filed before it is rejected', async () => {
    const code = fixtureCode('individual-black');
    const [entry] = await entriesOf(code);
    const bare = await call(platform, 'POST', `/api/v1/admin/entries/${entry!.id}/exit`, { token: platform.tokens.admin, body: { reason: '已整改' } });
    expect([bare.status, bare.json.error.issues[0].path]).toEqual([400, 'monitoringUntil']);
    const filed = await objection(code, entry!);
    const exited = await call(platform, 'POST', `/api/v1/admin/entries/${entry!.id}/exit`, {
      token: platform.tokens.admin,
      body: { reason: '已整改', monitoringUntil: '2027-01-01' },
    });
    expect(exited.json.entry).toMatchObject({ state: 'exited', objection: { status: 'pending' } });
    expect((await resolve(filed.json.objection.id, 'rejected')).json.entryState).toBe('exited');
    expect((await entriesOf(code))[0]).toMatchObject({ state: 'exited', monitoringUntil: '2027-01-01' });
  });
});

describe('personal data by role (sections (八), (二十七); issue 10, finding 9)', () => {
  const FULL_ID = /^\d{17}[\dX]$/;
  const MASKED_ID = /^4201\*{10}[0-9X]{4}$/;
  const MASKED_NAME = /^.\*+$/u;
  it.each<[string, 'viewer' | 'department' | 'admin' | null, string | undefined, boolean, RegExp]>([
    ['anonymous', null, undefined, true, MASKED_ID],
    ['viewer', 'viewer', undefined, true, MASKED_ID],
    ['viewer with a purpose', 'viewer', '汉阳区政府采购〔2026〕12号', true, MASKED_ID],
    ['department without a purpose', 'department', undefined, false, MASKED_ID],
    ['department with a purpose', 'department', '汉阳区政府采购〔2026〕12号', false, FULL_ID],
    ['admin', 'admin', undefined, false, FULL_ID],
  ])('gives %s names masked=%s and ID numbers %s in /status and /subjects', async (_who, role, purpose, namesMasked, id) => {
    const code = fixtureCode('black');
    const token = role ? platform.tokens[role] : undefined;
    const result = await status(code, token, purpose);
    const details = (await call(platform, 'GET', `/api/v1/subjects/${code}${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ''}`, { token })).json;
    expect(SubjectDetailsSchema.safeParse(details).success).toBe(true);
    for (const person of [result.entries[0]!.persons[0]!, details.entries[0].persons[0]]) {
      expect(MASKED_NAME.test(person.name)).toBe(namesMasked);
      expect(person.idNumber).toMatch(id);
    }
    expect(MASKED_NAME.test(result.subject.legalRepresentative!)).toBe(namesMasked);
  });

  it('keeps the stated purpose in the audit log', async () => {
    await status(fixtureCode('black'), platform.tokens.department, '审批事项 SP-2026-0042');
    await call(platform, 'GET', `/api/v1/subjects/${fixtureCode('black')}?purpose=${encodeURIComponent('审批事项 SP-2026-0043')}`, {
      token: platform.tokens.department,
    });
    const records = (await call(platform, 'GET', '/api/v1/admin/audit?limit=5', { token: platform.tokens.admin })).json.records as {
      endpoint: string;
      purpose: string | null;
    }[];
    expect(records.slice(0, 2).map((r) => [r.endpoint, r.purpose])).toEqual([
      ['subject', '审批事项 SP-2026-0043'],
      ['status', '审批事项 SP-2026-0042'],
    ]);
  });

  it('masks persons inside a viewer’s signed check record', async () => {
    const res = await call(platform, 'POST', '/api/v1/records', {
      token: platform.tokens.viewer,
      body: { codes: [fixtureCode('black')], context: 'procurement' },
    });
    expect(res.status).toBe(201);
    const person = res.json.record.items[0].entries[0].persons[0];
    expect([MASKED_NAME.test(person.name), MASKED_ID.test(person.idNumber)]).toEqual([true, true]);
  });
});

describe('publication period (section (二十五))', () => {
  it('never shows a revoked entry to anonymous callers, but shows signed-in callers the history', async () => {
    const code = fixtureCode('revoked-only');
    expect((await status(code)).entries).toEqual([]);
    expect((await status(code, platform.tokens.viewer)).entries.map((e) => e.state)).toEqual(['revoked']);
    const page = await call(platform, 'GET', `/subjects/${code}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('失信被执行人');
    expect(page.text).not.toContain('撤销');
  });

  it('shows an entry listed for a later day to signed-in callers only, until its listing date', async () => {
    const code = fixtureCode('institution-clear');
    const added = await call(platform, 'POST', '/api/v1/admin/entries', {
      token: platform.tokens.admin,
      body: {
        code,
        list: 'black',
        category: '社会组织严重违法失信',
        facts: '弄虚作假',
        legalBasis: '民政部令第60号',
        documentNumber: '汉民罚〔2026〕9号',
        listedOn: '2026-04-01',
        validUntil: '2028-04-01',
      },
    });
    expect(added.status).toBe(201);
    expect((await status(code)).entries).toEqual([]);
    expect((await status(code, platform.tokens.viewer)).entries.map((e) => e.id)).toEqual([added.json.entry.id]);
    expect(TODAY < '2026-04-01').toBe(true);
  });

  it('shows an exited black entry in its monitoring period to anonymous callers, and not once monitoring is over', async () => {
    expect((await status(fixtureCode('watch'))).entries.map((e) => e.state)).toEqual(['exited']);
    expect((await status(fixtureCode('exited-past-monitoring'))).entries).toEqual([]);
  });
});
