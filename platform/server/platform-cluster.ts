import cluster, { type Worker } from 'node:cluster';
import { resolve } from 'node:path';
import type { DemoTokens } from '../auth/demo-tokens.ts';
import { createRateLimiter } from '../rate-limit/create-rate-limiter.ts';
import { answerRateQuestions } from '../rate-limit/ipc-bucket-store.ts';
import { parseRateLimit } from '../rate-limit/parse-rate-limit.ts';
import { DEFAULT_RATE_LIMIT, startPlatform, type StartPlatformOptions } from '../start-platform.ts';

/** A platform served by several worker processes over one database file. */
export interface RunningCluster {
  url: string;
  port: number;
  workers: number;
  tokens: DemoTokens | undefined;
  /** The worker processes' ids (tests: one can be killed to see it replaced). */
  pids(): number[];
  close(): Promise<void>;
}

const WORKER_ENTRY = resolve(import.meta.dirname, 'platform-worker.ts');

/**
 * Serves the platform with `workers` processes (node:cluster) sharing one listening socket and
 * one SQLite file in WAL mode. The primary first starts the platform once itself, on a loopback
 * port, and closes it: every start check and refusal, the migrations, seeding and the signing key
 * happen once, before any worker opens the file. It then forks the workers and holds what must
 * be one for all of them: the rate limit's token buckets (workers ask over IPC,
 * rate-limit/ipc-bucket-store.ts). The data version and the changes feed are read from the file
 * on every request, and the expiry sweep runs in the worker holding its lease (db/hold-lease.ts),
 * so neither depends on which worker answers. A worker that dies is replaced.
 */
export async function startPlatformCluster(opts: StartPlatformOptions & { workers: number }): Promise<RunningCluster> {
  const { workers, ...options } = opts;
  if (!cluster.isPrimary) throw new Error('startPlatformCluster runs in the primary process');
  if (!options.databaseUrl && (!options.dbPath || options.dbPath === ':memory:')) {
    throw new Error('several workers need a database file (DB_PATH), not :memory:, or PostgreSQL (DATABASE_URL)');
  }
  const probe = await startPlatform({ ...options, port: 0, host: '127.0.0.1', log: false });
  const tokens = probe.tokens;
  await probe.close();
  const rateLimit = options.rateLimit ?? parseRateLimit(process.env.RATE_LIMIT) ?? DEFAULT_RATE_LIMIT;
  // SQLite: the primary holds the buckets for its workers; PostgreSQL: the database does (start-platform.ts).
  const limiter = rateLimit === false || options.databaseUrl !== undefined ? null : createRateLimiter(rateLimit);
  const workerOptions: StartPlatformOptions = { ...options, rateLimit, createDatabase: false };
  cluster.setupPrimary({ exec: WORKER_ENTRY, execArgv: ['--import', 'tsx'] });

  let closing = false;
  let url = '';
  let port = options.port ?? 0;
  // Every worker asks for the same address as given (port 0 too): the primary then hands them all one socket.
  const workerEnv = { CREDITLENS_WORKER: JSON.stringify({ ...workerOptions, port }) };
  const running = new Set<Worker>();
  const fork = (): Promise<Worker> =>
    new Promise((resolveWorker, reject) => {
      const worker = cluster.fork(workerEnv);
      if (limiter) answerRateQuestions(worker, limiter);
      let listening = false;
      worker.on('message', (message: { creditlens?: string; url?: string; port?: number }) => {
        if (message?.creditlens !== 'listening') return;
        listening = true;
        url = message.url ?? url;
        port = message.port ?? port;
        running.add(worker);
        resolveWorker(worker);
      });
      worker.once('exit', (code, signal) => {
        running.delete(worker);
        if (!listening) return reject(new Error(`a platform worker exited (${signal ?? code}) before it listened`));
        if (closing) return;
        console.error(`[platform] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
        fork().catch((error: unknown) => console.error('[platform] could not replace a worker:', error));
      });
    });

  const stopAll = async (): Promise<void> => {
    closing = true;
    await Promise.all(
      [...running].map(
        (worker) =>
          new Promise<void>((done) => {
            if (worker.isDead()) return done();
            worker.once('exit', () => done());
            worker.send({ creditlens: 'close' });
          }),
      ),
    );
  };
  try {
    // The first worker binds the port (an ephemeral one when 0); the others share it.
    await fork();
    await Promise.all(Array.from({ length: workers - 1 }, () => fork()));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    url,
    port,
    workers,
    tokens,
    pids: () => [...running].map((w) => w.process.pid ?? 0),
    close: stopAll,
  };
}
