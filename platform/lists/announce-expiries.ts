import type { Repositories } from '../db/repositories.ts';
import { transitionEntry } from './transition-entry.ts';

const SWEPT_THROUGH = 'expiries-announced-through';

/**
 * Entries also change without anyone touching them: an entry runs past its `validUntil` (answered
 * as expired from that day on) and a monitoring period ends. Every answer works that out from the
 * dates; the sweep makes it a transition of the state machine once a day has passed — `expire`
 * (stored `expired`, a pending repair lapses, a pending objection stays to be decided) and
 * `end-monitoring` — each with its history event and its change in the feed, so caches that
 * follow the feed notice. The first sweep of a database only notes the date. Returns how many
 * entries changed.
 */
export function announceExpiries(repos: Repositories, today: string, now: Date = new Date()): Promise<number> {
  return repos.transaction(async (repos) => {
    const last = await repos.meta.get(SWEPT_THROUGH);
    await repos.meta.set(SWEPT_THROUGH, today);
    if (last === undefined || last >= today) return 0;
    const at = now.toISOString();
    const expired = await repos.entries.idsEndingIn('valid_until', ['active', 'disputed'], last, today);
    for (const id of expired) {
      const entry = await repos.entries.get(id);
      if (!entry) continue;
      const repair = await repos.repairs.pendingForEntry(id);
      await transitionEntry(repos, entry, {
        name: 'expire',
        at,
        notes: [`有效期届满（${entry.validUntil}），自动移出名单${repair ? '；信用修复申请随之终止' : ''}`],
      });
      if (repair) await repos.repairs.decide(repair.id, 'lapsed', at, '名单有效期届满', null);
    }
    const monitoringEnded = await repos.entries.idsEndingIn('monitoring_until', ['exited', 'expired'], last, today);
    for (const id of monitoringEnded) {
      const entry = await repos.entries.get(id);
      if (entry) await transitionEntry(repos, entry, { name: 'end-monitoring', at, notes: [`重点监测期届满（${entry.monitoringUntil}）`] });
    }
    return expired.length + monitoringEnded.length;
    // One write transaction: of several workers, one reads and moves the mark at a time.
  });
}
