import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../cli/commands/check-command.ts';
import { main } from '../../../cli/main.ts';
import { createRepositories } from '../../../platform/db/repositories.ts';
import type { StoredEntry } from '../../../platform/db/stored-records.ts';
import type { RunningPlatform } from '../../../platform/start-platform.ts';
import { createCreditLensCore } from '../../../widget/runtime/create-credit-lens-core.ts';
import { DEMO_SUBJECTS, fixtureCode, startTestPlatform } from '../platform/platform-harness.ts';

// The CLI judges with the real clock, like the extension and the widget: the platform is seeded
// on the real date too, so demo-subjects.json's expectations hold.
const FIXTURES = DEMO_SUBJECTS.filter((s) => s.role);
const dir = mkdtempSync(join(tmpdir(), 'creditlens-check-'));
let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ today: undefined, seed: { subjects: 30 } });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await checkCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err, json: args.includes('--json') && out ? JSON.parse(out) : null };
}
const viewer = () => ['--platform', platform.url, '--token', platform.tokens.viewer];
const suspectOf = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

describe('cli check', () => {
  it('returns every demo subject with the verdict demo-subjects.json expects, and exit 1 as some are black', async () => {
    const { code, json } = await run(...viewer(), '--json', ...FIXTURES.map((s) => s.code));
    expect(json.codes.map((c: { kind: string }) => c.kind)).toEqual(FIXTURES.map((s) => s.expectedVerdict));
    expect(code).toBe(1);
    expect(json.exitCode).toBe(1);
  });

  it('returns the anonymous verdicts without a token', async () => {
    const { json } = await run('--platform', platform.url, '--json', ...FIXTURES.map((s) => s.code));
    expect(json.codes.map((c: { kind: string }) => c.kind)).toEqual(FIXTURES.map((s) => s.anonymousVerdict ?? s.expectedVerdict));
  });

  it("returns what the widget's check() says for the same codes, suspect and invalid ones included", async () => {
    const codes = [...FIXTURES.map((s) => s.code), suspectOf(fixtureCode('black')), suspectOf(fixtureCode('not-in-db')), 'not-a-code'];
    const { json } = await run(...viewer(), '--context', 'procurement', '--json', ...codes);
    const widget = createCreditLensCore({ eventTarget: () => null });
    widget.configure({ platform: platform.url, token: platform.tokens.viewer, context: 'procurement' });
    const fromWidget = await widget.check(codes);
    expect(json.codes.map((c: { kind: string; reason: unknown }) => [c.kind, c.reason])).toEqual(fromWidget.map((r) => [r.verdict.kind, r.verdict.reason]));
    expect(json.codes.at(-2).kind).toBe('invalid');
  });

  it("returns kind, reason, entries in force, measures for the context and the answer's age for a black code", async () => {
    const { code, out } = await run(...viewer(), '--context', 'procurement', fixtureCode('black'));
    expect(code).toBe(1);
    expect(out).toContain(`${fixtureCode('black')}  × 黑名单 (black)`);
    expect(out).toContain('原因 Reason: 该主体有有效的黑名单记录');
    expect(out).toMatch(/有效条目 In force: 黑名单｜失信被执行人｜/);
    expect(out).toMatch(/适用措施 Measure \(procurement\): P15-3 /);
    expect(out).toMatch(/数据时间 Answer: \d{4}-\d\d-\d\dT[^，]+，刚刚 \/ just now/);
    const json = (await run(...viewer(), '--context', 'procurement', '--json', fixtureCode('black'))).json.codes[0];
    expect(json).toMatchObject({ kind: 'black', reason: { code: 'black-active' }, stale: false });
    expect(json.entriesInForce.length).toBeGreaterThan(0);
    expect(json.measures.map((m: { id: string }) => m.id)).toContain('P15-3');
    expect(json.ageMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['red, disputed, watch and clear codes', ['red', 'disputed', 'watch', 'clear', 'not-in-db'], 0],
    ['one black code among clear ones', ['clear', 'black'], 1],
  ])('returns exit %s → %s', async (_what, roles, expected) => {
    expect((await run(...viewer(), ...roles.map(fixtureCode))).code).toBe(expected);
  });

  it('returns unknown and exit 1 when the platform cannot be reached', async () => {
    const { code, json } = await run('--platform', 'http://127.0.0.1:9', '--json', fixtureCode('clear'));
    expect(code).toBe(1);
    expect(json.codes[0]).toMatchObject({ kind: 'unknown', reason: { code: 'error', errorKind: 'offline' } });
  });

  it('returns unknown and exit 1 for a code whose stored data the platform cannot answer, the others as usual', async () => {
    const broken = await startTestPlatform({ today: undefined, seed: { subjects: 30 } });
    try {
      const repos = createRepositories(broken.db);
      const [red] = (await repos.entries.listByCode(fixtureCode('red'))) as StoredEntry[];
      for (let i = 0; i < 205; i++) await repos.entries.insert({ ...red!, id: `bulk-${i}`, documentNumber: `doc-${i}` });
      const { code, json } = await run('--platform', broken.url, '--json', fixtureCode('red'), fixtureCode('clear'));
      expect(json.codes.map((c: { kind: string }) => c.kind)).toEqual(['unknown', 'clear']);
      expect(code).toBe(1);
    } finally {
      await broken.close();
    }
  });
});

describe('cli check with a spreadsheet', () => {
  it('returns the codes of the 统一社会信用代码 column of a CSV', async () => {
    const file = join(dir, 'bidders.csv');
    writeFileSync(file, `\uFEFF序号,投标人,统一社会信用代码,报价\n1,甲,${fixtureCode('clear')},100\n2,乙,${fixtureCode('black')},90\n`);
    const { code, json } = await run(...viewer(), '--json', file);
    expect(json.codes.map((c: { code: string; kind: string }) => [c.code, c.kind])).toEqual([
      [fixtureCode('clear'), 'clear'],
      [fixtureCode('black'), 'black'],
    ]);
    expect(code).toBe(1);
  });

  it('returns the codes of an XLSX column found by its content, without a header row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('投标人');
    sheet.addRow(['甲公司', fixtureCode('red'), '备注']);
    sheet.addRow(['乙公司', fixtureCode('watch'), '']);
    const file = join(dir, 'bidders.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const { code, json, err } = await run(...viewer(), '--json', file);
    expect(json.codes.map((c: { kind: string }) => c.kind)).toEqual(['red', 'watch']);
    expect([code, err]).toEqual([0, '']);
  });

  it('returns the column named by --column', async () => {
    const file = join(dir, 'two.csv');
    writeFileSync(file, `投标人代码,担保人代码\n${fixtureCode('clear')},${fixtureCode('black')}\n`);
    expect((await run(...viewer(), '--json', '--column', '担保人代码', file)).json.codes.map((c: { kind: string }) => c.kind)).toEqual(['black']);
  });
});

describe('cli check usage', () => {
  it.each([
    [[]],
    [['--context', 'shopping', '91420105756704M24P']],
    [['--frobnicate', '91420105756704M24P']],
    [['--token']],
    [['--platform', 'not a url', '91420105756704M24P']],
    [[join(tmpdir(), 'no-such-file.csv')]],
  ])('returns exit 2 for %j', async (args) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err).not.toBe('');
  });

  it.each([
    ['a wrong check character the platform does not know', () => suspectOf(fixtureCode('not-in-db'))],
    ['text that is not a code', () => '91420105NOTACODE00'],
  ])('returns exit code 1 when a clear code sits beside %s', async (_label, bad) => {
    const { code, json } = await run(...viewer(), '--json', fixtureCode('clear'), bad());
    expect(json.codes.map((c: { kind: string }) => c.kind)).toEqual(['clear', 'invalid']);
    expect(code).toBe(1);
  });

  it('is listed in the CLI usage and dispatched by main', async () => {
    let out = '';
    expect(await main(['help'], { out: (t) => (out += t), err: () => {} })).toBe(0);
    expect(out).toContain('check [--platform URL]');
    expect(await main(['check', '--platform', platform.url, fixtureCode('clear')], { out: () => {}, err: () => {} })).toBe(0);
  });
});
