import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { GroupCommit } from '../audit/group-commit.ts';
import { AuditRepository, auditGroupCommit, type AuditRecord } from './audit-repository.ts';
import { ChangeRepository } from './change-repository.ts';
import { CodeLookupRepository } from './code-lookup-repository.ts';
import type { Connection, Engine } from './connection.ts';
import { EntryRepository } from './entry-repository.ts';
import { EventRepository } from './event-repository.ts';
import { FeedbackRepository } from './feedback-repository.ts';
import { MetaRepository } from './meta-repository.ts';
import { ObjectionOutcomeRepository } from './objection-outcome-repository.ts';
import { ObjectionRepository } from './objection-repository.ts';
import type { PlatformDatabase } from './open-platform-database.ts';
import { RepairRepository } from './repair-repository.ts';
import { SigningKeyRepository } from './signing-key-repository.ts';
import { sqliteKysely } from './sqlite-kysely.ts';
import { SubjectRepository } from './subject-repository.ts';
import { TokenRepository } from './token-repository.ts';
import { TypicalCaseRepository } from './typical-case-repository.ts';

/**
 * The advisory lock every PostgreSQL write transaction takes first: write transactions run one
 * at a time, as SQLite's immediate transactions do, so the lifecycle's read-then-write steps
 * (may this entry be disputed now?) hold across workers. Reads never wait for it.
 */
export const WRITE_LOCK = 16_016_017;

/** Every repository over one database (or inside one of its transactions), on either engine. */
export interface Repositories {
  engine: Engine;
  /** The query builder (inside a transaction, the transaction). */
  db: Connection['db'];
  /** The better-sqlite3 handle on SQLite, else null. */
  sqlite: Database | null;
  /**
   * Runs `work` in one transaction and hands it the repositories inside it — use only those in
   * `work` (name the parameter `repos`, shadowing the outer ones): on SQLite the one connection
   * is held by the transaction, so a statement through the outer repositories would wait for it
   * forever. Nested calls are savepoints: a failure inside undoes only the inner work.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  subjects: SubjectRepository;
  entries: EntryRepository;
  objections: ObjectionRepository;
  repairs: RepairRepository;
  changes: ChangeRepository;
  /** A batch of codes with their entries, in one statement (the status route's lookups). */
  lookup: CodeLookupRepository;
  events: EventRepository;
  feedback: FeedbackRepository;
  tokens: TokenRepository;
  audit: AuditRepository;
  meta: MetaRepository;
  signingKeys: SigningKeyRepository;
  typicalCases: TypicalCaseRepository;
  objectionOutcomes: ObjectionOutcomeRepository;
}

type AuditCommit = GroupCommit<Omit<AuditRecord, 'id'>>;

/**
 * Every repository over an open database: a PlatformDatabase (either engine), or a better-sqlite3
 * handle already migrated (tests and the SQLite-only commands), wrapped in Kysely here without
 * taking it over (closing stays the caller's).
 */
export function createRepositories(source: PlatformDatabase | Database): Repositories {
  const connection: Connection =
    'engine' in source
      ? { engine: source.engine, db: source.db, sqlite: source.engine === 'sqlite' ? source.sqlite : null }
      : { engine: 'sqlite', db: sqliteKysely(source), sqlite: source };
  const commit: AuditCommit = auditGroupCommit((write) => inTransaction(connection, write, false));
  return bind(connection, commit, 0);
}

async function inTransaction<T>(connection: Connection, work: (connection: Connection) => Promise<T>, serialize = true): Promise<T> {
  return connection.db.transaction().execute(async (trx) => {
    if (connection.engine === 'postgres' && serialize) await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
    return work({ ...connection, db: trx });
  });
}

async function inSavepoint<T>(connection: Connection, depth: number, work: () => Promise<T>): Promise<T> {
  const name = sql.raw(`nested_${depth}`);
  await sql`SAVEPOINT ${name}`.execute(connection.db);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(connection.db);
    await sql`RELEASE SAVEPOINT ${name}`.execute(connection.db);
    throw error;
  }
  await sql`RELEASE SAVEPOINT ${name}`.execute(connection.db);
  return result;
}

/** The repositories over `connection`; `depth` 0 outside a transaction, else how deep inside. */
function bind(connection: Connection, commit: AuditCommit, depth: number): Repositories {
  const repos: Repositories = {
    engine: connection.engine,
    db: connection.db,
    sqlite: connection.sqlite,
    transaction: (work) =>
      depth === 0
        ? inTransaction(connection, (inside) => work(bind(inside, commit, 1)))
        : inSavepoint(connection, depth, () => work(bind(connection, commit, depth + 1))),
    subjects: new SubjectRepository(connection),
    entries: new EntryRepository(connection),
    objections: new ObjectionRepository(connection),
    repairs: new RepairRepository(connection),
    changes: new ChangeRepository(connection),
    lookup: new CodeLookupRepository(connection),
    events: new EventRepository(connection),
    feedback: new FeedbackRepository(connection),
    tokens: new TokenRepository(connection),
    audit: new AuditRepository(connection, commit),
    meta: new MetaRepository(connection),
    signingKeys: new SigningKeyRepository(connection),
    typicalCases: new TypicalCaseRepository(connection),
    objectionOutcomes: new ObjectionOutcomeRepository(connection),
  };
  return repos;
}
