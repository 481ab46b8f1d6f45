import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'platform-static-'));
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'demo', 'index.html'), '<h1>demo</h1>');
  writeFileSync(join(dir, 'demo', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'demo', 'link.txt'));
  platform = await startTestPlatform({
    staticDirs: [
      { prefix: '/demo/', dir: join(dir, 'demo') },
      { prefix: '/widget/', dir: join(dir, 'missing') },
    ],
  });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CORS', () => {
  it.each([
    ['http://localhost:3000', true],
    ['http://127.0.0.1:5173', true],
    ['https://evil.example', false],
    ['http://localhost.evil.example', false],
  ])('preflight from %s allowed: %s', async (origin, allowed) => {
    const res = await fetch(`${platform.url}/api/v1/status`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status < 300).toBe(allowed);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
    if (allowed) expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('allows the platform’s own origin and honours an explicit list', async () => {
    const own = await fetch(`${platform.url}/api/v1/health`, { headers: { origin: platform.url } });
    expect(own.headers.get('access-control-allow-origin')).toBe(platform.url);
    const strict = await startPlatform({ corsOrigins: ['https://gov.example'] });
    try {
      const ok = await fetch(`${strict.url}/api/v1/health`, { headers: { origin: 'https://gov.example' } });
      const no = await fetch(`${strict.url}/api/v1/health`, { headers: { origin: 'http://localhost:3000' } });
      expect([ok.headers.get('access-control-allow-origin'), no.headers.get('access-control-allow-origin')]).toEqual(['https://gov.example', null]);
    } finally {
      await strict.close();
    }
  });
});

describe('static folders and pages', () => {
  it('serves files and index.html, and a missing folder is 404', async () => {
    expect((await call(platform, 'GET', '/demo/')).text).toBe('<h1>demo</h1>');
    const js = await call(platform, 'GET', '/demo/app.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await call(platform, 'GET', '/widget/credit-lens.js')).status).toBe(404);
  });

  it.each(['/demo/../secret.txt', '/demo/%2e%2e/secret.txt', '/demo/..%2fsecret.txt', '/demo/link.txt', '/demo/%00'])('refuses %s', async (path) => {
    const res = await call(platform, 'GET', path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain('secret');
  });

  it('serves the index page and a subject page with escaped, masked public data', async () => {
    const index = await call(platform, 'GET', '/');
    expect(index.text).toContain('/api/v1/health');
    expect(index.text).toContain('/demo/');
    const page = await call(platform, 'GET', `/subjects/${fixtureCode('black')}`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('失信被执行人');
    expect(page.text).toMatch(/4201\*{10}/);
    expect((await call(platform, 'GET', `/subjects/${fixtureCode('internal-only')}`)).text).not.toContain('围标串标');
    expect((await call(platform, 'GET', `/subjects/${fixtureCode('not-in-db')}`)).status).toBe(404);
  });

  it('escapes data in the subject page', async () => {
    const code = fixtureCode('clear');
    await call(platform, 'POST', '/api/v1/admin/entries', {
      token: platform.tokens.admin,
      body: { code, list: 'red', category: '<script>alert(1)</script>', facts: '"><img src=x>', legalBasis: 'x' },
    });
    const page = await call(platform, 'GET', `/subjects/${code}`);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;script&gt;');
  });
});

describe('restart', () => {
  it('closes and starts again on the same port and database file with the data kept', async () => {
    const dbPath = join(dir, 'restart.sqlite');
    const first = await startPlatform({ dbPath, seed: true, today: TODAY });
    const version = (await call(first, 'GET', '/api/v1/health')).json.dataVersion;
    await call(first, 'POST', '/api/v1/admin/entries', {
      token: first.tokens.admin,
      body: { code: fixtureCode('clear'), list: 'red', category: '纳税信用A级纳税人', facts: 'A', legalBasis: 'x' },
    });
    await first.close();
    await expect(fetch(`${first.url}/api/v1/health`)).rejects.toThrow();
    const second = await startPlatform({ dbPath, port: first.port, seed: true, today: TODAY });
    try {
      expect(second.url).toBe(first.url);
      const health = await call(second, 'GET', '/api/v1/health');
      expect(health.json.dataVersion).toBe(version + 1);
      expect(
        (await call(second, 'POST', '/api/v1/status', { token: second.tokens.viewer, body: { codes: [fixtureCode('clear')] } })).json.results[0].entries,
      ).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
