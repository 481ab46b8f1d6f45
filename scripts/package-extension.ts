/**
 * `npm run package`: everything an IT department installs from, in `.output/`:
 * - the store zips, through WXT: `credit-lens-<version>-chrome.zip` (Chrome Web Store, Edge
 *   Add-ons) and `credit-lens-<version>-firefox.zip` (+ its sources zip, which AMO asks for);
 * - the enterprise build (`wxt build --mode enterprise`, http/https host access declared) signed
 *   as `credit-lens.crx` (CRX3), with `credit-lens-release.json` (ID, version) for the reference
 *   platform, which serves both at /extension/updates.xml and /extension/credit-lens.crx;
 * - `updates.xml`, the same update manifest for a plain intranet web server, its download URL
 *   from `CREDITLENS_CRX_URL` (default the demo platform's http://127.0.0.1:8787/extension/credit-lens.crx).
 * The signing key is created on first use outside the repository (sign-extension.ts); the
 * extension ID is printed with the policy line that force-installs it.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CRX_PATH, EXTENSION_CRX_FILE, EXTENSION_RELEASE_FILE, UPDATES_PATH, updateManifestXml } from '../platform/routes/extension-updates-route.ts';
import { defaultKeyPath, ensureSigningKey, packCrx } from './sign-extension.ts';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.output');
const wxt = join(root, 'node_modules', '.bin', 'wxt');

function run(args: string[]): void {
  console.log(`\n$ wxt ${args.join(' ')}`);
  const result = spawnSync(wxt, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`wxt ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function main(): Promise<void> {
  run(['zip']);
  run(['zip', '-b', 'firefox']);
  run(['build', '--mode', 'enterprise']);
  const keyPath = defaultKeyPath();
  const key = await ensureSigningKey(keyPath);
  const { id, version } = await packCrx({ sourceDir: join(out, 'chrome-mv3-enterprise'), keyPath, crxPath: join(out, EXTENSION_CRX_FILE) });
  await writeFile(join(out, EXTENSION_RELEASE_FILE), `${JSON.stringify({ id, version }, null, 2)}\n`);
  const codebase = process.env.CREDITLENS_CRX_URL ?? `http://127.0.0.1:8787${CRX_PATH}`;
  await writeFile(join(out, 'updates.xml'), updateManifestXml({ id, version, codebase }));
  console.log(`
Signing key: ${keyPath}${key.created ? ' (created now: back it up; a new key means a new extension ID)' : ''}
Extension ID: ${id}   version ${version}
Wrote .output/${EXTENSION_CRX_FILE}, .output/${EXTENSION_RELEASE_FILE}, .output/updates.xml (CRX at ${codebase})
The platform serves them at ${UPDATES_PATH} and ${CRX_PATH}. Force-install (docs/deploy.md):
  ExtensionInstallForcelist: "${id};https://<platform host>${UPDATES_PATH}"`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
