import type { EntryState, ListKind } from '../../core/api/list-entry-schema.ts';
import type { SubjectEvent } from '../../core/api/subject-details-schema.ts';

// The platform's own records, as the repositories read and write them. They hold everything,
// unmasked; what a caller may see is decided when answers are built.

/** A registered subject. */
export interface StoredSubject {
  code: string;
  name: string | null;
  regionCode: string | null;
  legalRepresentative: string | null;
}

/** A person a punishment reaches (落实到人), with the full ID number. */
export interface StoredPerson {
  role: string;
  name: string;
  idNumber: string | null;
}

/** One list entry with its stored (not effective) state. */
export interface StoredEntry {
  id: string;
  code: string;
  list: ListKind;
  category: string;
  facts: string;
  legalBasis: string;
  documentNumber: string | null;
  department: string;
  listedOn: string;
  validUntil: string | null;
  state: EntryState;
  exitDate: string | null;
  exitReason: string | null;
  exitDepartment: string | null;
  repairable: boolean;
  monitoringUntil: string | null;
  visibility: 'public' | 'internal';
  persons: StoredPerson[];
}

/** An objection to an entry (section (二十七)). */
export interface StoredObjection {
  id: string;
  code: string;
  entryId: string;
  status: 'pending' | 'upheld' | 'rejected';
  reason: string;
  contact: string;
  filedAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
  department: string;
  /** The entry's stored state when the objection was filed (kept for the record; a rejection puts the entry where it is without the objection, not back here). */
  previousState: EntryState;
  /** The entry's document number, as the objection named it. */
  documentNumber: string | null;
  /** Another reference the objection rests on. */
  reference: string | null;
}

/** A credit-repair application on an entry (section (二十六)). */
export interface StoredRepair {
  id: string;
  code: string;
  entryId: string;
  status: 'pending' | 'approved' | 'refused' | 'lapsed';
  materials: string;
  reference: string;
  department: string;
  filedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  /** The department (or admin) that decided it. */
  decidedBy: string | null;
}

/** One event of a subject's history. */
export interface StoredEvent {
  code: string;
  entryId: string | null;
  at: string;
  kind: SubjectEvent['kind'];
  note: string;
}
