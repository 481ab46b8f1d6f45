import type { Database, Statement, Transaction } from 'better-sqlite3';

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

const COLUMNS = 'key_id, public_raw, private_pkcs8, created_at, retired_at, compromised_since';

/**
 * The keys check records are signed with. The one key not retired signs; retired ones stay so
 * records signed before a rotation still verify.
 */
export class SigningKeyRepository {
  readonly #all: Statement<[], KeyRow>;
  readonly #current: Statement<[], KeyRow>;
  readonly #find: Statement<[string], KeyRow>;
  readonly #insert: Statement<[string, string, string, string]>;
  readonly #rotate: Transaction<(next: StoredSigningKey, at: () => string) => string[]>;
  readonly #compromise: Statement<[string, string, string]>;

  constructor(db: Database) {
    this.#all = db.prepare(`SELECT ${COLUMNS} FROM signing_keys ORDER BY created_at DESC, rowid DESC`);
    this.#current = db.prepare(`SELECT ${COLUMNS} FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`);
    this.#find = db.prepare(`SELECT ${COLUMNS} FROM signing_keys WHERE key_id = ?`);
    this.#insert = db.prepare('INSERT INTO signing_keys (key_id, public_raw, private_pkcs8, created_at) VALUES (?, ?, ?, ?)');
    const retire = db.prepare<[string], { key_id: string }>(
      "UPDATE signing_keys SET retired_at = ?, private_pkcs8 = '' WHERE retired_at IS NULL RETURNING key_id",
    );
    // The retirement time is taken inside the transaction, so no record signed before the commit is dated after it.
    this.#rotate = db.transaction((next: StoredSigningKey, at: () => string) => {
      const retired = retire.all(at()).map((r) => r.key_id);
      this.insert(next);
      return retired;
    });
    // An earlier compromise time is kept: marking again never narrows what is untrusted.
    this.#compromise = db.prepare(
      'UPDATE signing_keys SET compromised_since = CASE WHEN compromised_since IS NULL OR compromised_since > ? THEN ? ELSE compromised_since END WHERE key_id = ?',
    );
  }

  /** Every key, newest first. */
  all(): StoredSigningKey[] {
    return this.#all.all().map(fromRow);
  }

  /** The key that signs: the newest one not retired, if any. */
  current(): StoredSigningKey | undefined {
    const row = this.#current.get();
    return row && fromRow(row);
  }

  /** A key by its id, retired or not. */
  find(keyId: string): StoredSigningKey | undefined {
    const row = this.#find.get(keyId);
    return row && fromRow(row);
  }

  insert(key: Omit<StoredSigningKey, 'retiredAt'>): void {
    this.#insert.run(key.keyId, key.publicRaw, key.privatePkcs8, key.createdAt);
  }

  /** In one transaction: retires every current key (erasing its private half) and stores `next` as the signing key. Returns the retired key ids. */
  rotate(next: Omit<StoredSigningKey, 'retiredAt'>, at: () => string = () => new Date().toISOString()): string[] {
    return this.#rotate({ ...next, retiredAt: null }, at);
  }

  /** Marks a key compromised from `since` (an ISO time; an earlier mark stays). Returns whether the key exists. */
  markCompromised(keyId: string, since: string): boolean {
    return this.#compromise.run(since, since, keyId).changes > 0;
  }
}
