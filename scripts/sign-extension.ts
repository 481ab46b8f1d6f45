/**
 * Signs the enterprise build as a CRX3 for force-installing from an intranet. The signing key is
 * an RSA key created on first use and kept outside the repository (`CREDITLENS_EXTENSION_KEY`, else
 * `~/.config/credit-lens/extension-key.pem`, mode 0600): the extension ID is derived from it, so
 * every later version signed with the same key updates the installed extension in place. Lose the
 * key and the next CRX is a different extension (a new ID in every policy).
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

type Crx3 = (files: string[], options: { keyPath: string; crxPath: string }) => Promise<{ appId: string }>;
const crx3 = createRequire(import.meta.url)('crx3') as Crx3;

/** Where the signing key is kept. */
export function defaultKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CREDITLENS_EXTENSION_KEY ?? join(homedir(), '.config', 'credit-lens', 'extension-key.pem'));
}

/** The extension ID Chromium derives from a public key: sha256 of its DER SubjectPublicKeyInfo, first 32 hex digits written a–p. */
export function extensionIdOf(publicKey: KeyObject): string {
  const hash = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 32);
  return [...hash].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

/** Reads the key at `path`, creating it (RSA 2048, PKCS#8 PEM, 0600 in a 0700 folder) when there is none. */
export async function ensureSigningKey(path: string): Promise<{ path: string; id: string; created: boolean }> {
  let created = false;
  if (!existsSync(path)) {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600);
    created = true;
  }
  const id = extensionIdOf(createPublicKey(await readFile(path)));
  return { path, id, created };
}

/** Packs the unpacked extension in `sourceDir` into a CRX3 at `crxPath`, signed with the key at `keyPath`; returns its ID and version. */
export async function packCrx(o: { sourceDir: string; keyPath: string; crxPath: string }): Promise<{ id: string; version: string }> {
  const key = await ensureSigningKey(o.keyPath);
  const manifest = JSON.parse(await readFile(join(o.sourceDir, 'manifest.json'), 'utf8')) as { version: string };
  await mkdir(dirname(o.crxPath), { recursive: true });
  // Only the manifest's path: crx3 then packs its whole folder, each file once, at the root.
  const { appId } = await crx3([join(o.sourceDir, 'manifest.json')], { keyPath: key.path, crxPath: o.crxPath });
  if (appId !== key.id) throw new Error(`crx3 signed as ${appId}, the key says ${key.id}`);
  return { id: key.id, version: manifest.version };
}
