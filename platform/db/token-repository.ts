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

interface TokenRow {
  id: string;
  department: string;
  role: Role;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): StoredToken => ({
  id: r.id,
  department: r.department,
  role: r.role,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** API tokens, looked up by hash. */
export class TokenRepository {
  readonly #byHash: Statement<[string], TokenRow>;
  readonly #byId: Statement<[string], TokenRow>;
  readonly #all: Statement<[], TokenRow>;
  readonly #insert: Statement<[string, string, string, string, string | null, string]>;
  readonly #revoke: Statement<[string, string]>;

  constructor(db: Database) {
    this.#byHash = db.prepare('SELECT id, department, role, label, created_at, revoked_at FROM tokens WHERE hash = ?');
    this.#byId = db.prepare('SELECT id, department, role, label, created_at, revoked_at FROM tokens WHERE id = ?');
    this.#all = db.prepare('SELECT id, department, role, label, created_at, revoked_at FROM tokens ORDER BY created_at, id');
    this.#insert = db.prepare('INSERT OR IGNORE INTO tokens (id, hash, department, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.#revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  }

  findByHash(hash: string): StoredToken | undefined {
    const r = this.#byHash.get(hash);
    return r && toToken(r);
  }

  findById(id: string): StoredToken | undefined {
    const r = this.#byId.get(id);
    return r && toToken(r);
  }

  /** Every token, oldest first, without its hash. */
  list(): StoredToken[] {
    return this.#all.all().map(toToken);
  }

  /** Stores a token by hash; an existing id or hash is left alone (so demo tokens can be ensured repeatedly). */
  insert(token: Omit<StoredToken, 'revokedAt'>, hash: string): void {
    this.#insert.run(token.id, hash, token.department, token.role, token.label, token.createdAt);
  }

  /** Revokes a token from `at` on; false when there is no such token or it was revoked already. */
  revoke(id: string, at: string): boolean {
    return this.#revoke.run(at, id).changes > 0;
  }
}
