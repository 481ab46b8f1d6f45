import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';

/** A measure's basis split into its documents (the catalogue joins them with `；`). */
export function basisParts(basis: string): string[] {
  return basis
    .split(/[；;]\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export interface SharedBasis {
  /** Documents that two or more measures of the card rest on, shown once, in order of first mention. */
  shared: string[];
  /** Per measure id: the documents of its own basis that are not shared. */
  own: Map<string, string[]>;
}

/**
 * Splits the bases of a card's measures into what several share (shown once) and what each adds,
 * so ten measures of one plan do not repeat the same two long titles ten times.
 */
export function sharedBasis(measures: readonly ApplicableMeasure[]): SharedBasis {
  const parts = measures.map(({ measure }) => ({ id: measure.id, parts: basisParts(measure.basis) }));
  const uses = new Map<string, number>();
  for (const { parts: mine } of parts) for (const p of new Set(mine)) uses.set(p, (uses.get(p) ?? 0) + 1);
  const shared = [...uses].filter(([, n]) => n >= 2).map(([p]) => p);
  const own = new Map(parts.map(({ id, parts: mine }) => [id, mine.filter((p) => !shared.includes(p))]));
  return { shared, own };
}
