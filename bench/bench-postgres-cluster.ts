/**
 * The platform bench's PostgreSQL server: the tests' cluster helper (test/support/postgres-cluster.ts)
 * kept in `.bench/pg/` and **durable** (fsync, synchronous commit and full-page writes on, as a
 * production server), so the generated data sets survive between bench runs — each lives in a
 * database of its own and is reused while its `meta.benchDataset` mark matches. On its first
 * start the cluster is given a production-like memory setting (ALTER SYSTEM, kept in
 * postgresql.auto.conf) and restarted once for it; everything else is PostgreSQL's default.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster.ts';

/** Settings the bench cluster runs with beside the helper's (max_connections 300, loopback, trust). */
export const BENCH_PG_SETTINGS: Readonly<Record<string, string>> = {
  // The 10M data set is about 3 GB: a quarter of a small database server's memory is the usual advice.
  shared_buffers: '1GB',
  // Bulk generation writes gigabytes of WAL; fewer forced checkpoints while it does.
  max_wal_size: '4GB',
};

/** The running bench cluster, and how long starting it took. */
export interface BenchCluster {
  cluster: PostgresCluster;
  dir: string;
  startSeconds: number;
  /** True when the folder was made by initdb in this run (no data sets cached). */
  fresh: boolean;
  /** PostgreSQL's version string. */
  version: string;
}

/** Starts (making it on the first run) the durable cluster in `.bench/pg/`. */
export async function startBenchCluster(root: string): Promise<BenchCluster> {
  const dir = resolve(root, '.bench/pg');
  const started = performance.now();
  const fresh = !existsSync(resolve(dir, 'data/PG_VERSION'));
  await stopLeftOver(dir);
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgresCluster({ dir, durable: true });
  } catch (error) {
    // A folder left broken (a killed run, another PostgreSQL version): made again, once.
    console.error(`bench: the cached PostgreSQL cluster in ${dir} did not start (${String(error).split('\n')[0]}); making a new one`);
    rmSync(dir, { recursive: true, force: true });
    cluster = await startPostgresCluster({ dir, durable: true });
  }
  if (await applySettings(cluster.url)) {
    await cluster.stop();
    cluster = await startPostgresCluster({ dir, durable: true });
  }
  const version = await query<{ v: string }>(cluster.url, "SELECT current_setting('server_version') AS v").then((rows) => rows[0]?.v ?? '?');
  return { cluster, dir, startSeconds: (performance.now() - started) / 1000, fresh, version };
}

/** Stops the server of an earlier bench run that was killed before it could stop it (fast shutdown, SIGINT). */
async function stopLeftOver(dir: string): Promise<void> {
  const pidFile = resolve(dir, 'data/postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const data = resolve(dir, 'data');
  // Only that cluster's postmaster: a stale file's pid may since belong to another process.
  const alive = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(data);
    } catch {
      return false;
    }
  };
  if (!(pid > 0) || !alive()) return;
  console.error(`bench: stopping the PostgreSQL server an earlier run left in ${dir} (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 600 && alive(); i++) await new Promise((done) => setTimeout(done, 100));
}

/** Sets BENCH_PG_SETTINGS (all sizes) where they differ; true when one needs a restart to apply. */
async function applySettings(url: string): Promise<boolean> {
  let restart = false;
  for (const [name, value] of Object.entries(BENCH_PG_SETTINGS)) {
    const [row] = await query<{ same: boolean; context: string }>(
      url,
      'SELECT pg_size_bytes(current_setting($1)) = pg_size_bytes($2) AS same, context FROM pg_settings WHERE name = $1',
      [name, value],
    );
    if (!row || row.same) continue;
    await query(url, `ALTER SYSTEM SET ${name} = '${value}'`);
    if (row.context === 'postmaster') restart = true;
  }
  await query(url, 'SELECT pg_reload_conf()');
  return restart;
}

/** One statement on a connection of its own. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server `adminUrl` points to. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The pid of the cluster's postmaster (the first line of postmaster.pid), to count the server's CPU time. */
export function postmasterPid(cluster: PostgresCluster): number {
  return Number(readFileSync(resolve(cluster.dir, 'data/postmaster.pid'), 'utf8').split('\n')[0]);
}
