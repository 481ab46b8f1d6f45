/**
 * Page scripts read every `creditlens:verdict` event, so what an event carries holds no personal
 * data: the persons an entry reaches (names, ID numbers) and the subject's legal representative
 * are left out. The card, which a person opens, still shows them as the platform sent them.
 */
import type { ListEntry } from '../core/api/list-entry-schema.ts';
import type { StatusResult } from '../core/api/status-schema.ts';
import type { Verdict } from '../core/verdict/verdict-types.ts';

const entryWithout = (entry: ListEntry): ListEntry => (entry.persons.length === 0 ? entry : { ...entry, persons: [] });

/** The verdict with no person's name or ID number in its entries. */
export function verdictWithoutPersonalData(verdict: Verdict): Verdict {
  return {
    ...verdict,
    activeEntries: verdict.activeEntries.map(entryWithout),
    disputedEntries: verdict.disputedEntries.map(entryWithout),
    watchEntries: verdict.watchEntries.map(entryWithout),
  };
}

/** The answer with no person's name or ID number: entries' persons and the legal representative dropped. */
export function resultWithoutPersonalData(result: StatusResult | null): StatusResult | null {
  if (!result) return null;
  return {
    ...result,
    subject: result.subject ? { ...result.subject, legalRepresentative: null } : null,
    entries: result.entries.map(entryWithout),
  };
}
