import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseTarget, openPlatformDatabase, type PlatformDatabase } from '../../../../platform/db/open-platform-database.ts';
import { PLATFORM_TABLES } from '../../../../platform/db/schema.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../support/postgres-cluster.ts';

const opened: PlatformDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

async function open(target: Parameters<typeof openPlatformDatabase>[0]): Promise<PlatformDatabase> {
  const p = await openPlatformDatabase(target);
  opened.push(p);
  return p;
}

/** Column names per table, as the engine reports them. */
async function columns(p: PlatformDatabase): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of PLATFORM_TABLES) {
    const rows =
      p.engine === 'sqlite'
        ? (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(p.db)).rows
        : (
            await sql<{
              name: string;
            }>`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table} AND column_name <> 'seq'`.execute(p.db)
          ).rows;
    out[table] = rows.map((r) => r.name).sort();
  }
  return out;
}

async function roundTrip(p: PlatformDatabase): Promise<void> {
  await p.db.insertInto('subjects').values({ code: '91350100M000100Y43', name: 'A', region_code: null, legal_representative: null }).execute();
  const first = await p.db
    .insertInto('changes')
    .values({ code: '91350100M000100Y43', at: '2026-03-15T00:00:00Z', kind: 'added' })
    .returning('cursor')
    .executeTakeFirstOrThrow();
  const second = await p.db
    .insertInto('changes')
    .values({ code: '91350100M000100Y43', at: '2026-03-15T00:00:01Z', kind: 'added' })
    .returning('cursor')
    .executeTakeFirstOrThrow();
  expect(second.cursor).toBe(first.cursor + 1);
  const counted = await p.db
    .selectFrom('subjects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(counted.n).toBe(1);
}

describe('databaseTarget', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['postgres://u@127.0.0.1:5432/db', 'postgres'],
    ['postgresql://u@127.0.0.1/db', 'postgres'],
  ] as const)('picks the engine from DATABASE_URL %j', (url, engine) => {
    expect(databaseTarget('data/x.sqlite', url).engine).toBe(engine);
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL', () => {
    expect(() => databaseTarget('data/x.sqlite', 'mysql://x')).toThrow(/postgres/);
  });
});

describe('openPlatformDatabase on SQLite', () => {
  it('opens a migrated in-memory database behind Kysely', async () => {
    const p = await open({ engine: 'sqlite', path: ':memory:' });
    expect(p.engine).toBe('sqlite');
    await roundTrip(p);
  });
});

// A real PostgreSQL server: a throwaway cluster of the test's own (test/support/postgres-cluster.ts).
describe('openPlatformDatabase on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let postgresUrl = '';
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    postgresUrl = await cluster.createDatabase();
  }, 90_000);
  afterAll(() => cluster?.stop());

  it('migrates to the same tables and columns as SQLite, twice without harm, and keeps row shapes', async () => {
    const lite = await open({ engine: 'sqlite', path: ':memory:' });
    const pgdb = await open({ engine: 'postgres', url: postgresUrl });
    const again = await open({ engine: 'postgres', url: postgresUrl });
    expect(await columns(again)).toEqual(await columns(lite));
    await roundTrip(pgdb);
  });
});
