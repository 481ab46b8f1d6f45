import type { Generated } from 'kysely';

// The platform's tables as Kysely sees them (issue 16): one interface per table, after every
// migration in migrations.ts (SQLite) and postgres-migrations.ts (PostgreSQL). Both engines keep
// the same row shapes — text for JSON and dates, integers for flags — so one set of row mappers
// serves both.

export interface SubjectsTable {
  code: string;
  name: string | null;
  region_code: string | null;
  legal_representative: string | null;
}

export interface EntriesTable {
  id: string;
  code: string;
  list: 'red' | 'black';
  category: string;
  facts: string;
  legal_basis: string;
  document_number: string | null;
  department: string;
  listed_on: string;
  valid_until: string | null;
  state: 'active' | 'disputed' | 'exited' | 'expired' | 'revoked';
  exit_date: string | null;
  exit_reason: string | null;
  exit_department: string | null;
  repairable: number;
  monitoring_until: string | null;
  visibility: 'public' | 'internal';
  persons: string;
}

export interface ObjectionsTable {
  id: string;
  code: string;
  entry_id: string;
  status: 'pending' | 'upheld' | 'rejected';
  reason: string;
  contact: string;
  filed_at: string;
  resolved_at: string | null;
  resolution_note: string | null;
  department: string;
  previous_state: string;
  document_number: string | null;
  reference: string | null;
}

export interface ChangesTable {
  cursor: Generated<number>;
  code: string;
  at: string;
  kind: string;
}

export interface EventsTable {
  id: Generated<number>;
  code: string;
  entry_id: string | null;
  at: string;
  kind: string;
  note: string;
}

export interface FeedbackTable {
  id: string;
  idempotency_key: string;
  body_hash: string;
  record: string;
}

export interface TokensTable {
  id: string;
  hash: string;
  department: string;
  role: 'viewer' | 'department' | 'admin';
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  token_id: string | null;
  department: string | null;
  endpoint: string;
  codes: string;
  purpose: string | null;
  ip: string | null;
  verdicts: string | null;
  case_reference: string | null;
  hits: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface SigningKeysTable {
  key_id: string;
  public_raw: string;
  private_pkcs8: string;
  created_at: string;
  retired_at: string | null;
  compromised_since: string | null;
}

export interface RepairsTable {
  id: string;
  code: string;
  entry_id: string;
  status: 'pending' | 'approved' | 'refused' | 'lapsed';
  materials: string;
  reference: string;
  department: string;
  filed_at: string;
  decided_at: string | null;
  decision_note: string | null;
  decided_by: string | null;
}

export interface TypicalCasesTable {
  feedback_id: string;
  kind: 'incentive' | 'punishment';
  note: string;
  marked_at: string;
  marked_by: string | null;
}

/** Every table of the platform database, by name. */
export interface PlatformSchema {
  subjects: SubjectsTable;
  entries: EntriesTable;
  objections: ObjectionsTable;
  changes: ChangesTable;
  events: EventsTable;
  feedback: FeedbackTable;
  tokens: TokensTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  signing_keys: SigningKeysTable;
  repairs: RepairsTable;
  typical_cases: TypicalCasesTable;
}

/** The table names, in an order that respects foreign keys (a referenced table comes first). */
export const PLATFORM_TABLES: readonly (keyof PlatformSchema)[] = [
  'subjects',
  'entries',
  'objections',
  'repairs',
  'changes',
  'events',
  'feedback',
  'typical_cases',
  'tokens',
  'audit_log',
  'meta',
  'signing_keys',
];
