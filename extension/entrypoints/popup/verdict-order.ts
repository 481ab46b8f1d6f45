/**
 * The order verdicts are listed and counted in: what needs action first. `unknown` comes right
 * after the black list because a failed check must never pass for a clear one.
 */
import type { VerdictKind } from '../../messaging/protocol.ts';

export const VERDICT_ORDER: readonly VerdictKind[] = ['black', 'disputed', 'unknown', 'watch', 'red', 'invalid', 'pending', 'clear'];

/** Sort key of a verdict kind: smaller is more urgent. */
export function verdictRank(kind: VerdictKind): number {
  return VERDICT_ORDER.indexOf(kind);
}

/** How many items have each kind, for the kinds present, in `VERDICT_ORDER`. */
export function countByVerdict(items: ReadonlyArray<{ kind: VerdictKind }>): Array<{ kind: VerdictKind; count: number }> {
  const counts = new Map<VerdictKind, number>();
  for (const { kind } of items) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return VERDICT_ORDER.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}
