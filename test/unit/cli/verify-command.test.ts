import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../../cli/commands/verify-command.ts';
import { main } from '../../../cli/main.ts';
import type { RunningPlatform } from '../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform/platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-verify-'));
let platform: RunningPlatform;
let recordFile: string;
let tamperedFile: string;
let keyFile: string;
let signed: any;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: { subjects: 30 } });
  signed = (
    await call(platform, 'POST', '/api/v1/records', {
      token: platform.tokens.department,
      body: { codes: [fixtureCode('black'), fixtureCode('red')], context: 'procurement' },
    })
  ).json;
  recordFile = join(dir, 'record.json');
  writeFileSync(recordFile, JSON.stringify(signed, null, 2));
  tamperedFile = join(dir, 'tampered.json');
  writeFileSync(tamperedFile, JSON.stringify(signed).replace('"verdict":"black"', '"verdict":"clear"'));
  keyFile = join(dir, 'key.json');
  writeFileSync(keyFile, (await call(platform, 'GET', '/.well-known/creditlens-record-key')).text);
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await verifyCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('verifyCommand', () => {
  it('returns exit 0 and says valid, with record id and fingerprint, for a record the platform signed', async () => {
    const { code, out } = await run('--platform', platform.url, recordFile);
    expect(code).toBe(0);
    expect(out).toContain('✓ 签名有效 Valid');
    expect(out).toContain(signed.record.recordId);
    expect(out).toMatch(/([0-9A-F]{4} ){7}[0-9A-F]{4}/);
    expect(out).toContain(`${platform.url}/.well-known/creditlens-record-key`);
  });

  it('returns exit 1 with the clear message in both languages for a changed record', async () => {
    const { code, out } = await run(`--platform=${platform.url}`, tamperedFile);
    expect(code).toBe(1);
    expect(out).toContain('✖ 验证未通过 Not valid (bad-signature)');
    expect(out).toContain('签名验证失败：记录内容已被修改 / Signature check failed: the record was changed after signing');
  });

  it('verifies offline with a saved key file, and prints JSON with --json', async () => {
    const valid = await run('--key', keyFile, '--json', recordFile);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.out)).toMatchObject({ valid: true, reason: 'ok', recordId: signed.record.recordId, codes: 2, keySource: keyFile });
    const other = join(dir, 'other-key.json');
    writeFileSync(
      other,
      JSON.stringify({
        keyId: 'clk-0000000000000000',
        publicKey: JSON.parse((await call(platform, 'GET', '/.well-known/creditlens-record-key')).text).publicKey,
      }),
    );
    const wrongKey = await run('--key', other, '--json', recordFile);
    expect([wrongKey.code, JSON.parse(wrongKey.out).reason]).toEqual([1, 'unknown-key']);
  });

  it('returns exit 1 for a file that is not a record', async () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, 'not json at all');
    const { code, out } = await run('--key', keyFile, junk);
    expect(code).toBe(1);
    expect(out).toContain('is not JSON');
  });

  it('returns exit 2 when the platform cannot be reached', async () => {
    const closed = await startTestPlatform({ seed: false });
    const url = closed.url;
    await closed.close();
    const { code, err } = await run('--platform', url, recordFile);
    expect(code).toBe(2);
    expect(err).toContain('无法连接平台 cannot reach the platform');
  });

  it.each([
    ['no file', []],
    ['two files', ['a.json', 'b.json']],
    ['an unknown option', ['--fast', 'a.json']],
    ['--platform without a value', ['a.json', '--platform']],
    ['both --platform and --key', ['--platform', 'http://x', '--key', 'k.json', 'a.json']],
    ['a missing file', ['--key', 'k.json', join(dir, 'missing.json')]],
  ])('returns exit 2 for %s', async (_, args) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err.length).toBeGreaterThan(0);
  });

  it('is registered in the command table', async () => {
    let out = '';
    const code = await main(['verify', '--key', keyFile, recordFile], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    expect(out).toContain('签名有效');
  });
});
