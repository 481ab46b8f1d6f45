import type { PlatformRegion } from '../../core/platforms/platform-config-schema.ts';
import { encodeSnapshot, type SnapshotCode } from '../../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../../core/snapshot/sign-snapshot.ts';
import { snapshotTimeline } from '../../core/snapshot/snapshot-timeline.ts';
import { visibleEntries } from '../lists/to-list-entry.ts';
import type { Disclosure } from '../privacy/disclosure-for.ts';
import { platformSubtle } from '../records/platform-subtle.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { listedCodes } from './listed-codes.ts';

/** A signed snapshot and what it was made from. */
export interface BuiltSnapshot {
  bytes: Uint8Array;
  dataVersion: number;
  count: number;
}

/**
 * The signed list snapshot (core/snapshot) of what a caller of `scope` may see today: every code
 * whose entries — as the status answer would show them to that caller (`visibleEntries`) — give a
 * class other than clear from today on, with the China days that end it, signed with the record key.
 * A platform configured for its regions (`PLATFORM_REGIONS`) names them in the header.
 */
export async function buildSnapshot(ctx: PlatformContext, scope: Disclosure['scope']): Promise<BuiltSnapshot> {
  const today = ctx.today();
  const dataVersion = await ctx.repos.changes.latest();
  const disclosure: Disclosure = { scope, names: 'masked', idNumbers: 'masked' };
  const codes: SnapshotCode[] = [];
  for (const code of await listedCodes(ctx.repos)) {
    const timeline = snapshotTimeline(await visibleEntries(ctx.repos, code, today, disclosure), today);
    if (timeline.length > 0) codes.push({ code, timeline });
  }
  const key = await ctx.currentSigningKey();
  // A platform answering for its own regions says so in the signed header: clients read it only for codes registered there.
  const regions = ctx.regions.includes('all') ? undefined : (ctx.regions as PlatformRegion[]);
  const unsigned = encodeSnapshot({ dataVersion, asOf: new Date().toISOString(), today, scope, keyId: key.keyId, ...(regions && { regions }) }, codes);
  const bytes = await signSnapshot(unsigned, key.privateKey, platformSubtle);
  return { bytes, dataVersion, count: codes.length };
}
