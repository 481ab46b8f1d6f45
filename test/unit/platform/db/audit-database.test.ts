import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditDatabasePath } from '../../../../platform/db/audit-database.ts';
import { MIGRATIONS } from '../../../../platform/db/migrations.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { createRepositories } from '../../../../platform/db/repositories.ts';

const dir = mkdtempSync(join(tmpdir(), 'audit-database-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const query = (at: string) => ({
  at,
  tokenId: null,
  department: '区财政局',
  endpoint: 'status',
  codes: ['91420105MA4K0RXX1K'],
  purpose: null,
  ip: '127.0.0.1',
  verdicts: null,
  caseReference: null,
  hits: null,
});

const tablesOf = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('the audit log on SQLite', () => {
  it('is named after the database file, beside it', () => {
    expect(auditDatabasePath(join('data', 'platform.sqlite'))).toBe(join('data', 'platform.audit.sqlite'));
    expect(auditDatabasePath('/srv/credit/platform')).toBe('/srv/credit/platform.audit');
    expect(auditDatabasePath(':memory:')).toBe(':memory:');
  });

  it('keeps its rows in that file, not in the lists’ file', async () => {
    const path = join(dir, 'fresh.sqlite');
    const db = openDatabase(path);
    await createRepositories(db).audit.commit(query('2026-03-05T01:00:00.000Z'));
    db.close();
    expect(tablesOf(path)).not.toContain('audit_log');
    expect(tablesOf(path)).toContain('subjects');
    const audit = new BetterSqlite3(auditDatabasePath(path), { readonly: true });
    expect(audit.prepare('SELECT at, endpoint FROM audit_log').all()).toEqual([{ at: '2026-03-05T01:00:00.000Z', endpoint: 'status' }]);
    audit.close();
  });

  it('takes over the log of a database from before it had its own file, ids and all', async () => {
    const path = join(dir, 'schema-7.sqlite');
    const old = new BetterSqlite3(path);
    for (const step of MIGRATIONS.slice(0, 7)) old.exec(step);
    old.pragma('user_version = 7');
    old
      .prepare(
        `INSERT INTO audit_log (id, at, endpoint, codes, verdicts, case_reference, hits) VALUES (42, '2026-01-02T03:04:05Z', 'status', '["A"]', '{"black":1}', '案-1', '[]')`,
      )
      .run();
    old.close();
    expect(existsSync(auditDatabasePath(path))).toBe(false);

    const db = openDatabase(path);
    const repos = createRepositories(db);
    const rows = await repos.audit.latest(10);
    expect(rows.map((r) => [r.id, r.at, r.codes])).toEqual([[42, '2026-01-02T03:04:05Z', ['A']]]);
    expect(db.prepare('SELECT verdicts, case_reference, hits FROM audit.audit_log').get()).toEqual({
      verdicts: '{"black":1}',
      case_reference: '案-1',
      hits: '[]',
    });
    await repos.audit.commit(query('2026-01-03T00:00:00.000Z'));
    expect((await repos.audit.latest(10)).map((r) => r.id).sort((a, b) => a - b)).toEqual([42, 43]);
    db.close();
    expect(tablesOf(path)).not.toContain('audit_log');
    expect(tablesOf(auditDatabasePath(path))).toContain('audit_log');
  });

  it('commits without changing the lists’ file, so other workers keep their page cache of it', async () => {
    const path = join(dir, 'two-workers.sqlite');
    const writer = openDatabase(path);
    const reader = openDatabase(path);
    const listsVersion = () => reader.pragma('main.data_version', { simple: true }) as number;
    const before = listsVersion();
    await createRepositories(writer).audit.commit(query('2026-03-05T02:00:00.000Z'));
    expect(reader.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    expect(listsVersion()).toBe(before);
    // A change to the lists does reach the other connection as one (what the check above would have seen before).
    writer.prepare(`INSERT INTO meta (key, value) VALUES ('probe', '1')`).run();
    expect(listsVersion()).not.toBe(before);
    writer.close();
    reader.close();
  });
});
