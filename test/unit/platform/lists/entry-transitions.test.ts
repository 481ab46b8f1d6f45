import { describe, expect, it } from 'vitest';
import { openTestRepositories } from '../../../support/test-engine.ts';
import type { ObjectionRequest } from '../../../../core/api/objection-schema.ts';
import { addEntry, type NewEntry } from '../../../../platform/lists/add-entry.ts';
import { announceExpiries } from '../../../../platform/lists/announce-expiries.ts';
import { decideRepair } from '../../../../platform/lists/decide-repair.ts';
import { exitEntry } from '../../../../platform/lists/exit-entry.ts';
import { fileObjection } from '../../../../platform/lists/file-objection.ts';
import { fileRepair } from '../../../../platform/lists/file-repair.ts';
import { resolveObjection } from '../../../../platform/lists/resolve-objection.ts';
import { ApiError } from '../../../../platform/server/api-error.ts';

const CODE = '91420105MA4K00001A';
const TODAY = '2026-03-15';

async function setup(over: Partial<NewEntry> = {}) {
  const repos = await openTestRepositories();
  const entry = await addEntry(
    repos,
    { code: CODE, name: '武汉市汉阳区测试有限公司', regionCode: '420105', legalRepresentative: null },
    {
      code: CODE,
      list: 'black',
      category: '拖欠农民工工资失信联合惩戒对象',
      facts: '拖欠工资',
      legalBasis: '人社部规〔2017〕16号',
      documentNumber: '汉人社监〔2026〕1号',
      department: '区人社局',
      listedOn: '2026-01-01',
      validUntil: '2028-01-01',
      state: 'active',
      exitDate: null,
      exitReason: null,
      exitDepartment: null,
      repairable: true,
      monitoringUntil: null,
      visibility: 'public',
      persons: [],
      ...over,
    },
  );
  return { repos, id: entry.id };
}

type Repos = Awaited<ReturnType<typeof setup>>['repos'];
const objection = (id: string, over: Partial<ObjectionRequest> = {}): ObjectionRequest => ({
  code: CODE,
  entryId: id,
  reason: '相关款项已于列入前全部结清',
  contact: '027-84841234',
  documentNumber: '汉人社监〔2026〕1号',
  ...over,
});
const exit = (monitoringUntil: string | null = '2027-01-01') => ({ date: '2026-03-01', reason: '已足额支付拖欠工资', department: null, monitoringUntil });
const state = async (repos: Repos, id: string) => (await repos.entries.get(id))!.state;
const feed = async (repos: Repos) => (await repos.changes.since(0, 100)).map((c) => c.kind);
const history = async (repos: Repos) => (await repos.events.listByCode(CODE)).map((e) => e.kind);

async function refusal(run: () => unknown): Promise<{ status: number; code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resolving an objection', () => {
  it('returns the entry to listed when rejected before any exit', async () => {
    const { repos, id } = await setup();
    const { objection: o } = await fileObjection(repos, objection(id), '区财政局');
    expect(await state(repos, id)).toBe('disputed');
    await resolveObjection(repos, o.id, { outcome: 'rejected' });
    expect(await state(repos, id)).toBe('active');
    expect(await feed(repos)).toEqual(['listed', 'disputed', 'resolved']);
    expect(await history(repos)).toEqual(['listed', 'disputed', 'objection-rejected']);
  });

  it('keeps an exit made while the objection was pending when it is rejected (issue 11)', async () => {
    const { repos, id } = await setup();
    const { objection: o } = await fileObjection(repos, objection(id), '区财政局');
    await exitEntry(repos, id, exit());
    expect((await repos.objections.get(o.id))!.status).toBe('pending');
    const { entry } = await resolveObjection(repos, o.id, { outcome: 'rejected' });
    expect([entry.state, entry.monitoringUntil]).toEqual(['exited', '2027-01-01']);
    expect(await history(repos)).toEqual(['listed', 'disputed', 'exited', 'objection-rejected']);
  });

  it('revokes the entry when upheld, also after an exit (never monitored again)', async () => {
    const { repos, id } = await setup();
    const { objection: o } = await fileObjection(repos, objection(id), '区财政局');
    await exitEntry(repos, id, exit());
    expect((await resolveObjection(repos, o.id, { outcome: 'upheld' })).entry.state).toBe('revoked');
    expect(await feed(repos)).toEqual(['listed', 'disputed', 'exited', 'revoked']);
    expect(await history(repos)).toEqual(['listed', 'disputed', 'exited', 'objection-upheld', 'revoked']);
  });

  it('takes an objection on an exited entry and keeps it exited while verified', async () => {
    const { repos, id } = await setup();
    await exitEntry(repos, id, exit());
    const { entry } = await fileObjection(repos, objection(id), '区财政局');
    expect(entry.state).toBe('exited');
    expect(await repos.objections.pendingForEntry(id)).toBeDefined();
  });
});

