import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RecordKeySchema } from '../../../../core/api/check-record-schema.ts';
import { verifyCommand } from '../../../../cli/commands/verify-command.ts';
import { rotateRecordKeyCommand } from '../../../../platform/cli/rotate-record-key-command.ts';
import { RecordKeyListSchema } from '../../../../core/api/record-key-list-schema.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'creditlens-rotate-'));
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

const createRecord = async (platform: RunningPlatform) =>
  (await call(platform, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('black'), fixtureCode('red')], context: 'procurement' } })).json;
const verify = async (platform: RunningPlatform, record: unknown) => (await call(platform, 'POST', '/api/v1/records/verify', { body: record })).json;
const currentKey = async (platform: RunningPlatform) => (await call(platform, 'GET', '/.well-known/creditlens-record-key')).json;
const rotate = (dbPath: string) => rotateRecordKeyCommand(dbPath, () => {});

async function cliVerify(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await verifyCommand.run(args, { out: (t) => (out += t), err: (t) => (out += t) });
  return { code, out };
}

describe('rotate-record-key', () => {
  it('returns new records signed with the new key, on the running platform, and records signed before still valid', async () => {
    const { platform, dbPath } = await platformOnFile();
    const before = await createRecord(platform);
    const oldKey = await currentKey(platform);

    expect(await rotate(dbPath)).toBe(0);

    const newKey = await currentKey(platform);
    expect(RecordKeySchema.safeParse(newKey).success).toBe(true);
    expect(newKey.keyId).toMatch(/^clk-[0-9a-f]{16}$/);
    expect(newKey.keyId).not.toBe(oldKey.keyId);
    expect(newKey.publicKey).not.toBe(oldKey.publicKey);
    const after = await createRecord(platform);
    expect([before.signature.keyId, after.signature.keyId]).toEqual([oldKey.keyId, newKey.keyId]);
    expect(await verify(platform, before)).toMatchObject({ valid: true, reason: 'ok', keyId: oldKey.keyId });
    expect(await verify(platform, after)).toMatchObject({ valid: true, reason: 'ok', keyId: newKey.keyId });
    const printed = await call(platform, 'POST', '/records/print', { body: before });
    expect([printed.status, printed.text.includes('签名有效'), printed.text.includes('签名无效')]).toEqual([200, true, false]);
    expect((await call(platform, 'POST', '/api/v1/records/csv', { body: before })).status).toBe(200);
    const tampered = JSON.parse(JSON.stringify(before).replace('"verdict":"black"', '"verdict":"clear"'));
    expect(await verify(platform, tampered)).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('returns the retired key by its id and lists every key, without breaking the single-key answer', async () => {
    const { platform, dbPath } = await platformOnFile();
    const oldKey = await currentKey(platform);
    await rotate(dbPath);
    const newKey = await currentKey(platform);

    const byId = await call(platform, 'GET', `/.well-known/creditlens-record-key?keyId=${oldKey.keyId}`, { headers: { origin: 'https://oa.example.gov.cn' } });
    expect(byId.status).toBe(200);
    expect(RecordKeySchema.safeParse(byId.json).success).toBe(true);
    expect([byId.json.keyId, byId.json.publicKey]).toEqual([oldKey.keyId, oldKey.publicKey]);
    expect(byId.headers.get('access-control-allow-origin')).toBe('*');
    expect((await call(platform, 'GET', `/.well-known/creditlens-record-key?keyId=${newKey.keyId}`)).json.keyId).toBe(newKey.keyId);

    const list = await call(platform, 'GET', '/.well-known/creditlens-record-keys');
    expect(list.status).toBe(200);
    expect(RecordKeyListSchema.safeParse(list.json).success).toBe(true);
    expect(list.headers.get('access-control-allow-origin')).toBe('*');
    expect(list.json.currentKeyId).toBe(newKey.keyId);
    expect(list.json.keys.map((k: { keyId: string; publicKey: string; retiredAt: string | null }) => [k.keyId, k.publicKey, k.retiredAt === null])).toEqual([
      [newKey.keyId, newKey.publicKey, true],
      [oldKey.keyId, oldKey.publicKey, false],
    ]);
  });

  it('rejects a key id the platform never had with 404 not_found, readable from any origin', async () => {
    const { platform } = await platformOnFile();
    const res = await call(platform, 'GET', '/.well-known/creditlens-record-key?keyId=clk-0000000000000000');
    expect([res.status, envelopeCode(res.json)]).toEqual([404, 'not_found']);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('erases the retired private key and keeps signing with the new key after a restart', async () => {
    const { platform, dbPath } = await platformOnFile();
    const before = await createRecord(platform);
    await rotate(dbPath);
    await rotate(dbPath);
    const middle = await createRecord(platform);
    await platform.close();

    const restarted = await startTestPlatform({ dbPath, seed: { subjects: 30 } });
    running.push(restarted);
    const rows = restarted.db.prepare('SELECT key_id, private_pkcs8, retired_at FROM signing_keys ORDER BY rowid').all() as {
      key_id: string;
      private_pkcs8: string;
      retired_at: string | null;
    }[];
    expect(rows.map((r) => [r.private_pkcs8 === '', r.retired_at === null])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    const after = await createRecord(restarted);
    expect(after.signature.keyId).toBe(rows[2]!.key_id);
    expect(middle.signature.keyId).toBe(rows[2]!.key_id);
    for (const record of [before, middle, after]) expect(await verify(restarted, record)).toMatchObject({ valid: true });
  });

  it('returns exit 0 from `npm run cli -- verify` for a record signed before the rotation, online and with the saved key list', async () => {
    const { platform, dbPath } = await platformOnFile();
    const before = await createRecord(platform);
    await rotate(dbPath);
    const recordFile = join(dir, 'before.json');
    writeFileSync(recordFile, JSON.stringify(before));

    const online = await cliVerify('--platform', platform.url, recordFile);
    expect(online.code, online.out).toBe(0);
    expect(online.out).toContain(`keyId=${before.signature.keyId}`);

    const listFile = join(dir, 'keys.json');
    writeFileSync(listFile, (await call(platform, 'GET', '/.well-known/creditlens-record-keys')).text);
    expect((await cliVerify('--key', listFile, recordFile)).code).toBe(0);
    const after = join(dir, 'after.json');
    writeFileSync(after, JSON.stringify(await createRecord(platform)));
    expect((await cliVerify('--key', listFile, after)).code).toBe(0);
  });

  it('returns exit 0 and names the new and the retired key when run as `npm run platform -- rotate-record-key`', async () => {
    const { platform, dbPath } = await platformOnFile();
    const oldKey = await currentKey(platform);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'platform/main.ts', 'rotate-record-key'], {
      cwd: ROOT,
      env: { ...process.env, DB_PATH: dbPath },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const newKey = await currentKey(platform);
    expect(run.stdout).toContain(`record signing key ${newKey.keyId} created`);
    expect(run.stdout).toContain(`retired ${oldKey.keyId}`);
  });
});
