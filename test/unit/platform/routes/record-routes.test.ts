import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordKeySchema, RecordVerificationSchema, SignedCheckRecordSchema, type SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { verifyCheckRecord } from '../../../../core/record/verify-check-record.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, DEMO_SUBJECTS, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

const ROLES = ['black', 'black-and-red', 'red', 'disputed', 'watch', 'expired-stale', 'internal-only', 'clear', 'not-in-db'] as const;
const nameOf = (role: string) => DEMO_SUBJECTS.find((s) => s.role === role)!.name;

async function createRecord(body: Record<string, unknown>, token?: string): Promise<SignedCheckRecord> {
  const res = await call(platform, 'POST', '/api/v1/records', { token, body });
  expect(res.status, res.text).toBe(201);
  expect(SignedCheckRecordSchema.safeParse(res.json).success).toBe(true);
  return res.json;
}

const verify = async (body: unknown) => {
  const res = await call(platform, 'POST', '/api/v1/records/verify', { body });
  expect(res.status).toBe(200);
  expect(RecordVerificationSchema.safeParse(res.json).success).toBe(true);
  return res.json;
};

describe('GET /.well-known/creditlens-record-key', () => {
  it('publishes the Ed25519 public key without a token, readable from any origin', async () => {
    const res = await call(platform, 'GET', '/.well-known/creditlens-record-key', { headers: { origin: 'https://oa.example.gov.cn' } });
    expect(res.status).toBe(200);
    expect(RecordKeySchema.safeParse(res.json).success).toBe(true);
    expect(res.json.keyId).toMatch(/^clk-[0-9a-f]{16}$/);
    expect(Buffer.from(res.json.publicKey, 'base64')).toHaveLength(32);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('POST /api/v1/records', () => {
  let signed: SignedCheckRecord;
  beforeAll(async () => {
    signed = await createRecord(
      {
        codes: ROLES.map(fixtureCode),
        context: 'procurement',
        caseReference: '汉阳区政府采购〔2026〕12号',
        pageNames: { [fixtureCode('black')]: '武汉市汉阳区德信园林绿化有限公司', [fixtureCode('red')]: `${nameOf('red')}（联合体牵头人）` },
        source: { url: 'https://ggzy.example.gov.cn/bid/12', title: '评标页' },
      },
      platform.tokens.department,
    );
  });

  it('gives every demo code the verdict demo-subjects.json expects, with its registered name', () => {
    expect(signed.record.items.map((i) => [i.code, i.verdict, i.registeredName])).toEqual(
      ROLES.map((role) => [fixtureCode(role), DEMO_SUBJECTS.find((s) => s.role === role)!.expectedVerdict, role === 'not-in-db' ? null : nameOf(role)]),
    );
    expect(signed.record.items.find((i) => i.code === fixtureCode('not-in-db'))).toMatchObject({ found: false, entries: [], measures: [] });
    expect(signed.record.items[0]!.reason).toBe('该主体有有效的黑名单记录，适用联合惩戒措施。');
  });

  it('compares page names with registered names: a changed word is a mismatch, a qualifier is not, no page name is null', () => {
    const byCode = new Map(signed.record.items.map((i) => [i.code, i]));
    expect(byCode.get(fixtureCode('black'))).toMatchObject({ pageName: '武汉市汉阳区德信园林绿化有限公司', nameMatches: false });
    expect(byCode.get(fixtureCode('red'))!.nameMatches).toBe(true);
    expect(byCode.get(fixtureCode('clear'))).toMatchObject({ pageName: null, nameMatches: null });
  });

  it('lists the measures of the procurement context, suspended where an objection or a black entry says so', () => {
    const measures = (role: string) => signed.record.items.find((i) => i.code === fixtureCode(role))!.measures;
    const ids = (role: string) => measures(role).map((m) => m.id);
    expect(ids('black')).toEqual(expect.arrayContaining(['P15-3', 'P15-4', 'P16-1']));
    expect(ids('black')).not.toContain('P15-7'); // approval only
    expect(ids('black')).not.toContain('R12-2');
    expect(ids('red')).toContain('R12-2');
    expect(ids('red')).not.toContain('R11-1'); // approval and licensing only
    expect(measures('disputed').every((m) => m.suspended)).toBe(true);
    expect(measures('black-and-red').find((m) => m.id === 'R12-2')).toMatchObject({ suspended: true });
    expect(measures('black-and-red').find((m) => m.id === 'P15-3')).toMatchObject({ suspended: false });
    expect(ids('watch')).toEqual([]);
    expect(signed.record.items.find((i) => i.code === fixtureCode('expired-stale'))!.entries).toEqual([]);
  });

  it('fills who, where and when: operator from the token label, department from the token, the answer stamp', async () => {
    const health = (await call(platform, 'GET', '/api/v1/health')).json;
    expect(signed.record).toMatchObject({
      version: 1,
      context: 'procurement',
      caseReference: '汉阳区政府采购〔2026〕12号',
      operator: 'demo department',
      department: '区市场监管局',
      source: { url: 'https://ggzy.example.gov.cn/bid/12', title: '评标页' },
      dataVersion: health.dataVersion,
    });
    expect(signed.record.recordId).toMatch(/^[0-9a-f-]{36}$/);
    const named = await createRecord({ codes: [fixtureCode('clear')], context: 'general', operator: '王科员' }, platform.tokens.viewer);
    expect([named.record.operator, named.record.department, named.record.caseReference]).toEqual(['王科员', '区政务服务中心', null]);
    expect(named.record.recordId).not.toBe(signed.record.recordId);
  });

  it('is signed with the published key: it verifies locally and on the platform', async () => {
    const key = (await call(platform, 'GET', '/.well-known/creditlens-record-key')).json;
    expect(signed.signature.keyId).toBe(key.keyId);
    expect((await verifyCheckRecord(signed, key, webcrypto.subtle as unknown as SubtleCrypto)).valid).toBe(true);
    expect(await verify(signed)).toMatchObject({
      valid: true,
      reason: 'ok',
      recordId: signed.record.recordId,
      issuedAt: signed.record.issuedAt,
      keyId: key.keyId,
    });
  });

  it('fails verification with a clear message when one character is changed', async () => {
    const tampered = structuredClone(signed);
    tampered.record.items[0]!.registeredName = tampered.record.items[0]!.registeredName!.replace('德信', '德新');
    const v = await verify(tampered);
    expect(v).toMatchObject({ valid: false, reason: 'bad-signature', recordId: signed.record.recordId });
    expect(v.message).toContain('记录内容已被修改');
    expect(v.message).toContain('the record was changed after signing');
    const verdictChanged = structuredClone(signed);
    verdictChanged.record.items[0]!.verdict = 'clear';
    expect((await verify(verdictChanged)).valid).toBe(false);
  });

  it('says what is wrong with a record of another key or not a record at all', async () => {
    expect(await verify({ ...signed, signature: { ...signed.signature, keyId: 'clk-0000000000000000' } })).toMatchObject({
      valid: false,
      reason: 'unknown-key',
    });
    expect(await verify({ hello: 'world' })).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('answers anonymous callers from public data only, department 匿名', async () => {
    const anonymous = await createRecord({ codes: [fixtureCode('internal-only'), fixtureCode('black')], context: 'procurement' });
    expect(anonymous.record.department).toBe('匿名');
    expect(anonymous.record.operator).toBeNull();
    expect(anonymous.record.items.map((i) => i.verdict)).toEqual(['clear', 'black']);
    expect(anonymous.record.items[1]!.entries[0]!.persons[0]!.name).toMatch(/^.\*+$/u);
  });

  it('audit-logs the record like a status query, purpose record', async () => {
    await createRecord({ codes: [fixtureCode('watch'), 'not-a-code'], context: 'approval' }, platform.tokens.department);
    const audit = await call(platform, 'GET', '/api/v1/admin/audit?limit=1', { token: platform.tokens.admin });
    expect(audit.json.records[0]).toMatchObject({ endpoint: 'record', purpose: 'record', department: '区市场监管局', codes: [fixtureCode('watch')] });
  });

  it('rejects junk: no codes, an unknown context, more than 500 codes, a wrong token', async () => {
    const none = await call(platform, 'POST', '/api/v1/records', { body: { codes: [], context: 'procurement' } });
    expect([none.status, envelopeCode(none.json)]).toEqual([400, 'bad_request']);
    const context = await call(platform, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('red')], context: 'shopping' } });
    expect(context.status).toBe(400);
    const many = await call(platform, 'POST', '/api/v1/records', {
      body: { codes: Array.from({ length: 501 }, () => fixtureCode('red')), context: 'general' },
    });
    expect(envelopeCode(many.json)).toBe('too_many_codes');
    const bad = await call(platform, 'POST', '/api/v1/records', { token: 'wrong-token-123', body: { codes: [fixtureCode('red')], context: 'general' } });
    expect(bad.status).toBe(401);
  });

  it('needs a viewer token when anonymous reads are off', async () => {
    const closed = await startTestPlatform({ anonymousReads: false, seed: { subjects: 30 } });
    try {
      expect((await call(closed, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('red')], context: 'general' } })).status).toBe(401);
      expect(
        (await call(closed, 'POST', '/api/v1/records', { token: closed.tokens.viewer, body: { codes: [fixtureCode('red')], context: 'general' } })).status,
      ).toBe(201);
      expect((await call(closed, 'POST', '/api/v1/records/verify', { body: { hello: 1 } })).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('records of 500 codes', () => {
  it('verifies and converts a record larger than the usual 64 KiB body limit', async () => {
    const codes = [...new Set(DEMO_SUBJECTS.map((s) => s.code))].slice(0, 500);
    const big = await createRecord({ codes, context: 'general' }, platform.tokens.admin);
    const body = JSON.stringify(big);
    expect(body.length).toBeGreaterThan(64 * 1024);
    expect((await verify(big)).valid).toBe(true);
    const csv = await call(platform, 'POST', '/api/v1/records/csv', { raw: body, headers: { 'content-type': 'application/json' } });
    expect(csv.status).toBe(200);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(codes.length + 1);
    const status = await call(platform, 'POST', '/api/v1/status', {
      raw: JSON.stringify({ codes: ['x'], purpose: 'p'.repeat(70 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(status.status).toBe(413);
  });
});

describe('POST /api/v1/records/csv', () => {
  it('turns a verified record into CSV with a BOM, and refuses a changed one', async () => {
    const signed = await createRecord(
      { codes: [fixtureCode('black'), fixtureCode('red')], context: 'procurement', caseReference: '=HYPERLINK("x")' },
      platform.tokens.department,
    );
    const csv = await call(platform, 'POST', '/api/v1/records/csv', { body: signed });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`creditlens-record-${signed.record.recordId}.csv`);
    expect(csv.text.startsWith('序号,统一社会信用代码')).toBe(true);
    const raw = await fetch(`${platform.url}/api/v1/records/csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // fetch's text() hides the BOM
    expect(csv.text).toContain(`'=HYPERLINK(""x"")`);
    const tampered = structuredClone(signed);
    tampered.record.department = '区财政局';
    const refused = await call(platform, 'POST', '/api/v1/records/csv', { body: tampered });
    expect([refused.status, envelopeCode(refused.json)]).toEqual([400, 'bad_request']);
    expect(refused.json.error.message).toContain('记录内容已被修改');
  });
});