describe('fileObjection', () => {
  it('writes nothing when refused: one pending objection per entry', async () => {
    const { repos, id } = await setup();
    await fileObjection(repos, objection(id), '区财政局');
    const before = [await repos.changes.latest(), (await history(repos)).length];
    expect(await refusal(async () => await fileObjection(repos, objection(id), '区财政局'))).toMatchObject({
      status: 409,
      code: 'conflict',
      message: expect.stringMatching(/being verified/),
    });
    expect([await repos.changes.latest(), (await history(repos)).length]).toEqual(before);
    expect(await repos.objections.countFiledSince('2000-01-01T00:00:00Z', {})).toBe(1);
  });

  it.each<[string, Partial<ObjectionRequest>, number, RegExp]>([
    ['a document number that is not the entry’s', { documentNumber: '汉人社监〔2026〕9号' }, 400, /not this entry's/],
    ['an entry of another subject', { code: '91420105MA4K00002B' }, 404, /no entry/],
  ])('refuses %s', async (_case, over, status, message) => {
    const { repos, id } = await setup();
    expect(await refusal(async () => await fileObjection(repos, objection(id, over), '区财政局'))).toMatchObject({
      status,
      message: expect.stringMatching(message),
    });
    expect(await state(repos, id)).toBe('active');
  });

  it('limits objections per department and per subject in 24 hours (429), counting only that window', async () => {
    const { repos, id } = await setup();
    const limits = { perDepartmentPerDay: 2, perSubjectPerDay: 2 };
    const now = new Date('2026-03-15T02:00:00Z');
    const o1 = (await fileObjection(repos, objection(id), '区财政局', { now, limits })).objection;
    await resolveObjection(repos, o1.id, { outcome: 'rejected' });
    const o2 = (await fileObjection(repos, objection(id), '区财政局', { now, limits })).objection;
    await resolveObjection(repos, o2.id, { outcome: 'rejected' });
    expect(await refusal(async () => await fileObjection(repos, objection(id), '区教育局', { now, limits }))).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: expect.stringMatching(/one subject/),
    });
    expect(await refusal(async () => await fileObjection(repos, objection(id), '区财政局', { now, limits: { ...limits, perSubjectPerDay: 9 } }))).toMatchObject(
      {
        status: 429,
        message: expect.stringMatching(/区财政局/),
      },
    );
    expect((await fileObjection(repos, objection(id), '区财政局', { now: new Date('2026-03-16T02:00:01Z'), limits })).entry.state).toBe('disputed');
  });
});

describe('exitEntry', () => {
  it('refuses a black exit without a monitoring end, citing the category rule (400), and writes nothing', async () => {
    const { repos, id } = await setup();
    const before = await repos.changes.latest();
    expect(await refusal(async () => await exitEntry(repos, id, exit(null)))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/重点监测.*（二十）/),
    });
    expect([await state(repos, id), await repos.changes.latest()]).toEqual(['active', before]);
  });

  it.each<[string, Partial<NewEntry>, string | null]>([
    ['a judgment debtor, whose rule needs no monitoring', { category: '失信被执行人' }, null],
    ['a red entry, never monitored', { list: 'red', category: '纳税信用A级纳税人' }, null],
  ])('lets %s exit without a monitoring end', async (_case, over, monitoringUntil) => {
    const { repos, id } = await setup(over);
    expect(await exitEntry(repos, id, exit(null))).toMatchObject({ state: 'exited', monitoringUntil });
  });

  it.each<[string, (repos: Repos, id: string) => void, number, RegExp]>([
    ['already exited', async (repos, id) => await exitEntry(repos, id, exit()), 409, /the entry is exited/],
    [
      'with a repair pending',
      async (repos, id) =>
        await fileRepair(repos, { code: CODE, entryId: id, materials: '已足额支付全部拖欠工资', reference: '支付凭证001' }, '区人社局', TODAY),
      409,
      /repair application/,
    ],
  ])('refuses an entry %s', async (_case, before, status, message) => {
    const { repos, id } = await setup();
    before(repos, id);
    expect(await refusal(async () => await exitEntry(repos, id, exit()))).toMatchObject({ status, message: expect.stringMatching(message) });
  });

  it('refuses monitoring that ends before the exit, and an exit before the listing', async () => {
    const { repos, id } = await setup();
    expect((await refusal(async () => await exitEntry(repos, id, exit('2026-02-01')))).status).toBe(400);
    expect((await refusal(async () => await exitEntry(repos, id, { ...exit(), date: '2025-12-31' }))).status).toBe(400);
  });
});

