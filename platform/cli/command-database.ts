import { databaseTarget, openPlatformDatabase } from '../db/open-platform-database.ts';
import { createRepositories, type Repositories } from '../db/repositories.ts';
import { redactUrl } from '../db/redact-url.ts';

/** Where a command works: an SQLite file's path, or DB_PATH with DATABASE_URL (PostgreSQL when set). */
export type CommandTarget = string | { dbPath: string; databaseUrl?: string | undefined };

/** A command's open database: its repositories, a name for messages (the path, or the URL without its password), and close. */
export interface CommandDatabase {
  repos: Repositories;
  name: string;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database a command works on, either engine. A missing SQLite file is
 * created unless `create` is false (then MissingDatabaseError, as openDatabase says).
 */
export async function openCommandDatabase(target: CommandTarget, create = true): Promise<CommandDatabase> {
  const { dbPath, databaseUrl } = typeof target === 'string' ? { dbPath: target, databaseUrl: undefined } : target;
  const database = await openPlatformDatabase(databaseTarget(dbPath, databaseUrl, create), 2);
  const repos = createRepositories(database);
  return {
    repos,
    name: database.engine === 'sqlite' ? dbPath : redactUrl(databaseUrl ?? ''),
    async close() {
      await repos.audit.flushPending();
      await database.close();
    },
  };
}
