import { createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultKeyPath, ensureSigningKey, extensionIdOf, packCrx } from '../../../scripts/sign-extension.ts';

describe('extensionIdOf', () => {
  it('returns the ID Chromium gave the extension it installed from a CRX signed with this key', async () => {
    // The public half of a key whose CRX real Chromium 156 force-installed as this ID.
    const key = createPublicKey(await readFile(join(import.meta.dirname, 'chromium-installed-public-key.pem')));
    expect(extensionIdOf(key)).toBe('ckoookfihiepdipligdmcenfbdnokenb');
  });
});

describe('defaultKeyPath', () => {
  it('returns CREDITLENS_EXTENSION_KEY when set', () => {
    expect(defaultKeyPath({ CREDITLENS_EXTENSION_KEY: '/secure/creditlens.pem' })).toBe('/secure/creditlens.pem');
  });

  it('returns a path under ~/.config/credit-lens, outside the repository, when nothing is set', () => {
    expect(defaultKeyPath({})).toMatch(/\/\.config\/credit-lens\/extension-key\.pem$/);
    expect(defaultKeyPath({}).startsWith(join(import.meta.dirname, '../../..'))).toBe(false);
  });
});

describe('ensureSigningKey and packCrx', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'creditlens-sign-'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 't', version: '1.2.3' }));
    await writeFile(join(dir, 'background.js'), '// test');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates the key once, readable by its owner only, and returns the same ID after', async () => {
    const path = join(dir, 'keys', 'k.pem');
    const first = await ensureSigningKey(path);
    expect(first.created).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await ensureSigningKey(path);
    expect(again).toEqual({ path, id: first.id, created: false });
    expect(first.id).toMatch(/^[a-p]{32}$/);
  });

  it('returns the ID and version of a CRX3 it signed with that key', async () => {
    const keyPath = join(dir, 'keys', 'k.pem');
    const crxPath = join(dir, 'out', 'x.crx');
    const packed = await packCrx({ sourceDir: dir, keyPath, crxPath });
    expect(packed).toEqual({ id: (await ensureSigningKey(keyPath)).id, version: '1.2.3' });
    const crx = await readFile(crxPath);
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
  });
});
