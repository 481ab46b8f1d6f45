import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../../../platform/pages/send-page.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

describe('GET /dashboard', () => {
  it('returns the page under the strict CSP, its scripts only as files of the platform', async () => {
    const res = await call(platform, 'GET', '/dashboard');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self'");
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])).toEqual([
      '/assets/echarts.min.js',
      '/assets/dashboard.js',
      '/assets/dashboard-typical-cases.js',
    ]);
    expect(scripts.every((m) => m[2]!.trim() === '')).toBe(true);
    expect(res.text).toContain(`id="to" value="${TODAY}"`);
    expect(res.text).toContain('@media print');
  });

  it('returns ECharts 5 from node_modules and the page scripts as JavaScript', async () => {
    for (const path of ['/assets/echarts.min.js', '/assets/dashboard.js', '/assets/dashboard-typical-cases.js']) {
      const res = await call(platform, 'GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect((await call(platform, 'GET', '/assets/echarts.min.js')).text).toMatch(/version\s*=\s*"5\.6\.0"|"5\.6\.0"/);
  });
});
