import { DEMO_TOKENS } from './auth/demo-tokens.ts';
import { ROLES, type Role } from './auth/role.ts';
import { createToken } from './auth/create-token.ts';
import { importCommand } from './cli/import-command.ts';
import { parseArgs } from './cli/parse-args.ts';
import { rotateRecordKeyCommand } from './cli/rotate-record-key-command.ts';
import { platformConfig } from './cli/platform-config.ts';
import { seedCommand } from './cli/seed-command.ts';
import { openDatabase } from './db/open-database.ts';
import { createRepositories } from './db/repositories.ts';
import { DEFAULT_RATE_LIMIT, startPlatform } from './start-platform.ts';

const HELP = `CreditLens reference credit platform (信用透镜 参考信用平台)

Usage: npm run platform -- <command>

  serve                                  start the HTTP API (PORT, HOST, DB_PATH, CORS_ORIGINS, ANONYMOUS_READS, LOG_REQUESTS, RATE_LIMIT)
  seed [--subjects N] [--seed S]         fill an empty database with the demo data set (default 300, seed 2018)
  seed --write-list                      rewrite platform/seed/demo-subjects.json from the generator
  import <file.csv|file.xlsx> [--dry-run] [--mapping m.json] [--department D]
                                         import a published red/black list (see platform/import/README.md)
  token create --department D --role R   issue a token (roles: ${ROLES.join(', ')}); shown once
  rotate-record-key                      sign check records with a new key from now on; older records still verify
                                         (see platform/records/README.md)
  help                                   this text

Database: DB_PATH (default data/platform.sqlite).`;

async function serve(): Promise<number> {
  const config = platformConfig();
  const platform = await startPlatform({
    port: config.port, host: config.host, dbPath: config.dbPath, anonymousReads: config.anonymousReads, log: config.logRequests,
    ...(config.corsOrigins ? { corsOrigins: config.corsOrigins } : {}),
    ...(config.rateLimit !== undefined ? { rateLimit: config.rateLimit } : {}),
  });
  const rateLimit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
  console.log(`platform listening on ${platform.url} (database ${config.dbPath}, anonymous reads ${config.anonymousReads ? 'on' : 'off'}, rate limit ${rateLimit === false ? 'off' : `${rateLimit}/min per caller`})`);
  console.log(`demo tokens: viewer ${DEMO_TOKENS.viewer}, department ${DEMO_TOKENS.department}, admin ${DEMO_TOKENS.admin}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('shutting down…');
  await platform.close();
  return 0;
}

function tokenCreate(flags: Map<string, string | true>): number {
  const department = flags.get('department');
  const role = flags.get('role');
  if (typeof department !== 'string' || typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    console.error(`token create needs --department <name> --role <${ROLES.join('|')}>`);
    return 2;
  }
  const db = openDatabase(platformConfig().dbPath);
  const { id, token } = createToken(createRepositories(db), department, role as Role, typeof flags.get('label') === 'string' ? (flags.get('label') as string) : null);
  db.close();
  console.log(`token ${id} for ${department} (${role}):\n${token}\n(stored hashed; this is the only time it is shown)`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, ['dry-run', 'write-list', 'help']);
  const [command, ...rest] = positionals;
  switch (command) {
    case 'serve':
      return serve();
    case 'seed':
      return seedCommand(platformConfig().dbPath, flags);
    case 'import':
      return importCommand(platformConfig().dbPath, rest[0], flags);
    case 'token':
      if (rest[0] === 'create') return tokenCreate(flags);
      break;
    case 'rotate-record-key':
      if (rest.length === 0) return rotateRecordKeyCommand(platformConfig().dbPath);
      break;
    case undefined:
    case 'help':
      console.log(HELP);
      return 0;
  }
  console.error(`unknown command: ${[command, ...rest].join(' ')}\n\n${HELP}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
