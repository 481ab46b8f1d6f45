import type { Role } from '../auth/role.ts';
import type { Connection } from './connection.ts';

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

const TOKEN_COLUMNS = ['id', 'department', 'role', 'label', 'created_at', 'revoked_at'] as const;

/** API tokens, looked up by hash. */
export class TokenRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  async findByHash(hash: string): Promise<StoredToken | undefined> {
    const r = await this.#db.selectFrom('tokens').select(TOKEN_COLUMNS).where('hash', '=', hash).executeTakeFirst();
    return r && toToken(r);
  }

  async findById(id: string): Promise<StoredToken | undefined> {
    const r = await this.#db.selectFrom('tokens').select(TOKEN_COLUMNS).where('id', '=', id).executeTakeFirst();
    return r && toToken(r);
  }

  /** Every token, oldest first, without its hash. */
  async list(): Promise<StoredToken[]> {
    return (await this.#db.selectFrom('tokens').select(TOKEN_COLUMNS).orderBy('created_at').orderBy('id').execute()).map(toToken);
  }

  /** Stores a token by hash; an existing id or hash is left alone (so demo tokens can be ensured repeatedly). */
  async insert(token: Omit<StoredToken, 'revokedAt'>, hash: string): Promise<void> {
    await this.#db
      .insertInto('tokens')
      .values({ id: token.id, hash, department: token.department, role: token.role, label: token.label, created_at: token.createdAt })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Revokes a token from `at` on; false when there is no such token or it was revoked already. */
  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.#db.updateTable('tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
