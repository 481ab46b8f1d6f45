import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../platform/audit/group-commit.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, DEMO_SUBJECTS, envelopeCode, startTestPlatform } from '../platform-harness.ts';

describe('GroupCommit', () => {
  it('writes what was added in one turn in one write, and resolves each only after that write', async () => {
    const writes: number[][] = [];
    let flush: (() => void) | undefined;
    const group = new GroupCommit<number>(
      async (items) => {
        writes.push(items);
      },
      (f) => (flush = f),
    );
    const settled: number[] = [];
    const promises = [1, 2, 3].map((n) => group.add(n).then(() => settled.push(n)));
    await Promise.resolve();
    expect(writes).toEqual([]);
    expect(settled).toEqual([]);
    expect(group.pending).toBe(3);
    flush!();
    await Promise.all(promises);
    expect(writes).toEqual([[1, 2, 3]]);
    expect(settled).toEqual([1, 2, 3]);
  });

  it('rejects every item of a batch whose write failed, and the next batch is written again', async () => {
    let fail = true;
    const written: string[] = [];
    const group = new GroupCommit<string>(async (items) => {
      if (fail) throw new Error('disk full');
      written.push(...items);
    });
    const failed = await Promise.allSettled([group.add('a'), group.add('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await group.add('c');
    expect(written).toEqual(['c']);
  });
});

describe('POST /api/v1/status and the audit log', () => {
  let platform: RunningPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());
  const codes = DEMO_SUBJECTS.slice(0, 3).map((s) => s.code);

  /** Makes every insert into the audit log fail, as a full disk would, until the returned function undoes it. */
  async function failAuditInserts(): Promise<() => Promise<void>> {
    if (platform.database.engine === 'sqlite') {
      platform.db.exec("CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
      return async () => void platform.db.exec('DROP TRIGGER audit_fails');
    }
    const db = platform.repos.db;
    await sql`CREATE FUNCTION audit_fails() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_fails()`.execute(db);
    return async () => {
      await sql`DROP TRIGGER audit_fails ON audit_log`.execute(db);
      await sql`DROP FUNCTION audit_fails()`.execute(db);
    };
  }

  it('answers only once the query is committed to the audit log: a failing commit means no answer', async () => {
    const undo = await failAuditInserts();
    try {
      const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes } });
      expect(res.status).toBe(500);
      expect(envelopeCode(res.json)).toBe('internal');
      expect(res.text).not.toContain(codes[0]);
    } finally {
      await undo();
    }
  });

  it('has the row committed when the answer arrives, for every one of many concurrent queries', async () => {
    const repos = platform.repos;
    const before = (await repos.audit.latest(1))[0]?.id ?? 0;
    const purposes = Array.from({ length: 40 }, (_, i) => `group-commit ${i}`);
    {
      const answers = await Promise.all(
        purposes.map(async (purpose) => {
          const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes, purpose } });
          // Read at the moment the answer arrived (this process holds the platform: no other writer between).
          const logged = (await repos.audit.latest(100)).some((r) => r.purpose === purpose && r.id > before);
          return { status: res.status, logged };
        }),
      );
      expect(answers.every((a) => a.status === 200 && a.logged)).toBe(true);
      // One row each, none twice.
      const rows = await platform.repos.db
        .selectFrom('audit_log')
        .select('purpose')
        .where('id', '>', before)
        .where('purpose', 'like', 'group-commit %')
        .execute();
      expect(rows.map((r) => r.purpose).sort()).toEqual([...purposes].sort());
    }
  });
});
