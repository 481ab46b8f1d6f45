import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TOKENS } from '../../../../platform/auth/demo-tokens.ts';
import { importCommand } from '../../../../platform/cli/import-command.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { createRepositories } from '../../../../platform/db/repositories.ts';
import { startPlatform, type RunningPlatform } from '../../../../platform/start-platform.ts';
import { StartRefusedError } from '../../../../platform/start-refused-error.ts';
import { call, envelopeCode, fixtureCode, TODAY } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-demo-tokens-'));
const running: RunningPlatform<any>[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((p) => p.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const status = (platform: RunningPlatform<any>, token: string) => call(platform, 'POST', '/api/v1/status', { token, body: { codes: [fixtureCode('black')] } });
const issueToken = (platform: RunningPlatform<any>, token: string) =>
  call(platform, 'POST', '/api/v1/admin/tokens', { token, body: { department: '区财政局', role: 'admin' } });

/** A database holding one subject that was not seeded as the demo (as an import leaves it). */
async function realDatabase(name: string): Promise<string> {
  const path = join(dir, name);
  const db = openDatabase(path);
  await createRepositories(db).subjects.upsert({ code: fixtureCode('black'), name: '真实主体', regionCode: null, legalRepresentative: null });
  db.close();
  return path;
}

describe('demo tokens', () => {
  it.each(['viewer', 'department', 'admin'] as const)('returns 401 to the demo %s token on a platform that was not seeded as the demo', async (role) => {
    const platform = await startPlatform({ dbPath: await realDatabase(`real-${role}.sqlite`), today: TODAY });
    running.push(platform);
    expect(platform.tokens).toBeUndefined();
    const res = await status(platform, DEMO_TOKENS[role]);
    expect([res.status, envelopeCode(res.json)]).toEqual([401, 'unauthorized']);
    if (role === 'admin') expect((await issueToken(platform, DEMO_TOKENS.admin)).status).toBe(401);
  });

  it('returns 401 to the demo admin token on an empty platform started without seed', async () => {
    const platform = await startPlatform({ today: TODAY });
    running.push(platform);
    expect(platform.tokens).toBeUndefined();
    expect((await issueToken(platform, DEMO_TOKENS.admin)).status).toBe(401);
  });

  it('returns the demo tokens of a seeded platform, which work, and marks its database as the demo', async () => {
    const path = join(dir, 'demo.sqlite');
    const platform = await startPlatform({ dbPath: path, seed: { subjects: 20 }, today: TODAY });
    running.push(platform);
    expect(platform.tokens).toEqual(DEMO_TOKENS);
    expect((await status(platform, platform.tokens.admin)).status).toBe(200);
    expect(await platform.repos.meta.get('demo')).toBe('yes');
    await platform.close();
    const again = await startPlatform({ dbPath: path, seed: true, today: TODAY });
    running.push(again);
    expect((await status(again, again.tokens.viewer)).status).toBe(200);
  });

  it('refuses to seed the demo (and its tokens) into a database that holds other data', async () => {
    const path = await realDatabase('real-seeded.sqlite');
    const started = startPlatform({ dbPath: path, seed: true, today: TODAY });
    await expect(started).rejects.toBeInstanceOf(StartRefusedError);
    await expect(started).rejects.toMatchObject({ kind: 'not-a-demo-database' });
    const db = openDatabase(path);
    expect(await createRepositories(db).tokens.list()).toEqual([]);
    db.close();
  });

  it('revokes the demo tokens when a list is imported into the demo database', async () => {
    const path = join(dir, 'demo-then-import.sqlite');
    await (await startPlatform({ dbPath: path, seed: { subjects: 20 }, today: TODAY })).close();
    const csv = join(dir, 'list.csv');
    writeFileSync(
      csv,
      `主体名称,统一社会信用代码,名单类型,列入类别,列入原因,认定依据,文书号,认定部门,列入日期\n甲公司,${fixtureCode('clear')},黑名单,围标串标,串通投标,《招标投标法》,汉住罚〔2026〕9号,区住房和城市更新局,2026-01-05\n`,
    );
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await importCommand(path, csv, new Map())).toBe(0);
    const platform = await startPlatform({ dbPath: path, today: TODAY });
    running.push(platform);
    expect(platform.tokens).toBeUndefined();
    expect((await status(platform, DEMO_TOKENS.department)).status).toBe(401);
    await expect(startPlatform({ dbPath: path, seed: true, today: TODAY })).rejects.toMatchObject({ kind: 'not-a-demo-database' });
  });
});
