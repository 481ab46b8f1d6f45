import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCommand } from '../../../../platform/cli/init-command.ts';
import { parsePoolSize, platformConfig } from '../../../../platform/cli/platform-config.ts';
import { seedCommand } from '../../../../platform/cli/seed-command.ts';
import { serveCommand } from '../../../../platform/cli/serve-command.ts';
import { tokenCommand, type CommandOutput } from '../../../../platform/cli/token-command.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../support/postgres-cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-pg-commands-'));
/** DB_PATH points at a file that must never be made: with DATABASE_URL every command works on PostgreSQL. */
const dbPath = join(dir, 'unused.sqlite');
let postgres: PostgresCluster;
let databaseUrl: string;

beforeAll(async () => {
  postgres = await startPostgresCluster();
  databaseUrl = await postgres.createDatabase();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function output(): CommandOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(...l.split('\n')), error: (l) => errors.push(l) };
}

describe('the platform commands with DATABASE_URL', () => {
  it('init, token and serve work on the PostgreSQL database: the first admin token opens the served platform', async () => {
    const target = { dbPath, databaseUrl };
    const init = output();
    expect(await initCommand(target, new Map(), init)).toBe(0);
    const admin = init.lines.find((l) => l.startsWith('cl_'))!;
    const created = output();
    expect(
      await tokenCommand(
        target,
        ['create'],
        new Map([
          ['department', '区财政局'],
          ['role', 'department'],
        ]),
        created,
      ),
    ).toBe(0);
    const list = output();
    expect(await tokenCommand(target, ['list'], new Map(), list)).toBe(0);
    expect(list.lines.filter((l) => l.startsWith('tok-')).map((l) => l.split(/\s+/)[2])).toEqual(['admin', 'department']);
    // A real platform refuses the demo data set.
    expect(await seedCommand(target, new Map())).toBe(1);

    const served = output();
    const code = await serveCommand(
      { ...platformConfig({}), port: 0, dbPath, databaseUrl, logRequests: false },
      new Map(),
      async () => {
        const url = /listening on (\S+)/.exec(served.lines[0] ?? '')![1]!;
        const audit = await fetch(`${url}/api/v1/admin/audit`, { headers: { authorization: `Bearer ${admin}` } });
        expect(audit.status).toBe(200);
      },
      served,
    );
    expect(code).toBe(0);
    expect(served.lines[0]).toContain(`database ${databaseUrl}`);
    expect(served.lines.join('\n')).toContain('no list data yet');
    expect(existsSync(dbPath)).toBe(false);
  });

  it('says in one line, exit 1, when the PostgreSQL server cannot be reached — and hides the password', async () => {
    const out = output();
    const unreachable = 'postgres://postgres:secret@127.0.0.1:1/none';
    const code = await serveCommand(
      { ...platformConfig({}), port: 0, dbPath, databaseUrl: unreachable, logRequests: false },
      new Map(),
      async () => undefined,
      out,
    );
    expect(code).toBe(1);
    expect(out.errors).toEqual([expect.stringMatching(/^serve: cannot open the PostgreSQL database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: \S/)]);
  });

  it('reads DATABASE_URL and DATABASE_POOL_SIZE from the environment, refusing a pool size that is not 1 to 200', () => {
    expect(platformConfig({ DATABASE_URL: ' postgres://a@b/c ', DATABASE_POOL_SIZE: '24' })).toMatchObject({ databaseUrl: 'postgres://a@b/c', poolSize: 24 });
    expect(platformConfig({})).toMatchObject({ databaseUrl: undefined, poolSize: undefined });
    for (const wrong of ['0', '201', 'ten', '2.5']) expect(() => parsePoolSize(wrong)).toThrow(/DATABASE_POOL_SIZE must be a whole number from 1 to 200/);
  });
});
