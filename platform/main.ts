import { ROLES } from './auth/role.ts';
import { DatabaseUnreachableError, InvalidDatabaseUrlError } from './db/open-platform-database.ts';
import { copyToPostgresCommand } from './cli/copy-to-postgres-command.ts';
import { importCommand } from './cli/import-command.ts';
import { initCommand } from './cli/init-command.ts';
import { parseArgs } from './cli/parse-args.ts';
import { rotateRecordKeyCommand } from './cli/rotate-record-key-command.ts';
import { ConfigError, platformConfig } from './cli/platform-config.ts';
import { seedCommand } from './cli/seed-command.ts';
import { serveCommand } from './cli/serve-command.ts';
import { tokenCommand } from './cli/token-command.ts';

const HELP = `CreditLens reference credit platform (信用透镜 参考信用平台)

Usage: npm run platform -- <command>

  serve [--create] [--demo] [--workers N]
                                         start the HTTP API (PORT, HOST, DB_PATH, CORS_ORIGINS, ANONYMOUS_READS, LOG_REQUESTS, RATE_LIMIT)
                                         on an existing database; --create: make a new, empty one if DB_PATH is missing;
                                         --demo: allow the published demo tokens (a database made by seed);
                                         --workers N (or WORKERS): N worker processes over the same file (default 1)
  init [--department D] [--label L]      start a new platform: create the database and print its first admin token, once
  seed [--subjects N] [--seed S]         fill an empty database with the demo data set and demo tokens (default 300, seed 2018)
  seed --write-list                      rewrite platform/seed/demo-subjects.json from the generator
  import <file.csv|file.xlsx> [--dry-run] [--mapping m.json] [--department D]
                                         import a published red/black list (see platform/import/README.md)
  token create --department D --role R [--label L]
                                         issue a token (roles: ${ROLES.join(', ')}); shown once
  token list                             id, department, role, label, created, revoked (never the tokens)
  token revoke <id>                      refuse that token from the next request on
  rotate-record-key [--compromised --since <ISO time> [--key <keyId>]]
                                         sign check records with a new key from now on; older records still verify;
                                         --compromised: records the key signed since that time no longer verify
                                         (see platform/records/README.md)
  copy-to-postgres <DATABASE_URL>        copy the SQLite database (DB_PATH) into an empty PostgreSQL database (a postgres:// URL),
                                         in one transaction; prints each table's rows once every count matches
  help                                   this text

Database: DB_PATH (default data/platform.sqlite), or PostgreSQL when DATABASE_URL=postgres://… is set (every command;
DATABASE_POOL_SIZE connections a process, default 10). Name and regions (several platforms): PLATFORM_NAME,
PLATFORM_REGIONS (e.g. "4201", or "all", the default).`;

/** DB_PATH, or PostgreSQL when DATABASE_URL is set: where every command but serve works. */
function commandTarget(): { dbPath: string; databaseUrl?: string | undefined } {
  const { dbPath, databaseUrl } = platformConfig();
  return { dbPath, databaseUrl };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    console.error(`${parsed.error}\n\n${HELP}`);
    return 2;
  }
  const { positionals, flags } = parsed;
  const [command, ...rest] = positionals;
  switch (command) {
    case 'serve':
      return serveCommand(platformConfig(), flags);
    case 'init':
      if (rest.length === 0) return initCommand(commandTarget(), flags);
      break;
    case 'seed':
      return seedCommand(commandTarget(), flags);
    case 'import':
      return importCommand(commandTarget(), rest[0], flags);
    case 'token':
      return tokenCommand(commandTarget(), rest, flags);
    case 'rotate-record-key':
      if (rest.length === 0) return rotateRecordKeyCommand(commandTarget(), console.log, flags);
      break;
    case 'copy-to-postgres':
      return copyToPostgresCommand(platformConfig().dbPath, rest, flags);
    case undefined:
    case 'help':
      console.log(HELP);
      return 0;
  }
  console.error(`unknown command: ${[command, ...rest].join(' ')}\n\n${HELP}`);
  return 2;
}

// A setting the environment got wrong (PLATFORM_REGIONS, PLATFORM_NAME, DATABASE_URL): one line,
// exit 2; a PostgreSQL server that cannot be reached: one line, exit 1 — for every command.
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DatabaseUnreachableError) {
    console.error(error.message);
    return 1;
  }
  if (!(error instanceof ConfigError) && !(error instanceof InvalidDatabaseUrlError)) throw error;
  console.error(error.message);
  return 2;
});
