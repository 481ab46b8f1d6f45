import type { Database, Statement } from 'better-sqlite3';

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
}

/** The audit log of status and subject queries. */
export class AuditRepository {
  readonly #insert: Statement<[string, string | null, string | null, string, string, string | null, string | null]>;
  readonly #latest: Statement<[number], { id: number; at: string; token_id: string | null; department: string | null; endpoint: string; codes: string; purpose: string | null; ip: string | null }>;

  constructor(db: Database) {
    this.#insert = db.prepare('INSERT INTO audit_log (at, token_id, department, endpoint, codes, purpose, ip) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.#latest = db.prepare('SELECT id, at, token_id, department, endpoint, codes, purpose, ip FROM audit_log ORDER BY id DESC LIMIT ?');
  }

  record(entry: Omit<AuditRecord, 'id'>): void {
    this.#insert.run(entry.at, entry.tokenId, entry.department, entry.endpoint, JSON.stringify(entry.codes), entry.purpose, entry.ip);
  }

  /** The most recent records, newest first. */
  latest(limit: number): AuditRecord[] {
    return this.#latest.all(limit).map((r) => ({
      id: r.id, at: r.at, tokenId: r.token_id, department: r.department, endpoint: r.endpoint,
      codes: JSON.parse(r.codes) as string[], purpose: r.purpose, ip: r.ip,
    }));
  }
}
