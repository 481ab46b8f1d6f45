import type { Database, Statement } from 'better-sqlite3';

/** Small key–value facts about the database (when and how it was seeded). */
export class MetaRepository {
  readonly #get: Statement<[string], { value: string }>;
  readonly #set: Statement<[string, string]>;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.#set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | undefined {
    return this.#get.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.#set.run(key, value);
  }
}
