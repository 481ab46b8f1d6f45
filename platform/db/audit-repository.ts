import { sql } from 'kysely';
import type { VerdictCounts } from '../../core/api/stats-schema.ts';
import { GroupCommit } from '../audit/group-commit.ts';
import type { Connection } from './connection.ts';

/** One registered query of credit information (section (二十七): every query is registered and reviewable). */
export interface AuditRecord {
  id: number;
  at: string;
  tokenId: string | null;
  department: string | null;
  endpoint: string;
  codes: string[];
  purpose: string | null;
  ip: string | null;
  /** How many codes of each verdict kind the query found, when the endpoint computes verdicts (status, record). */
  verdicts?: Partial<VerdictCounts> | null;
  /** The case the check was made in, when the caller named one (check records, status queries with `caseReference`). */
  caseReference?: string | null;
  /** The codes the check found on an active black or red list, judged at query time (the credit office's follow-up). */
  hits?: readonly AuditHit[] | null;
}

/** A code a check found with an active black (punishment) or red (incentive) entry. */
export interface AuditHit {
  code: string;
  kind: 'black' | 'red';
}

/** One check that found hits, as the follow-up reads it. */
export interface AuditHitRow {
  at: string;
  department: string | null;
  endpoint: string;
  caseReference: string | null;
  hits: AuditHit[];
}

/** One check query as statistics count it. */
export interface AuditCheckRow {
  at: string;
  department: string | null;
  endpoint: string;
  codes: number;
  verdicts: Partial<VerdictCounts> | null;
}

/**
 * How long the audit log gathers queries into one transaction (group commit). Every commit makes
 * the other workers over the same file drop their page caches, so committing once per few
 * milliseconds rather than once per request keeps two workers from slowing each other (the
 * platform bench: 2 workers went from about 12k to 22k codes/s); an answer waits at most this
 * long for its row.
 */
export const AUDIT_COMMIT_MS = 4;

/** How many audit rows one INSERT carries (10 parameters each: far under both engines' limits). */
const ROWS_PER_INSERT = 500;

const toRow = (entry: Omit<AuditRecord, 'id'>) => ({
  at: entry.at,
  token_id: entry.tokenId,
  department: entry.department,
  endpoint: entry.endpoint,
  codes: JSON.stringify(entry.codes),
  purpose: entry.purpose,
  ip: entry.ip,
  verdicts: entry.verdicts ? JSON.stringify(entry.verdicts) : null,
  case_reference: entry.caseReference ?? null,
  hits: entry.hits?.length ? JSON.stringify(entry.hits) : null,
});

/** The group commit of one database: queries recorded within AUDIT_COMMIT_MS are written in one transaction. */
export function auditGroupCommit(inTransaction: (write: (connection: Connection) => Promise<void>) => Promise<void>): GroupCommit<Omit<AuditRecord, 'id'>> {
  return new GroupCommit(
    (entries) =>
      inTransaction(async ({ db }) => {
        for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
          await db
            .insertInto('audit_log')
            .values(entries.slice(i, i + ROWS_PER_INSERT).map(toRow))
            .execute();
        }
      }),
    (flush) => setTimeout(flush, AUDIT_COMMIT_MS),
  );
}

/** The audit log of status and subject queries. */
export class AuditRepository {
  readonly #connection: Connection;
  readonly #groupCommit: GroupCommit<Omit<AuditRecord, 'id'>>;

  /** `groupCommit` is the database's one (auditGroupCommit), shared by the repositories of its transactions. */
  constructor(connection: Connection, groupCommit: GroupCommit<Omit<AuditRecord, 'id'>>) {
    this.#connection = connection;
    this.#groupCommit = groupCommit;
  }

  /** Writes one record now (within the caller's transaction, if any). */
  async record(entry: Omit<AuditRecord, 'id'>): Promise<void> {
    await this.#connection.db.insertInto('audit_log').values(toRow(entry)).execute();
  }

  /**
   * Records a query in the next group commit (group-commit.ts): resolves once its row is
   * committed, rejects when the commit failed — await it before answering the query.
   */
  commit(entry: Omit<AuditRecord, 'id'>): Promise<void> {
    return this.#groupCommit.add(entry);
  }

  /** Commits what waits for the next group commit now (before the database is closed). */
  flushPending(): Promise<void> {
    return this.#groupCommit.flush();
  }

  /** The most recent records, newest first. */
  async latest(limit: number): Promise<AuditRecord[]> {
    const rows = await this.#connection.db
      .selectFrom('audit_log')
      .select(['id', 'at', 'token_id', 'department', 'endpoint', 'codes', 'purpose', 'ip'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      tokenId: r.token_id,
      department: r.department,
      endpoint: r.endpoint,
      codes: JSON.parse(r.codes) as string[],
      purpose: r.purpose,
      ip: r.ip,
    }));
  }

  #checksBetween(from: string, to: string, department: string | null) {
    let query = this.#connection.db.selectFrom('audit_log').where('at', '>=', from).where('at', '<', to).where('endpoint', 'in', ['status', 'record']);
    if (department !== null) query = query.where('department', '=', department);
    return query;
  }

  /** Status and record queries with `from <= at < to` (ISO instants), of one department or (null) all. */
  async checks(from: string, to: string, department: string | null): Promise<AuditCheckRow[]> {
    const codes = this.#connection.engine === 'sqlite' ? sql<number>`json_array_length(codes)` : sql<number>`json_array_length(codes::json)`;
    const rows = await this.#checksBetween(from, to, department)
      .select(['at', 'department', 'endpoint', 'verdicts', codes.as('n')])
      .execute();
    return rows.map((r) => ({
      at: r.at,
      department: r.department,
      endpoint: r.endpoint,
      codes: Number(r.n),
      verdicts: r.verdicts ? (JSON.parse(r.verdicts) as Partial<VerdictCounts>) : null,
    }));
  }

  /** Checks with `from <= at < to` that found hits, oldest first, of one department or (null) all. */
  async hits(from: string, to: string, department: string | null): Promise<AuditHitRow[]> {
    const rows = await this.#checksBetween(from, to, department)
      .where('hits', 'is not', null)
      .select(['at', 'department', 'endpoint', 'case_reference', 'hits'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      at: r.at,
      department: r.department,
      endpoint: r.endpoint,
      caseReference: r.case_reference,
      hits: JSON.parse(r.hits!) as AuditHit[],
    }));
  }
}
