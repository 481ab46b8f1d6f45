/**
 * What a page's own scripts may learn about a code. The extension paints verdicts into the page's
 * `CSS.highlights`, which the page's scripts can read, so a verdict that rests only on
 * internal-only entries (shared between departments, not published) is painted as `pending` —
 * what every code looks like before its answer, while off-screen, or while the page is paused —
 * and shown for real only in the closed overlay. A verdict that public entries alone support
 * (anyone can read those on the platform's public pages) is painted as it is.
 */
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { VerdictLook } from './verdict-palette.ts';
import { verdictLook } from './verdict-look.ts';
import type { Verdict, VerdictKind } from './verdict-types.ts';

/** The entries a verdict of this kind rests on. */
function decidingEntries(verdict: Verdict): ListEntry[] {
  switch (verdict.kind) {
    case 'black':
      return verdict.activeEntries.filter((e) => e.list === 'black');
    case 'red':
      return verdict.activeEntries.filter((e) => e.list === 'red');
    case 'disputed':
      return verdict.disputedEntries.filter((e) => e.list === (verdict.reason.code === 'red-disputed' ? 'red' : 'black'));
    case 'watch':
      return verdict.watchEntries;
    default:
      return [];
  }
}

/** The kind the page-readable highlight may show for `verdict`: its own, or `pending` when only internal entries support it. */
export function pageReadableKind(verdict: Verdict): VerdictKind {
  const deciding = decidingEntries(verdict);
  if (deciding.length === 0) return verdict.kind;
  return deciding.some((e) => e.visibility === 'public') ? verdict.kind : 'pending';
}

/**
 * The look the page-readable highlight may show: `pageReadableKind` painted by look, so a clear
 * from the public lists alone shows `public` (public data only; nothing leaks), and a verdict
 * resting on internal-only entries still shows `pending`.
 */
export function pageReadableLook(verdict: Verdict): VerdictLook {
  const kind = pageReadableKind(verdict);
  return kind === verdict.kind ? verdictLook(verdict) : kind;
}
