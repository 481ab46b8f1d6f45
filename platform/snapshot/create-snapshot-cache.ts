import type { Disclosure } from '../privacy/disclosure-for.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { buildSnapshot, type BuiltSnapshot } from './build-snapshot.ts';

/**
 * Builds a scope's snapshot once per data revision, day and signing key: every client downloads
 * the same bytes until the lists change (a new `dataVersion`), the China day turns (timelines
 * start on `today`) or the key is rotated. Concurrent first requests share one build.
 */
export function createSnapshotCache(ctx: PlatformContext): (scope: Disclosure['scope']) => Promise<BuiltSnapshot> {
  const built = new Map<Disclosure['scope'], { key: string; snapshot: Promise<BuiltSnapshot> }>();
  return async (scope) => {
    const key = `${await ctx.repos.changes.latest()}|${ctx.today()}|${(await ctx.currentSigningKey()).keyId}`;
    const cached = built.get(scope);
    if (cached && cached.key === key) return cached.snapshot;
    const snapshot = buildSnapshot(ctx, scope);
    built.set(scope, { key, snapshot });
    snapshot.catch(() => built.delete(scope));
    return snapshot;
  };
}
