import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import type { Subject } from '../../core/api/subject-schema.ts';
import { effectiveState } from '../../core/verdict/effective-state.ts';
import type { LookedUpEntry } from '../db/code-lookup-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredSubject } from '../db/stored-records.ts';
import type { Disclosure } from '../privacy/disclosure-for.ts';
import { maskIdNumber } from '../privacy/mask-id-number.ts';
import { maskName } from '../privacy/mask-name.ts';
import { publishedOn } from './published-on.ts';

/**
 * The answer form of a stored entry: its effective state today (an `active` entry past its
 * validity is answered `expired`), its latest objection and repair application, and personal data
 * masked as the caller's disclosure requires.
 */
export async function toListEntry(repos: Repositories, stored: StoredEntry, today: string, disclosure: Disclosure): Promise<ListEntry> {
  return listEntryOf(
    { entry: stored, objection: await repos.objections.latestForEntry(stored.id), repair: await repos.repairs.latestForEntry(stored.id) },
    today,
    disclosure,
  );
}

/** `toListEntry` of an entry looked up with its latest objection and repair application (code-lookup-repository.ts). */
export function listEntryOf(looked: LookedUpEntry, today: string, disclosure: Disclosure): ListEntry {
  const { entry: stored, objection, repair } = looked;
  const entry: ListEntry = {
    id: stored.id,
    list: stored.list,
    category: stored.category,
    facts: stored.facts,
    legalBasis: stored.legalBasis,
    documentNumber: stored.documentNumber,
    department: stored.department,
    listedOn: stored.listedOn,
    validUntil: stored.validUntil,
    state: stored.state,
    exit: stored.exitDate ? { date: stored.exitDate, reason: stored.exitReason ?? '', department: stored.exitDepartment ?? stored.department } : null,
    objection: objection ? { id: objection.id, status: objection.status, filedAt: objection.filedAt, resolvedAt: objection.resolvedAt } : null,
    repairable: stored.repairable,
    ...(repair ? { repair: { id: repair.id, status: repair.status, filedAt: repair.filedAt, decidedAt: repair.decidedAt } } : {}),
    monitoringUntil: stored.monitoringUntil,
    visibility: stored.visibility,
    persons: stored.persons.map((p) => ({
      role: p.role,
      name: disclosure.names === 'masked' ? maskName(p.name) : p.name,
      idNumber: p.idNumber === null ? null : disclosure.idNumbers === 'masked' ? maskIdNumber(p.idNumber) : p.idNumber,
    })),
  };
  entry.state = effectiveState(entry, today);
  return entry;
}

/** The answer form of a subject, the legal representative masked unless the caller may see names. */
export function toSubject(stored: StoredSubject, disclosure: Disclosure): Subject {
  return {
    code: stored.code,
    name: stored.name,
    regionCode: stored.regionCode,
    legalRepresentative:
      stored.legalRepresentative === null ? null : disclosure.names === 'masked' ? maskName(stored.legalRepresentative) : stored.legalRepresentative,
  };
}

/**
 * The entries of a code a caller may see: the public scope gets published entries only, in their
 * publication period (`publishedOn`); signed-in callers every entry, current and past.
 */
export async function visibleEntries(repos: Repositories, code: string, today: string, disclosure: Disclosure): Promise<ListEntry[]> {
  const entries = await repos.entries.listByCode(code);
  if (disclosure.scope === 'full') return Promise.all(entries.map(async (e) => await toListEntry(repos, e, today, disclosure)));
  const published = await Promise.all(entries.filter((e) => e.visibility === 'public').map(async (e) => await toListEntry(repos, e, today, disclosure)));
  return published.filter((e) => publishedOn(e, today));
}

/** `visibleEntries` of entries looked up with their latest objection and repair application (code-lookup-repository.ts). */
export function visibleEntriesOf(entries: readonly LookedUpEntry[], today: string, disclosure: Disclosure): ListEntry[] {
  if (disclosure.scope === 'full') return entries.map((e) => listEntryOf(e, today, disclosure));
  return entries
    .filter((e) => e.entry.visibility === 'public')
    .map((e) => listEntryOf(e, today, disclosure))
    .filter((e) => publishedOn(e, today));
}
