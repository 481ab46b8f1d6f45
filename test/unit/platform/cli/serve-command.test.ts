import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../../platform/auth/demo-tokens.ts';
import { platformConfig, type PlatformConfig } from '../../../../platform/cli/platform-config.ts';
import { seedCommand } from '../../../../platform/cli/seed-command.ts';
import { serveCommand } from '../../../../platform/cli/serve-command.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'platform-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configFor = (dbPath: string): PlatformConfig => ({ ...platformConfig({}), port: 0, dbPath, logRequests: false });

/** Runs `serve` in-process; while it listens, `whileUp` gets the first line it printed (the URL is in it). */
async function serve(dbPath: string, flags: string[], whileUp: (url: string) => Promise<void> = async () => undefined) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await serveCommand(
    configFor(dbPath),
    new Map(flags.map((f) => [f, true as const])),
    async () => {
      await whileUp(/listening on (\S+)/.exec(lines[0] ?? '')![1]!);
    },
    { log: (l) => lines.push(l), error: (l) => errors.push(l) },
  );
  return { code, lines, errors };
}

const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
  const { log, error } = console;
  console.log = console.error = () => undefined;
  try {
    return await run();
  } finally {
    Object.assign(console, { log, error });
  }
};

describe('serveCommand', () => {
  it('returns 1 with one line and creates nothing when the database file is missing and --create is not given', async () => {
    const path = join(dir, 'missing.sqlite');
    const { code, errors } = await serve(path, []);
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^serve: there is no database at .*missing\.sqlite; pass --create/);
    expect(existsSync(path)).toBe(false);
  });

  it('creates a new, empty platform with --create and says it has no admin token and no data yet', async () => {
    const path = join(dir, 'created.sqlite');
    const { code, lines } = await serve(path, ['create'], async (url) => {
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    });
    expect(code).toBe(0);
    expect(existsSync(path)).toBe(true);
    expect(lines.join('\n')).toContain('npm run platform -- init');
    expect(lines.join('\n')).toContain('no_data');
  });

  it('returns 1 with one line on a database holding the demo tokens unless --demo, which then accepts them', async () => {
    const path = join(dir, 'demo.sqlite');
    expect(await quietly(() => seedCommand(path, new Map([['subjects', '20']])))).toBe(0);
    const refused = await serve(path, []);
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(/^serve: .* holds the published demo tokens \(demo-viewer, demo-department, demo-admin\).*--demo/);
    const demo = await serve(path, ['demo'], async (url) => {
      const res = await fetch(`${url}/api/v1/admin/audit`, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } });
      expect(res.status).toBe(200);
    });
    expect(demo.code).toBe(0);
    expect(demo.lines.join('\n')).toContain(DEMO_TOKENS.admin);
  });

  it('exits non-zero as `npm run platform -- serve` on a demo database without --demo', async () => {
    const path = join(dir, 'demo-spawned.sqlite');
    expect(await quietly(() => seedCommand(path, new Map([['subjects', '20']])))).toBe(0);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'platform/main.ts', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DB_PATH: path, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('demo tokens');
  });
});
