import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../support/postgres-cluster.ts';
import { call, startTestPlatform } from '../platform-harness.ts';

const PER_MINUTE = 5;

let postgres: PostgresCluster;
let machines: RunningPlatform[];
beforeAll(async () => {
  postgres = await startPostgresCluster();
  const databaseUrl = await postgres.createDatabase();
  // Two machines behind a balancer: two platforms, each on its own, over one PostgreSQL database.
  const first = await startTestPlatform({ databaseUrl, rateLimit: PER_MINUTE });
  const second = await startTestPlatform({ databaseUrl, rateLimit: PER_MINUTE });
  machines = [first, second];
}, 60_000);
afterAll(async () => {
  await Promise.all((machines ?? []).map((m) => m.close()));
  await postgres?.stop();
});

describe('the rate limit on PostgreSQL', () => {
  it('gives a caller one allowance across machines: requests alternating between two platforms pass a minute’s worth, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3 * PER_MINUTE; i++) {
      const machine = machines[i % 2]!;
      statuses.push((await call(machine, 'GET', '/api/v1/measures', { token: machine.tokens.viewer })).status);
    }
    expect(statuses.slice(0, PER_MINUTE)).toEqual(Array.from({ length: PER_MINUTE }, () => 200));
    expect(statuses.slice(PER_MINUTE)).toEqual(Array.from({ length: 2 * PER_MINUTE }, () => 429));
  });

  it('answers the refused with Retry-After from the shared bucket, and other callers from their own', async () => {
    const refused = await call(machines[1]!, 'GET', '/api/v1/measures', { token: machines[1]!.tokens.viewer });
    expect([refused.status, Number(refused.headers.get('retry-after')) >= 1]).toEqual([429, true]);
    const other = await call(machines[0]!, 'GET', '/api/v1/measures', { token: machines[0]!.tokens.department });
    expect(other.status).toBe(200);
  });

  it('keeps its buckets in the database, one row per caller', async () => {
    const { rows } = await sql<{ key: string }>`SELECT key FROM rate_buckets`.execute(machines[0]!.repos.db);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
