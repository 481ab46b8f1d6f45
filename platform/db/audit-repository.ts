import type { Database, Statement } from 'better-sqlite3';
import type { VerdictCounts } from '../../core/api/stats-schema.ts';
import { GroupCommit } from '../audit/group-commit.ts';

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

type Row = {
  id: number;
  at: string;
  token_id: string | null;
  department: string | null;
  endpoint: string;
  codes: string;
  purpose: string | null;
  ip: string | null;
};

/** The audit log of status and subject queries. */
export class AuditRepository {
  readonly #insert: Statement<
    [string, string | null, string | null, string, string, string | null, string | null, string | null, string | null, string | null]
  >;
  readonly #latest: Statement<[number], Row>;
  readonly #checks: Statement<
    { from: string; to: string; department: string | null },
    { at: string; department: string | null; endpoint: string; n: number; verdicts: string | null }
  >;
  readonly #hits: Statement<
    { from: string; to: string; department: string | null },
    { at: string; department: string | null; endpoint: string; case_reference: string | null; hits: string }
  >;

  readonly #groupCommit: GroupCommit<Omit<AuditRecord, 'id'>>;

  constructor(db: Database) {
    // Records handed to `commit` within AUDIT_COMMIT_MS share one transaction.
    const insertMany = db.transaction((entries: Omit<AuditRecord, 'id'>[]) => {
      for (const entry of entries) this.record(entry);
    });
    this.#groupCommit = new GroupCommit(
      (entries) => insertMany.immediate(entries),
      (flush) => setTimeout(flush, AUDIT_COMMIT_MS),
    );
    this.#insert = db.prepare(
      'INSERT INTO audit_log (at, token_id, department, endpoint, codes, purpose, ip, verdicts, case_reference, hits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#latest = db.prepare('SELECT id, at, token_id, department, endpoint, codes, purpose, ip FROM audit_log ORDER BY id DESC LIMIT ?');
    this.#checks = db.prepare(
      `SELECT at, department, endpoint, json_array_length(codes) AS n, verdicts FROM audit_log
       WHERE at >= @from AND at < @to AND endpoint IN ('status', 'record') AND (@department IS NULL OR department = @department)`,
    );
    this.#hits = db.prepare(
      `SELECT at, department, endpoint, case_reference, hits FROM audit_log
       WHERE at >= @from AND at < @to AND endpoint IN ('status', 'record') AND hits IS NOT NULL AND (@department IS NULL OR department = @department)
       ORDER BY at, id`,
    );
  }

  record(entry: Omit<AuditRecord, 'id'>): void {
    this.#insert.run(
      entry.at,
      entry.tokenId,
      entry.department,
      entry.endpoint,
      JSON.stringify(entry.codes),
      entry.purpose,
      entry.ip,
      entry.verdicts ? JSON.stringify(entry.verdicts) : null,
      entry.caseReference ?? null,
      entry.hits?.length ? JSON.stringify(entry.hits) : null,
    );
  }

  /**
   * Records a query in the next group commit (group-commit.ts): resolves once its row is
   * committed, rejects when the commit failed — await it before answering the query.
   */
  commit(entry: Omit<AuditRecord, 'id'>): Promise<void> {
    return this.#groupCommit.add(entry);
  }

  /** Commits what waits for the next group commit now (before the database is closed). */
  flushPending(): void {
    this.#groupCommit.flush();
  }

  /** The most recent records, newest first. */
  latest(limit: number): AuditRecord[] {
    return this.#latest.all(limit).map((r) => ({
      id: r.id,
      at: r.at,
      tokenId: r.token_id,
      department: r.department,
      endpoint: r.endpoint,
      codes: JSON.parse(r.codes) as string[],
      purpose: r.purpose,
      ip: r.ip,
    }));
  }

  /** Status and record queries with `from <= at < to` (ISO instants), of one department or (null) all. */
  *checks(from: string, to: string, department: string | null): Generator<AuditCheckRow> {
    for (const r of this.#checks.iterate({ from, to, department })) {
      yield {
        at: r.at,
        department: r.department,
        endpoint: r.endpoint,
        codes: r.n,
        verdicts: r.verdicts ? (JSON.parse(r.verdicts) as Partial<VerdictCounts>) : null,
      };
    }
  }

  /** Checks with `from <= at < to` that found hits, oldest first, of one department or (null) all. */
  *hits(from: string, to: string, department: string | null): Generator<AuditHitRow> {
    for (const r of this.#hits.iterate({ from, to, department })) {
      yield { at: r.at, department: r.department, endpoint: r.endpoint, caseReference: r.case_reference, hits: JSON.parse(r.hits) as AuditHit[] };
    }
  }
}
