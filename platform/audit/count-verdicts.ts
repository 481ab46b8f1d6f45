import type { VerdictCounts } from '../../core/api/stats-schema.ts';
import type { VerdictKind } from '../../core/verdict/verdict-types.ts';

/** How many answers of each verdict kind a query gave, kept in the audit log for statistics. */
export function countVerdicts(kinds: Iterable<VerdictKind>): Partial<VerdictCounts> {
  const counts: Partial<VerdictCounts> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
