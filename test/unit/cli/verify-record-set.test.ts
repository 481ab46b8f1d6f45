/** `cli verify` of a record in parts (issue 17): each part against the key of the platform that signed it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../../cli/commands/verify-command.ts';
import type { RecordSetRef } from '../../../core/api/check-record-schema.ts';
import { checkRecordSet, type CheckRecordSet } from '../../../core/record/check-record-set-schema.ts';
import type { RunningPlatform } from '../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform/platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-verify-set-'));
let city: RunningPlatform;
let province: RunningPlatform;
let set: CheckRecordSet;

const sign = async (platform: RunningPlatform, code: string, ref: RecordSetRef, caseReference = 'ZB-2026-01') =>
  (
    await call(platform, 'POST', '/api/v1/records', {
      token: platform.tokens.department,
      body: { codes: [code], context: 'procurement', caseReference, set: ref },
    })
  ).json;

/** A record in parts as the extension makes it: each platform signs its code, both naming one set. */
async function makeSet(id: string): Promise<CheckRecordSet> {
  const ref = { id, platforms: [city.url, province.url], codes: [fixtureCode('black'), fixtureCode('red')] };
  return checkRecordSet([
    { platformId: 'wuhan', platformName: '武汉市公共信用信息平台', platformUrl: city.url, signed: await sign(city, fixtureCode('black'), ref) },
    { platformId: 'hubei', platformName: '湖北省公共信用信息平台', platformUrl: province.url, signed: await sign(province, fixtureCode('red'), ref) },
  ]);
}

beforeAll(async () => {
  [city, province] = await Promise.all([startTestPlatform({ seed: { subjects: 30 } }), startTestPlatform({ seed: { subjects: 30 } })]);
  set = await makeSet('set-00000001');
});
afterAll(async () => {
  await Promise.all([city?.close(), province?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const save = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await verifyCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('verify, a record in parts', () => {
  it('returns exit 0 when every part verifies with its own platform’s key', async () => {
    const file = save('set.json', JSON.stringify(set, null, 2));
    const { code, out } = await run('--platform', city.url, '--platform', province.url, file);
    expect(code).toBe(0);
    expect(out).toContain(set.parts[0]!.signed.record.platform);
    expect(out.match(/✓ 签名有效 Valid/g)).toHaveLength(2);
    expect(out).toContain('记录组完整');
  });

  it('returns exit 1 when a part is dropped, repeated or taken from another check, though each part is genuine', async () => {
    const other = await makeSet('set-00000002');
    const variants: [string, CheckRecordSet][] = [
      ['dropped', checkRecordSet([set.parts[0]!])],
      ['repeated', checkRecordSet([set.parts[0]!, set.parts[0]!])],
      ['mixed', checkRecordSet([set.parts[0]!, other.parts[1]!])],
    ];
    for (const [name, variant] of variants) {
      const { code, out } = await run('--json', '--platform', city.url, '--platform', province.url, save(`${name}.json`, JSON.stringify(variant)));
      const answer = JSON.parse(out) as { valid: boolean; problem: string | null; parts: { valid: boolean }[] };
      expect([name, code, answer.valid, answer.problem !== null]).toEqual([name, 1, false, true]);
      expect(answer.parts.every((p) => p.valid)).toBe(true);
    }
  });

  it('returns exit 1 for one part saved alone: it is not the record', async () => {
    const { code, out } = await run('--json', '--platform', city.url, save('part.json', JSON.stringify(set.parts[0]!.signed)));
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ valid: false, reason: 'part-of-set' });
  });

  it('returns exit 1 for parts that name one set but are not of one check, or a set naming a platform twice', async () => {
    const ref = { id: 'set-00000003', platforms: [city.url, province.url], codes: [fixtureCode('black'), fixtureCode('red')] };
    const otherCase = checkRecordSet([
      { platformId: 'wuhan', platformName: '市', platformUrl: city.url, signed: await sign(city, fixtureCode('black'), ref, 'ZB-2026-01') },
      { platformId: 'hubei', platformName: '省', platformUrl: province.url, signed: await sign(province, fixtureCode('red'), ref, 'ZB-2026-99') },
    ]);
    const twice = { id: 'set-00000004', platforms: [city.url, city.url], codes: [fixtureCode('black')] };
    const part = { platformId: 'wuhan', platformName: '市', platformUrl: city.url, signed: await sign(city, fixtureCode('black'), twice) };
    for (const [name, variant] of [
      ['other case', otherCase],
      ['named twice', checkRecordSet([part, part])],
    ] as const) {
      const { code, out } = await run('--json', '--platform', city.url, '--platform', province.url, save(`${name}.json`, JSON.stringify(variant)));
      expect([name, code, (JSON.parse(out) as { problem: string | null }).problem !== null]).toEqual([name, 1, true]);
    }
  });

  it('names each part by the platform that signed it, not by the file’s label', async () => {
    const relabelled = structuredClone(set);
    relabelled.parts[0]!.platformName = '湖北省公共信用信息平台';
    const { out } = await run('--json', '--platform', city.url, '--platform', province.url, save('relabelled.json', JSON.stringify(relabelled)));
    expect((JSON.parse(out) as { parts: { platform: string }[] }).parts.map((p) => p.platform)).toEqual([
      set.parts[0]!.signed.record.platform,
      set.parts[1]!.signed.record.platform,
    ]);
  });

  it('returns exit 1 naming the part when one character of either part is changed', async () => {
    for (const part of [0, 1]) {
      const edited = structuredClone(set);
      edited.parts[part]!.signed.record.department += '。';
      const { code, out } = await run('--json', '--platform', city.url, '--platform', province.url, save(`edited-${part}.json`, JSON.stringify(edited)));
      expect(code).toBe(1);
      expect((JSON.parse(out) as { parts: { valid: boolean }[] }).parts.map((p) => p.valid)).toEqual([part !== 0, part !== 1]);
    }
  });

  it('returns exit 1 when a part was signed by another platform than the one it names', async () => {
    const swapped = structuredClone(set);
    swapped.parts[1]!.platformUrl = city.url;
    const { code } = await run('--platform', city.url, '--platform', province.url, save('swapped.json', JSON.stringify(swapped)));
    expect(code).toBe(1);
  });

  it('trusts only the platforms it is given, and says which to give', async () => {
    const { code, err } = await run('--platform', city.url, save('set-2.json', JSON.stringify(set)));
    expect(code).toBe(2);
    expect(err).toContain(`--platform ${province.url}`);
  });
});
