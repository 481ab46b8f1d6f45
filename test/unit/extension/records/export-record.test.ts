import { describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { base64ToBytes } from '../../../../core/record/base64.ts';
import { printUrl } from '../../../../extension/records/export-record.ts';
import { recordFile } from '../../../../core/record/record-file.ts';

function signed(items = 1, name = '武汉市汉阳区德信园林绿化股份有限公司'): SignedCheckRecord {
  return {
    record: {
      version: 1,
      recordId: 'r-1',
      platform: '汉阳区公共信用信息平台',
      issuedAt: '2026-11-26T02:00:00.000Z',
      context: 'procurement',
      caseReference: 'HYCG-2026-0318',
      operator: '王立',
      department: '区市场监管局',
      source: { url: null, title: null },
      items: Array.from({ length: items }, () => ({
        code: '91420105756704M24P',
        found: true,
        invalid: false,
        registeredName: name,
        pageName: null,
        nameMatches: null,
        verdict: 'black' as const,
        reason: '=SUM(1)',
        entries: [],
        measures: [],
      })),
      asOf: '2026-11-26T02:00:00.000Z',
      dataVersion: 3,
    },
    signature: { algorithm: 'Ed25519', keyId: 'clk-1', value: 'c2ln' },
  };
}

const fromBase64Url = (text: string) => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return new TextDecoder().decode(base64ToBytes(b64 + '='.repeat((4 - (b64.length % 4)) % 4))!);
};

describe('printUrl', () => {
  it('carries the signed record, UTF-8 and all, as base64url in the fragment', () => {
    const url = printUrl(signed(), 'http://127.0.0.1:8787/')!;
    const [base, fragment] = url.split('#');
    expect(base).toBe('http://127.0.0.1:8787/records/print');
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(fromBase64Url(fragment!))).toEqual(signed());
  });

  it('asks for the English printout when the UI is English', () => {
    expect(printUrl(signed(), 'http://127.0.0.1:8787', 'en')!.split('#')[0]).toBe('http://127.0.0.1:8787/records/print?lang=en');
  });

  it('gives up on a record too large for a URL (the form post is used instead)', () => {
    expect(printUrl(signed(500, '很长的名称'.repeat(300)), 'http://x')).toBeNull();
  });
});

describe('recordFile', () => {
  it('names the files after the record and writes CSV with a byte-order mark and safe cells', async () => {
    const json = recordFile(signed(), 'json');
    expect(json.name).toBe('信用查询记录-r-1.json');
    expect(JSON.parse(await json.blob.text())).toEqual(signed());
    const csv = recordFile(signed(), 'csv');
    expect(csv.name).toBe('信用查询记录-r-1.csv');
    const bytes = new Uint8Array(await csv.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await csv.blob.text()).toContain("'=SUM(1)");
  });
});
