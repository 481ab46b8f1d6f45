import type { Database, Statement } from 'better-sqlite3';
import type { StoredSubject } from './stored-records.ts';

interface SubjectRow {
  code: string;
  name: string | null;
  region_code: string | null;
  legal_representative: string | null;
}

/** Registered subjects, keyed by their normalized code. */
export class SubjectRepository {
  readonly #get: Statement<[string], SubjectRow>;
  readonly #upsert: Statement<SubjectRow>;
  readonly #count: Statement<[], { n: number }>;
  readonly #any: Statement<[], { one: number }>;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT code, name, region_code, legal_representative FROM subjects WHERE code = ?');
    this.#upsert = db.prepare(
      `INSERT INTO subjects (code, name, region_code, legal_representative) VALUES (@code, @name, @region_code, @legal_representative)
       ON CONFLICT(code) DO UPDATE SET name = coalesce(excluded.name, name), region_code = coalesce(excluded.region_code, region_code),
         legal_representative = coalesce(excluded.legal_representative, legal_representative)`,
    );
    this.#count = db.prepare('SELECT count(*) AS n FROM subjects');
    this.#any = db.prepare('SELECT 1 AS one FROM subjects LIMIT 1');
  }

  /** The subject with this normalized code, if registered. */
  get(code: string): StoredSubject | undefined {
    const row = this.#get.get(code);
    return row && { code: row.code, name: row.name, regionCode: row.region_code, legalRepresentative: row.legal_representative };
  }

  /** Inserts the subject, or fills in what an existing one lacks (known values are kept unless replaced by non-null ones). */
  upsert(subject: StoredSubject): void {
    this.#upsert.run({ code: subject.code, name: subject.name, region_code: subject.regionCode, legal_representative: subject.legalRepresentative });
  }

  /** True when at least one subject is registered (one row read, unlike count). */
  any(): boolean {
    return this.#any.get() !== undefined;
  }

  /** How many subjects are registered. */
  count(): number {
    return this.#count.get()?.n ?? 0;
  }
}
