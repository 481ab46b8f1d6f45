import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../../../platform/auth/hash-token.ts';
import { initCommand } from '../../../../platform/cli/init-command.ts';
import { tokenCommand, type CommandOutput } from '../../../../platform/cli/token-command.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { startPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, TODAY } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function output(): CommandOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(...l.split('\n')), error: (l) => errors.push(l) };
}

const tokenIn = (lines: string[]) => lines.find((l) => l.startsWith('cl_'))!;

describe('initCommand', () => {
  it('creates the database and prints its first admin token once; a second init is refused', async () => {
    const path = join(dir, 'init.sqlite');
    const out = output();
    expect(await initCommand(path, new Map(), out)).toBe(0);
    const token = tokenIn(out.lines);
    expect(token).toMatch(/^cl_[\w-]{32}$/);
    const platform = await startPlatform({ dbPath: path, allowDemoTokens: false, today: TODAY });
    try {
      expect((await call(platform, 'GET', '/api/v1/admin/audit', { token })).status).toBe(200);
    } finally {
      await platform.close();
    }
    const again = output();
    expect(await initCommand(path, new Map(), again)).toBe(1);
    expect(again.errors[0]).toContain('already has an admin token');
    expect(again.lines.join('\n')).not.toContain('cl_');
  });
});

describe('tokenCommand', () => {
  it('lists id, department, role, label, created and revoked — never a token or its hash', async () => {
    const path = join(dir, 'list.sqlite');
    const init = output();
    await initCommand(path, new Map(), init);
    const created = output();
    expect(
      await tokenCommand(
        path,
        ['create'],
        new Map([
          ['department', '区财政局'],
          ['role', 'department'],
          ['label', '采购科'],
        ]),
        created,
      ),
    ).toBe(0);
    const out = output();
    expect(await tokenCommand(path, ['list'], new Map(), out)).toBe(0);
    expect(out.lines[0]).toMatch(/^id\s+department\s+role\s+label\s+created\s+revoked$/);
    expect(out.lines).toHaveLength(3);
    expect(out.lines[2]).toMatch(/^tok-\S+\s+区财政局\s+department\s+采购科\s+\d{4}-\d\d-\d\dT\S+\s+-$/);
    const text = out.lines.join('\n');
    for (const token of [tokenIn(init.lines), tokenIn(created.lines)]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
  });

  it('revokes a token: a running platform answers it 401 from the next request on', async () => {
    const path = join(dir, 'revoke.sqlite');
    await initCommand(path, new Map(), output());
    const created = output();
    await tokenCommand(
      path,
      ['create'],
      new Map([
        ['department', '区财政局'],
        ['role', 'viewer'],
      ]),
      created,
    );
    const token = tokenIn(created.lines);
    const id = /token (tok-\S+)/.exec(created.lines[0]!)![1]!;
    const platform = await startPlatform({ dbPath: path, today: TODAY });
    try {
      expect((await call(platform, 'GET', '/api/v1/changes?since=0', { token })).status).toBe(200);
      const out = output();
      expect(await tokenCommand(path, ['revoke', id], new Map(), out)).toBe(0);
      const res = await call(platform, 'GET', '/api/v1/changes?since=0', { token });
      expect([res.status, envelopeCode(res.json)]).toEqual([401, 'unauthorized']);
      const list = output();
      await tokenCommand(path, ['list'], new Map(), list);
      expect(list.lines.find((l) => l.startsWith(id))).toMatch(/\d{4}-\d\d-\d\dT\S+Z$/);
    } finally {
      await platform.close();
    }
  });

  it.each([
    [['revoke', 'tok-none'], 1, 'there is no token tok-none'],
    [['revoke'], 2, 'needs the id'],
    [['rename'], 2, 'usage'],
  ])('returns %j exit %i with a message', async (args, code, message) => {
    const path = join(dir, 'errors.sqlite');
    openDatabase(path).close();
    const out = output();
    expect(await tokenCommand(path, args, new Map(), out)).toBe(code);
    expect(out.errors.join('\n')).toContain(message);
  });

  it('refuses to create a database: a new platform starts with init', async () => {
    const path = join(dir, 'none.sqlite');
    const out = output();
    expect(
      await tokenCommand(
        path,
        ['create'],
        new Map([
          ['department', 'x'],
          ['role', 'admin'],
        ]),
        out,
      ),
    ).toBe(1);
    expect(existsSync(path)).toBe(false);
  });
});
