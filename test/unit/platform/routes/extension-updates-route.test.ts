import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExtensionDir, updateManifestXml } from '../../../../platform/routes/extension-updates-route.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, startTestPlatform } from '../platform-harness.ts';

const ID = 'ckoookfihiepdipligdmcenfbdnokenb';

describe('updateManifestXml', () => {
  it('returns a gupdate manifest naming the ID, version and CRX URL, escaped', () => {
    const xml = updateManifestXml({ id: ID, version: '0.1.0', codebase: 'https://it.example.gov.cn/extension/credit-lens.crx?a=1&b=2' });
    expect(xml).toContain(`<app appid="${ID}">`);
    expect(xml).toContain('<updatecheck codebase="https://it.example.gov.cn/extension/credit-lens.crx?a=1&amp;b=2" version="0.1.0" />');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">')).toBe(true);
  });
});

describe('defaultExtensionDir', () => {
  it.each([
    ['EXTENSION_DIR when set', { EXTENSION_DIR: '/srv/creditlens' }, '/srv/creditlens'],
    ['the repository .output otherwise', {}, join(import.meta.dirname, '../../../../.output')],
  ])('returns %s', (_, env, expected) => {
    expect(defaultExtensionDir(env)).toBe(expected);
  });
});

describe('GET /extension/updates.xml and /extension/credit-lens.crx', () => {
  let dir: string;
  let empty: string;
  let platform: RunningPlatform;
  let unpackaged: RunningPlatform;
  const CRX = Buffer.from('Cr24\x03\x00\x00\x00fake crx bytes', 'latin1');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'creditlens-ext-'));
    empty = await mkdtemp(join(tmpdir(), 'creditlens-ext-empty-'));
    await writeFile(join(dir, 'credit-lens.crx'), CRX);
    await writeFile(join(dir, 'credit-lens-release.json'), JSON.stringify({ id: ID, version: '0.2.1' }));
    platform = await startTestPlatform({ port: 0, extensionDir: dir });
    unpackaged = await startTestPlatform({ port: 0, extensionDir: empty });
  });
  afterAll(async () => {
    await platform?.close();
    await unpackaged?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  it('returns the update manifest pointing at the CRX on the address the browser asked on', async () => {
    const res = await call(platform, 'GET', '/extension/updates.xml?x=id%3Dabc');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.text).toContain(`<app appid="${ID}">`);
    expect(res.text).toContain(`codebase="${platform.url}/extension/credit-lens.crx" version="0.2.1"`);
  });

  it('returns the CRX bytes as a Chrome extension', async () => {
    const response = await fetch(`${platform.url}/extension/credit-lens.crx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-chrome-extension');
    expect(Buffer.from(await response.arrayBuffer()).equals(CRX)).toBe(true);
  });

  it.each(['/extension/updates.xml', '/extension/credit-lens.crx'])('returns 404 not_found for %s when nothing was packaged', async (path) => {
    const res = await call(unpackaged, 'GET', path);
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect(res.json.error.message).toContain('npm run package');
  });
});
