import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

// 17:30 UTC is 01:30 the next day in China: a page that slices the ISO text shows the wrong day.
const LATE_EVENING_UTC = '2026-03-01T17:30:00.000Z';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform.close();
});

describe('platform pages in China time', () => {
  it("returns the subject page with a repair's filing day and the history's days as China dates", async () => {
    const code = fixtureCode('repair-pending');
    await platform.repos.db.updateTable('repairs').set({ filed_at: LATE_EVENING_UTC }).where('code', '=', code).execute();
    await platform.repos.db.updateTable('events').set({ at: LATE_EVENING_UTC }).where('code', '=', code).execute();
    const page = (await call(platform, 'GET', `/subjects/${code}`)).text;
    expect(page).toContain('信用修复申请审核中（2026-03-02 提交）');
    expect(page).toMatch(/<li>2026-03-02 /);
    expect(page).not.toContain('2026-03-01');
  });

  it('returns the objection queue with each filing time as China time', async () => {
    await platform.repos.db.updateTable('objections').set({ filed_at: LATE_EVENING_UTC }).where('status', '=', 'pending').execute();
    const page = await call(platform, 'POST', '/admin/objections', {
      raw: `token=${encodeURIComponent(platform.tokens.admin)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<td>2026-03-02 01:30</td>');
    expect(page.text).not.toContain('2026-03-01 17:30');
  });
});
