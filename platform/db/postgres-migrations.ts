import { sql, type Kysely } from 'kysely';
import type { PlatformSchema } from './schema.ts';

// PostgreSQL's schema (issue 16): the same tables and row shapes as SQLite's migrations.ts after
// its last step — text for dates and JSON, integer flags — so the row mappers are shared. A
// PostgreSQL database starts at the latest shape in one step; later changes append a step here and
// one in migrations.ts. The version reached is kept in `schema_version`. `objections` and
// `repairs` carry a `seq` (bigserial) where SQLite's queries break ties by rowid.

/** PostgreSQL schema steps, oldest first; index + 1 is the version. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subjects (
    code text PRIMARY KEY,
    name text,
    region_code text,
    legal_representative text
  );
  CREATE TABLE entries (
    id text PRIMARY KEY,
    code text NOT NULL REFERENCES subjects(code),
    list text NOT NULL CHECK (list IN ('red', 'black')),
    category text NOT NULL,
    facts text NOT NULL,
    legal_basis text NOT NULL,
    document_number text,
    department text NOT NULL,
    listed_on text NOT NULL,
    valid_until text,
    state text NOT NULL CHECK (state IN ('active', 'disputed', 'exited', 'expired', 'revoked')),
    exit_date text,
    exit_reason text,
    exit_department text,
    repairable integer NOT NULL,
    monitoring_until text,
    visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
    persons text NOT NULL DEFAULT '[]'
  );
  CREATE INDEX entries_by_code ON entries(code);
  CREATE TABLE objections (
    seq bigserial UNIQUE,
    id text PRIMARY KEY,
    code text NOT NULL,
    entry_id text NOT NULL REFERENCES entries(id),
    status text NOT NULL CHECK (status IN ('pending', 'upheld', 'rejected')),
    reason text NOT NULL,
    contact text NOT NULL,
    filed_at text NOT NULL,
    resolved_at text,
    resolution_note text,
    department text NOT NULL,
    previous_state text NOT NULL,
    document_number text,
    reference text
  );
  CREATE INDEX objections_by_entry ON objections(entry_id);
  CREATE INDEX objections_by_filed_at ON objections(filed_at);
  CREATE TABLE repairs (
    seq bigserial UNIQUE,
    id text PRIMARY KEY,
    code text NOT NULL,
    entry_id text NOT NULL REFERENCES entries(id),
    status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'lapsed')),
    materials text NOT NULL,
    reference text NOT NULL,
    department text NOT NULL,
    filed_at text NOT NULL,
    decided_at text,
    decision_note text,
    decided_by text
  );
  CREATE INDEX repairs_by_entry ON repairs(entry_id);
  CREATE TABLE changes (
    cursor bigserial PRIMARY KEY,
    code text NOT NULL,
    at text NOT NULL,
    kind text NOT NULL
  );
  CREATE TABLE events (
    id bigserial PRIMARY KEY,
    code text NOT NULL,
    entry_id text,
    at text NOT NULL,
    kind text NOT NULL,
    note text NOT NULL
  );
  CREATE INDEX events_by_code ON events(code);
  CREATE TABLE feedback (
    id text PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    body_hash text NOT NULL,
    record text NOT NULL
  );
  CREATE INDEX feedback_by_code ON feedback(((record::jsonb) ->> 'code'));
  CREATE TABLE typical_cases (
    feedback_id text PRIMARY KEY REFERENCES feedback(id),
    kind text NOT NULL CHECK (kind IN ('incentive', 'punishment')),
    note text NOT NULL,
    marked_at text NOT NULL,
    marked_by text
  );
  CREATE TABLE tokens (
    id text PRIMARY KEY,
    hash text NOT NULL UNIQUE,
    department text NOT NULL,
    role text NOT NULL CHECK (role IN ('viewer', 'department', 'admin')),
    label text,
    created_at text NOT NULL,
    revoked_at text
  );
  CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at text NOT NULL,
    token_id text,
    department text,
    endpoint text NOT NULL,
    codes text NOT NULL,
    purpose text,
    ip text,
    verdicts text,
    case_reference text,
    hits text
  );
  CREATE INDEX audit_log_by_at ON audit_log(at);
  CREATE TABLE meta (
    key text PRIMARY KEY,
    value text NOT NULL
  );
  CREATE TABLE signing_keys (
    key_id text PRIMARY KEY,
    public_raw text NOT NULL,
    private_pkcs8 text NOT NULL,
    created_at text NOT NULL,
    retired_at text,
    compromised_since text
  );
  `,
  // The rate limit's token buckets, shared by every worker of every machine (rate-limit/database-bucket-store.ts).
  // Unlogged: no WAL for a write per request; a crash empties it, which only gives every caller a full allowance.
  `
  CREATE UNLOGGED TABLE rate_buckets (
    key text PRIMARY KEY,
    tokens double precision NOT NULL,
    at bigint NOT NULL,
    allowed boolean NOT NULL
  );
  `,
  // The expiry sweep finds entries by their end dates without reading every entry (migrations.ts step 7).
  `
  CREATE INDEX entries_by_valid_until ON entries(valid_until) WHERE valid_until IS NOT NULL;
  CREATE INDEX entries_by_monitoring_until ON entries(monitoring_until) WHERE monitoring_until IS NOT NULL;
  `,
];

/**
 * Brings a PostgreSQL platform database to the latest schema, in one transaction under an
 * advisory lock (several workers may start at once). Returns the version reached.
 */
export async function migratePostgres(db: Kysely<PlatformSchema>): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(16016016)`.execute(tx);
    await sql`CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`.execute(tx);
    const found = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(tx);
    let version = found.rows[0]?.version ?? 0;
    if (found.rows.length === 0) await sql`INSERT INTO schema_version (version) VALUES (0)`.execute(tx);
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new Error(`database schema version ${version} is newer than this platform (${POSTGRES_MIGRATIONS.length})`);
    }
    while (version < POSTGRES_MIGRATIONS.length) {
      await sql.raw(POSTGRES_MIGRATIONS[version] as string).execute(tx);
      version += 1;
      await sql`UPDATE schema_version SET version = ${version}`.execute(tx);
    }
    return version;
  });
}
