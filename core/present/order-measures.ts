import type { CheckContext } from '../api/check-context-schema.ts';
import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';

/**
 * How closely a measure is aimed at this check, lower first: a measure for the entry's own
 * category, then one whose first (main) context is this one, then one that lists this context
 * further on, then one that applies everywhere (`general`). Measures in force come before
 * suspended ones.
 */
export function measureSpecificity(applicable: ApplicableMeasure, context: CheckContext): number {
  const { measure, suspended } = applicable;
  const index = measure.contexts.indexOf(context);
  const aimed = context === 'general' ? (measure.contexts[0] === 'general' ? 0 : 1) : index === 0 ? 0 : index > 0 ? 1 : 2;
  const byCategory = measure.categories.length > 0 && measure.categories.includes(applicable.entry.category) && aimed < 2 ? 0 : 1;
  return (suspended ? 100 : 0) + byCategory * 10 + aimed;
}

/** The measures of a card, the most specific for `context` first (catalogue order within a rank). */
export function orderMeasures(measures: readonly ApplicableMeasure[], context: CheckContext): ApplicableMeasure[] {
  return measures
    .map((m, i) => ({ m, i, rank: measureSpecificity(m, context) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ m }) => m);
}