describe('credit repair', () => {
  const application = (id: string) => ({
    code: CODE,
    entryId: id,
    materials: '已足额支付全部拖欠工资并作出信用承诺',
    reference: '汉人社监〔2026〕1号-修复-01',
  });

  it.each<[string, Partial<NewEntry>, RegExp]>([
    ['a category the rules make unrepairable', { category: '非法集资' }, /非法集资 cannot be repaired — .*处置非法集资条例/],
    ['a red entry', { list: 'red', category: '纳税信用A级纳税人' }, /only black-list entries/],
    ['an entry its department marked unrepairable', { repairable: false }, /marked this entry not repairable/],
    ['an expired entry', { validUntil: '2026-03-01' }, /expired/],
  ])('refuses %s (409 with the reason)', async (_case, over, message) => {
    const { repos, id } = await setup(over);
    expect(await refusal(async () => await fileRepair(repos, application(id), '区人社局', TODAY))).toMatchObject({
      status: 409,
      message: expect.stringMatching(message),
    });
    expect(await repos.repairs.latestForEntry(id)).toBeUndefined();
  });

  it('keeps the entry in force while pending, then approval exits it into monitoring', async () => {
    const { repos, id } = await setup();
    const { repair } = await fileRepair(repos, application(id), '区财政局', TODAY);
    expect([await state(repos, id), (await repos.repairs.pendingForEntry(id))?.id]).toEqual(['active', repair.id]);
    const decided = await decideRepair(
      repos,
      repair.id,
      { outcome: 'approved', monitoringUntil: '2027-03-15' },
      { department: '区人社局', admin: false },
      TODAY,
    );
    expect(decided.entry).toMatchObject({ state: 'exited', exitDate: TODAY, monitoringUntil: '2027-03-15', exitDepartment: '区人社局' });
    expect(decided.repair.status).toBe('approved');
    expect(await history(repos)).toEqual(['listed', 'repair-filed', 'repair-approved', 'exited']);
    expect(await feed(repos)).toEqual(['listed', 'updated', 'exited']);
  });

  it('leaves the entry listed when refused', async () => {
    const { repos, id } = await setup();
    const { repair } = await fileRepair(repos, application(id), '区财政局', TODAY);
    expect((await decideRepair(repos, repair.id, { outcome: 'refused', note: '材料不全' }, { department: null, admin: true }, TODAY)).entry.state).toBe(
      'active',
    );
    expect((await repos.repairs.get(repair.id))!.status).toBe('refused');
    expect(await refusal(async () => await decideRepair(repos, repair.id, { outcome: 'approved' }, { department: null, admin: true }, TODAY))).toMatchObject({
      status: 409,
    });
  });

  it.each<[string, { outcome: 'approved' | 'refused'; monitoringUntil?: string }, { department: string | null; admin: boolean }, number]>([
    ['another department', { outcome: 'refused' }, { department: '区财政局', admin: false }, 403],
    ['an approval without a monitoring end', { outcome: 'approved' }, { department: '区人社局', admin: false }, 400],
  ])('refuses a decision by %s, leaving the application pending', async (_case, decision, decider, status) => {
    const { repos, id } = await setup();
    const { repair } = await fileRepair(repos, application(id), '区财政局', TODAY);
    expect((await refusal(async () => await decideRepair(repos, repair.id, decision, decider, TODAY))).status).toBe(status);
    expect((await repos.repairs.get(repair.id))!.status).toBe('pending');
    expect(await state(repos, id)).toBe('active');
  });

  it('refuses a repair and an objection on the same entry at once', async () => {
    const { repos, id } = await setup();
    await fileRepair(repos, application(id), '区财政局', TODAY);
    expect((await refusal(async () => await fileObjection(repos, objection(id), '区财政局'))).message).toMatch(/repair application/);
  });

  it('lapses a pending repair when the sweep expires the entry', async () => {
    const { repos, id } = await setup({ validUntil: '2026-03-15' });
    const { repair } = await fileRepair(repos, application(id), '区财政局', TODAY);
    await announceExpiries(repos, '2026-03-15');
    await announceExpiries(repos, '2026-03-16');
    expect([await state(repos, id), (await repos.repairs.get(repair.id))!.status]).toEqual(['expired', 'lapsed']);
    expect(await history(repos)).toEqual(['listed', 'repair-filed', 'expired']);
  });
});
