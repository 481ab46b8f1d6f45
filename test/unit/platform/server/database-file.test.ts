import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isCreditError } from '../../../../core/api/credit-error.ts';
import { createStatusClient } from '../../../../core/api/create-status-client.ts';
import { HealthResponseSchema } from '../../../../core/api/health-schema.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import { auditDatabasePath } from '../../../../platform/db/audit-database.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { startPlatform, type RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, TODAY } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-db-file-'));
const running: RunningPlatform<any>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function demoOn(name: string): Promise<{ platform: RunningPlatform; path: string }> {
  const path = join(dir, name);
  const platform = await startPlatform({ dbPath: path, seed: { subjects: 20 }, today: TODAY });
  running.push(platform);
  return { platform, path };
}

const addEntry = (platform: RunningPlatform) =>
  call(platform, 'POST', '/api/v1/admin/entries', {
    token: platform.tokens.admin,
    body: { code: fixtureCode('clear'), list: 'red', category: '纳税信用A级纳税人', facts: 'A', legalBasis: 'x' },
  });

describe('the database file under a running platform', () => {
  it('returns health ok (on the contract) while the file is the one opened', async () => {
    const { platform } = await demoOn('ok.sqlite');
    const health = await call(platform, 'GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(HealthResponseSchema.safeParse(health.json).success).toBe(true);
  });

  it('returns 503 unavailable to health and refuses writes once the file is deleted, and nothing is acknowledged', async () => {
    const { platform, path } = await demoOn('deleted.sqlite');
    rmSync(path);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    const health = await call(platform, 'GET', '/api/v1/health');
    expect([health.status, envelopeCode(health.json)]).toEqual([503, 'unavailable']);
    expect(health.json.error.message).toContain('deleted');
    const write = await addEntry(platform);
    expect([write.status, envelopeCode(write.json)]).toEqual([503, 'unavailable']);
    const read = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes: [fixtureCode('black')] } });
    expect(read.status).toBe(503);
  });

  it('returns 503 unavailable once the audit log’s file is deleted: answers wait for their audit rows, which it would lose', async () => {
    const { platform, path } = await demoOn('audit-deleted.sqlite');
    const audit = auditDatabasePath(path);
    expect(existsSync(audit)).toBe(true);
    for (const suffix of ['', '-wal', '-shm']) rmSync(audit + suffix, { force: true });
    const read = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes: [fixtureCode('black')] } });
    expect([read.status, envelopeCode(read.json)]).toEqual([503, 'unavailable']);
    expect(read.json.error.message).toContain(audit);
  });

  it('returns 503 unavailable once the file is replaced by another one', async () => {
    const { platform, path } = await demoOn('replaced.sqlite');
    const other = join(dir, 'other.sqlite');
    openDatabase(other).close();
    renameSync(other, path);
    const health = await call(platform, 'GET', '/api/v1/health');
    expect([health.status, envelopeCode(health.json)]).toEqual([503, 'unavailable']);
    expect(health.json.error.message).toContain('replaced');
    expect((await addEntry(platform)).status).toBe(503);
  });

  it('still accepts a copy of the file being taken (a backup is no replacement)', async () => {
    const { platform, path } = await demoOn('backed-up.sqlite');
    copyFileSync(path, join(dir, 'backup.sqlite'));
    expect((await addEntry(platform)).status).toBe(201);
  });
});

describe('an empty platform', () => {
  it('answers status 503 no_data rather than "not found", which the client turns into unknown', async () => {
    const path = join(dir, 'empty.sqlite');
    const platform = await startPlatform({ dbPath: path, today: TODAY });
    running.push(platform);
    const res = await call(platform, 'POST', '/api/v1/status', { body: { codes: [fixtureCode('black')] } });
    expect([res.status, envelopeCode(res.json)]).toEqual([503, 'no_data']);
    const client = createStatusClient({ baseUrl: platform.url, retries: 0 });
    const error = await client.status([fixtureCode('black')]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCreditError(error) && error.apiCode).toBe('no_data');
    expect(computeVerdict({ result: null, error: error as never, now: new Date(), freshnessMs: 60_000 }).kind).toBe('unknown');
  });

  it('signs no check record (503 no_data) rather than one saying a code is not listed', async () => {
    const platform = await startPlatform({ today: TODAY });
    running.push(platform);
    const res = await call(platform, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('black')], context: 'procurement' } });
    expect([res.status, envelopeCode(res.json)]).toEqual([503, 'no_data']);
  });

  it('answers status again once a subject exists', async () => {
    const path = join(dir, 'filled.sqlite');
    const platform = await startPlatform({ dbPath: path, today: TODAY });
    running.push(platform);
    await platform.repos.subjects.upsert({ code: fixtureCode('black'), name: null, regionCode: null, legalRepresentative: null });
    const res = await call(platform, 'POST', '/api/v1/status', { body: { codes: [fixtureCode('black')] } });
    expect(res.status).toBe(200);
    expect(existsSync(path)).toBe(true);
  });
});
