import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'platform-static-dir-'));
  mkdirSync(join(dir, 'site', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'site', 'bare'));
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'site', 'index.html'), '<h1>site</h1>');
  writeFileSync(join(dir, 'site', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'site', 'style.css'), 'p{}');
  writeFileSync(join(dir, 'site', 'data.json'), '{}');
  writeFileSync(join(dir, 'site', 'sub', 'index.html'), '<h1>sub</h1>');
  writeFileSync(join(dir, 'site', 'bare', 'file.txt'), 'listed?');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  writeFileSync(join(dir, 'outside', 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'outside'), join(dir, 'site', 'linked-dir'));
  symlinkSync(join(dir, 'site', 'app.js'), join(dir, 'site', 'inside-link.js'));
  platform = await startTestPlatform({
    staticDirs: [
      { prefix: '/site/', dir: join(dir, 'site') },
      { prefix: '/later/', dir: join(dir, 'later') },
    ],
  });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (fetch would resolve `..` before sending). */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const { hostname, port } = new URL(platform.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveStaticDir', () => {
  it.each([
    ['/site/app.js', 'text/javascript; charset=utf-8'],
    ['/site/style.css', 'text/css; charset=utf-8'],
    ['/site/data.json', 'application/json; charset=utf-8'],
    ['/site/', 'text/html; charset=utf-8'],
  ])('returns %s as %s with Cache-Control no-cache', async (path, type) => {
    const res = await rawGet(path);
    expect([res.status, res.headers['content-type'], res.headers['cache-control']]).toEqual([200, type, 'no-cache']);
  });

  it('returns 304 to a reload that sends back the ETag', async () => {
    const first = await rawGet('/site/app.js');
    const again = await rawGet('/site/app.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it.each([
    ['/site', '/site/'],
    ['/site/sub', '/site/sub/'],
  ])('redirects the folder %s to %s', async (path, location) => {
    const res = await rawGet(path);
    expect([res.status, res.headers.location]).toEqual([301, location]);
  });

  it("returns a sub-folder's index.html", async () => {
    expect((await rawGet('/site/sub/')).text).toBe('<h1>sub</h1>');
  });

  it('returns 404, not a list of its files, for a folder without index.html', async () => {
    const res = await rawGet('/site/bare/');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('file.txt');
  });

  it('returns a file through a symlink that stays inside the folder', async () => {
    expect((await rawGet('/site/inside-link.js')).text).toBe('console.log(1)');
  });

  it.each([
    '/site/../secret.txt',
    '/site/%2e%2e/secret.txt',
    '/site/..%2fsecret.txt',
    '/site/%2e%2e%2fsecret.txt',
    '/site/sub/../../secret.txt',
    '/site/sub/%2e%2e/%2e%2e/secret.txt',
    '/site/..%5csecret.txt',
    '/site//../secret.txt',
    '/site/linked-dir/secret.txt',
    '/site/%00',
    '/site/app.js%00.txt',
  ])('refuses %s without its content', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain('secret');
  });

  it('returns 404 for a folder that does not exist yet, and its files once it is built', async () => {
    expect((await rawGet('/later/x.js')).status).toBe(404);
    mkdirSync(join(dir, 'later'));
    writeFileSync(join(dir, 'later', 'x.js'), 'built');
    const res = await rawGet('/later/x.js');
    expect([res.status, res.text]).toEqual([200, 'built']);
  });
});
