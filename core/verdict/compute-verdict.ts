import { isCreditError, type CreditError } from '../api/credit-error.ts';
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { StatusResult } from '../api/status-schema.ts';
import { chinaDate } from './china-date.ts';
import { entryStanding } from './effective-state.ts';
import type { Verdict, VerdictReason } from './verdict-types.ts';

/** Answers older than this are still shown, but marked stale with their age. */
export const DEFAULT_FRESHNESS_MS = 5 * 60 * 1000;

export interface ComputeVerdictInput {
  /** The latest platform answer for the code (possibly cached), or null when there is none. */
  result: StatusResult | null;
  /** The latest attempt's failure, if it failed. */
  error?: CreditError | null;
  now: Date;
  freshnessMs?: number;
  /**
   * Only the code's check character is wrong (a likely typo, or a pilot-era code): a subject the
   * platform knows keeps its verdict with the suspect qualifier; one it does not know is `invalid`
   * (`suspect-not-found`), never clear — a mistyped bidder code must not let a listed bidder through.
   */
  suspect?: boolean;
}

/**
 * Turns a platform answer into what the UI shows. `clear` comes only from a successful answer.
 * When a refresh fails, the verdict is `unknown` whatever the earlier answer said — the platform
 * did not answer just now, and the refresh was usually triggered by a change to that very code —
 * but the earlier answer is not lost: `lastKnown` names its verdict, its entries stay attached and
 * `asOf`/`ageMs` give its age, so the UI can say "could not check; last answer (12 min ago): black".
 */
export function computeVerdict(input: ComputeVerdictInput): Verdict {
  const { result, error, now } = input;
  const freshnessMs = input.freshnessMs ?? DEFAULT_FRESHNESS_MS;
  if (!result) return unknownVerdict(errorReason(error), null, null);

  const asOfMs = Date.parse(result.asOf);
  const ageMs = Number.isNaN(asOfMs) ? null : Math.max(0, now.getTime() - asOfMs);
  const verdict = verdictFromResult(result, chinaDate(now), input.suspect ?? false);
  verdict.asOf = result.asOf;
  verdict.ageMs = ageMs;
  if (error) {
    const reason = errorReason(error);
    return { ...verdict, kind: 'unknown', reason: { ...reason, detail: `last-answer-${verdict.kind}` }, lastKnown: verdict.kind, stale: true };
  }
  verdict.stale = ageMs === null || ageMs > freshnessMs;
  return verdict;
}

/**
 * The verdict the entries give, its age fields still to be set. Built as one object literal per
 * answer (no spreads): the platform judges every code it answers, and chains of spreads cost
 * more than the rest of the judgement.
 */
function verdictFromResult(result: StatusResult, today: string, suspect: boolean): Verdict {
  if (result.invalid) return base('invalid', { code: 'invalid-code' });
  const activeBlack: ListEntry[] = [];
  const activeRed: ListEntry[] = [];
  const disputed: ListEntry[] = [];
  const watch: ListEntry[] = [];
  for (const entry of result.entries) {
    const state = entryStanding(entry, today);
    if (state === 'active') (entry.list === 'black' ? activeBlack : activeRed).push(entry);
    else if (state === 'disputed') disputed.push(entry);
    else if (entry.list === 'black' && (state === 'exited' || state === 'expired') && isMonitored(entry, today)) {
      watch.push(entry);
    }
  }
  const lists: Lists = { activeEntries: activeRed.length === 0 ? activeBlack : [...activeBlack, ...activeRed], disputedEntries: disputed, watchEntries: watch };
  if (activeBlack.length > 0) return listed(lists, 'black', { code: 'black-active' }, activeRed.length > 0);
  // A disputed black entry suspends its punishments, so it does not suspend red incentives either.
  if (disputed.some((e) => e.list === 'black')) return listed(lists, 'disputed', { code: 'black-disputed' });
  if (activeRed.length > 0) return listed(lists, 'red', { code: 'red-active' });
  // A red entry under objection: its incentives are held while it is verified — never "not listed".
  if (disputed.length > 0) return listed(lists, 'disputed', { code: 'red-disputed' });
  if (watch.length > 0) return listed(lists, 'watch', { code: 'monitoring' });
  if (suspect && !result.found) return listed(lists, 'invalid', { code: 'suspect-not-found' });
  // An anonymous answer covers published entries only: say so, so "not listed" is not read as the whole truth.
  const code = suspect ? 'suspect-code' : result.scope === 'public' ? 'nothing-active-public' : result.found ? 'nothing-active' : 'not-found';
  return listed(lists, 'clear', { code });
}

type Lists = Pick<Verdict, 'activeEntries' | 'disputedEntries' | 'watchEntries'>;

/** A verdict over the entries that give it (a module function, not a closure: it runs for every code the platform answers). */
function listed(lists: Lists, kind: Verdict['kind'], reason: VerdictReason, suspendedRed = false): Verdict {
  return {
    kind,
    reason,
    activeEntries: lists.activeEntries,
    disputedEntries: lists.disputedEntries,
    watchEntries: lists.watchEntries,
    suspendedRed,
    asOf: null,
    ageMs: null,
    stale: false,
  };
}

/** Revoked entries are never monitored: a wrong entry is removed and the reputation restored. */
function isMonitored(entry: ListEntry, today: string): boolean {
  return entry.monitoringUntil !== null && entry.monitoringUntil >= today;
}

function base(kind: Verdict['kind'], reason: VerdictReason): Verdict {
  return { kind, reason, activeEntries: [], disputedEntries: [], watchEntries: [], suspendedRed: false, asOf: null, ageMs: null, stale: false };
}

function errorReason(error: unknown): VerdictReason {
  if (!error) return { code: 'error' };
  if (!isCreditError(error)) return { code: 'error', detail: 'unexpected' };
  const errorKind = error.kind === 'auth' && (error.status === 403 || error.apiCode === 'forbidden') ? 'permission' : error.kind;
  return { code: 'error', errorKind };
}

function unknownVerdict(reason: VerdictReason, asOf: string | null, ageMs: number | null): Verdict {
  const verdict = base('unknown', reason);
  verdict.asOf = asOf;
  verdict.ageMs = ageMs;
  verdict.stale = asOf !== null;
  return verdict;
}
