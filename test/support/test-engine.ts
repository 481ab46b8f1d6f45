import { inject, onTestFinished } from 'vitest';
import { openDatabase } from '../../platform/db/open-database.ts';
import { openPlatformDatabase } from '../../platform/db/open-platform-database.ts';
import { createRepositories, type Repositories } from '../../platform/db/repositories.ts';
import { createTestDatabase } from './create-test-database.ts';

/**
 * The engine the platform tests run on: SQLite in the `unit` project, PostgreSQL in
 * `unit-postgres` (vitest.config.ts sets PLATFORM_TEST_ENGINE and starts the server).
 */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.PLATFORM_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** A fresh, empty PostgreSQL database on the run's server (only in unit-postgres). */
export function freshPostgresDatabase(): Promise<string> {
  return createTestDatabase(inject('postgresAdminUrl'));
}

/**
 * Empty, migrated repositories on the test engine — an in-memory SQLite database, or a fresh
 * PostgreSQL one — closed when the calling test finishes.
 */
export async function openTestRepositories(): Promise<Repositories> {
  if (testEngine() === 'sqlite') {
    const db = openDatabase(':memory:');
    onTestFinished(() => void db.close());
    return createRepositories(db);
  }
  const database = await openPlatformDatabase({ engine: 'postgres', url: await freshPostgresDatabase() }, 2);
  onTestFinished(() => database.close());
  return createRepositories(database);
}
