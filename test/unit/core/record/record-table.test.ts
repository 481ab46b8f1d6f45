import { describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { recordTable } from '../../../../core/record/record-table.ts';
import { recordToCsv } from '../../../../core/record/record-to-csv.ts';

const signed: SignedCheckRecord = {
  record: {
    version: 1,
    recordId: 'rec-1',
    platform: 'p',
    issuedAt: '2026-11-26T16:30:00.000Z',
    asOf: '2026-11-26T16:30:00.000Z',
    dataVersion: 3,
    context: 'procurement',
    caseReference: 'HYCG-2026-0318',
    projectName: '市政道路养护服务采购项目',
    operator: '王立',
    department: '区财政局',
    source: { url: null, title: null },
    callerStated: ['caseReference', 'projectName'],
    items: [
      {
        code: '91420105MA4K0000X1',
        found: true,
        invalid: false,
        registeredName: '甲公司',
        pageName: null,
        nameMatches: null,
        verdict: 'black',
        reason: '有效的黑名单记录',
        entries: [
          {
            id: 'e1',
            list: 'black',
            category: '拖欠农民工工资',
            department: '区人社局',
            listedOn: '2026-01-02',
            validUntil: null,
            state: 'active',
            facts: 'f',
            basis: 'b',
          } as never,
        ],
        measures: [{ id: 'M-PROC-01', item: '限制参与政府采购', kind: 'punishment', basis: 'b', suspended: false }],
      },
    ],
  },
  signature: { algorithm: 'Ed25519', keyId: 'k', value: 'c2ln' },
};

describe('recordTable', () => {
  it('names verdicts, states and measures in Chinese, in Beijing time, without internal measure ids', () => {
    const { header, rows } = recordTable(signed);
    expect(header).toContain('项目编号（调用方填写，平台未核实）');
    expect(header).toContain('项目名称（调用方填写，平台未核实）');
    expect(header).toContain('查询人');
    const row = rows[0]!;
    expect(row[5]).toBe('黑名单');
    expect(row[7]).toBe('黑名单|拖欠农民工工资|区人社局|2026-01-02至长期|有效');
    expect(row[8]).toBe('限制参与政府采购');
    expect(row[9]).toBe('2026-11-27 00:30:00');
    expect(row.join(' ')).not.toMatch(/M-PROC|black|clear|T16:30/);
  });

  it('writes the same columns in English for an English UI, and the CSV has them', () => {
    expect(recordTable(signed, 'en').rows[0]![5]).toBe('Black list');
    expect(recordToCsv(signed).split('\r\n')[0]).toBe('\ufeff' + recordTable(signed).header.join(','));
  });
});
