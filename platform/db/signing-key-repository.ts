import type { Database, Statement } from 'better-sqlite3';

/** A stored Ed25519 key pair of the platform, both halves as base64 (public raw, private PKCS#8). */
export interface StoredSigningKey {
  keyId: string;
  publicRaw: string;
  privatePkcs8: string;
  createdAt: string;
}

interface KeyRow { key_id: string; public_raw: string; private_pkcs8: string; created_at: string }

const fromRow = (r: KeyRow): StoredSigningKey => ({ keyId: r.key_id, publicRaw: r.public_raw, privatePkcs8: r.private_pkcs8, createdAt: r.created_at });

/**
 * The keys check records are signed with. The newest signs; older ones stay so records signed
 * before a key change still verify.
 */
export class SigningKeyRepository {
  readonly #all: Statement<[], KeyRow>;
  readonly #insert: Statement<[string, string, string, string]>;

  constructor(db: Database) {
    this.#all = db.prepare('SELECT key_id, public_raw, private_pkcs8, created_at FROM signing_keys ORDER BY created_at DESC, rowid DESC');
    this.#insert = db.prepare('INSERT INTO signing_keys (key_id, public_raw, private_pkcs8, created_at) VALUES (?, ?, ?, ?)');
  }

  /** Every key, newest first. */
  all(): StoredSigningKey[] {
    return this.#all.all().map(fromRow);
  }

  insert(key: StoredSigningKey): void {
    this.#insert.run(key.keyId, key.publicRaw, key.privatePkcs8, key.createdAt);
  }
}
