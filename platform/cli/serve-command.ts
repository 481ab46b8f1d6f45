import { DEMO_TOKENS } from '../auth/demo-tokens.ts';
import { databaseTarget, openPlatformDatabase } from '../db/open-platform-database.ts';
import { startPlatformCluster } from '../server/platform-cluster.ts';
import { createRepositories, type Repositories } from '../db/repositories.ts';
import { DEFAULT_RATE_LIMIT, startPlatform } from '../start-platform.ts';
import { StartRefusedError } from '../start-refused-error.ts';
import type { PlatformConfig } from './platform-config.ts';
import type { CommandOutput } from './token-command.ts';
import { redactUrl } from '../db/redact-url.ts';

/** Resolves when the operator stops the platform (SIGINT, SIGTERM). */
export function untilSignalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * `serve [--create] [--demo] [--workers N]`: runs the HTTP API on an existing database (with N
 * worker processes over the same file, server/platform-cluster.ts; default 1, or WORKERS). It refuses (exit 1, one
 * line) to create a missing database file unless `--create` (a deleted or mistyped DB_PATH must
 * not come back as an empty platform that answers "not found"), and to run with a published demo
 * token in the database unless `--demo`.
 */
export async function serveCommand(
  config: PlatformConfig,
  flags: Map<string, string | true>,
  until: () => Promise<void> = untilSignalled,
  out: CommandOutput = console,
): Promise<number> {
  const demo = flags.has('demo');
  const workersText = String(flags.get('workers') ?? config.workers ?? '1');
  const workers = /^\d{1,2}$/.test(workersText) ? Number(workersText) : NaN;
  if (!(workers >= 1 && workers <= 64)) {
    out.error(`serve: --workers (WORKERS) must be a whole number from 1 to 64, not ${workersText}`);
    return 2;
  }
  const options = {
    port: config.port,
    host: config.host,
    dbPath: config.dbPath,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.poolSize ? { poolSize: config.poolSize } : {}),
    anonymousReads: config.anonymousReads,
    log: config.logRequests,
    createDatabase: flags.has('create'),
    allowDemoTokens: demo,
    ...(config.corsOrigins ? { corsOrigins: config.corsOrigins } : {}),
    ...(config.rateLimit !== undefined ? { rateLimit: config.rateLimit } : {}),
    ...(config.name ? { name: config.name } : {}),
    ...(config.regions ? { regions: config.regions } : {}),
  };
  let platform: { url: string; tokens: unknown; close(): Promise<void>; repos?: Repositories };
  try {
    platform = workers === 1 ? await startPlatform(options) : await startPlatformCluster({ ...options, workers });
  } catch (error) {
    if (!(error instanceof StartRefusedError)) throw error;
    out.error(`serve: ${error.message}`);
    return 1;
  }
  const rateLimit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
  out.log(
    `platform listening on ${platform.url} (database ${config.databaseUrl ? redactUrl(config.databaseUrl) : config.dbPath}, ${workers === 1 ? '1 worker' : `${workers} workers`}, anonymous reads ${config.anonymousReads ? 'on' : 'off'}, rate limit ${rateLimit === false ? 'off' : `${rateLimit}/min per caller`})`,
  );
  if (platform.tokens)
    out.log(`demo (--demo): published demo tokens viewer ${DEMO_TOKENS.viewer}, department ${DEMO_TOKENS.department}, admin ${DEMO_TOKENS.admin}`);
  // One process: its own repositories; several workers: the primary opens the database for these two reads.
  const hints = platform.repos ? null : await openPlatformDatabase(databaseTarget(config.dbPath, config.databaseUrl, false), 1);
  try {
    const repos = platform.repos ?? createRepositories(hints!);
    if (!(await repos.tokens.list()).some((t) => t.role === 'admin' && t.revokedAt === null))
      out.log('no admin token yet: create the first one with npm run platform -- init');
    if (!(await repos.subjects.any()))
      out.log('no list data yet: status answers unknown (no_data) until you import a list (npm run platform -- import <file>)');
  } finally {
    await hints?.close();
  }
  await until();
  out.log('shutting down…');
  await platform.close();
  return 0;
}
