import type { VerdictLook } from './verdict-palette.ts';
import type { Verdict } from './verdict-types.ts';

/**
 * How a verdict looks: its kind, except a clear answer from the public lists alone (no department
 * token), which has its own grey look so it never passes for the platform's full clear.
 */
export function verdictLook(verdict: Pick<Verdict, 'kind' | 'reason'>): VerdictLook {
  return verdict.kind === 'clear' && verdict.reason.code === 'nothing-active-public' ? 'public' : verdict.kind;
}
