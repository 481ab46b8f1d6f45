import type { StatusResult } from '../api/status-schema.ts';
import type { CodeVerdict } from '../query/create-status-store.ts';
import { computeVerdict } from '../verdict/compute-verdict.ts';
import { localVerdict } from '../verdict/local-verdict.ts';
import { verdictRank } from '../verdict/verdict-strength.ts';
import type { Verdict, VerdictKind } from '../verdict/verdict-types.ts';
import type { PlatformConfig } from './platform-config-schema.ts';
import { ownEntryId, platformEntryId } from './platform-entry-id.ts';
import type { PlatformLine } from './platform-line-schema.ts';

/** One covering platform's verdict for a code; null while it was never asked. */
export interface PlatformPart {
  platform: Pick<PlatformConfig, 'id' | 'name'>;
  verdict: CodeVerdict | null;
}

export interface MergeOptions {
  now: Date;
  freshnessMs?: number;
  suspect?: boolean;
}

/** `reason.detail` of the verdict of a code no configured platform covers. */
export const NO_COVERING_PLATFORM = 'no-covering-platform';

/**
 * A code's answer from every platform covering it, as one verdict: core/verdict's rules applied
 * to the union of their entries, with a line per platform (`platforms`) saying what each
 * answered and which entries it owns. Each entry's id names its platform (platform-entry-id.ts),
 * as two platforms may use one id. Clear only when every covering platform answered just now;
 * if one failed the code is `unknown` (its listings kept as `lastKnown`), if one has not answered
 * yet it is `pending`, and a code no platform covers is `unknown` — never clear. A part answered
 * by its platform's list snapshot only (a class, no entries yet) counts as that platform's answer:
 * the most urgent of the parts' verdicts is shown until the full answers come.
 */
export function mergePlatformVerdicts(given: readonly PlatformPart[], o: MergeOptions): CodeVerdict {
  const parts = given.map(ownEntries);
  const lines: PlatformLine[] = parts.map(({ platform, verdict }) => ({
    platformId: platform.id,
    name: platform.name,
    kind: verdict?.kind ?? 'pending',
    ...(verdict?.reason.errorKind && { errorKind: verdict.reason.errorKind }),
    entryIds: verdict?.result?.entries.map((e) => e.id) ?? [],
    asOf: verdict?.result?.asOf ?? null,
  }));
  if (parts.length === 0) return { ...localVerdict('unknown', { code: 'error', detail: NO_COVERING_PLATFORM }), result: null, platforms: lines };

  const results = parts.map((p) => p.verdict?.result ?? null).filter((r): r is StatusResult => r !== null);
  const union = unionResult(results);
  const failed = parts.find((p) => p.verdict?.kind === 'unknown' || p.verdict?.reason.errorKind);
  const waiting = parts.some((p) => !p.verdict || p.verdict.kind === 'pending');
  const base =
    union &&
    computeVerdict({
      result: union,
      now: o.now,
      ...(o.freshnessMs !== undefined && { freshnessMs: o.freshnessMs }),
      ...(o.suspect !== undefined && { suspect: o.suspect }),
    });
  // A platform's list snapshot answers before its full answer (a class, no entries): the most urgent of every answer shows.
  const early = parts.flatMap((p) => (p.verdict && p.verdict.result === null && !p.verdict.reason.errorKind && isAnswer(p.verdict.kind) ? [p.verdict] : []));
  const shown = [...(base ? [base] : []), ...early].reduce<Verdict | null>((a, b) => (a ? moreUrgent(a, b) : b), null);

  if (!shown) {
    if (failed?.verdict) return { ...failed.verdict, result: null, platforms: lines };
    return { ...localVerdict(waiting ? 'pending' : 'unknown', waiting ? { code: 'checking' } : { code: 'error' }), result: null, platforms: lines };
  }
  if (failed || waiting) {
    // Not every covering platform answered just now: what the others said stays as the last answer, never as current.
    const reason = failed?.verdict?.reason;
    const errorKind = reason?.errorKind;
    if (!failed && shown.kind !== 'clear' && shown.kind !== 'invalid') {
      // A listing one platform holds is shown while another is still being asked; clear waits for all.
      return { ...shown, result: union, platforms: lines };
    }
    if (!failed) return { ...localVerdict('pending', { code: 'checking' }), result: union, platforms: lines };
    return {
      ...shown,
      kind: 'unknown',
      reason: { code: reason?.code === 'paused' ? 'paused' : 'error', ...(errorKind && { errorKind }), detail: `last-answer-${shown.kind}` },
      lastKnown: shown.kind,
      stale: true,
      result: union,
      platforms: lines,
    };
  }
  return { ...shown, result: union, platforms: lines };
}

/** The more urgent of two verdicts; of two clears, one from the public lists alone (it must look like one: verdict-look.ts). */
function moreUrgent(a: Verdict, b: Verdict): Verdict {
  const rank = verdictRank(b.kind) - verdictRank(a.kind);
  return rank < 0 || (rank === 0 && b.reason.code === 'nothing-active-public') ? b : a;
}

/** A verdict that is a platform's answer (not unknown, pending or a mistyped code). */
const isAnswer = (kind: VerdictKind): boolean => kind !== 'unknown' && kind !== 'pending' && kind !== 'invalid';

/** Every platform's entries in one answer; the oldest `asOf` and `dataVersion` 0, so its age is the oldest part's. */
function unionResult(results: readonly StatusResult[]): StatusResult | null {
  const [first] = results;
  if (!first) return null;
  const oldest = results.reduce((a, b) => (Date.parse(b.asOf) < Date.parse(a.asOf) ? b : a));
  const publicOnly = results.some((r) => r.scope === 'public');
  return {
    code: first.code,
    found: results.some((r) => r.found),
    invalid: results.every((r) => r.invalid),
    subject: results.find((r) => r.subject)?.subject ?? null,
    entries: results.flatMap((r) => r.entries),
    ...(publicOnly ? { scope: 'public' as const } : first.scope ? { scope: first.scope } : {}),
    asOf: oldest.asOf,
    dataVersion: 0,
  };
}

/** A part whose entries are named by its platform. */
function ownEntries(part: PlatformPart): PlatformPart {
  const result = part.verdict?.result;
  if (!part.verdict || !result) return part;
  const entries = result.entries.map((entry) => ({ ...entry, id: platformEntryId(part.platform.id, entry.id) }));
  return { ...part, verdict: { ...part.verdict, result: { ...result, entries } } };
}

/** The platform line owning an entry of a merged verdict, by the platform its id names. */
export function entryPlatform(lines: readonly PlatformLine[] | undefined, entryId: string): PlatformLine | null {
  const owner = ownEntryId(entryId);
  return (owner && lines?.find((line) => line.platformId === owner.platformId && line.entryIds.includes(entryId))) ?? null;
}
