import type { Database, Statement } from 'better-sqlite3';
import type { VerdictCounts } from '../../core/api/stats-schema.ts';

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
}

/** One check query as statistics count it. */
export interface AuditCheckRow {
  department: string | null;
  endpoint: string;
  codes: number;
  verdicts: Partial<VerdictCounts> | null;
}

type Row = { id: number; at: string; token_id: string | null; department: string | null; endpoint: string; codes: string; purpose: string | null; ip: string | null };

/** The audit log of status and subject queries. */
export class AuditRepository {
  readonly #insert: Statement<[string, string | null, string | null, string, string, string | null, string | null, string | null]>;
  readonly #latest: Statement<[number], Row>;
  readonly #checks: Statement<{ from: string; to: string; department: string | null }, { department: string | null; endpoint: string; n: number; verdicts: string | null }>;

  constructor(db: Database) {
    this.#insert = db.prepare('INSERT INTO audit_log (at, token_id, department, endpoint, codes, purpose, ip, verdicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.#latest = db.prepare('SELECT id, at, token_id, department, endpoint, codes, purpose, ip FROM audit_log ORDER BY id DESC LIMIT ?');
    this.#checks = db.prepare(
      `SELECT department, endpoint, json_array_length(codes) AS n, verdicts FROM audit_log
       WHERE at >= @from AND at < @to AND endpoint IN ('status', 'record') AND (@department IS NULL OR department = @department)`,
    );
  }

  record(entry: Omit<AuditRecord, 'id'>): void {
    this.#insert.run(entry.at, entry.tokenId, entry.department, entry.endpoint, JSON.stringify(entry.codes), entry.purpose, entry.ip, entry.verdicts ? JSON.stringify(entry.verdicts) : null);
  }

  /** The most recent records, newest first. */
  latest(limit: number): AuditRecord[] {
    return this.#latest.all(limit).map((r) => ({
      id: r.id, at: r.at, tokenId: r.token_id, department: r.department, endpoint: r.endpoint,
      codes: JSON.parse(r.codes) as string[], purpose: r.purpose, ip: r.ip,
    }));
  }

  /** Status and record queries with `from <= at < to` (ISO instants), of one department or (null) all. */
  *checks(from: string, to: string, department: string | null): Generator<AuditCheckRow> {
    for (const r of this.#checks.iterate({ from, to, department })) {
      yield { department: r.department, endpoint: r.endpoint, codes: r.n, verdicts: r.verdicts ? (JSON.parse(r.verdicts) as Partial<VerdictCounts>) : null };
    }
  }
}
