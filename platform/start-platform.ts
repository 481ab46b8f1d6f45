import type { PlatformRegion } from '../core/platforms/platform-config-schema.ts';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from 'better-sqlite3';
import { hostname } from 'node:os';
import { holdLease } from './db/hold-lease.ts';
import { chinaDate } from '../core/verdict/china-date.ts';
import { DEMO_META_KEY, DEMO_TOKENS, demoTokensPresent, ensureDemoTokens, isDemoDatabase, type DemoTokens } from './auth/demo-tokens.ts';
import { MissingDatabaseError } from './db/open-database.ts';
import { DatabaseUnreachableError, databaseTarget, openPlatformDatabase, type PlatformDatabase } from './db/open-platform-database.ts';
import { auditDatabasePath } from './db/audit-database.ts';
import { watchDatabaseFiles } from './db/watch-database-file.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';
import { CATALOGUE_VERSION, MEASURES_CATALOGUE } from './seed/measures-catalogue.ts';
import { followSigningKey } from './records/follow-signing-key.ts';
import { seedDatabase } from './seed/seed-database.ts';
import { databaseBucketStore } from './rate-limit/database-bucket-store.ts';
import { parseRateLimit } from './rate-limit/parse-rate-limit.ts';
import { createServer } from './server/create-server.ts';
import type { PlatformContext } from './server/platform-context.ts';
import type { ServerTimeouts } from './server/server-timeouts.ts';
import { announceExpiries } from './lists/announce-expiries.ts';
import { StartRefusedError } from './start-refused-error.ts';

/** What `seed` asks for: the demo data set (true = 300 subjects, seed 2018). */
export type DemoSeed = true | { subjects?: number; seed?: number };

/** Options of a running platform; every one has a demo-friendly default. */
export interface StartPlatformOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default ':memory:'. A file keeps its data across restarts. */
  dbPath?: string;
  /** A postgres:// URL (`DATABASE_URL`): run on that PostgreSQL database instead of the SQLite file at `dbPath`. */
  databaseUrl?: string;
  /** How many connections this process keeps to PostgreSQL (default 10). */
  poolSize?: number;
  /** Create the database file when it is missing (default true); false: refuse (`serve` without `--create`). */
  createDatabase?: boolean;
  /**
   * Run the demo: seed the demo data set and install the demo tokens when the database holds no
   * subjects yet, and mark it as the demo; on a demo database seeded before, just run it. Refuses
   * (StartRefusedError `not-a-demo-database`) a database that holds other data.
   */
  seed?: boolean | DemoSeed;
  /** Whether the published demo tokens may open this platform (default true); false: refuse to start when one is stored (`serve` without `--demo`). */
  allowDemoTokens?: boolean;
  /** Request, header and idle timeouts (default DEFAULT_SERVER_TIMEOUTS: 30 s, 10 s, 10 s). */
  timeouts?: Partial<ServerTimeouts>;
  /** Let callers without a token read public, masked data (default true). */
  anonymousReads?: boolean;
  /** Allowed CORS origins; default: the platform's own origin, http://localhost:* and http://127.0.0.1:*. */
  corsOrigins?: string[] | '*';
  staticDirs?: { prefix: string; dir: string }[];
  /** Where the enterprise CRX and its release file are (served at /extension/updates.xml); default EXTENSION_DIR, else .output/. */
  extensionDir?: string;
  /** One line per request to stdout (default false). */
  log?: boolean;
  /**
   * Requests per minute each caller (a token, else a client address) may make to `/api/v1/*`,
   * as a token bucket holding a minute's allowance; false turns limiting off. Default: the
   * `RATE_LIMIT` environment variable (so `npm start` and test runs can raise it), else
   * DEFAULT_RATE_LIMIT.
   */
  rateLimit?: number | false;
  /**
   * Where the rate limit counts. Default: on PostgreSQL the database's buckets, shared by every
   * worker and machine (rate-limit/database-bucket-store.ts); on SQLite this process's, and a
   * worker of several gets the primary's (rate-limit/ipc-bucket-store.ts, server/platform-cluster.ts).
   */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /** The platform's name, signed into its check records (`PLATFORM_NAME`); default the reference platform's. */
  name?: string;
  /**
   * The regions whose subjects this platform answers for (`PLATFORM_REGIONS`: administrative-division
   * prefixes, or `all`, the default). A code from elsewhere that it holds nothing on is answered
   * unknown ("not this platform's region"), never "not listed": it cannot speak for another region's lists.
   */
  regions?: readonly PlatformRegion[];
  /** Fixes "today" (YYYY-MM-DD, China date) for seeding and effective states; default: the real date. */
  today?: string;
}

