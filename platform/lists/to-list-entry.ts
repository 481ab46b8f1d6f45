import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import type { Subject } from '../../core/api/subject-schema.ts';
import { effectiveState } from '../../core/verdict/effective-state.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry, StoredSubject } from '../db/stored-records.ts';
import { maskIdNumber } from '../privacy/mask-id-number.ts';
import { maskName } from '../privacy/mask-name.ts';

/**
 * The answer form of a stored entry: its effective state today (an `active` entry past its
 * validity is answered `expired`), its latest objection, and — for anonymous callers — personal
 * data masked (section (二十五)).
 */
export function toListEntry(repos: Repositories, stored: StoredEntry, today: string, masked: boolean): ListEntry {
  const objection = repos.objections.latestForEntry(stored.id);
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
    monitoringUntil: stored.monitoringUntil,
    visibility: stored.visibility,
    persons: stored.persons.map((p) => ({
      role: p.role,
      name: masked ? maskName(p.name) : p.name,
      idNumber: p.idNumber === null ? null : masked ? maskIdNumber(p.idNumber) : p.idNumber,
    })),
  };
  entry.state = effectiveState(entry, today);
  return entry;
}

/** The answer form of a subject, the legal representative masked for anonymous callers. */
export function toSubject(stored: StoredSubject, masked: boolean): Subject {
  return {
    code: stored.code,
    name: stored.name,
    regionCode: stored.regionCode,
    legalRepresentative: stored.legalRepresentative === null ? null : masked ? maskName(stored.legalRepresentative) : stored.legalRepresentative,
  };
}

/** The entries of a code a caller may see: anonymous callers only public ones. */
export function visibleEntries(repos: Repositories, code: string, today: string, anonymous: boolean): ListEntry[] {
  return repos.entries
    .listByCode(code)
    .filter((e) => !anonymous || e.visibility === 'public')
    .map((e) => toListEntry(repos, e, today, anonymous));
}
