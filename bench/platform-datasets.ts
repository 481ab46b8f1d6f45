/**
 * The platform bench's cached data sets (rows from platform-dataset-rows.ts), on either engine:
 * an SQLite file under `.bench/` (one transaction, prepared inserts) or a database of its own in
 * the bench's PostgreSQL cluster (bench-postgres-cluster.ts), filled with multi-row
 * `INSERT … SELECT FROM unnest($1::text[], …)` batches while the next batch is generated. Each
 * is reused while its `meta.benchDataset` mark matches the spec and DATASET_VERSION (the mark is
 * written last, so an interrupted generation is made again), and comes with 20,000 of its codes
 * drawn at random for the load.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { chinaDate } from '../core/verdict/china-date.ts';
import { ensureDemoTokens } from '../platform/auth/demo-tokens.ts';
import { platformDatabaseFiles } from '../platform/db/audit-database.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { openPlatformDatabase, type DatabaseTarget } from '../platform/db/open-platform-database.ts';
import { createRepositories } from '../platform/db/repositories.ts';
import { databaseUrl, query, type BenchCluster } from './bench-postgres-cluster.ts';
import { BASIS, datasetMark, datasetName, datasetRows, DEPARTMENT, FACTS, LISTED_ON, VALID_UNTIL, type DatasetSpec } from './platform-dataset-rows.ts';

/** A data set ready for the load. */
export interface ReadyDataset {
  spec: DatasetSpec;
  target: DatabaseTarget;
  /** 20,000 of its codes, drawn at random. */
  sample: string[];
  /** Seconds spent generating it in this run; null when the cached one was reused. */
  generatedSeconds: number | null;
  subjects: number;
  entries: number;
}

const SAMPLE = 20_000;
/** Subjects per PostgreSQL batch (with their entries): 7 array parameters of ≤ 20k elements. */
const PG_BATCH = 20_000;
const MARK_KEY = 'benchDataset';

