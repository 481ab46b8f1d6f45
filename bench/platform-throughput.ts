/**
 * Throughput of the reference platform's batch status endpoint on two 1,000,000-subject data sets
 * (generated once — one transaction, prepared inserts — and cached under .bench/, keyed by
 * DATASET_VERSION): the realistic one, where about 10 % of subjects have entries (most subjects of
 * a real platform are on no list), and the worst case, where every subject has one. For each,
 * autocannon POSTs /api/v1/status with batches of 100 random codes over 32 connections against
 * the real server (`serve --workers N`, a child process, so load generator and server do not
 * share an event loop) with 1 and 2 workers, and prints codes/s, p50/p99 and the platform's
 * resident memory under load (all its processes), beside the raw ceiling: the same lookups
 * (lookUpCodes, which the route calls) in this process with no HTTP, JSON or audit.
 *
 * `npm run bench -- platform` (BENCH_WORKERS=1 to run only one worker count, BENCH_DATASETS=realistic
 * one data set, BENCH_SECONDS the load duration, default 8).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chinaDate } from '../core/verdict/china-date.ts';
import { orgCodeCheckChar } from '../core/uscc/org-code-check-char.ts';
import { usccCheckChar } from '../core/uscc/uscc-check-char.ts';
import { DEMO_TOKENS, ensureDemoTokens } from '../platform/auth/demo-tokens.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { createRepositories } from '../platform/db/repositories.ts';
import { lookUpCodes } from '../platform/lists/look-up-codes.ts';
import { CATALOGUE_VERSION, MEASURES_CATALOGUE } from '../platform/seed/measures-catalogue.ts';
import { mulberry32 } from '../platform/seed/mulberry32.ts';
import type { PlatformContext } from '../platform/server/platform-context.ts';

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

/** Bump when the generated data change: the cached files are rebuilt. */
const DATASET_VERSION = 1;
const SUBJECTS = 1_000_000;
const BATCH = 100;
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const root = resolve(import.meta.dirname, '..');

type DatasetKind = 'realistic' | 'worst';
const DATASETS: Record<DatasetKind, { share: number; label: string }> = {
  realistic: { share: 0.1, label: 'realistic: ~10 % of subjects with entries' },
  worst: { share: 1, label: 'worst case: every subject has an entry' },
};

const FACTS =
  '经查，该单位在经营活动中存在违反《中华人民共和国产品质量法》的行为，生产销售不合格产品，货值金额较大，情节严重，依法予以行政处罚并列入严重失信主体名单。';
const BASIS = '《市场监督管理严重违法失信名单管理办法》第二条、第九条';
const NAMES = ['武汉汉阳', '湖北长江', '汉江', '龟山', '月湖', '晴川', '琴台', '墨水湖'];
const TRADES = ['商贸有限公司', '建筑工程有限公司', '餐饮管理有限公司', '科技有限公司', '物流有限公司', '食品有限公司'];

/** The i-th valid code of the data set (deterministic, unique): region 420105, organization code from the counter. */
function* codes(): Generator<string> {
  for (let i = 0; ; i++) {
    const body = String(10_000_000 + i);
    const orgCheck = orgCodeCheckChar(body);
    if (orgCheck === null) continue;
    const first17 = `91420105${body}${orgCheck}`;
    yield first17 + usccCheckChar(first17);
  }
}

