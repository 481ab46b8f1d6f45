// `npm start`: build what is missing, then run the reference platform with the demo data set, the
// demo pages and the widget bundle, and say how to load the extension. Works on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_TOKENS } from '../platform/auth/demo-tokens.ts';
import { redactUrl } from '../platform/db/redact-url.ts';
import { startPlatform } from '../platform/start-platform.ts';
import { StartRefusedError } from '../platform/start-refused-error.ts';

const root = resolve(import.meta.dirname, '..');
const at = (path: string) => resolve(root, path);

const needed = ['.output/chrome-mv3/manifest.json', 'dist/widget/credit-lens.js', 'dist/widget/credit-lens-more.mjs'];
const missing = needed.filter((path) => !existsSync(at(path)));
if (missing.length > 0) {
  console.log(`building (missing: ${missing.join(', ')})…`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) console.warn('\n⚠ npm run build failed; starting the platform anyway (the extension or widget may be missing).\n');
}

const port = process.env.PORT ? Number(process.env.PORT) : 8787;
const host = process.env.HOST ?? '127.0.0.1';
const dbPath = process.env.DB_PATH ?? at('data/demo.sqlite');
// DATABASE_URL=postgres://… runs the demo on PostgreSQL (npm run postgres starts a local one); else the SQLite file.
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const firstRun = databaseUrl === undefined && !existsSync(dbPath);
// The demo path: seeds the demo data set and its published tokens into a database of its own
// (data/demo.sqlite); a DB_PATH that holds real data is refused rather than opened to the demo tokens.
const platform = await startPlatform({
  port,
  host,
  dbPath,
  ...(databaseUrl ? { databaseUrl } : {}),
  seed: true,
  anonymousReads: true,
  staticDirs: [
    { prefix: '/demo/', dir: at('demo') },
    { prefix: '/widget/', dir: at('dist/widget') },
  ],
  log: true,
  ...(process.env.CORS_ORIGINS ? { corsOrigins: process.env.CORS_ORIGINS === '*' ? '*' : process.env.CORS_ORIGINS.split(',').map((s) => s.trim()) } : {}),
}).catch((error: unknown) => {
  if (!(error instanceof StartRefusedError)) throw error;
  console.error(`npm start: ${error.message} (npm run platform -- serve runs a real database)`);
  process.exit(1);
});

const extensionDir = at('.output/chrome-mv3');
console.log(`
信用透镜 CreditLens — reference credit platform ${firstRun ? '(demo data seeded into ' : '(demo data from '}${databaseUrl ? `PostgreSQL, ${redactUrl(databaseUrl)}` : dbPath})

  Platform & API   ${platform.url}/            (health: ${platform.url}/api/v1/health)
  Demo pages       ${platform.url}/demo/${existsSync(at('demo')) ? '' : '   (folder demo/ not built yet)'}
  Widget bundle    ${platform.url}/widget/credit-lens.js${existsSync(at('dist/widget/credit-lens.js')) ? '' : '   (not built yet)'}
  Subject page     ${platform.url}/subjects/<统一社会信用代码>
  Extension        ${extensionDir}${existsSync(extensionDir) ? '' : '   (not built yet: npm run build)'}

Load the extension in Chrome: chrome://extensions → 开发者模式 (Developer mode) → 加载已解压的扩展程序
(Load unpacked) → choose the folder above; set the platform URL ${platform.url} in its settings.

Demo department token (区市场监管局):  ${DEMO_TOKENS.department}
                 viewer / admin:      ${DEMO_TOKENS.viewer} / ${DEMO_TOKENS.admin}
Demo subjects with expected verdicts: platform/seed/demo-subjects.json

Ctrl+C stops the platform.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('shutting down…');
  await platform.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
