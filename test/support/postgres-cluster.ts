import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBin } from '../../scripts/find-postgres-bin.mjs';
import { createTestDatabase } from './create-test-database.ts';

/** A throw-away PostgreSQL server for the tests. */
export interface PostgresCluster {
  /** The superuser's URL of its `postgres` database: postgres://postgres@127.0.0.1:PORT/postgres. */
  url: string;
  /** The folder holding its data, socket and log (removed by stop). */
  dir: string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Where and how to make a cluster; the defaults make a throw-away one in a temporary folder. */
export interface PostgresClusterOptions {
  /** An existing folder to keep the cluster in (made by initdb on the first start, reused after); default: a new temporary folder, removed on stop. */
  dir?: string;
  /** Default: a free loopback port. */
  port?: number;
  /** Durable writes (fsync on): for a cluster kept across runs. Default false: the tests' speed. */
  durable?: boolean;
}

const SUPERUSER = 'postgres';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Starts a PostgreSQL server made by initdb (issue 16): trust authentication on loopback only,
 * UTF8 with the C locale (byte order, as SQLite compares), a unix socket inside its own folder, and,
 * unless `durable`, fsync off. PostgreSQL refuses to run as root, so as root the folder is given to
 * the `postgres` user and every server program runs as it (runuser); otherwise as the current user.
 * A temporary cluster is stopped and removed on stop() and, failing that, when the process exits.
 */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL server not found: run 'node scripts/ensure-postgres.mjs' (or set POSTGRES_BIN)");
  const temporary = options.dir === undefined;
  // As root, a folder the postgres user can reach: /tmp, whatever TMPDIR says.
  const dir = options.dir ?? mkdtempSync(join(isRoot ? '/tmp' : tmpdir(), 'creditlens-pg-'));
  const data = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  mkdirSync(socketDir, { recursive: true });
  if (isRoot) giveToPostgres(dir);
  const run = (program: string, args: string[], opts: SpawnSyncOptions = {}) => runAsServerUser(join(bin, program), args, { cwd: dir, ...opts });

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['stop', '-D', data, '-m', temporary ? 'immediate' : 'fast', '-w']);
    if (temporary) rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => stopNow();
  process.once('exit', onExit);
  try {
    if (!existsSync(join(data, 'PG_VERSION'))) {
      const made = run('initdb', ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
      if (made.status !== 0) throw new Error(`initdb failed: ${output(made)}`);
    }
    const log = join(dir, 'server.log');
    // A free port can be taken before the server binds it: then another one, twice more.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = options.port ?? (await freePort());
      writeSettings(data, { port, socketDir, durable: options.durable ?? false });
      const started = run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60']);
      if (started.status === 0) break;
      if (options.port !== undefined || attempt === 3) throw new Error(`pg_ctl start failed: ${output(started)}\n${safeRead(log)}`);
    }
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    await waitUntilConnectable(url);
    return {
      url,
      dir,
      createDatabase: () => createTestDatabase(url),
      stop: async () => {
        process.removeListener('exit', onExit);
        stopNow();
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    stopNow();
    throw error;
  }
}

/** The settings initdb's file is given; a block of our own at its end, rewritten on every start. */
function writeSettings(data: string, settings: { port: number; socketDir: string; durable: boolean }): void {
  const conf = join(data, 'postgresql.conf');
  const MARK = '# --- CreditLens (test/support/postgres-cluster.ts) ---';
  const base = readFileSync(conf, 'utf8').split(MARK)[0]!;
  const lines = [
    "listen_addresses = '127.0.0.1'",
    `port = ${settings.port}`,
    `unix_socket_directories = '${settings.socketDir}'`,
    'max_connections = 300',
    ...(settings.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
  ];
  writeFileSync(conf, `${base.trimEnd()}\n\n${MARK}\n${lines.join('\n')}\n`);
  if (isRoot) giveToPostgres(conf);
}

function runAsServerUser(program: string, args: string[], opts: SpawnSyncOptions) {
  const env = cleanEnv();
  const result = isRoot
    ? spawnSync('runuser', ['-u', SUPERUSER, '--', program, ...args], { ...opts, env, encoding: 'utf8' })
    : spawnSync(program, args, { ...opts, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

/** The environment without PG* variables (PGDATA, PGPORT…) that would steer the server programs elsewhere. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PG')));
}

function giveToPostgres(path: string): void {
  const who = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
  if (who.status !== 0) throw new Error(`running as root, but there is no '${SUPERUSER}' user to run PostgreSQL as (Debian's postgresql package makes it)`);
  const chown = spawnSync('chown', ['-R', `${who.stdout.trim()}:${group.stdout.trim()}`, path]);
  if (chown.status !== 0) chownSync(path, Number(who.stdout), Number(group.stdout));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** pg_ctl -w has waited for the postmaster; this waits until a client actually gets an answer. */
async function waitUntilConnectable(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} did not answer: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function output(result: { stdout?: unknown; stderr?: unknown }): string {
  return `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim();
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