/** The reference platform's name when none is given. */
export const DEFAULT_PLATFORM_NAME = '汉阳区公共信用信息平台（参考实现）';

/**
 * A running platform. `tokens` are the published demo tokens, present only on a demo platform
 * (started with `seed`): a real platform's tokens are issued by `init` / `token create` and
 * shown once, never kept.
 */
export interface RunningPlatform<Tokens extends DemoTokens | undefined = DemoTokens> {
  url: string;
  port: number;
  close(): Promise<void>;
  tokens: Tokens;
  /** The better-sqlite3 handle of an SQLite platform (tests read it); on PostgreSQL, reading it throws. */
  db: Database;
  /** The open database, either engine. */
  database: PlatformDatabase;
  /** The platform's repositories (tests and tools that write as the platform does). */
  repos: Repositories;
}

/**
 * 3,000 requests a minute per caller (50 a second sustained, bursts of 3,000): far above what
 * people make — the extension and the widget send ≤100 codes a request and poll changes every
 * 30 s — even when a whole department shares one token or an office one address, yet a runaway
 * script is held to under a third of what the platform answers (about 170 batches of 100 codes
 * a second on two cores).
 */
export const DEFAULT_RATE_LIMIT = 3000;

const EXPIRY_SWEEP_MS = 10 * 60 * 1000;

/**
 * Starts the reference credit platform (used by `npm start`, the CLI and everyone's end-to-end
 * tests). Closing and starting again with the same port and database file works: the data stays,
 * and seeding is skipped when subjects exist. Refusals are StartRefusedError.
 */
