import { sql } from 'kysely';
import type { Connection } from './connection.ts';
import { inBatches, rowsPerInsert } from './in-batches.ts';
import type { StoredSubject } from './stored-records.ts';

/** Registered subjects, keyed by their normalized code. */
export class SubjectRepository {
  readonly #db: Connection['db'];

  constructor(connection: Connection) {
    this.#db = connection.db;
  }

  /** The subject with this normalized code, if registered. */
  async get(code: string): Promise<StoredSubject | undefined> {
    const row = await this.#db
      .selectFrom('subjects')
      .select(['code', 'name', 'region_code', 'legal_representative'])
      .where('code', '=', code)
      .executeTakeFirst();
    return row && { code: row.code, name: row.name, regionCode: row.region_code, legalRepresentative: row.legal_representative };
  }

  /** Inserts the subject, or fills in what an existing one lacks (known values are kept unless replaced by non-null ones). */
  async upsert(subject: StoredSubject): Promise<void> {
    await this.upsertMany([subject]);
  }

  /**
   * `upsert` for many subjects in multi-row statements, as if one after the other: of the same code
   * twice, the later's known values win (one statement may not touch a row twice).
   */
  async upsertMany(subjects: readonly StoredSubject[]): Promise<void> {
    const merged = new Map<string, StoredSubject>();
    for (const s of subjects) {
      const before = merged.get(s.code);
      merged.set(
        s.code,
        before
          ? {
              code: s.code,
              name: s.name ?? before.name,
              regionCode: s.regionCode ?? before.regionCode,
              legalRepresentative: s.legalRepresentative ?? before.legalRepresentative,
            }
          : s,
      );
    }
    for (const batch of inBatches([...merged.values()], rowsPerInsert(4))) await this.#upsertRows(batch);
  }

  async #upsertRows(subjects: readonly StoredSubject[]): Promise<void> {
    await this.#db
      .insertInto('subjects')
      .values(subjects.map((s) => ({ code: s.code, name: s.name, region_code: s.regionCode, legal_representative: s.legalRepresentative })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          name: sql`coalesce(excluded.name, subjects.name)`,
          region_code: sql`coalesce(excluded.region_code, subjects.region_code)`,
          legal_representative: sql`coalesce(excluded.legal_representative, subjects.legal_representative)`,
        }),
      )
      .execute();
  }

  /** True when at least one subject is registered (one row read, unlike count). */
  async any(): Promise<boolean> {
    return (
      (await this.#db
        .selectFrom('subjects')
        .select(sql<number>`1`.as('one'))
        .limit(1)
        .executeTakeFirst()) !== undefined
    );
  }

  /** How many subjects are registered. */
  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('subjects')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
