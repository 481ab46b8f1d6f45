import { DEMO_TOKENS } from '../auth/demo-tokens.ts';
import { createRepositories } from '../db/repositories.ts';
import { DEFAULT_RATE_LIMIT, startPlatform } from '../start-platform.ts';
import { StartRefusedError } from '../start-refused-error.ts';
import type { PlatformConfig } from './platform-config.ts';
import type { CommandOutput } from './token-command.ts';

/** Resolves when the operator stops the platform (SIGINT, SIGTERM). */
export function untilSignalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * `serve [--create] [--demo]`: runs the HTTP API on an existing database. It refuses (exit 1, one
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
  let platform;
  try {
    platform = await startPlatform({
      port: config.port,
      host: config.host,
      dbPath: config.dbPath,
      anonymousReads: config.anonymousReads,
      log: config.logRequests,
      createDatabase: flags.has('create'),
      allowDemoTokens: demo,
      ...(config.corsOrigins ? { corsOrigins: config.corsOrigins } : {}),
      ...(config.rateLimit !== undefined ? { rateLimit: config.rateLimit } : {}),
    });
  } catch (error) {
    if (!(error instanceof StartRefusedError)) throw error;
    out.error(`serve: ${error.message}`);
    return 1;
  }
  const rateLimit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
  out.log(
    `platform listening on ${platform.url} (database ${config.dbPath}, anonymous reads ${config.anonymousReads ? 'on' : 'off'}, rate limit ${rateLimit === false ? 'off' : `${rateLimit}/min per caller`})`,
  );
  if (platform.tokens)
    out.log(`demo (--demo): published demo tokens viewer ${DEMO_TOKENS.viewer}, department ${DEMO_TOKENS.department}, admin ${DEMO_TOKENS.admin}`);
  const repos = createRepositories(platform.db);
  if (!repos.tokens.list().some((t) => t.role === 'admin' && t.revokedAt === null))
    out.log('no admin token yet: create the first one with npm run platform -- init');
  if (!repos.subjects.any()) out.log('no list data yet: status answers unknown (no_data) until you import a list (npm run platform -- import <file>)');
  await until();
  out.log('shutting down…');
  await platform.close();
  return 0;
}
