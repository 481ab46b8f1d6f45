import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../../../core/api/check-record-schema.ts';
import { bytesToBase64 } from '../../../../core/record/base64.ts';
import { recordToCsv } from '../../../../core/record/record-to-csv.ts';
import { signCheckRecord } from '../../../../core/record/sign-check-record.ts';
import { verifyCheckRecord } from '../../../../core/record/verify-check-record.ts';

const subtle = globalThis.crypto.subtle;

function makeRecord(): CheckRecord {
  return {
    version: 1,
    recordId: 'rec-0001',
    platform: '汉阳区公共信用信息平台（参考实现）',
    issuedAt: '2026-11-26T08:00:00.000Z',
    asOf: '2026-11-26T08:00:00.000Z',
    dataVersion: 42,
    context: 'procurement',
    caseReference: 'HYCG-2026-017',
    operator: '张三',
    department: '区财政局',
    source: { url: 'http://127.0.0.1:8787/demo/bid-evaluation.html', title: '评标' },
    items: [
      {
        code: '91420105MA4K0000X1',
        found: true,
        invalid: false,
        registeredName: '武汉市汉阳区晴川建设有限公司',
        pageName: '武汉市汉阳区晴川建设有限公司',
        nameMatches: true,
        verdict: 'clear',
        reason: '未列入红黑名单',
        entries: [],
        measures: [],
      },
      {
        code: '=HYPERLINK("x")',
        found: false,
        invalid: true,
        registeredName: null,
        pageName: '=cmd',
        nameMatches: null,
        verdict: 'invalid',
        reason: '代码无效, "引号"',
        entries: [],
        measures: [],
      },
    ],
  };
}

describe('signCheckRecord / verifyCheckRecord', () => {
  let keys: CryptoKeyPair;
  let publicKey: string;
  beforeAll(async () => {
    keys = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    publicKey = bytesToBase64(new Uint8Array(await subtle.exportKey('raw', keys.publicKey)));
  });

  it('verifies a record exactly as signed', async () => {
    const signed = await signCheckRecord(makeRecord(), { privateKey: keys.privateKey, keyId: 'k1' }, subtle);
    const result = await verifyCheckRecord(JSON.parse(JSON.stringify(signed)), { keyId: 'k1', publicKey }, subtle);
    expect(result).toMatchObject({ valid: true, reason: 'ok', recordId: 'rec-0001' });
  });

  it.each([
    ['a registered name', (r: CheckRecord) => (r.items[0]!.registeredName = '武汉市汉阳区晴川建设有限公巿')],
    ['a verdict', (r: CheckRecord) => (r.items[0]!.verdict = 'red')],
    ['the data version', (r: CheckRecord) => (r.dataVersion = 43)],
    ['the operator', (r: CheckRecord) => (r.operator = '李四')],
  ])('rejects a record whose %s was edited after signing', async (_what, edit) => {
    const signed = await signCheckRecord(makeRecord(), { privateKey: keys.privateKey, keyId: 'k1' }, subtle);
    const copy = JSON.parse(JSON.stringify(signed));
    edit(copy.record);
    const result = await verifyCheckRecord(copy, { keyId: 'k1', publicKey }, subtle);
    expect(result.valid).toBe(false);
    expect(result.reason).toBe('bad-signature');
    expect(result.message).toContain('修改');
  });

  it('rejects a record signed with another key id', async () => {
    const signed = await signCheckRecord(makeRecord(), { privateKey: keys.privateKey, keyId: 'other' }, subtle);
    expect((await verifyCheckRecord(signed, { keyId: 'k1', publicKey }, subtle)).reason).toBe('unknown-key');
  });

  it.each([[null], [{}], [{ record: {}, signature: {} }], ['text']])('calls %j malformed', async (input) => {
    const result = await verifyCheckRecord(input, { keyId: 'k1', publicKey }, subtle);
    expect(result).toMatchObject({ valid: false, reason: 'malformed' });
  });
});

describe('recordToCsv', () => {
  it('writes one row per code with a BOM and neutralizes formula cells', async () => {
    const csv = recordToCsv({ record: makeRecord(), signature: { algorithm: 'Ed25519', keyId: 'k1', value: 'c2ln' } });
    expect(csv.startsWith('\ufeff序号,统一社会信用代码')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('武汉市汉阳区晴川建设有限公司');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain("'=cmd");
    expect(lines[2]).toContain('"代码无效, ""引号"""');
  });
});
