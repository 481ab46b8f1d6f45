import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { RecordKeyListSchema } from '../../../../core/api/record-key-list-schema.ts';
import { base64ToBytes } from '../../../../core/record/base64.ts';
import { signCheckRecord } from '../../../../core/record/sign-check-record.ts';
import { verifyCommand } from '../../../../cli/commands/verify-command.ts';
import { rotateRecordKeyCommand } from '../../../../platform/cli/rotate-record-key-command.ts';
import { platformSubtle } from '../../../../platform/records/platform-subtle.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'creditlens-key-life-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: RunningPlatform[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});

let n = 0;
async function platformOnFile(): Promise<{ platform: RunningPlatform; dbPath: string }> {
  const dbPath = join(dir, `platform-${++n}.sqlite`);
  const platform = await startTestPlatform({ dbPath, seed: { subjects: 30 } });
  running.push(platform);
  return { platform, dbPath };
}

const createRecord = async (platform: RunningPlatform): Promise<SignedCheckRecord> =>
  (await call(platform, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('black')], context: 'procurement' } })).json;
const verify = async (platform: RunningPlatform, record: unknown) => (await call(platform, 'POST', '/api/v1/records/verify', { body: record })).json;
const verifyText = async (platform: RunningPlatform, text: string) =>
  (await call(platform, 'POST', '/api/v1/records/verify', { raw: text, headers: { 'content-type': 'application/json' } })).json;

/** What an attacker holding a copy of the database has: the current private key. */
async function stealKey(platform: RunningPlatform): Promise<{ keyId: string; privateKey: CryptoKey }> {
  const row = await platform.repos.db.selectFrom('signing_keys').select(['key_id', 'private_pkcs8']).where('retired_at', 'is', null).executeTakeFirstOrThrow();
  const privateKey = await platformSubtle.importKey('pkcs8', base64ToBytes(row.private_pkcs8)!, { name: 'Ed25519' }, false, ['sign']);
  return { keyId: row.key_id, privateKey };
}

/** A genuine record changed to say clear, dated `issuedAt`, and signed with the given key. */
async function forge(genuine: SignedCheckRecord, key: { keyId: string; privateKey: CryptoKey }, issuedAt: string): Promise<SignedCheckRecord> {
  const items = genuine.record.items.map((item) => ({
    ...item,
    verdict: 'clear' as const,
    entries: [],
    measures: [],
    reason: '该主体目前没有有效的红黑名单记录。',
  }));
  return signCheckRecord({ ...genuine.record, recordId: `forged-${issuedAt}`, issuedAt, items }, key, platformSubtle);
}

async function cliVerify(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await verifyCommand.run(args, { out: (t) => (out += t), err: (t) => (out += t) });
  return { code, out };
}

