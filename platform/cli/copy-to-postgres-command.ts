import { CopyRefusedError, copyPlatformDatabase } from '../db/copy-platform-database.ts';
import { redactUrl } from '../db/redact-url.ts';
import { MissingDatabaseError } from '../db/open-database.ts';
import { DatabaseUnreachableError, databaseTarget, firstLine, openPlatformDatabase, type PlatformDatabase } from '../db/open-platform-database.ts';
import type { CommandOutput } from './token-command.ts';

const USAGE = 'usage: copy-to-postgres <DATABASE_URL> (a postgres:// URL of an empty database; the SQLite file is DB_PATH)';

/**
 * `copy-to-postgres <DATABASE_URL>`: copies the SQLite platform database at `dbPath` (which must
 * exist) into the empty PostgreSQL database at the URL (copy-platform-database.ts), then prints
 * one line per table with its rows. Refused with one line and exit 1 when the URL is no
 * postgres:// URL, the file is missing, the target holds rows, or the counts differ after the
 * copy (rolled back); the target is then left as it was. `progress` hears of each table copied.
 */
export async function copyToPostgresCommand(
  dbPath: string,
  args: readonly string[],
  flags: ReadonlyMap<string, string | true> = new Map(),
  out: CommandOutput = console,
  progress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  const [url, ...extra] = args;
  if (url === undefined || url === '' || extra.length > 0 || flags.size > 0) {
    out.error(USAGE);
    return 2;
  }
  let target;
  try {
    target = databaseTarget(dbPath, url);
  } catch {
    target = undefined;
  }
  if (target?.engine !== 'postgres') {
    out.error(`copy-to-postgres: the target must be a postgres:// URL (postgres://user@host:port/database), not ${redactUrl(url)}`);
    return 1;
  }
  let from: PlatformDatabase;
  try {
    from = await openPlatformDatabase({ engine: 'sqlite', path: dbPath, create: false });
  } catch (error) {
    out.error(
      error instanceof MissingDatabaseError
        ? `copy-to-postgres: there is no database at ${dbPath} (set DB_PATH to the SQLite file to copy)`
        : `copy-to-postgres: cannot open ${dbPath}: ${firstLine(error)}`,
    );
    return 1;
  }
  try {
    let to: PlatformDatabase;
    try {
      to = await openPlatformDatabase(target, 2);
    } catch (error) {
      out.error(`copy-to-postgres: ${error instanceof DatabaseUnreachableError ? error.message : `cannot open ${redactUrl(url)}: ${firstLine(error)}`}`);
      return 1;
    }
    try {
      const started = performance.now();
      const copied = await copyPlatformDatabase(from, to, (table, rows) => progress(`  ${table}: ${rows} row${rows === 1 ? '' : 's'} copied`));
      const width = Math.max(...copied.map((c) => c.table.length));
      for (const { table, rows } of copied) out.log(`${table.padEnd(width)}  ${rows}`);
      out.log(`copied ${dbPath} to ${redactUrl(url)} in ${((performance.now() - started) / 1000).toFixed(2)} s; every table's count matches`);
      return 0;
    } catch (error) {
      const why = error instanceof CopyRefusedError ? error.message : `${firstLine(error)}; rolled back, nothing was copied`;
      out.error(`copy-to-postgres: ${why}`);
      return 1;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
