import type { CheckContext } from '../api/check-context-schema.ts';
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { Measure } from '../api/measure-schema.ts';
import type { ApplicableMeasure } from './applicable-measure-schema.ts';
import type { Verdict } from './verdict-types.ts';

export type { ApplicableMeasure } from './applicable-measure-schema.ts';

/**
 * The catalogue measures (section (十九)) that follow from a verdict where the check happens.
 * Active entries come first, so when two entries lead to the same measure the one that is in
 * force wins the de-duplication. A measure filed under `general` applies in every context, and a
 * check in the `general` context sees every measure. Watch entries bring no measures.
 */
export function applicableMeasures(verdict: Verdict, measures: Measure[], context: CheckContext): ApplicableMeasure[] {
  const sources = [
    ...verdict.activeEntries.map((entry) => ({ entry, suspended: entry.list === 'red' && verdict.suspendedRed })),
    ...verdict.disputedEntries.map((entry) => ({ entry, suspended: true })),
  ];
  const seen = new Set<string>();
  const out: ApplicableMeasure[] = [];
  for (const { entry, suspended } of sources) {
    for (const measure of measures) {
      if (seen.has(measure.id) || !matches(measure, entry, context)) continue;
      seen.add(measure.id);
      out.push({ measure, entry, suspended });
    }
  }
  return out;
}

function matches(measure: Measure, entry: ListEntry, context: CheckContext): boolean {
  if (measure.list !== entry.list) return false;
  if (measure.categories.length > 0 && !measure.categories.includes(entry.category)) return false;
  return context === 'general' || measure.contexts.includes(context) || measure.contexts.includes('general');
}
