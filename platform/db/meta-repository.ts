import type { Connection } from './connection.ts';

/** Small key–value facts about the database (when and how it was seeded). */
export class MetaRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.#db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.#db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
