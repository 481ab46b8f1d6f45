import type { Database, Statement } from 'better-sqlite3';
import type { Role } from '../auth/role.ts';

/** A stored API token: only its SHA-256 hash is kept. */
export interface StoredToken {
  id: string;
  department: string;
  role: Role;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** API tokens, looked up by hash. */
export class TokenRepository {
  readonly #byHash: Statement<[string], { id: string; department: string; role: Role; label: string | null; created_at: string; revoked_at: string | null }>;
  readonly #insert: Statement<[string, string, string, string, string | null, string]>;

  constructor(db: Database) {
    this.#byHash = db.prepare('SELECT id, department, role, label, created_at, revoked_at FROM tokens WHERE hash = ?');
    this.#insert = db.prepare('INSERT OR IGNORE INTO tokens (id, hash, department, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  findByHash(hash: string): StoredToken | undefined {
    const r = this.#byHash.get(hash);
    return r && { id: r.id, department: r.department, role: r.role, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at };
  }

  /** Stores a token by hash; an existing id or hash is left alone (so demo tokens can be ensured repeatedly). */
  insert(token: Omit<StoredToken, 'revokedAt'>, hash: string): void {
    this.#insert.run(token.id, hash, token.department, token.role, token.label, token.createdAt);
  }
}
