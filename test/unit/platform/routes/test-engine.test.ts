import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { testEngine } from '../../../support/test-engine.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

describe('the platform under test', () => {
  it('runs on the engine of its project, and answers from that database', async () => {
    expect(platform.database.engine).toBe(testEngine());
    const version =
      platform.database.engine === 'postgres'
        ? (await sql<{ v: string }>`SELECT version() AS v`.execute(platform.repos.db)).rows[0]!.v
        : (await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(platform.repos.db)).rows[0]!.v;
    expect(version).toMatch(platform.database.engine === 'postgres' ? /^PostgreSQL 1\d/ : /^3\.\d+/);
    const res = await call(platform, 'POST', '/api/v1/status', { token: platform.tokens.viewer, body: { codes: [fixtureCode('black')] } });
    expect([res.status, res.json.results[0].found, res.json.results[0].entries.length > 0]).toEqual([200, true, true]);
  });
});