export function startPlatform(opts: StartPlatformOptions & { seed: DemoSeed }): Promise<RunningPlatform>;
export function startPlatform(opts?: StartPlatformOptions): Promise<RunningPlatform<DemoTokens | undefined>>;
export async function startPlatform(opts: StartPlatformOptions = {}): Promise<RunningPlatform<DemoTokens | undefined>> {
  const host = opts.host ?? '127.0.0.1';
  const dbPath = opts.dbPath ?? ':memory:';
  let database: PlatformDatabase;
  try {
    database = await openPlatformDatabase(databaseTarget(dbPath, opts.databaseUrl, opts.createDatabase ?? true), opts.poolSize);
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) throw new StartRefusedError('database-unreachable', error.message);
    if (!(error instanceof MissingDatabaseError)) throw error;
    throw new StartRefusedError('missing-database', `there is no database at ${dbPath}; pass --create to start a new, empty platform there (or check DB_PATH)`);
  }
  try {
    return await startOn(database, database.engine === 'sqlite' ? dbPath : 'the PostgreSQL database', host, opts);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The demo tokens of the database, after seeding it as the demo when asked. */
async function demoTokensOf(
  repos: ReturnType<typeof createRepositories>,
  dbPath: string,
  opts: StartPlatformOptions,
  today: string,
): Promise<DemoTokens | undefined> {
  if (opts.seed) {
    if ((await repos.subjects.count()) === 0 && (await repos.meta.get(DEMO_META_KEY)) !== 'no') {
      const seedOptions = typeof opts.seed === 'object' ? opts.seed : {};
      await seedDatabase(repos, { ...seedOptions, today, keepExpectations: false });
      return await ensureDemoTokens(repos);
    }
    if (await isDemoDatabase(repos)) return await ensureDemoTokens(repos);
    throw new StartRefusedError(
      'not-a-demo-database',
      `${dbPath} holds data that was not seeded as the demo; the demo (its data set and published tokens) needs a database of its own`,
    );
  }
  return (await isDemoDatabase(repos)) && (await demoTokensPresent(repos)).length > 0 ? DEMO_TOKENS : undefined;
}

async function startOn(database: PlatformDatabase, dbPath: string, host: string, opts: StartPlatformOptions): Promise<RunningPlatform<DemoTokens | undefined>> {
  const repos = createRepositories(database);
  const today = () => opts.today ?? chinaDate(new Date());
  const tokens = await demoTokensOf(repos, dbPath, opts, today());
  const present = await demoTokensPresent(repos);
  if (opts.allowDemoTokens === false && present.length > 0) {
    throw new StartRefusedError(
      'demo-tokens',
      `${dbPath} holds the published demo tokens (${present.join(', ')}), which would open it to anyone; start it with --demo if it is a demo, else revoke them (npm run platform -- token revoke <id>)`,
    );
  }
  // PostgreSQL has no file to lose under a running platform; on SQLite the lists' file and the audit log's.
  const databaseProblem = database.engine === 'sqlite' ? watchDatabaseFiles([dbPath, auditDatabasePath(dbPath)]) : () => null;
  await announceExpiries(repos, today());
  const ctx: PlatformContext = {
    repos,
    anonymousReads: opts.anonymousReads ?? true,
    today,
    measures: MEASURES_CATALOGUE,
    catalogueVersion: CATALOGUE_VERSION,
    platformName: opts.name ?? DEFAULT_PLATFORM_NAME,
    regions: opts.regions ?? ['all'],
    currentSigningKey: followSigningKey(repos),
  };
  // Generate (first start) or check the stored key now, not on the first record.
  await ctx.currentSigningKey();
  // The platform's own origin is only known once it listens: the list is filled in then.
  const corsOrigins: string[] | '*' = opts.corsOrigins === '*' ? '*' : [...(opts.corsOrigins ?? ['http://localhost:*', 'http://127.0.0.1:*'])];
  const rateLimit = opts.rateLimit ?? parseRateLimit(process.env.RATE_LIMIT) ?? DEFAULT_RATE_LIMIT;
  // On PostgreSQL the buckets live in the database: every worker of every machine spends from them.
  const rateLimitStore =
    opts.rateLimitStore ?? (database.engine === 'postgres' && rateLimit !== false ? databaseBucketStore(database.db, rateLimit) : undefined);
  const app = await createServer(ctx, {
    corsOrigins,
    staticDirs: opts.staticDirs ?? [],
    log: opts.log ?? false,
    rateLimit,
    databaseProblem,
    ...(rateLimitStore ? { rateLimitStore } : {}),
    ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
    ...(opts.extensionDir ? { extensionDir: opts.extensionDir } : {}),
  });
  try {
    await app.listen({ port: opts.port ?? 0, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (corsOrigins !== '*' && opts.corsOrigins === undefined) corsOrigins.push(url);
  // Entries expire by date at midnight: look every ten minutes whether a day has passed — of
  // several workers over one file, the one holding the sweep's lease (db/hold-lease.ts).
  const sweeper = `${hostname()}:${process.pid}:${port}`;
  const sweep = async () => {
    if (databaseProblem() === null && (await holdLease(repos, 'expiry-sweep', sweeper, 2 * EXPIRY_SWEEP_MS))) await announceExpiries(repos, today());
  };
  const expirySweep = setInterval(() => {
    sweep().catch((error: unknown) => console.error('expiry sweep failed:', error));
  }, EXPIRY_SWEEP_MS);
  expirySweep.unref();
  let closed = false;
  return {
    url,
    port,
    tokens: tokens && { ...tokens },
    get db(): Database {
      if (database.engine !== 'sqlite') throw new Error('a PostgreSQL platform has no SQLite handle: use repos.db');
      return database.sqlite;
    },
    database,
    repos,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(expirySweep);
      await app.close();
      await repos.audit.flushPending();
      await database.close();
    },
  };
}
