import type { VerdictKind, VerdictReasonCode } from '../verdict/verdict-types.ts';

/**
 * The verdict class a snapshot gives a code, as a small integer: the kind the full answer would
 * show and its reason (a dispute of a black entry and of a red one read differently). `0` is
 * clear: it only appears before a later step (an entry not yet in force). `6` is withheld: the
 * snapshot does not answer the code that day.
 */
export const SNAPSHOT_CLASSES = [
  { kind: 'clear', reason: 'nothing-active' },
  { kind: 'black', reason: 'black-active' },
  { kind: 'disputed', reason: 'black-disputed' },
  { kind: 'disputed', reason: 'red-disputed' },
  { kind: 'red', reason: 'red-active' },
  { kind: 'watch', reason: 'monitoring' },
  // Withheld: the class rests on internal entries only. A page can read what is painted, so such a
  // code waits for its full answer (core/verdict/page-readable-kind.ts), as without the snapshot.
  { kind: 'pending', reason: 'checking' },
] as const satisfies ReadonlyArray<{ kind: VerdictKind; reason: VerdictReasonCode }>;

export type SnapshotClass = (typeof SNAPSHOT_CLASSES)[number];

export const CLEAR_CLASS = 0;
export const WITHHELD_CLASS = 6;

/** The class id of a verdict's kind and reason; 0 (clear) for anything that is not a listing. */
export function snapshotClassId(kind: VerdictKind, reason: VerdictReasonCode): number {
  const id = SNAPSHOT_CLASSES.findIndex((c) => c.kind === kind && c.reason === reason);
  return id < 0 ? CLEAR_CLASS : id;
}