function saved(name: string, content: unknown): string {
  const file = join(dir, `${n}-${name}`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('a signing key copied before its rotation', () => {
  it('returns key-retired for a record dated after the rotation, on the platform and in cli verify online and offline', async () => {
    const { platform, dbPath } = await platformOnFile();
    const genuine = await createRecord(platform);
    const stolen = await stealKey(platform);
    expect(await rotateRecordKeyCommand(dbPath, () => {})).toBe(0);
    const forged = await forge(genuine, stolen, new Date(Date.now() + 1000).toISOString());

    expect(await verify(platform, genuine)).toMatchObject({ valid: true, reason: 'ok' });
    const judged = await verify(platform, forged);
    expect(judged).toMatchObject({ valid: false, reason: 'key-retired', keyId: stolen.keyId });
    expect(judged.message).toContain('已于');
    expect((await call(platform, 'POST', '/api/v1/records/csv', { body: forged })).status).toBe(400);
    const printed = await call(platform, 'POST', '/records/print', { body: forged });
    expect(printed.text.includes('签名有效')).toBe(false);

    const forgedFile = saved('forged.json', forged);
    const online = await cliVerify('--platform', platform.url, forgedFile);
    expect([online.code, online.out.includes('key-retired')]).toEqual([1, true]);
    const list = saved('keys.json', (await call(platform, 'GET', '/.well-known/creditlens-record-keys')).text);
    expect((await cliVerify('--key', list, forgedFile)).code).toBe(1);
    expect((await cliVerify('--key', list, saved('genuine.json', genuine))).code).toBe(0);
  });
});

describe('a record issued in the future', () => {
  it.each([
    ['an hour ahead', 60 * 60_000, { valid: false, reason: 'not-yet-valid' }],
    ['two minutes ahead (clock skew)', 2 * 60_000, { valid: true, reason: 'ok' }],
  ])('returns %s as %o', async (_what, aheadMs, expected) => {
    const { platform } = await platformOnFile();
    const genuine = await createRecord(platform);
    const record = await forge(genuine, await stealKey(platform), new Date(Date.now() + aheadMs).toISOString());
    expect(await verify(platform, record)).toMatchObject(expected);
    expect((await cliVerify('--platform', platform.url, saved('future.json', record))).code).toBe(expected.valid ? 0 : 1);
  });
});

describe('rotate-record-key --compromised --since', () => {
  it('returns key-compromised for every record the key signed since that time, and keeps earlier ones valid', async () => {
    const { platform, dbPath } = await platformOnFile();
    const early = await createRecord(platform);
    await new Promise((r) => setTimeout(r, 5));
    const late = await createRecord(platform);
    expect(Date.parse(late.record.issuedAt)).toBeGreaterThan(Date.parse(early.record.issuedAt));
    const keyId = late.signature.keyId;

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'platform/main.ts', 'rotate-record-key', '--compromised', '--since', late.record.issuedAt], {
      cwd: ROOT,
      env: { ...process.env, DB_PATH: dbPath },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toContain(`record key ${keyId} marked compromised since ${late.record.issuedAt}`);

    expect(await verify(platform, early)).toMatchObject({ valid: true });
    const judged = await verify(platform, late);
    expect(judged).toMatchObject({ valid: false, reason: 'key-compromised', keyId });
    expect(judged.message).toContain(`自 ${late.record.issuedAt} 起被标记为泄露`);
    const fresh = await createRecord(platform);
    expect(fresh.signature.keyId).not.toBe(keyId);
    expect(await verify(platform, fresh)).toMatchObject({ valid: true });

    const listed = await call(platform, 'GET', '/.well-known/creditlens-record-keys');
    expect(RecordKeyListSchema.safeParse(listed.json).success).toBe(true);
    expect(listed.json.keys.find((k: { keyId: string }) => k.keyId === keyId)).toMatchObject({
      compromisedSince: late.record.issuedAt,
      retiredAt: expect.any(String),
    });
    const byId = await call(platform, 'GET', `/.well-known/creditlens-record-key?keyId=${keyId}`);
    expect(byId.json.compromisedSince).toBe(late.record.issuedAt);

    const list = saved('keys.json', listed.text);
    expect((await cliVerify('--key', list, saved('late.json', late))).code).toBe(1);
    expect((await cliVerify('--key', list, saved('early.json', early))).code).toBe(0);
    const online = await cliVerify('--platform', platform.url, saved('late2.json', late));
    expect([online.code, online.out.includes('key-compromised')]).toEqual([1, true]);
  });

  it.each([
    [2, ['--compromised']],
    [2, ['--compromised', '--since', 'yesterday']],
    [2, ['--since', '2026-01-01T00:00:00Z']],
    [1, ['--compromised', '--since', '2026-01-01T00:00:00Z', '--key', 'clk-0000000000000000']],
  ])('returns exit %s and keeps the key for rotate-record-key %j', async (code, args) => {
    const { dbPath, platform } = await platformOnFile();
    const before = (await call(platform, 'GET', '/.well-known/creditlens-record-key')).json.keyId;
    const flags = new Map<string, string | true>();
    for (let i = 0; i < args.length; i++) {
      const name = args[i]!.slice(2);
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags.set(name, next);
        i++;
      } else flags.set(name, true);
    }
    expect(await rotateRecordKeyCommand(dbPath, () => {}, flags)).toBe(code);
    expect((await call(platform, 'GET', '/.well-known/creditlens-record-key')).json.keyId).toBe(before);
  });
});

describe('a record file that names a key twice', () => {
  it('returns duplicate-keys from the API, the pages, the CSV export and cli verify', async () => {
    const { platform } = await platformOnFile();
    const genuine = await createRecord(platform);
    const text = JSON.stringify(genuine);
    // JSON.parse keeps the last copy, so the signature still matches; a reader keeping the first sees "clear".
    const doubled = text.replace('"verdict":"black"', '"verdict":"clear","verdict":"black"');
    expect(doubled).not.toBe(text);
    expect(await verifyText(platform, text)).toMatchObject({ valid: true });
    expect(await verifyText(platform, doubled)).toMatchObject({ valid: false, reason: 'duplicate-keys' });
    const csv = await call(platform, 'POST', '/api/v1/records/csv', { raw: doubled, headers: { 'content-type': 'application/json' } });
    expect(csv.status).toBe(400);
    const page = await call(platform, 'POST', '/records/verify', {
      raw: new URLSearchParams({ record: doubled }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(page.text).toContain('重复');
    const printed = await call(platform, 'POST', '/records/print', {
      raw: new URLSearchParams({ record: doubled }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(printed.text.includes('签名有效')).toBe(false);
    const cli = await cliVerify('--platform', platform.url, saved('doubled.json', doubled));
    expect([cli.code, cli.out.includes('duplicate-keys')]).toEqual([1, true]);
    expect((await cliVerify('--platform', platform.url, saved('plain.json', text))).code).toBe(0);
  });
});
