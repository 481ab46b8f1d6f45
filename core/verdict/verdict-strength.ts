/**
 * The one order verdicts are ranked, listed and counted in: what needs action first. `unknown`
 * comes right after the black list and disputes because a failed check must never pass for a
 * clear one. Every list, popup and merge of verdicts uses this order.
 */
import type { VerdictLook } from './verdict-palette.ts';
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

/**
 * How many items have each look (core/verdict/verdict-look.ts: a clear from the public lists alone
 * is counted apart, never with the platform's full clear), for the looks present, most urgent first.
 */
export function countByLook(items: ReadonlyArray<{ kind: VerdictKind; look?: VerdictLook | undefined }>): Array<{ look: VerdictLook; count: number }> {
  const counts = new Map<VerdictLook, number>();
  for (const { kind, look } of items) counts.set(look ?? kind, (counts.get(look ?? kind) ?? 0) + 1);
  return LOOK_ORDER.filter((look) => counts.has(look)).map((look) => ({ look, count: counts.get(look)! }));
}

/** The looks in `VERDICT_STRENGTH`, public-only clear right after clear. */
const LOOK_ORDER: readonly VerdictLook[] = [...VERDICT_STRENGTH, 'public'];
