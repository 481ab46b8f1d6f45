import type { CreditErrorKind } from '../api/credit-error.ts';
import type { ListEntry } from '../api/list-entry-schema.ts';

/**
 * What the UI shows for one code, strongest first: `black` > `disputed` > `red` > `watch` > `clear`;
 * `invalid` (not a code), `unknown` (no trustworthy answer) and `pending` (being checked) stand apart.
 */
export type VerdictKind = 'black' | 'disputed' | 'red' | 'watch' | 'clear' | 'invalid' | 'unknown' | 'pending';

export type VerdictReasonCode =
  | 'black-active'
  | 'black-disputed'
  | 'red-active'
  | 'monitoring'
  | 'nothing-active'
  | 'nothing-active-public'
  | 'not-found'
  | 'invalid-code'
  | 'suspect-code'
  | 'error'
  | 'checking';

export interface VerdictReason {
  code: VerdictReasonCode;
  /** Set whenever the latest attempt failed (then the verdict is `unknown`, with `lastKnown` when an earlier answer exists). */
  errorKind?: CreditErrorKind | 'permission';
  detail?: string;
}

export interface Verdict {
  kind: VerdictKind;
  reason: VerdictReason;
  /** Entries in force today (black and red), after dates are applied. */
  activeEntries: ListEntry[];
  /** Entries under objection: their punishments (or incentives) are suspended. */
  disputedEntries: ListEntry[];
  /** Black entries that were left, with a monitoring period (重点监测) still running. */
  watchEntries: ListEntry[];
  /** Red incentives suspended because an active black entry wins. */
  suspendedRed: boolean;
  /** When the platform gave the answer this verdict rests on; null when there is none. */
  asOf: string | null;
  ageMs: number | null;
  /** Older than the freshness window, or kept from cache after a failed refresh: show its age. */
  stale: boolean;
  /** After a failed refresh: what the earlier (cached) answer said. The verdict itself is `unknown`. */
  lastKnown?: VerdictKind;
}
