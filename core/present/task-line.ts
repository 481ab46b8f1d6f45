import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';
import { cardText } from './card-text.ts';
import type { PresentLocale } from './present-locale.ts';

/**
 * The card's first line: what this page's task must (black) or may (red) do, from the most
 * specific measure of the context (`measures` already ordered by `orderMeasures`); when every
 * one is suspended, that it is suspended; with none, that none applies here.
 */
export function taskLine(measures: readonly ApplicableMeasure[], locale: PresentLocale): string {
  const t = cardText(locale);
  const first = measures.find((m) => !m.suspended) ?? null;
  if (first) return first.measure.kind === 'reward' ? t.mayDo(first.measure.item) : t.mustDo(first.measure.item);
  const held = measures[0];
  return held ? t.suspendedTask(held.measure.item) : t.noTask;
}
