/**
 * The one order verdicts are ranked, listed and counted in: what needs action first. `unknown`
 * comes right after the black list and disputes because a failed check must never pass for a
 * clear one. Every list, popup and merge of verdicts uses this order.
 */
import type { VerdictKind } from './verdict-types.ts';

export const VERDICT_STRENGTH: readonly VerdictKind[] = ['black', 'disputed', 'unknown', 'watch', 'red', 'invalid', 'pending', 'clear'];

/** Sort key of a verdict kind: smaller is more urgent. */
export function verdictRank(kind: VerdictKind): number {
  return VERDICT_STRENGTH.indexOf(kind);
}

/** The more urgent of two kinds. */
export function strongerKind(a: VerdictKind, b: VerdictKind): VerdictKind {
  return verdictRank(b) < verdictRank(a) ? b : a;
}

/** How many items have each kind, for the kinds present, in `VERDICT_STRENGTH`. */
export function countByVerdict(items: ReadonlyArray<{ kind: VerdictKind }>): Array<{ kind: VerdictKind; count: number }> {
  const counts = new Map<VerdictKind, number>();
  for (const { kind } of items) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return VERDICT_STRENGTH.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}
