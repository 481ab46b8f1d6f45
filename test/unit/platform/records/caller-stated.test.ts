import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { base64ToBytes } from '../../../../core/record/base64.ts';
import { signCheckRecord } from '../../../../core/record/sign-check-record.ts';
import { platformSubtle } from '../../../../platform/records/platform-subtle.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seed: { subjects: 30 } });
});
afterAll(() => platform.close());

const black = fixtureCode('black');
const createRecord = async (body: Record<string, unknown>): Promise<SignedCheckRecord> =>
  (await call(platform, 'POST', '/api/v1/records', { token: platform.tokens.department, body: { codes: [black], context: 'procurement', ...body } })).json;
/** The print page's text as read (tags dropped). */
const print = async (signed: unknown) => (await call(platform, 'POST', '/records/print', { body: signed })).text.replace(/<[^>]+>/g, '');

describe('POST /api/v1/records and what the caller stated', () => {
  it('returns a record that lists operator, source, page names and case reference as caller-stated', async () => {
    const signed = await createRecord({
      operator: '李四',
      caseReference: '汉采〔2026〕17号',
      source: { url: 'https://oa.example.gov.cn/bid/17', title: '投标人资格审查' },
      pageNames: { [black]: '武汉市汉阳区德信园林绿化股份有限公司' },
    });
    expect(signed.record.callerStated).toEqual(['caseReference', 'operator', 'source', 'pageNames']);
    expect((await call(platform, 'POST', '/api/v1/records/verify', { body: signed })).json).toMatchObject({ valid: true });
    const page = await print(signed);
    expect(page).toContain('李四（调用方填写，平台未核实');
    expect(page).toContain('oa.example.gov.cn/bid/17（调用方填写，平台未核实');
    expect(page).toContain('汉采〔2026〕17号（调用方填写，平台未核实');
    expect(page).toContain('“所填名称”由查询方提供，平台未核实');
    const csv = (await call(platform, 'POST', '/api/v1/records/csv', { body: signed })).text;
    expect(csv.split('\r\n')[0]).toContain('页面显示名称（调用方填写，平台未核实）');
    expect(csv.split('\r\n')[0]).toContain('查询人（调用方填写，平台未核实）');
  });

  it("returns an empty list when the caller stated nothing (the operator is then the token's own)", async () => {
    const signed = await createRecord({});
    expect(signed.record.callerStated).toEqual([]);
    expect(await print(signed)).not.toContain('调用方');
    expect((await call(platform, 'POST', '/api/v1/records/csv', { body: signed })).text).not.toContain('调用方');
  });

  it('returns a record from before callerStated as valid, its stated fields marked on the print page', async () => {
    const fresh = await createRecord({ operator: '王五' });
    const { callerStated: _dropped, ...old } = fresh.record;
    const row = await platform.repos.db
      .selectFrom('signing_keys')
      .select(['key_id', 'private_pkcs8'])
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    const privateKey = await platformSubtle.importKey('pkcs8', base64ToBytes(row.private_pkcs8)!, { name: 'Ed25519' }, false, ['sign']);
    const signed = await signCheckRecord(old, { keyId: row.key_id, privateKey }, platformSubtle);
    expect(signed.record).not.toHaveProperty('callerStated');
    expect((await call(platform, 'POST', '/api/v1/records/verify', { body: signed })).json).toMatchObject({ valid: true });
    expect(await print(signed)).toContain('王五（调用方填写，平台未核实');
  });
});
