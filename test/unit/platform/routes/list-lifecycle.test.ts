import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesResponseSchema } from '../../../../core/api/changes-schema.ts';
import { FeedbackResponseSchema } from '../../../../core/api/feedback-schema.ts';
import { ObjectionResponseSchema } from '../../../../core/api/objection-schema.ts';
import { SubjectDetailsSchema } from '../../../../core/api/subject-details-schema.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

const entriesOf = async (code: string) =>
  (await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes: [code] } })).json.results[0].entries;
const latestCursor = async () => (await call(platform, 'GET', '/api/v1/health')).json.dataVersion as number;

describe('feedback', () => {
  const body = {
    idempotencyKey: 'case-2026-0001-P15-3',
    code: fixtureCode('black'),
    entryId: 'e0000001-1',
    measureId: 'P15-3',
    outcome: 'applied',
    reason: null,
    caseReference: '汉阳区政府采购〔2026〕12号',
    note: '已拒绝其投标',
    operator: '王科员',
    context: 'procurement',
  };

  it('stores a key once: 201 then 200 duplicate with the same record', async () => {
    const first = await call(platform, 'POST', '/api/v1/feedback', { token: platform.tokens.department, body });
    const second = await call(platform, 'POST', '/api/v1/feedback', { token: platform.tokens.department, body });
    expect([first.status, first.json.duplicate, second.status, second.json.duplicate]).toEqual([201, false, 200, true]);
    expect(FeedbackResponseSchema.safeParse(second.json).success).toBe(true);
    expect(second.json.feedback).toEqual(first.json.feedback);
    expect(await platform.repos.db.selectFrom('feedback').select('id').where('idempotency_key', '=', body.idempotencyKey).execute()).toHaveLength(1);
  });

  it('answers the same key with a different body 409 conflict', async () => {
    const res = await call(platform, 'POST', '/api/v1/feedback', { token: platform.tokens.department, body: { ...body, note: '改了' } });
    expect([res.status, envelopeCode(res.json)]).toEqual([409, 'conflict']);
  });

  it('requires a reason for not-applicable and a measure of the catalogue', async () => {
    const noReason = await call(platform, 'POST', '/api/v1/feedback', {
      token: platform.tokens.department,
      body: { ...body, idempotencyKey: 'case-x-not-applicable', outcome: 'not-applicable' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.issues[0].path).toBe('reason');
    const unknown = await call(platform, 'POST', '/api/v1/feedback', {
      token: platform.tokens.department,
      body: { ...body, idempotencyKey: 'case-x-unknown-measure', measureId: 'P99-9' },
    });
    expect([unknown.status, unknown.json.error.issues[0].path]).toEqual([400, 'measureId']);
  });
});

describe('objections', () => {
  it('turns the entry disputed at once; rejected brings it back to active', async () => {
    const code = fixtureCode('black-not-repairable');
    const [entry] = await entriesOf(code);
    const before = await latestCursor();
    const filed = await call(platform, 'POST', '/api/v1/objections', {
      token: platform.tokens.department,
      body: { code, entryId: entry.id, reason: '相关款项已于列入前全部结清', contact: '027-84841234', documentNumber: entry.documentNumber },
    });
    expect(filed.status).toBe(201);
    expect(ObjectionResponseSchema.safeParse(filed.json).success).toBe(true);
    expect(filed.json.entryState).toBe('disputed');
    expect((await entriesOf(code))[0]).toMatchObject({ state: 'disputed', objection: { id: filed.json.objection.id, status: 'pending' } });
    const again = await call(platform, 'POST', '/api/v1/objections', {
      token: platform.tokens.department,
      body: { code, entryId: entry.id, reason: '再次提出异议，理由同前一件', contact: 'legal@example.cn', documentNumber: entry.documentNumber },
    });
    expect(again.status).toBe(409);

    const resolved = await call(platform, 'POST', `/api/v1/objections/${filed.json.objection.id}/resolve`, {
      token: platform.tokens.admin,
      body: { outcome: 'rejected', note: '核实无误' },
    });
    expect([resolved.status, resolved.json.entryState, resolved.json.objection.status]).toEqual([200, 'active', 'rejected']);
    expect((await entriesOf(code))[0].state).toBe('active');
    const twice = await call(platform, 'POST', `/api/v1/objections/${filed.json.objection.id}/resolve`, {
      token: platform.tokens.admin,
      body: { outcome: 'upheld' },
    });
    expect([twice.status, envelopeCode(twice.json)]).toEqual([409, 'conflict']);

    const changes = await call(platform, 'GET', `/api/v1/changes?since=${before}`);
    expect(changes.json.changes.map((c: { code: string; kind: string }) => [c.code, c.kind])).toEqual([
      [code, 'disputed'],
      [code, 'resolved'],
    ]);
  });

  it('revokes the entry when upheld, and records the history', async () => {
    const code = fixtureCode('individual-black');
    const [entry] = await entriesOf(code);
    const filed = await call(platform, 'POST', '/api/v1/objections', {
      token: platform.tokens.department,
      body: { code, entryId: entry.id, reason: '认定所依据的事实有误，已提交证明', contact: '027-84845678', reference: '汉市监复〔2026〕3号' },
    });
    const resolved = await call(platform, 'POST', `/api/v1/objections/${filed.json.objection.id}/resolve`, {
      token: platform.tokens.admin,
      body: { outcome: 'upheld' },
    });
    expect(resolved.json.entryState).toBe('revoked');
    const details = await call(platform, 'GET', `/api/v1/subjects/${code}`, { token: platform.tokens.viewer });
    expect(SubjectDetailsSchema.safeParse(details.json).success).toBe(true);
    expect(details.json.history.map((h: { kind: string }) => h.kind)).toEqual(['listed', 'disputed', 'objection-upheld', 'revoked']);
  });

  it('answers an entry of another subject 404', async () => {
    const res = await call(platform, 'POST', '/api/v1/objections', {
      token: platform.tokens.department,
      body: { code: fixtureCode('red'), entryId: 'e0000001-1', reason: '认定所依据的事实有误，已提交证明', contact: '027-84845678', reference: '证明材料' },
    });
    expect([res.status, envelopeCode(res.json)]).toEqual([404, 'not_found']);
  });
});

describe('admin entries and the changes feed', () => {
  it('lists a new subject, then exits it into monitoring; every change has a growing cursor and dataVersion follows', async () => {
    const code = fixtureCode('not-in-db');
    const before = await latestCursor();
    const added = await call(platform, 'POST', '/api/v1/admin/entries', {
      token: platform.tokens.admin,
      body: {
        code,
        subjectName: '武汉市汉阳区测试有限公司',
        list: 'black',
        category: '围标串标',
        facts: '串通投标',
        legalBasis: '《招标投标法》第五十三条',
        documentNumber: '汉住罚〔2026〕1号',
        validUntil: '2028-01-01',
      },
    });
    expect(added.status).toBe(201);
    expect((await call(platform, 'POST', '/api/v1/status', { body: { codes: [code] } })).json.results[0]).toMatchObject({
      found: true,
      entries: [{ state: 'active', list: 'black' }],
    });

    const exited = await call(platform, 'POST', `/api/v1/admin/entries/${added.json.entry.id}/exit`, {
      token: platform.tokens.admin,
      body: { reason: '已整改', monitoringUntil: '2027-01-01' },
    });
    expect(exited.json.entry).toMatchObject({ state: 'exited', monitoringUntil: '2027-01-01', exit: { reason: '已整改' } });
    const again = await call(platform, 'POST', `/api/v1/admin/entries/${added.json.entry.id}/exit`, { token: platform.tokens.admin, body: { reason: '再次' } });
    expect(again.status).toBe(409);

    const feed = await call(platform, 'GET', `/api/v1/changes?since=${before}`);
    expect(ChangesResponseSchema.safeParse(feed.json).success).toBe(true);
    expect(feed.json.changes.map((c: { code: string; kind: string }) => [c.code, c.kind])).toEqual([
      [code, 'listed'],
      [code, 'exited'],
    ]);
    expect(feed.json.changes[1].cursor).toBeGreaterThan(feed.json.changes[0].cursor);
    expect(feed.json.cursor).toBe(feed.json.dataVersion);
    expect(await latestCursor()).toBe(before + 2);
  });

  it('pages the feed with hasMore and a cursor that continues where it stopped', async () => {
    const first = await call(platform, 'GET', '/api/v1/changes?since=0&limit=100');
    expect([first.json.changes.length, first.json.hasMore, first.json.cursor]).toEqual([100, true, 100]);
    const next = await call(platform, 'GET', `/api/v1/changes?since=${first.json.cursor}&limit=5`);
    expect(next.json.changes.map((c: { cursor: number }) => c.cursor)).toEqual([101, 102, 103, 104, 105]);
    const end = await call(platform, 'GET', `/api/v1/changes?since=${first.json.dataVersion}`);
    expect([end.json.changes.length, end.json.hasMore, end.json.cursor]).toEqual([0, false, first.json.dataVersion]);
  });
});
