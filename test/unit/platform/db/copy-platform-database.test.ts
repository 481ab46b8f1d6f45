import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rotateRecordKeyCommand } from '../../../../platform/cli/rotate-record-key-command.ts';
import { seedCommand } from '../../../../platform/cli/seed-command.ts';
import {
  CopyRefusedError,
  CountMismatchError,
  TargetNotEmptyError,
  copyPlatformDatabase,
  type PlatformTable,
} from '../../../../platform/db/copy-platform-database.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { openPlatformDatabase, type PlatformDatabase } from '../../../../platform/db/open-platform-database.ts';
import { PLATFORM_TABLES } from '../../../../platform/db/schema.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../support/postgres-cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'copy-platform-'));
const fixture = join(dir, 'platform.sqlite');
/** The cursor SQLite's AUTOINCREMENT has handed out for `changes`, past every row left (the fixture deletes its row). */
const DELETED_CURSOR = 5000;

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  await seedFixture(fixture);
}, 90_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const opened: PlatformDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

async function open(target: Parameters<typeof openPlatformDatabase>[0]): Promise<PlatformDatabase> {
  const p = await openPlatformDatabase(target);
  opened.push(p);
  return p;
}

const openFixture = () => open({ engine: 'sqlite', path: fixture, create: false });
const openEmptyPostgres = async () => open({ engine: 'postgres', url: await cluster!.createDatabase() });

/**
 * The demo data set (entries, objections, repairs, changes, events, feedback, audit rows, demo
 * tokens, meta) with two signing keys (one retired), and rows the seed does not make: typical
 * cases, a revoked token, an audit row of nulls, awkward text, objections and repairs whose rowid
 * order is the reverse of their ids', and a deleted change that left SQLite's AUTOINCREMENT mark
 * past every cursor.
 */
async function seedFixture(path: string): Promise<void> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await seedCommand(path, new Map())).toBe(0);
  } finally {
    log.mockRestore();
  }
  expect(await rotateRecordKeyCommand(path, () => {})).toBe(0);
  expect(await rotateRecordKeyCommand(path, () => {})).toBe(0);
  const db = openDatabase(path);
  try {
    const entry = db.prepare('SELECT id, code FROM entries ORDER BY rowid LIMIT 1').get() as { id: string; code: string };
    const objection = db.prepare(
      `INSERT INTO objections (id, code, entry_id, status, reason, contact, filed_at, resolved_at, resolution_note, department, previous_state, document_number, reference)
       VALUES (?, ?, ?, 'pending', ?, '027-1234', '2026-03-01T00:00:00Z', NULL, NULL, '区财政局', 'active', NULL, ?)`,
    );
    objection.run('obj-zz-first', entry.code, entry.id, '先提交', 'ref-1');
    objection.run('obj-aa-second', entry.code, entry.id, '后提交 \'quoted\' "double"', null);
    const repair = db.prepare(
      `INSERT INTO repairs (id, code, entry_id, status, materials, reference, department, filed_at, decided_at, decision_note, decided_by)
       VALUES (?, ?, ?, 'pending', '[]', ?, '区财政局', '2026-03-02T00:00:00Z', NULL, NULL, NULL)`,
    );
    repair.run('rep-zz-first', entry.code, entry.id, 'r-1');
    repair.run('rep-aa-second', entry.code, entry.id, 'r-2');
    const feedback = db.prepare('SELECT id FROM feedback ORDER BY id LIMIT 2').all() as { id: string }[];
    expect(feedback).toHaveLength(2);
    db.prepare(`INSERT INTO typical_cases VALUES (?, 'punishment', '典型案例 😀', '2026-03-03T00:00:00Z', '区信用办')`).run(feedback[0]!.id);
    db.prepare(`INSERT INTO typical_cases VALUES (?, 'incentive', '', '2026-03-04T00:00:00Z', NULL)`).run(feedback[1]!.id);
    db.prepare(`INSERT INTO tokens VALUES ('tok-revoked', 'hash-revoked', '区财政局', 'viewer', NULL, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')`).run();
    db.prepare(`INSERT INTO audit_log (at, endpoint, codes) VALUES ('2026-03-05T00:00:00Z', '/api/v1/status', '[]')`).run();
    db.prepare('INSERT INTO meta VALUES (?, ?)').run('awkward', 'line one\nline two\ttab \\ backslash \u0001 ctrl 信用 😀');
    db.prepare(`INSERT INTO changes (cursor, code, at, kind) VALUES (?, ?, '2026-03-06T00:00:00Z', 'listed')`).run(DELETED_CURSOR, entry.code);
    db.prepare('DELETE FROM changes WHERE cursor = ?').run(DELETED_CURSOR);
  } finally {
    db.close();
  }
}