/** Writes the data set into an empty database: one transaction, statements prepared once. */
async function generate(path: string, kind: DatasetKind): Promise<void> {
  const started = performance.now();
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const today = chinaDate(new Date());
  const next = mulberry32(2018);
  const subject = db.prepare('INSERT INTO subjects (code, name, region_code, legal_representative) VALUES (?, ?, ?, ?)');
  const entry = db.prepare(
    `INSERT INTO entries (id, code, list, category, facts, legal_basis, document_number, department, listed_on, valid_until, state,
       exit_date, exit_reason, exit_department, repairable, monitoring_until, visibility, persons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, NULL, NULL, ?, NULL, 'public', ?)`,
  );
  const share = DATASETS[kind].share;
  let entries = 0;
  db.transaction(() => {
    const source = codes();
    for (let i = 0; i < SUBJECTS; i++) {
      const code = source.next().value as string;
      subject.run(code, `${NAMES[i % NAMES.length]}${TRADES[i % TRADES.length]}${i}`, '420105', '张三');
      if (next() >= share) continue;
      const black = next() < 0.7;
      const n = next() < 0.15 ? 2 : 1;
      for (let k = 0; k < n; k++) {
        entries++;
        entry.run(
          `bench-${i}-${k}`,
          code,
          black ? 'black' : 'red',
          black ? 'market-serious-violation' : 'tax-a',
          FACTS,
          BASIS,
          `汉市监处罚〔2025〕${i}号`,
          '区市场监管局',
          '2025-06-01',
          '2028-06-01',
          black ? 1 : 0,
          black ? JSON.stringify([{ role: 'legal-representative', name: '张三', idNumber: '420105198001011234' }]) : '[]',
        );
      }
    }
  })();
  await ensureDemoTokens(repos);
  await repos.meta.set('seededOn', today);
  await repos.meta.set('benchDataset', `${kind}-v${DATASET_VERSION}-${SUBJECTS}`);
  db.close();
  console.log(
    `generated ${kind}: ${SUBJECTS.toLocaleString()} subjects, ${entries.toLocaleString()} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The cached data set (generated when missing or of another version) and 20,000 codes drawn from it. */
async function ensureDataset(kind: DatasetKind): Promise<{ path: string; sample: string[] }> {
  mkdirSync(resolve(root, '.bench'), { recursive: true });
  const path = resolve(root, `.bench/platform-${kind}-v${DATASET_VERSION}.sqlite`);
  const wanted = `${kind}-v${DATASET_VERSION}-${SUBJECTS}`;
  let ready = false;
  if (existsSync(path)) {
    const db = openDatabase(path);
    ready = (await createRepositories(db).meta.get('benchDataset')) === wanted;
    db.close();
  }
  if (!ready) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    await generate(path, kind);
  }
  const db = openDatabase(path);
  // Earlier runs' audit rows would make the file (and each run) grow.
  db.exec('DELETE FROM audit_log');
  const sample = (db.prepare('SELECT code FROM subjects ORDER BY random() LIMIT 20000').all() as { code: string }[]).map((r) => r.code);
  db.close();
  return { path, sample };
}

function batches(sample: string[]): string[][] {
  const next = mulberry32(42);
  return Array.from({ length: 200 }, () => Array.from({ length: BATCH }, () => sample[Math.floor(next() * sample.length)] as string));
}

/** The ceiling: the lookups the status route makes (lookUpCodes), in this process, without HTTP, JSON or audit. */
async function rawLookupRate(path: string, requests: string[][]): Promise<number> {
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const today = chinaDate(new Date());
  const ctx: PlatformContext = {
    repos,
    anonymousReads: true,
    today: () => today,
    measures: MEASURES_CATALOGUE,
    catalogueVersion: CATALOGUE_VERSION,
    platformName: 'bench',
    regions: ['all'],
    currentSigningKey: () => Promise.reject(new Error('not in the bench')),
  };
  const disclosure = { scope: 'full', names: 'masked', idNumbers: 'masked' } as const;
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    for (let i = 0; i < 20; i++, n++)
      await lookUpCodes(ctx, requests[n % requests.length] as string[], disclosure, { asOf: new Date().toISOString(), dataVersion: 1 });
  }
  const rate = (n * BATCH) / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

/** Resident memory (MiB) and CPU time so far (s) of a process and all its descendants (Linux /proc). */
function treeUsage(pid: number): { rssMiB: number; cpuSeconds: number } {
  let kib = 0;
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // utime and stime: fields 14 and 15, after the command in parentheses.
      const raw = readFileSync(`/proc/${p}/stat`, 'utf8');
      const stat = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      ticks += Number(stat[11]) + Number(stat[12]);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(' ') : []) visit(Number(c));
      }
    } catch {
      // The process ended between listing and reading.
    }
  };
  visit(pid);
  // Linux counts CPU time in USER_HZ ticks, 100 a second.
  return { rssMiB: kib / 1024, cpuSeconds: ticks / 100 };
}

async function startServer(path: string, workers: number): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(root, 'platform/main.ts'), 'serve', '--demo', ...(workers > 1 ? ['--workers', String(workers)] : [])],
    {
      // One token drives every connection: the per-caller rate limit would measure itself, not the platform.
      cwd: root,
      env: { ...process.env, DB_PATH: path, PORT: '0', LOG_REQUESTS: '0', RATE_LIMIT: 'off', WORKERS: String(workers) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`platform exited (${code}) before listening: ${out}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function load(path: string, workers: number, requests: string[][]): Promise<string> {
  const server = await startServer(path, workers);
  const bodies = requests.map((codes) => JSON.stringify({ codes }));
  let b = 0;
  let peakRss = 0;
  const pid = server.child.pid!;
  const cpuBefore = treeUsage(pid).cpuSeconds;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeUsage(pid).rssMiB)), 250);
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
    const rate = (ok * BATCH) / result.duration;
    const cpu = treeUsage(pid).cpuSeconds - cpuBefore;
    return `  ${workers} worker${workers > 1 ? 's' : ' '}  ${Math.round(rate).toLocaleString().padStart(9)} codes/s  p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  max ${String(result.latency.max).padStart(5)} ms  RSS ${peakRss.toFixed(0)} MiB  ${Math.round((ok * BATCH) / cpu).toLocaleString()} codes per platform CPU-s  (${(ok / result.duration).toFixed(0)} req/s; ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`;
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const workerCounts = process.env.BENCH_WORKERS ? process.env.BENCH_WORKERS.split(',').map(Number) : [1, 2];
  const lines: string[] = [];
  const kinds = (process.env.BENCH_DATASETS?.split(',') ?? ['realistic', 'worst']) as DatasetKind[];
  for (const kind of kinds) {
    const { path, sample } = await ensureDataset(kind);
    const requests = batches(sample);
    const raw = await rawLookupRate(path, requests);
    lines.push(`\n${DATASETS[kind].label}`, `  raw lookUpCodes, no HTTP (1 process)  ${Math.round(raw).toLocaleString()} codes/s`);
    for (const workers of workerCounts) {
      const line = await load(path, workers, requests);
      lines.push(line);
      console.log(line);
    }
  }
  console.log(`
platform throughput — ${SUBJECTS.toLocaleString()} subjects, POST /api/v1/status × ${BATCH} random codes, ${CONNECTIONS} connections, ${DURATION_S} s each;
autocannon runs on the same 2 cores as the platform; RSS = peak resident memory of all platform processes;\nload average when it ended: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (other work on the machine slows every figure but codes per CPU-s)${lines.join('\n')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
