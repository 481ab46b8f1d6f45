import type { Change } from '../../core/api/changes-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { StoredEntry } from '../db/stored-records.ts';
import { seedCheckHistory } from '../assessment/seed-check-history.ts';
import { generateDemoData, type DemoDataOptions, type DemoSubjectExpectation } from './generate-demo-data.ts';

const CHANGE_KIND: Record<StoredEntry['state'], Change['kind']> = {
  active: 'listed',
  disputed: 'disputed',
  exited: 'exited',
  expired: 'expired',
  revoked: 'revoked',
};

/** What seeding wrote, and how long it took. */
export interface SeedReport {
  subjects: number;
  entries: number;
  milliseconds: number;
  expectations: DemoSubjectExpectation[];
}

/**
 * Writes the generated demo data into the database in one transaction (prepared statements, so a
 * million subjects take seconds). Each entry also lands in the changes feed. `keepExpectations`
 * off avoids holding a million expectations in memory.
 */
export async function seedDatabase(
  repos: Repositories,
  options: DemoDataOptions & { keepExpectations?: boolean; onProgress?: (subjects: number) => void },
): Promise<SeedReport> {
  const started = performance.now();
  const at = new Date().toISOString();
  const report: SeedReport = { subjects: 0, entries: 0, milliseconds: 0, expectations: [] };
  // A big seed into an SQLite file would go through the WAL twice; write the pages directly instead.
  const db = repos.sqlite;
  const bulk = db !== null && !db.memory && (options.subjects ?? 0) > 10_000;
  const journal = bulk ? (db.pragma('journal_mode', { simple: true }) as string) : null;
  if (bulk && db) {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
  }
  await repos.transaction(async (repos) => {
    for (const record of generateDemoData(options)) {
      if (options.keepExpectations !== false) report.expectations.push(record.expectation);
      if (!record.subject) continue;
      await repos.subjects.upsert(record.subject);
      for (const entry of record.entries) {
        await repos.entries.insert(entry);
        await repos.changes.record(entry.code, CHANGE_KIND[entry.state], at);
      }
      for (const objection of record.objections) await repos.objections.insert(objection);
      for (const repair of record.repairs) await repos.repairs.insert(repair);
      for (const event of record.events) await repos.events.record(event);
      report.subjects++;
      report.entries += record.entries.length;
      if (options.onProgress && report.subjects % 100_000 === 0) options.onProgress(report.subjects);
    }
    // The credit office's dashboard needs checks and feedback to draw (issue 19; default seed only).
    await seedCheckHistory(repos, options.today);
    await repos.meta.set('seededOn', options.today);
    await repos.meta.set('seed', String(options.seed ?? ''));
    await repos.meta.set('seededSubjects', String(report.subjects));
  });
  if (journal && db) {
    db.pragma(`journal_mode = ${journal}`);
    db.pragma('synchronous = NORMAL');
  }
  report.milliseconds = performance.now() - started;
  return report;
}
