import { describe, expect, it } from 'vitest';
import { openTestRepositories } from '../../../support/test-engine.ts';
import { importList } from '../../../../platform/import/import-list.ts';
import { exitEntry } from '../../../../platform/lists/exit-entry.ts';
import { fileObjection } from '../../../../platform/lists/file-objection.ts';
import { fileRepair } from '../../../../platform/lists/file-repair.ts';
import { resolveObjection } from '../../../../platform/lists/resolve-objection.ts';

const HEADERS = ['主体名称', '统一社会信用代码', '名单类型', '列入类别', '列入原因', '认定依据', '文书号', '认定部门', '列入日期', '有效期至'];
const CODE = '91420105MA4K00001A';
const DOC = '汉人社监〔2026〕1号';
const row = (over: Partial<Record<'facts' | 'doc' | 'validUntil', string>> = {}) => [
  '武汉市汉阳区测试有限公司',
  CODE,
  '黑名单',
  '拖欠农民工工资失信联合惩戒对象',
  over.facts ?? '拖欠工资',
  '人社部规〔2017〕16号',
  over.doc ?? DOC,
  '区人社局',
  '2026-01-01',
  over.validUntil ?? '2028-01-01',
];

async function imported() {
  const repos = await openTestRepositories();
  expect((await importList(repos, { headers: HEADERS, rows: [row()] })).imported).toBe(1);
  return { repos, id: (await repos.entries.listByCode(CODE))[0]!.id };
}
type Repos = Awaited<ReturnType<typeof imported>>['repos'];

const objection = (id: string) => ({ code: CODE, entryId: id, reason: '相关款项已于列入前全部结清', contact: '027-84841234', documentNumber: DOC });

describe('importList on entries already held (issue 11: import never undoes a decision)', () => {
  it.each<[string, (repos: Repos, id: string) => void, string, RegExp]>([
    ['under objection', async (repos, id) => void (await fileObjection(repos, objection(id), '区财政局')), 'disputed', /异议核实中/],
    [
      'exited into monitoring',
      async (repos, id) => void (await exitEntry(repos, id, { date: '2026-03-01', reason: '已支付', department: null, monitoringUntil: '2027-03-01' })),
      'exited',
      /退出/,
    ],
    [
      'revoked after an upheld objection',
      async (repos, id) => {
        const { objection: o } = await fileObjection(repos, objection(id), '区财政局');
        await resolveObjection(repos, o.id, { outcome: 'upheld' });
      },
      'revoked',
      /撤销/,
    ],
    [
      'with a repair pending',
      async (repos, id) =>
        void (await fileRepair(repos, { code: CODE, entryId: id, materials: '已足额支付全部拖欠工资', reference: '凭证01' }, '区人社局', '2026-03-15')),
      'active',
      /信用修复审核中/,
    ],
  ])('keeps an entry %s as it is and reports it kept, with why', async (_case, decide, stored, reason) => {
    const { repos, id } = await imported();
    await decide(repos, id);
    const before = (await repos.entries.get(id))!;
    const report = await importList(repos, { headers: HEADERS, rows: [row({ validUntil: '2029-01-01' })] });
    expect([report.imported, report.updated, report.unchanged]).toEqual([0, 0, 0]);
    expect(report.kept).toEqual([{ row: 2, code: CODE, entryId: id, reason: expect.stringMatching(reason), fields: [] }]);
    expect(await repos.entries.get(id)).toEqual(before);
    expect(before.state).toBe(stored);
  });

  it('updates the descriptive fields of a decided entry but not its dates or state', async () => {
    const { repos, id } = await imported();
    await fileObjection(repos, objection(id), '区财政局');
    const report = await importList(repos, { headers: HEADERS, rows: [row({ facts: '拖欠28名农民工工资', validUntil: '2029-01-01' })] });
    expect(report.kept[0]!.fields).toEqual(['facts']);
    expect(await repos.entries.get(id)).toMatchObject({ state: 'disputed', facts: '拖欠28名农民工工资', validUntil: '2028-01-01' });
  });

  it('counts new, updated and unchanged rows; a new decision document is a new entry', async () => {
    const { repos, id } = await imported();
    const report = await importList(repos, { headers: HEADERS, rows: [row(), row({ validUntil: '2029-01-01', doc: '汉人社监〔2026〕2号' })] });
    expect([report.imported, report.updated, report.unchanged, report.kept.length]).toEqual([1, 0, 1, 0]);
    const again = await importList(repos, { headers: HEADERS, rows: [row({ validUntil: '2029-06-01' })] });
    expect([again.imported, again.updated, again.unchanged]).toEqual([0, 1, 0]);
    expect((await repos.entries.get(id))!.validUntil).toBe('2029-06-01');
    expect(await repos.entries.listByCode(CODE)).toHaveLength(2);
  });
});

describe('importList with exit columns (退出日期, 退出原因, 退出部门, 重点监测截止)', () => {
  const EXIT_HEADERS = [...HEADERS, '退出日期', '退出原因', '退出部门', '重点监测截止'];

  it('imports an exit of an entry held, and of a new entry, into monitoring', async () => {
    const { repos, id } = await imported();
    const other = '91420105MA4K00002B';
    const rows = [
      [...row(), '2026-03-01', '已足额支付', '区人社局', '2027-03-01'],
      [...row({ doc: '汉人社监〔2026〕7号' }).map((c) => (c === CODE ? other : c)), '2026/3/2', '', '', '2027年3月2日'],
    ];
    const report = await importList(repos, { headers: EXIT_HEADERS, rows });
    expect([report.imported, report.updated, report.exited, report.rejected]).toEqual([1, 1, 2, []]);
    expect(await repos.entries.get(id)).toMatchObject({ state: 'exited', exitDate: '2026-03-01', monitoringUntil: '2027-03-01', exitReason: '已足额支付' });
    expect((await repos.entries.listByCode(other))[0]).toMatchObject({ state: 'exited', monitoringUntil: '2027-03-02' });
    expect((await repos.events.listByCode(CODE)).map((e) => e.kind)).toEqual(['listed', 'exited']);
    const again = await importList(repos, { headers: EXIT_HEADERS, rows });
    expect([again.imported, again.updated, again.exited, again.kept.length]).toEqual([0, 0, 0, 2]);
  });

  it('rejects a black exit without a monitoring end, and leaves nothing of the row', async () => {
    const repos = await openTestRepositories();
    const report = await importList(repos, { headers: EXIT_HEADERS, rows: [[...row(), '2026-03-01', '已支付', '', '']] });
    expect(report.rejected).toEqual([{ row: 2, code: CODE, reason: expect.stringMatching(/monitoringUntil/) }]);
    expect(report.imported).toBe(0);
    expect(await repos.entries.listByCode(CODE)).toEqual([]);
    expect(await repos.changes.latest()).toBe(0);
  });

  it('rejects an unreadable exit date', async () => {
    const repos = await openTestRepositories();
    expect((await importList(repos, { headers: EXIT_HEADERS, rows: [[...row(), '三月', '已支付', '', '2027-01-01']] })).rejected[0]!.reason).toMatch(
      /退出日期无效/,
    );
  });
});
