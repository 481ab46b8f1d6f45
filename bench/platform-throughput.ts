/**
 * Throughput of the reference platform's batch status endpoint on a 1,000,000-subject database
 * (seeded once and cached under .bench/): autocannon POSTs /api/v1/status with batches of 100
 * random codes over 32 connections for ~10 s against the real server (a child process, so load
 * generator and server do not share an event loop), beside the raw SQLite lookup rate on the same
 * data through the same prepared statements, as the ceiling.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chinaDate } from '../core/verdict/china-date.ts';
import { DEMO_TOKENS, ensureDemoTokens } from '../platform/auth/demo-tokens.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { createRepositories } from '../platform/db/repositories.ts';
import { visibleEntries } from '../platform/lists/to-list-entry.ts';
import { seedDatabase } from '../platform/seed/seed-database.ts';
import { mulberry32 } from '../platform/seed/mulberry32.ts';

/** The part of autocannon's result this benchmark reads (the package ships no types). */
interface LoadResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  latency: { p50: number; p99: number; max: number };
}
type Request = { method: string; headers: Record<string, string>; body?: string };
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  requests: (Request & { setupRequest(request: Request): Request })[];
}) => Promise<LoadResult>;

const SUBJECTS = 1_000_000;
const BATCH = 100;
const CONNECTIONS = 32;
const DURATION_S = 10;
const root = resolve(import.meta.dirname, '..');
const dbPath = resolve(root, '.bench/platform-1m.sqlite');

function ensureDatabase(): string[] {
  mkdirSync(resolve(root, '.bench'), { recursive: true });
  const fresh = !existsSync(dbPath);
  const db = openDatabase(dbPath);
  const repos = createRepositories(db);
  if (repos.meta.get('seededSubjects') !== String(SUBJECTS)) {
    if (!fresh) throw new Error(`${dbPath} is not a complete ${SUBJECTS}-subject database; delete it and run again`);
    console.log(`seeding ${SUBJECTS.toLocaleString()} subjects into ${dbPath} (once; cached)…`);
    ensureDemoTokens(repos);
    const report = seedDatabase(repos, {
      subjects: SUBJECTS,
      today: chinaDate(new Date()),
      keepExpectations: false,
      onProgress: (n) => process.stdout.write(`  ${n.toLocaleString()}…\r`),
    });
    console.log(
      `seeded ${report.subjects.toLocaleString()} subjects, ${report.entries.toLocaleString()} entries in ${(report.milliseconds / 1000).toFixed(1)} s`,
    );
  } else console.log(`reusing ${dbPath}`);
  const codes = (db.prepare('SELECT code FROM subjects ORDER BY random() LIMIT 20000').all() as { code: string }[]).map((r) => r.code);
  db.close();
  return codes;
}

/** The ceiling: the same prepared lookups the status route makes, without HTTP, JSON or validation. */
function rawLookupRate(codes: string[]): number {
  const db = openDatabase(dbPath);
  const repos = createRepositories(db);
  const today = chinaDate(new Date());
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    for (let i = 0; i < 1000; i++, n++) {
      const code = codes[n % codes.length] as string;
      if (repos.subjects.get(code)) visibleEntries(repos, code, today, { scope: 'full', names: 'full', idNumbers: 'full' });
    }
  }
  const rate = n / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'platform/main.ts'), 'serve'], {
    // One token drives every connection: the per-caller rate limit would measure itself, not the platform.
    cwd: root,
    env: { ...process.env, DB_PATH: dbPath, PORT: '0', LOG_REQUESTS: '0', RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`platform exited (${code}) before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const codes = ensureDatabase();
  const raw = rawLookupRate(codes);
  const server = await startServer();
  const next = mulberry32(42);
  const bodies = Array.from({ length: 200 }, () => JSON.stringify({ codes: Array.from({ length: BATCH }, () => codes[Math.floor(next() * codes.length)]) }));
  let b = 0;
  try {
    const result = await autocannon({
      url: `${server.url}/api/v1/status`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.viewer}` },
          setupRequest: (request) => ({ ...request, body: bodies[b++ % bodies.length] }),
        },
      ],
    });
    const ok = result['2xx'];
    const seconds = result.duration;
    console.log(`
platform throughput — ${SUBJECTS.toLocaleString()} subjects, POST /api/v1/status × ${BATCH} random codes, ${CONNECTIONS} connections, ${seconds.toFixed(1)} s
  codes answered/s        ${Math.round((ok * BATCH) / seconds).toLocaleString()}   (${(ok / seconds).toFixed(0)} requests/s; ${ok.toLocaleString()} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)
  latency per request     p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms
  raw SQLite lookups/s    ${Math.round(raw).toLocaleString()}   (ceiling: same prepared statements, no HTTP/JSON/validation/audit)
  HTTP / raw              ${(((ok * BATCH) / seconds / raw) * 100).toFixed(0)} %`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
