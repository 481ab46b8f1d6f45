import { describe, expect, it } from 'vitest';
import { openTestRepositories } from '../../../support/test-engine.ts';
import { addEntry, type NewEntry } from '../../../../platform/lists/add-entry.ts';
import { announceExpiries } from '../../../../platform/lists/announce-expiries.ts';
import { exitEntry } from '../../../../platform/lists/exit-entry.ts';

const CODE_A = '91420105MA4K00001A';
const CODE_B = '91420105MA4K00002B';
const CODE_C = '91420105MA4K00003C';

function entry(code: string, over: Partial<NewEntry>): NewEntry {
  return {
    code,
    list: 'black',
    category: '失信被执行人',
    facts: '—',
    legalBasis: '—',
    documentNumber: null,
    department: '区人民法院',
    listedOn: '2025-01-01',
    validUntil: null,
    state: 'active',
    exitDate: null,
    exitReason: null,
    exitDepartment: null,
    repairable: true,
    monitoringUntil: null,
    visibility: 'public',
    persons: [],
    ...over,
  };
}

async function setup() {
  const repos = await openTestRepositories();
  for (const [code, over] of [
    [CODE_A, { validUntil: '2026-03-15' }],
    [CODE_B, { category: '拖欠农民工工资失信联合惩戒对象' }],
    [CODE_C, { validUntil: '2027-01-01' }],
  ] as const) {
    await addEntry(repos, { code, name: null, regionCode: '420105', legalRepresentative: null }, entry(code, over));
  }
  await exitEntry(repos, (await repos.entries.listByCode(CODE_B))[0]!.id, {
    date: '2025-06-01',
    reason: '履行完毕',
    department: null,
    monitoringUntil: '2026-03-16',
  });
  return repos;
}

const changedSince = async (repos: Awaited<ReturnType<typeof setup>>, cursor: number) => (await repos.changes.since(cursor, 100)).map((c) => [c.code, c.kind]);

describe('announceExpiries', () => {
  it('only notes the date on the first sweep of a database', async () => {
    const repos = await setup();
    const before = await repos.changes.latest();
    expect(await announceExpiries(repos, '2026-03-15')).toBe(0);
    expect(await repos.changes.latest()).toBe(before);
  });

  it('announces the codes whose entries ran out, and whose monitoring ended, once a day has passed', async () => {
    const repos = await setup();
    await announceExpiries(repos, '2026-03-15');
    const before = await repos.changes.latest();
    expect(await announceExpiries(repos, '2026-03-16')).toBe(1);
    expect(await changedSince(repos, before)).toEqual([[CODE_A, 'expired']]);
    const next = await repos.changes.latest();
    expect(await announceExpiries(repos, '2026-03-17')).toBe(1);
    expect(await changedSince(repos, next)).toEqual([[CODE_B, 'updated']]);
  });

  it('announces nothing twice and nothing on the same day again', async () => {
    const repos = await setup();
    await announceExpiries(repos, '2026-03-15');
    await announceExpiries(repos, '2026-03-16');
    const after = await repos.changes.latest();
    expect(await announceExpiries(repos, '2026-03-16')).toBe(0);
    expect(await announceExpiries(repos, '2026-03-16')).toBe(0);
    expect(await repos.changes.latest()).toBe(after);
  });

  it('covers every day missed while the platform was stopped', async () => {
    const repos = await setup();
    await announceExpiries(repos, '2026-03-01');
    const before = await repos.changes.latest();
    expect(await announceExpiries(repos, '2026-04-01')).toBe(2);
    expect((await changedSince(repos, before)).sort()).toEqual([
      [CODE_A, 'expired'],
      [CODE_B, 'updated'],
    ]);
  });

  it('expires the entry through the state machine: stored expired, with its history event (issue 11)', async () => {
    const repos = await setup();
    await announceExpiries(repos, '2026-03-15');
    await announceExpiries(repos, '2026-04-01');
    expect((await repos.entries.listByCode(CODE_A))[0]!.state).toBe('expired');
    expect((await repos.events.listByCode(CODE_A)).map((e) => e.kind)).toEqual(['listed', 'expired']);
    expect((await repos.events.listByCode(CODE_B)).map((e) => e.kind)).toEqual(['listed', 'exited', 'monitoring-ended']);
    expect((await repos.entries.listByCode(CODE_C))[0]!.state).toBe('active');
  });
});
