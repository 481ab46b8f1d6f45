import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListEntry } from '../../../../core/api/list-entry-schema.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, DEMO_SUBJECTS, fixtureCode, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

const entries = async (role: string, token?: string): Promise<ListEntry[]> =>
  (await call(platform, 'POST', '/api/v1/status', { token, body: { codes: [fixtureCode(role)] } })).json.results[0].entries;

describe('the entry-lifecycle demo fixtures (issue 11)', () => {
  it.each<[string, (e: ListEntry) => boolean]>([
    ['repair-pending', (e) => e.state === 'active' && e.repair?.status === 'pending'],
    ['repair-refused', (e) => e.state === 'active' && e.repair?.status === 'refused'],
    ['future-listing', (e) => e.state === 'active' && e.listedOn > TODAY],
    ['red-disputed', (e) => e.list === 'red' && e.state === 'disputed' && e.objection?.status === 'pending'],
    ['exited-disputed', (e) => e.state === 'exited' && e.objection?.status === 'pending' && (e.monitoringUntil ?? '') > TODAY],
    ['revoked-only', (e) => e.state === 'revoked' && e.objection?.status === 'upheld'],
    ['watch', (e) => e.state === 'exited' && (e.monitoringUntil ?? '') > TODAY],
    ['expired-only', (e) => e.state === 'expired'],
    ['disputed', (e) => e.list === 'black' && e.state === 'disputed'],
  ])('holds %s in its state', async (role, holds) => {
    const [entry] = await entries(role, platform.tokens.viewer);
    expect(entry && holds(entry), JSON.stringify(entry)).toBe(true);
  });

  it('says 信用修复申请审核中 on the public subject page of a pending repair', async () => {
    const page = await call(platform, 'GET', `/subjects/${fixtureCode('repair-pending')}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('信用修复申请审核中');
  });

  it('hides the future listing from anonymous callers until its day', async () => {
    expect(await entries('future-listing')).toEqual([]);
  });

  it('lists the lifecycle fixtures after every other subject, with their verdicts', () => {
    const roles = DEMO_SUBJECTS.slice(-5).map((s) => [s.role, s.expectedVerdict]);
    expect(roles).toEqual([
      ['repair-pending', 'black'],
      ['repair-refused', 'black'],
      ['future-listing', 'clear'],
      ['red-disputed', 'disputed'],
      ['exited-disputed', 'watch'],
    ]);
  });
});
