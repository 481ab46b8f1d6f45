import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { PlatformSchema } from '../db/schema.ts';

/** A bucket holds a minute's allowance, so one untouched for a minute is full again and can go. */
const FULL_AFTER_MS = 60_000;

/**
 * The token buckets of create-rate-limiter.ts kept in PostgreSQL (`rate_buckets`, an unlogged
 * table: postgres-migrations.ts), for platforms served by several machines behind a load
 * balancer: every worker of every machine spends from the same bucket. One statement per limited
 * request — an upsert that refills the bucket by the time passed (the database's clock, so the
 * machines' clocks need not agree), spends one request when it holds one, and says which it
 * did. Buckets full again are deleted at most once a minute. A failing database refuses nothing
 * it cannot count: the request's own database work fails and answers the error.
 */
export function databaseBucketStore(db: Kysely<PlatformSchema>, perMinute: number): FastifyRateLimitStoreCtor {
  const perMs = perMinute / 60_000;
  let sweptAt = Date.now();
  const sweep = () => {
    sweptAt = Date.now();
    sql`DELETE FROM rate_buckets WHERE at < floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint - ${FULL_AFTER_MS}`.execute(db).catch(() => undefined);
  };
  const take = async (key: string): Promise<{ allowed: boolean; tokens: number }> => {
    const now = sql`floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;
    const level = sql`least(${perMinute}::float8, b.tokens + (${now} - b.at) * ${perMs}::float8)`;
    const { rows } = await sql<{ allowed: boolean; tokens: number }>`
      INSERT INTO rate_buckets AS b (key, tokens, at, allowed) VALUES (${key}, ${perMinute}::float8 - 1, ${now}, true)
      ON CONFLICT (key) DO UPDATE SET
        tokens = CASE WHEN ${level} >= 1 THEN ${level} - 1 ELSE ${level} END,
        allowed = ${level} >= 1,
        at = ${now}
      RETURNING allowed, tokens`.execute(db);
    return rows[0]!;
  };
  return class DatabaseBucketStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, _timeWindow: number, max: number): void {
      if (Date.now() - sweptAt >= FULL_AFTER_MS) sweep();
      take(key).then(
        ({ allowed, tokens }) =>
          callback(null, allowed ? { current: 1, ttl: 0 } : { current: max + 1, ttl: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) * 1000 }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
