import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster.ts';

async function query(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

describe('startPostgresCluster', () => {
  let cluster: PostgresCluster | undefined;
  afterAll(() => cluster?.stop());

  it('starts a server on loopback that answers its superuser without a password', { timeout: 60_000 }, async () => {
    cluster = await startPostgresCluster();
    expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const { rows } = await query(cluster.url, "SELECT current_user AS who, current_setting('fsync') AS fsync, current_setting('server_encoding') AS encoding");
    expect(rows[0]).toEqual({ who: 'postgres', fsync: 'off', encoding: 'UTF8' });
    expect(statSync(cluster.dir).isDirectory()).toBe(true);
  });

  it('creates fresh, empty databases that can be written and queried, each its own', async () => {
    const first = await cluster!.createDatabase();
    const second = await cluster!.createDatabase();
    expect(first).not.toBe(second);
    await query(first, 'CREATE TABLE subject (code text PRIMARY KEY, name text NOT NULL)');
    await query(first, 'INSERT INTO subject VALUES ($1, $2)', ['91350100M000100Y43', '福州测试有限公司']);
    const { rows } = await query(first, 'SELECT name FROM subject WHERE code = $1', ['91350100M000100Y43']);
    expect(rows).toEqual([{ name: '福州测试有限公司' }]);
    const tables = await query(second, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows).toEqual([{ n: 0 }]);
  });

  it('stops the server and removes its folder', async () => {
    const { url, dir } = cluster!;
    await cluster!.stop();
    cluster = undefined;
    expect(existsSync(dir)).toBe(false);
    await expect(query(url, 'SELECT 1')).rejects.toThrow();
  });
});
