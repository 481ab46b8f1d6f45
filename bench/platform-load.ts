/**
 * Loading the real platform server: `serve --demo [--workers N]` as a child process (so load
 * generator and server do not share an event loop) on an SQLite file (DB_PATH) or PostgreSQL
 * (DATABASE_URL), autocannon POSTing /api/v1/status with batches of 100 random codes, and the raw
 * ceiling — the same lookups (lookUpCodes, which the route calls) in this process with no HTTP,
 * JSON or audit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chinaDate } from '../core/verdict/china-date.ts';
import { DEMO_TOKENS } from '../platform/auth/demo-tokens.ts';
import { openPlatformDatabase, type DatabaseTarget } from '../platform/db/open-platform-database.ts';
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

/** Codes a request. */
export const BATCH = 100;

/** 200 request bodies' worth of codes, drawn (deterministically) from the sample. */
export function batches(sample: string[]): string[][] {
  const next = mulberry32(42);
  return Array.from({ length: 200 }, () => Array.from({ length: BATCH }, () => sample[Math.floor(next() * sample.length)] as string));
}

/** What one load run measured. */
export interface LoadFigures {
  connections: number;
  codesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Peak resident memory of all platform processes (MiB). */
  rssMiB: number;
  /** Codes answered per CPU-second of the platform's processes, and of the PostgreSQL server's when there is one. */
  codesPerCpuSecond: number;
  /** Share of that CPU time the PostgreSQL server took (0 on SQLite). */
  databaseCpuShare: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Resident memory (MiB) and CPU time so far (s) of a process and all its descendants (Linux /proc). */
export function treeUsage(pid: number): { rssMiB: number; cpuSeconds: number } {
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

/** A running platform server. */
export interface PlatformServer {
  url: string;
  child: ChildProcess;
  /** Seconds from spawn to listening. */
  startSeconds: number;
  stop(): Promise<void>;
}

/**
 * Starts `serve --demo` on the target with `workers` processes and waits until it listens.
 * PLATFORM_NODE_ARGS adds Node options to its command (profiling: `--cpu-prof --cpu-prof-dir=DIR`).
 */
export async function startServer(root: string, target: DatabaseTarget, workers: number): Promise<PlatformServer> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_REQUESTS: '0', RATE_LIMIT: 'off', WORKERS: String(workers) };
  delete env.DATABASE_URL;
  if (target.engine === 'sqlite') env.DB_PATH = target.path;
  else env.DATABASE_URL = target.url;
  const child = spawn(
    process.execPath,
    [
      ...(process.env.PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      resolve(root, 'platform/main.ts'),
      'serve',
      '--demo',
      ...(workers > 1 ? ['--workers', String(workers)] : []),
    ],
    // One token drives every connection: the per-caller rate limit would measure itself, not the platform.
    { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] },
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
    startSeconds: (performance.now() - started) / 1000,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * One autocannon run against a started server: `connections` connections for `seconds`, each
 * request the next of `requests`. `databasePid` (the PostgreSQL postmaster) adds the server's CPU
 * time to the per-CPU-second figure.
 */
export async function loadServer(
  server: PlatformServer,
  requests: string[][],
  options: { connections: number; seconds: number; databasePid?: number },
): Promise<LoadFigures> {
  const bodies = requests.map((codes) => JSON.stringify({ codes }));
  let b = 0;
  let peakRss = 0;
  const pid = server.child.pid!;
  const cpuBefore = treeUsage(pid).cpuSeconds;
  const dbBefore = options.databasePid ? treeUsage(options.databasePid).cpuSeconds : 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeUsage(pid).rssMiB)), 250);
  try {
    const result = await autocannon({
      url: `${server.url}/api/v1/status`,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.viewer}` },
          setupRequest: (request) => ({ ...request, body: bodies[b++ % bodies.length] }),
        },
      ],
    });
    const ok = result['2xx'];
    const platformCpu = treeUsage(pid).cpuSeconds - cpuBefore;
    const databaseCpu = options.databasePid ? treeUsage(options.databasePid).cpuSeconds - dbBefore : 0;
    return {
      connections: options.connections,
      codesPerSecond: (ok * BATCH) / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      rssMiB: peakRss,
      codesPerCpuSecond: (ok * BATCH) / (platformCpu + databaseCpu),
      databaseCpuShare: databaseCpu / (platformCpu + databaseCpu),
      requestsPerSecond: ok / result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The ceiling: the lookups the status route makes (lookUpCodes), in this process, one batch at a
 * time, without HTTP, JSON or audit — codes/s in each of `windows` windows of `seconds`.
 */
export async function rawLookupRate(target: DatabaseTarget, requests: string[][], windows = 3, seconds = 2): Promise<number[]> {
  const database = await openPlatformDatabase(target, 1);
  const repos = createRepositories(database);
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
  const once = () => lookUpCodes(ctx, requests[n++ % requests.length] as string[], disclosure, { asOf: new Date().toISOString(), dataVersion: 1 });
  try {
    // A short warm-up (JIT, caches) before the clock starts.
    for (let i = 0; i < 20; i++) await once();
    const rates: number[] = [];
    for (let w = 0; w < windows; w++) {
      const started = performance.now();
      let done = 0;
      while (performance.now() - started < seconds * 1000) {
        for (let i = 0; i < 20; i++, done++) await once();
      }
      rates.push((done * BATCH) / ((performance.now() - started) / 1000));
    }
    return rates;
  } finally {
    await database.close();
  }
}