/** Every row of every table, each as its column values, sorted: the same on both engines when the copy is faithful. */
async function contents(p: PlatformDatabase): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of PLATFORM_TABLES) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(p.db)).rows;
    out[table] = rows
      .map((row) => {
        const { seq: _seq, ...columns } = row;
        return JSON.stringify(
          Object.keys(columns)
            .sort()
            .map((c) => [c, columns[c]]),
        );
      })
      .sort();
  }
  return out;
}

async function counts(p: PlatformDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of PLATFORM_TABLES) {
    out[table] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(p.db)).rows[0]!.n);
  }
  return out;
}

const ids = async (p: PlatformDatabase, table: 'objections' | 'repairs', order: 'rowid' | 'seq') =>
  (await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} ORDER BY ${sql.raw(order)}`.execute(p.db)).rows.map((r) => r.id);

const emptyCounts = Object.fromEntries(PLATFORM_TABLES.map((t) => [t, 0]));

describe('copyPlatformDatabase', () => {
  it('copies every table row for row, in pages, keeping rowid order and serial values; later inserts continue after them', async () => {
    const from = await openFixture();
    const to = await openEmptyPostgres();
    const heard: [PlatformTable, number][] = [];
    const copied = await copyPlatformDatabase(from, to, (table, rows) => heard.push([table, rows]), { batchRows: 7 });

    const inSource = await counts(from);
    // The fixture has rows in every table, and more than one page in most.
    for (const table of PLATFORM_TABLES) expect(inSource[table], table).toBeGreaterThan(0);
    expect(inSource.entries).toBeGreaterThan(7 * 10);
    expect(copied).toEqual(PLATFORM_TABLES.map((table) => ({ table, rows: inSource[table] })));
    expect(heard).toEqual(copied.map((c) => [c.table, c.rows]));
    expect(await counts(to)).toEqual(inSource);
    expect(await contents(to)).toEqual(await contents(from));

    // seq follows SQLite's rowid order, which here is not the ids' order.
    for (const table of ['objections', 'repairs'] as const) {
      const order = await ids(from, table, 'rowid');
      expect(order.slice(-2)).toEqual(table === 'objections' ? ['obj-zz-first', 'obj-aa-second'] : ['rep-zz-first', 'rep-aa-second']);
      expect(await ids(to, table, 'seq')).toEqual(order);
    }

    // New rows continue after the copied ids, and after the cursor SQLite handed out and deleted.
    const cursor = await to.db
      .insertInto('changes')
      .values({ code: 'x', at: '2026-04-01T00:00:00Z', kind: 'listed' })
      .returning('cursor')
      .executeTakeFirstOrThrow();
    expect(cursor.cursor).toBe(DELETED_CURSOR + 1);
    for (const table of ['events', 'audit_log'] as const) {
      const max = Number((await sql<{ n: number }>`SELECT max(id) AS n FROM ${sql.table(table)}`.execute(from.db)).rows[0]!.n);
      const next =
        table === 'events'
          ? await to.db
              .insertInto('events')
              .values({ code: 'x', entry_id: null, at: '2026-04-01T00:00:00Z', kind: 'k', note: '' })
              .returning('id')
              .executeTakeFirstOrThrow()
          : await to.db.insertInto('audit_log').values({ at: '2026-04-01T00:00:00Z', endpoint: '/x', codes: '[]' }).returning('id').executeTakeFirstOrThrow();
      expect(next.id, table).toBe(max + 1);
    }
  });

  it('refuses a target that holds rows and leaves it as it was', async () => {
    const from = await openFixture();
    const copiedOnce = await openEmptyPostgres();
    await copyPlatformDatabase(from, copiedOnce);
    const before = await contents(copiedOnce);
    const again = copyPlatformDatabase(from, copiedOnce);
    await expect(again).rejects.toBeInstanceOf(TargetNotEmptyError);
    await expect(again).rejects.toMatchObject({ table: 'subjects', rows: before.subjects!.length });
    expect(await contents(copiedOnce)).toEqual(before);

    // One row in the last table is enough.
    const oneRow = await openEmptyPostgres();
    await oneRow.db
      .insertInto('signing_keys')
      .values({ key_id: 'k', public_raw: 'p', private_pkcs8: 's', created_at: 'now', retired_at: null, compromised_since: null })
      .execute();
    await expect(copyPlatformDatabase(from, oneRow)).rejects.toThrow(/signing_keys holds 1 row/);
    expect(await counts(oneRow)).toEqual({ ...emptyCounts, signing_keys: 1 });
  });

  it('leaves the target empty when a write fails part way', async () => {
    const from = await openFixture();
    const to = await openEmptyPostgres();
    await sql`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(to.db);
    await sql`CREATE TRIGGER refuse_tokens BEFORE INSERT ON tokens FOR EACH ROW EXECUTE FUNCTION refuse()`.execute(to.db);
    await expect(copyPlatformDatabase(from, to, undefined, { batchRows: 50 })).rejects.toThrow(/refused by the test/);
    expect(await counts(to)).toEqual(emptyCounts);
  });

  it('rolls back and names the table when a count differs after the copy', async () => {
    const from = await openFixture();
    const to = await openEmptyPostgres();
    // A row PostgreSQL quietly drops: the INSERT succeeds, the count tells.
    await sql`CREATE FUNCTION drop_seed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.key = 'seed' THEN RETURN NULL; END IF; RETURN NEW; END $$`.execute(
      to.db,
    );
    await sql`CREATE TRIGGER drop_seed BEFORE INSERT ON meta FOR EACH ROW EXECUTE FUNCTION drop_seed()`.execute(to.db);
    const metaRows = (await counts(from)).meta!;
    const copy = copyPlatformDatabase(from, to);
    await expect(copy).rejects.toBeInstanceOf(CountMismatchError);
    await expect(copy).rejects.toMatchObject({ table: 'meta', source: metaRows, target: metaRows - 1 });
    expect(await counts(to)).toEqual(emptyCounts);
  });

  it('writes a large table in several INSERTs within PostgreSQL’s 65,535 parameters', async () => {
    const path = join(dir, 'large.sqlite');
    const db = openDatabase(path);
    // events has 6 columns: 11,000 rows in one INSERT would be 66,000 parameters.
    const insert = db.prepare(`INSERT INTO events (code, entry_id, at, kind, note) VALUES ('c', NULL, '2026-01-01T00:00:00Z', 'listed', ?)`);
    db.transaction(() => {
      for (let i = 0; i < 11_000; i++) insert.run(`note ${i}`);
    })();
    db.close();
    const from = await open({ engine: 'sqlite', path, create: false });
    const to = await openEmptyPostgres();
    const copied = await copyPlatformDatabase(from, to, undefined, { batchRows: 1_000_000 });
    expect(copied.find((c) => c.table === 'events')?.rows).toBe(11_000);
    expect(await contents(to)).toEqual(await contents(from));
  });

  it('copies from SQLite to PostgreSQL only', async () => {
    const from = await openFixture();
    const to = await openEmptyPostgres();
    await expect(copyPlatformDatabase(to, from)).rejects.toBeInstanceOf(CopyRefusedError);
    await expect(copyPlatformDatabase(from, await open({ engine: 'sqlite', path: ':memory:' }))).rejects.toThrow(/target must be a PostgreSQL/);
  });
});
