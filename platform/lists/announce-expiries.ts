import type { Repositories } from '../db/repositories.ts';

const SWEPT_THROUGH = 'expiries-announced-through';

/**
 * Entries also change without anyone touching them: an entry runs past its `validUntil` (answered
 * as expired from that day on) and a monitoring period ends. Every answer works that out from the
 * dates, but a cache that follows the changes feed would only notice at its freshness limit; so
 * once a day has passed, the codes whose entries expired or whose monitoring ended that day are
 * announced in the feed. Stored states are left as they are. The first sweep of a database only
 * notes the date. Returns how many codes were announced.
 */
export function announceExpiries(repos: Repositories, today: string, now: Date = new Date()): number {
  return repos.db.transaction(() => {
    const last = repos.meta.get(SWEPT_THROUGH);
    repos.meta.set(SWEPT_THROUGH, today);
    if (last === undefined || last >= today) return 0;
    const expired = repos.db
      .prepare(
        `SELECT DISTINCT code FROM entries WHERE state IN ('active', 'disputed')
         AND valid_until IS NOT NULL AND valid_until >= ? AND valid_until < ? ORDER BY code`,
      )
      .all(last, today) as { code: string }[];
    const monitoringEnded = repos.db
      .prepare(
        `SELECT DISTINCT code FROM entries WHERE state IN ('exited', 'expired')
         AND monitoring_until IS NOT NULL AND monitoring_until >= ? AND monitoring_until < ? ORDER BY code`,
      )
      .all(last, today) as { code: string }[];
    const at = now.toISOString();
    for (const { code } of expired) repos.changes.record(code, 'expired', at);
    for (const { code } of monitoringEnded) repos.changes.record(code, 'updated', at);
    return expired.length + monitoringEnded.length;
  })();
}
