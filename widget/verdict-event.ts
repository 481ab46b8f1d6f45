import type { StatusResult } from '../core/api/status-schema.ts';
import type { Verdict, VerdictKind } from '../core/verdict/verdict-types.ts';

/** Fired whenever a code's verdict becomes known or changes (never for `pending`). */
export const VERDICT_EVENT = 'creditlens:verdict';

export interface VerdictEventDetail {
  code: string;
  verdict: Verdict;
  /** The kind dispatched before for this code, or null the first time. */
  previous: VerdictKind | null;
  /** The registered name, when the platform gave one. */
  name: string | null;
  result: StatusResult | null;
}

declare global {
  interface DocumentEventMap {
    [VERDICT_EVENT]: CustomEvent<VerdictEventDetail>;
  }
  interface HTMLElementEventMap {
    [VERDICT_EVENT]: CustomEvent<VerdictEventDetail>;
  }
}

/** What makes two verdicts for the same code "the same" for listeners: kind and reason, not the answer's age. */
export function verdictSignature(verdict: Verdict): string {
  return `${verdict.kind}|${verdict.reason.code}|${verdict.reason.errorKind ?? ''}`;
}

/**
 * Remembers the last verdict announced per code and dispatches `creditlens:verdict` on `target`
 * only when it is known and differs, so a refresh that changes nothing stays quiet.
 */
export function createVerdictAnnouncer(target: () => EventTarget | null) {
  const last = new Map<string, { signature: string; kind: VerdictKind }>();
  return {
    announce(code: string, verdict: Verdict, result: StatusResult | null): void {
      if (verdict.kind === 'pending') return;
      const signature = verdictSignature(verdict);
      const before = last.get(code);
      if (before?.signature === signature) return;
      last.set(code, { signature, kind: verdict.kind });
      const detail: VerdictEventDetail = { code, verdict, previous: before?.kind ?? null, name: result?.subject?.name ?? null, result };
      target()?.dispatchEvent(new CustomEvent(VERDICT_EVENT, { detail }));
    },
    /** Forgets what was announced (another platform: every verdict is news again). */
    reset(): void {
      last.clear();
    },
  };
}
