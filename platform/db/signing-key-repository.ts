import { sql } from 'kysely';
import type { Connection } from './connection.ts';

/**
 * A stored Ed25519 key pair of the platform, both halves as base64 (public raw, private PKCS#8).
 * A retired key has `retiredAt` set and its private half erased (empty). A key marked
 * compromised has `compromisedSince`: what it signed from then on is untrusted.
 */
export interface StoredSigningKey {
  keyId: string;
  publicRaw: string;
  privatePkcs8: string;
  createdAt: string;
  retiredAt: string | null;
  compromisedSince?: string | null;
}

interface KeyRow {
  key_id: string;
  public_raw: string;
  private_pkcs8: string;
  created_at: string;
  retired_at: string | null;
  compromised_since: string | null;
}

const fromRow = (r: KeyRow): StoredSigningKey => ({
  keyId: r.key_id,
  publicRaw: r.public_raw,
  privatePkcs8: r.private_pkcs8,
  createdAt: r.created_at,
  retiredAt: r.retired_at,
  compromisedSince: r.compromised_since,
});

const KEY_COLUMNS = ['key_id', 'public_raw', 'private_pkcs8', 'created_at', 'retired_at', 'compromised_since'] as const;

/**
 * The keys check records are signed with. The one key not retired signs; retired ones stay so
 * records signed before a rotation still verify.
 */
export class SigningKeyRepository {
  readonly #connection: Connection;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  #newestFirst() {
    const { db, engine } = this.#connection;
    // Ties of created_at: the later inserted first (rowid on SQLite; key ids on PostgreSQL).
    return db
      .selectFrom('signing_keys')
      .select(KEY_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy(engine === 'sqlite' ? sql`rowid` : sql`key_id`, 'desc');
  }

  /** Every key, newest first. */
  async all(): Promise<StoredSigningKey[]> {
    return (await this.#newestFirst().execute()).map(fromRow);
  }

  /** The key that signs: the newest one not retired, if any. */
  async current(): Promise<StoredSigningKey | undefined> {
    const row = await this.#newestFirst().where('retired_at', 'is', null).limit(1).executeTakeFirst();
    return row && fromRow(row);
  }

  /** A key by its id, retired or not. */
  async find(keyId: string): Promise<StoredSigningKey | undefined> {
    const row = await this.#connection.db.selectFrom('signing_keys').select(KEY_COLUMNS).where('key_id', '=', keyId).executeTakeFirst();
    return row && fromRow(row);
  }

  async insert(key: Omit<StoredSigningKey, 'retiredAt'>): Promise<void> {
    await this.#connection.db
      .insertInto('signing_keys')
      .values({ key_id: key.keyId, public_raw: key.publicRaw, private_pkcs8: key.privatePkcs8, created_at: key.createdAt })
      .execute();
  }

  /**
   * Retires every current key (erasing its private half) and stores `next` as the signing key.
   * Returns the retired key ids. Call it inside a transaction (rotate-signing-key.ts does), and
   * take the retirement time there, so no record signed before the commit is dated after it.
   */
  async rotate(next: Omit<StoredSigningKey, 'retiredAt'>, at: () => string = () => new Date().toISOString()): Promise<string[]> {
    const retired = await this.#connection.db
      .updateTable('signing_keys')
      .set({ retired_at: at(), private_pkcs8: '' })
      .where('retired_at', 'is', null)
      .returning('key_id')
      .execute();
    await this.insert(next);
    return retired.map((r) => r.key_id);
  }

  /** Marks a key compromised from `since` (an ISO time; an earlier mark stays). Returns whether the key exists. */
  async markCompromised(keyId: string, since: string): Promise<boolean> {
    // An earlier compromise time is kept: marking again never narrows what is untrusted.
    const result = await this.#connection.db
      .updateTable('signing_keys')
      .set({ compromised_since: sql`CASE WHEN compromised_since IS NULL OR compromised_since > ${since} THEN ${since} ELSE compromised_since END` })
      .where('key_id', '=', keyId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
