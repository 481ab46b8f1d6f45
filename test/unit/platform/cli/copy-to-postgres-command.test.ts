import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyToPostgresCommand } from '../../../../platform/cli/copy-to-postgres-command.ts';
import { auditDatabasePath } from '../../../../platform/db/audit-database.ts';
import { seedCommand } from '../../../../platform/cli/seed-command.ts';
import type { CommandOutput } from '../../../../platform/cli/token-command.ts';
import { PLATFORM_TABLES } from '../../../../platform/db/schema.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../support/postgres-cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'copy-to-postgres-'));
const fixture = join(dir, 'platform.sqlite');

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await seedCommand(fixture, new Map([['subjects', '40']]))).toBe(0);
  } finally {
    log.mockRestore();
  }
}, 90_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function output(): CommandOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(...l.split('\n')), error: (l) => errors.push(...l.split('\n')) };
}

const run = (dbPath: string, args: string[], out: CommandOutput, flags = new Map<string, string | true>()) =>
  copyToPostgresCommand(dbPath, args, flags, out, () => {});

function sqliteCounts(path: string): Record<string, number> {
  const db = new BetterSqlite3(path, { readonly: true });
  // The audit log lives in its own file beside the database (audit-database.ts).
  db.prepare('ATTACH DATABASE ? AS audit').run(auditDatabasePath(path));
  try {
    return Object.fromEntries(PLATFORM_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of PLATFORM_TABLES) out[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
    return out;
  } finally {
    await client.end();
  }
}

describe('copyToPostgresCommand', () => {
  it('copies into an empty database and prints one line per table with its rows; a second copy is refused and changes nothing', async () => {
    const url = await cluster!.createDatabase();
    const out = output();
    expect(await run(fixture, [url], out)).toBe(0);
    expect(out.errors).toEqual([]);
    const expected = sqliteCounts(fixture);
    expect(expected.entries).toBeGreaterThan(0);
    expect(out.lines.slice(0, PLATFORM_TABLES.length).map((l) => l.split(/\s+/))).toEqual(PLATFORM_TABLES.map((t) => [t, String(expected[t])]));
    expect(out.lines[PLATFORM_TABLES.length]).toMatch(/^copied .* every table's count matches$/);
    expect(await postgresCounts(url)).toEqual(expected);

    const again = output();
    expect(await run(fixture, [url], again)).toBe(1);
    expect(again.lines).toEqual([]);
    expect(again.errors).toEqual([
      `copy-to-postgres: the target database is not empty: subjects holds ${expected.subjects} rows (copy into an empty database only)`,
    ]);
    expect(await postgresCounts(url)).toEqual(expected);
  });

  it('refuses a missing SQLite file without creating it', async () => {
    const url = await cluster!.createDatabase();
    const missing = join(dir, 'nowhere', 'missing.sqlite');
    const out = output();
    expect(await run(missing, [url], out)).toBe(1);
    expect(out.errors).toEqual([`copy-to-postgres: there is no database at ${missing} (set DB_PATH to the SQLite file to copy)`]);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses a URL that is not postgres://, without echoing its password', async () => {
    for (const url of ['mysql://admin:s3cret@db.example/credit', 'data/other.sqlite']) {
      const out = output();
      expect(await run(fixture, [url], out)).toBe(1);
      expect(out.errors).toHaveLength(1);
      expect(out.errors[0]).toMatch(/^copy-to-postgres: the target must be a postgres:\/\/ URL/);
      expect(out.errors[0]).not.toContain('s3cret');
    }
  });

  it('says in one line when the server cannot be reached', async () => {
    const out = output();
    expect(await run(fixture, ['postgres://postgres:pw@127.0.0.1:1/none'], out)).toBe(1);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^copy-to-postgres: cannot open the PostgreSQL database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: \S/);
  });

  it('wants exactly one URL and no flags', async () => {
    for (const [args, flags] of [
      [[], new Map()],
      [['postgres://a/b', 'extra'], new Map()],
      [['postgres://a/b'], new Map([['force', true]])],
    ] as const) {
      const out = output();
      expect(await run(fixture, [...args], out, new Map(flags))).toBe(2);
      expect(out.errors[0]).toMatch(/^usage: copy-to-postgres <DATABASE_URL>/);
    }
  });
});