/** The cached SQLite data set, generated when missing or of another mark. */
export async function ensureSqliteDataset(root: string, spec: DatasetSpec): Promise<ReadyDataset> {
  mkdirSync(resolve(root, '.bench'), { recursive: true });
  // The 1M files keep the name they had before the bench knew other sizes: caches stay valid.
  const path = resolve(root, `.bench/platform-${spec.subjects === 1_000_000 ? spec.kind : datasetName(spec)}-v1.sqlite`);
  let ready = false;
  if (existsSync(path)) {
    const db = openDatabase(path);
    ready = (await createRepositories(db).meta.get(MARK_KEY)) === datasetMark(spec);
    db.close();
  }
  let generatedSeconds: number | null = null;
  if (!ready) {
    for (const file of platformDatabaseFiles(path)) rmSync(file, { force: true });
    generatedSeconds = await generateSqlite(path, spec);
  }
  const db = openDatabase(path);
  // Earlier runs' audit rows would make the file (and each run) grow.
  db.exec('DELETE FROM audit_log');
  const sample = (db.prepare(`SELECT code FROM subjects ORDER BY random() LIMIT ${SAMPLE}`).all() as { code: string }[]).map((r) => r.code);
  const entries = (db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
  db.close();
  return { spec, target: { engine: 'sqlite', path, create: false }, sample, generatedSeconds, subjects: spec.subjects, entries };
}

/** Writes the data set into a new SQLite file: one transaction, statements prepared once. Returns the seconds it took. */
async function generateSqlite(path: string, spec: DatasetSpec): Promise<number> {
  const started = performance.now();
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const subject = db.prepare("INSERT INTO subjects (code, name, region_code, legal_representative) VALUES (?, ?, '420105', '张三')");
  const entry = db.prepare(
    `INSERT INTO entries (id, code, list, category, facts, legal_basis, document_number, department, listed_on, valid_until, state,
       exit_date, exit_reason, exit_department, repairable, monitoring_until, visibility, persons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, NULL, NULL, ?, NULL, 'public', ?)`,
  );
  db.transaction(() => {
    for (const { subjects: s, entries: e } of datasetRows(spec, 10_000)) {
      for (let i = 0; i < s.code.length; i++) subject.run(s.code[i], s.name[i]);
      for (let i = 0; i < e.id.length; i++) {
        entry.run(
          e.id[i],
          e.code[i],
          e.list[i],
          e.category[i],
          FACTS,
          BASIS,
          e.documentNumber[i],
          DEPARTMENT,
          LISTED_ON,
          VALID_UNTIL,
          e.repairable[i],
          e.persons[i],
        );
      }
    }
  })();
  await ensureDemoTokens(repos);
  await repos.meta.set('seededOn', chinaDate(new Date()));
  await repos.meta.set(MARK_KEY, datasetMark(spec));
  db.close();
  return (performance.now() - started) / 1000;
}

/** The cached PostgreSQL data set (database `bench_<kind>_<subjects>`), generated when missing or of another mark. */
export async function ensurePostgresDataset(bench: BenchCluster, spec: DatasetSpec, onProgress?: (line: string) => void): Promise<ReadyDataset> {
  const name = `bench_${spec.kind}_${spec.subjects}`;
  const url = databaseUrl(bench.cluster.url, name);
  const exists = (await query(bench.cluster.url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  let ready = false;
  if (exists) {
    const found = await query<{ value: string }>(url, `SELECT value FROM meta WHERE key = $1`, [MARK_KEY]).catch(() => []);
    ready = found[0]?.value === datasetMark(spec);
  }
  let generatedSeconds: number | null = null;
  if (!ready) {
    if (exists) await query(bench.cluster.url, `DROP DATABASE "${name}" WITH (FORCE)`);
    await query(bench.cluster.url, `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    generatedSeconds = await generatePostgres(url, spec, onProgress);
  }
  await query(url, 'TRUNCATE audit_log');
  const sample = (await query<{ code: string }>(url, `SELECT code FROM subjects ORDER BY random() LIMIT ${SAMPLE}`)).map((r) => r.code);
  const [counted] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM entries');
  return { spec, target: { engine: 'postgres', url }, sample, generatedSeconds, subjects: spec.subjects, entries: Number(counted?.n ?? 0) };
}

const INSERT_SUBJECTS = `INSERT INTO subjects (code, name, region_code, legal_representative)
  SELECT code, name, '420105', '张三' FROM unnest($1::text[], $2::text[]) AS u(code, name)`;
const INSERT_ENTRIES = `INSERT INTO entries (id, code, list, category, facts, legal_basis, document_number, department, listed_on, valid_until, state,
    exit_date, exit_reason, exit_department, repairable, monitoring_until, visibility, persons)
  SELECT id, code, list, category, $8, $9, document_number, $10, $11, $12, 'active', NULL, NULL, NULL, repairable, NULL, 'public', persons
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::text[])
    AS u(id, code, list, category, document_number, repairable, persons)`;

/** Fills an empty PostgreSQL database with the data set: the platform's own migrations, then unnest batches (one statement each, autocommitted). Returns the seconds it took. */
async function generatePostgres(url: string, spec: DatasetSpec, onProgress?: (line: string) => void): Promise<number> {
  const started = performance.now();
  const database = await openPlatformDatabase({ engine: 'postgres', url }, 1);
  await database.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Only this loading session: a crash while generating loses at most its last batches, and the mark is written last.
    await client.query('SET synchronous_commit = off');
    let pending: Promise<unknown> = Promise.resolve();
    let done = 0;
    let lastReport = performance.now();
    for (const { subjects: s, entries: e } of datasetRows(spec, PG_BATCH)) {
      // The previous batch is written while this one was generated; one batch in flight at a time.
      await pending;
      const subjects = client.query(INSERT_SUBJECTS, [s.code, s.name]);
      const entries = client.query(INSERT_ENTRIES, [
        e.id,
        e.code,
        e.list,
        e.category,
        e.documentNumber,
        e.repairable,
        e.persons,
        FACTS,
        BASIS,
        DEPARTMENT,
        LISTED_ON,
        VALID_UNTIL,
      ]);
      pending = Promise.all([subjects, entries]);
      // Awaited on the next turn; until then a failure must not count as unhandled.
      pending.catch(() => {});
      done += s.code.length;
      if (onProgress && performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        onProgress(`  ${datasetName(spec)} on PostgreSQL: ${done.toLocaleString()} subjects in ${((lastReport - started) / 1000).toFixed(0)} s…`);
      }
    }
    await pending;
    await client.query('VACUUM (ANALYZE) subjects');
    await client.query('VACUUM (ANALYZE) entries');
  } finally {
    await client.end();
  }
  const database2 = await openPlatformDatabase({ engine: 'postgres', url }, 1);
  try {
    const repos = createRepositories(database2);
    await ensureDemoTokens(repos);
    await repos.meta.set('seededOn', chinaDate(new Date()));
    await repos.meta.set(MARK_KEY, datasetMark(spec));
  } finally {
    await database2.close();
  }
  return (performance.now() - started) / 1000;
}
