import type { Database } from 'better-sqlite3';
import { chinaDate } from '../core/verdict/china-date.ts';
import { ensureDemoTokens } from './auth/demo-tokens.ts';
import { openDatabase } from './db/open-database.ts';
import { createRepositories } from './db/repositories.ts';
import { CATALOGUE_VERSION, MEASURES_CATALOGUE } from './seed/measures-catalogue.ts';
import { followSigningKey } from './records/follow-signing-key.ts';
import { seedDatabase } from './seed/seed-database.ts';
import { parseRateLimit } from './rate-limit/parse-rate-limit.ts';
import { createServer } from './server/create-server.ts';
import type { PlatformContext } from './server/platform-context.ts';
import { announceExpiries } from './lists/announce-expiries.ts';

/** Options of a running platform; every one has a demo-friendly default. */
export interface StartPlatformOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default ':memory:'. A file keeps its data across restarts. */
  dbPath?: string;
  /** Seed the demo data set when the database holds no subjects yet (true = 300 subjects, seed 2018). */
  seed?: boolean | { subjects?: number; seed?: number };
  /** Let callers without a token read public, masked data (default true). */
  anonymousReads?: boolean;
  /** Allowed CORS origins; default: the platform's own origin, http://localhost:* and http://127.0.0.1:*. */
  corsOrigins?: string[] | '*';
  staticDirs?: { prefix: string; dir: string }[];
  /** One line per request to stdout (default false). */
  log?: boolean;
  /**
   * Requests per minute each caller (a token, else a client address) may make to `/api/v1/*`,
   * as a token bucket holding a minute's allowance; false turns limiting off. Default: the
   * `RATE_LIMIT` environment variable (so `npm start` and test runs can raise it), else
   * DEFAULT_RATE_LIMIT.
   */
  rateLimit?: number | false;
  /** Fixes "today" (YYYY-MM-DD, China date) for seeding and effective states; default: the real date. */
  today?: string;
}

/** A running platform. */
export interface RunningPlatform {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The demo tokens, always present: viewer, department, admin. */
  tokens: { viewer: string; department: string; admin: string };
  db: Database;
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
 * and seeding is skipped when subjects exist.
 */
export async function startPlatform(opts: StartPlatformOptions = {}): Promise<RunningPlatform> {
  const host = opts.host ?? '127.0.0.1';
  const db = openDatabase(opts.dbPath ?? ':memory:');
  const repos = createRepositories(db);
  const tokens = ensureDemoTokens(repos);
  const today = () => opts.today ?? chinaDate(new Date());
  if (opts.seed && repos.subjects.count() === 0) {
    const seedOptions = typeof opts.seed === 'object' ? opts.seed : {};
    seedDatabase(repos, { ...seedOptions, today: today(), keepExpectations: false });
  }
  announceExpiries(repos, today());
  const ctx: PlatformContext = {
    repos,
    anonymousReads: opts.anonymousReads ?? true,
    today,
    measures: MEASURES_CATALOGUE,
    catalogueVersion: CATALOGUE_VERSION,
    platformName: '汉阳区公共信用信息平台（参考实现）',
    currentSigningKey: followSigningKey(repos),
  };
  // Generate (first start) or check the stored key now, not on the first record.
  await ctx.currentSigningKey();
  // The platform's own origin is only known once it listens: the list is filled in then.
  const corsOrigins: string[] | '*' = opts.corsOrigins === '*' ? '*' : [...(opts.corsOrigins ?? ['http://localhost:*', 'http://127.0.0.1:*'])];
  const app = await createServer(ctx, {
    corsOrigins, staticDirs: opts.staticDirs ?? [], log: opts.log ?? false, rateLimit: opts.rateLimit ?? parseRateLimit(process.env.RATE_LIMIT) ?? DEFAULT_RATE_LIMIT,
  });
  try {
    await app.listen({ port: opts.port ?? 0, host });
  } catch (error) {
    await app.close();
    db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (corsOrigins !== '*' && opts.corsOrigins === undefined) corsOrigins.push(url);
  // Entries expire by date at midnight: look every ten minutes whether a day has passed.
  const expirySweep = setInterval(() => announceExpiries(repos, today()), EXPIRY_SWEEP_MS);
  expirySweep.unref();
  let closed = false;
  return {
    url,
    port,
    tokens: { ...tokens },
    db,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(expirySweep);
      await app.close();
      db.close();
    },
  };
}
