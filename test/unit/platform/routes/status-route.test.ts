import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusResponseSchema, type StatusResult } from '../../../../core/api/status-schema.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, DEMO_SUBJECTS, envelopeCode, fixtureCode, startTestPlatform, TODAY } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

async function status(codes: string[], token?: string): Promise<StatusResult[]> {
  const res = await call(platform, 'POST', '/api/v1/status', { token, body: { codes } });
  expect(res.status).toBe(200);
  expect(StatusResponseSchema.safeParse(res.json).success).toBe(true);
  return res.json.results;
}

const verdictOf = (result: StatusResult) => computeVerdict({ result, now: new Date(`${TODAY}T04:00:00Z`) }).kind;

describe('POST /api/v1/status', () => {
  it('answers every demo subject with the verdict demo-subjects.json expects (viewer)', async () => {
    const results: StatusResult[] = [];
    for (let i = 0; i < DEMO_SUBJECTS.length; i += 100)
      results.push(
        ...(await status(
          DEMO_SUBJECTS.slice(i, i + 100).map((s) => s.code),
          platform.tokens.viewer,
        )),
      );
    expect(results.map(verdictOf)).toEqual(DEMO_SUBJECTS.map((s) => s.expectedVerdict));
    expect(results.map((r) => r.found)).toEqual(DEMO_SUBJECTS.map((s) => s.inDatabase !== false));
    expect(new Set(results.map((r) => r.scope))).toEqual(new Set(['full']));
  });

  it('answers anonymous callers with public entries only, so their verdicts follow anonymousVerdict', async () => {
    const results: StatusResult[] = [];
    for (let i = 0; i < DEMO_SUBJECTS.length; i += 100) results.push(...(await status(DEMO_SUBJECTS.slice(i, i + 100).map((s) => s.code))));
    expect(results.map(verdictOf)).toEqual(DEMO_SUBJECTS.map((s) => s.anonymousVerdict ?? s.expectedVerdict));
    expect(results.flatMap((r) => r.entries).every((e) => e.visibility === 'public')).toBe(true);
    // The answer says it covers published entries only, and a clean one says so in its reason.
    expect(new Set(results.map((r) => r.scope))).toEqual(new Set(['public']));
    const internalOnly = results.find((r) => r.code === fixtureCode('internal-only'))!;
    expect(computeVerdict({ result: internalOnly, now: new Date(`${TODAY}T04:00:00Z`) }).reason.code).toBe('nothing-active-public');
  });

  it('masks personal data for anonymous callers and viewers, and shows it to an admin', async () => {
    const [anonymous] = await status([fixtureCode('black')]);
    const [viewer] = await status([fixtureCode('black')], platform.tokens.viewer);
    const [admin] = await status([fixtureCode('black')], platform.tokens.admin);
    const person = anonymous!.entries[0]!.persons[0]!;
    expect(person.name).toMatch(/^.\*+$/u);
    expect(person.idNumber).toMatch(/^4201\*{10}[0-9X]{4}$/);
    expect(anonymous!.subject!.legalRepresentative).toMatch(/^.\*+$/u);
    expect(viewer!.entries[0]!.persons[0]!.idNumber).toMatch(/^4201\*{10}[0-9X]{4}$/);
    expect(viewer!.subject!.legalRepresentative).toMatch(/^.\*+$/u);
    expect(admin!.entries[0]!.persons[0]!.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(admin!.subject!.legalRepresentative).not.toContain('*');
  });

  it('answers an active entry past its validity as expired', async () => {
    const [result] = await status([fixtureCode('expired-stale')], platform.tokens.viewer);
    expect(result!.entries.map((e) => e.state)).toEqual(['expired']);
  });

  it('answers invalid codes without lookup, duplicates once, and normalizes what people type', async () => {
    const code = fixtureCode('black');
    const spaced = `${code.slice(0, 6)} ${code.slice(6).toLowerCase()}`;
    const results = await status(['not-a-code', code, code, spaced, '110101199003074514'], platform.tokens.viewer);
    expect(results.map((r) => [r.code, r.invalid, r.found])).toEqual([
      ['not-a-code', true, false],
      [code, false, true],
      [spaced, false, true],
      ['110101199003074514', true, false],
    ]);
    expect(results[0]!.entries).toEqual([]);
  });

  it('rejects more than 500 codes with 400 too_many_codes, and an empty list with 400 bad_request', async () => {
    const many = await call(platform, 'POST', '/api/v1/status', { body: { codes: Array.from({ length: 501 }, () => fixtureCode('red')) } });
    expect([many.status, envelopeCode(many.json)]).toEqual([400, 'too_many_codes']);
    const ok = await call(platform, 'POST', '/api/v1/status', { body: { codes: Array.from({ length: 500 }, () => fixtureCode('red')) } });
    expect(ok.status).toBe(200);
    const none = await call(platform, 'POST', '/api/v1/status', { body: { codes: [] } });
    expect([none.status, envelopeCode(none.json)]).toEqual([400, 'bad_request']);
  });

  it('writes the audit log with department, codes and purpose', async () => {
    await call(platform, 'POST', '/api/v1/status', {
      token: platform.tokens.department,
      body: { codes: [fixtureCode('watch')], purpose: '行政许可 2026-001' },
    });
    const audit = await call(platform, 'GET', '/api/v1/admin/audit?limit=1', { token: platform.tokens.admin });
    expect(audit.status).toBe(200);
    expect(audit.json.records[0]).toMatchObject({
      endpoint: 'status',
      department: '区市场监管局',
      tokenId: 'demo-department',
      codes: [fixtureCode('watch')],
      purpose: '行政许可 2026-001',
    });
    expect(audit.json.records[0].ip).toBeTruthy();
  });
});
