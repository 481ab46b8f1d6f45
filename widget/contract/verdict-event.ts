import type { StatusResult } from '../../core/api/status-schema.ts';
import { compareNames } from '../../core/names/compare-names.ts';
import type { Verdict, VerdictKind } from '../../core/verdict/verdict-types.ts';
import { withoutPersonalData } from './without-personal-data.ts';

/** Fired whenever a code's verdict becomes known or changes (never for `pending`). */
export const VERDICT_EVENT = 'creditlens:verdict';

export interface VerdictEventDetail {
  code: string;
  /** Without personal data: entries carry no persons, the subject no legal representative. */
  verdict: Verdict;
  /** The kind dispatched before for this code, or null the first time. */
  previous: VerdictKind | null;
  /** The registered name, when the platform gave one. */
  name: string | null;
  result: StatusResult | null;
  /** The name the page shows beside the code, when known. */
  pageName: string | null;
  /** Whether the page's name agrees with the registered one (三要素); null when there is nothing to compare. */
  nameMatches: boolean | null;
}

/** `nameMatches` of the event detail. */
export function nameMatchesOf(pageName: string | null, registered: string | null | undefined): boolean | null {
  const agreement = compareNames(pageName, registered);
  return agreement === 'unknown' ? null : agreement === 'match';
}

declare global {
  interface DocumentEventMap {
    [VERDICT_EVENT]: CustomEvent<VerdictEventDetail>;
  }
  interface HTMLElementEventMap {
    [VERDICT_EVENT]: CustomEvent<VerdictEventDetail>;
  }
}

/** The `creditlens:verdict` event for `detail`, without personal data (page scripts read it: without-personal-data.ts). */
export function verdictEvent(detail: VerdictEventDetail): CustomEvent<VerdictEventDetail> {
  return new CustomEvent(VERDICT_EVENT, {
    detail: { ...detail, verdict: withoutPersonalData(detail.verdict), result: withoutPersonalData(detail.result) },
  });
}

/** What makes two verdicts for the same code "the same" for listeners: kind and reason, not the answer's age. */
export function verdictSignature(verdict: Verdict): string {
  return `${verdict.kind}|${verdict.reason.code}|${verdict.reason.errorKind ?? ''}`;
}

/**
 * Remembers the last verdict announced per code and dispatches `creditlens:verdict` on `target`
 * only when it is known and differs, so a refresh that changes nothing stays quiet.
 */
export function createVerdictAnnouncer(target: () => EventTarget | null, pageNameOf: (code: string) => string | null = () => null) {
  const last = new Map<string, { signature: string; kind: VerdictKind }>();
  return {
    announce(code: string, verdict: Verdict, result: StatusResult | null): void {
      if (verdict.kind === 'pending') return;
      const signature = verdictSignature(verdict);
      const before = last.get(code);
      if (before?.signature === signature) return;
      last.set(code, { signature, kind: verdict.kind });
      const name = result?.subject?.name ?? null;
      const pageName = pageNameOf(code);
      target()?.dispatchEvent(
        verdictEvent({ code, verdict, previous: before?.kind ?? null, name, result, pageName, nameMatches: nameMatchesOf(pageName, name) }),
      );
    },
    /** Forgets what was announced (another platform: every verdict is news again). */
    reset(): void {
      last.clear();
    },
  };
}
