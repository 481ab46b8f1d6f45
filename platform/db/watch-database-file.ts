import { accessSync, constants, statSync } from 'node:fs';

/**
 * Watches that the database file a platform opened is still there: returns a check that answers
 * null while the file at `path` is the one opened (same device and inode) and writable, else a
 * one-line reason. SQLite keeps writing into an open file after it was deleted or replaced, so
 * without this the platform would acknowledge writes that no restart will ever see. The check is
 * two system calls (stat, access), cheap enough for every request. `:memory:` never fails.
 * (Running as root, `access` reports every file writable; a read-only mount is still caught.)
 */
export function watchDatabaseFile(path: string): () => string | null {
  if (path === ':memory:' || path === '') return () => null;
  const opened = statSync(path);
  return () => {
    let now;
    try {
      now = statSync(path);
    } catch {
      return `the database file ${path} was deleted while the platform ran`;
    }
    if (now.ino !== opened.ino || now.dev !== opened.dev) return `the database file ${path} was replaced while the platform ran`;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      return `the database file ${path} is no longer writable`;
    }
    return null;
  };
}

/** `watchDatabaseFile` over several files (the lists' and the audit log's): the first problem found, or null. */
export function watchDatabaseFiles(paths: readonly string[]): () => string | null {
  const checks = paths.map(watchDatabaseFile);
  return () => {
    for (const check of checks) {
      const problem = check();
      if (problem !== null) return problem;
    }
    return null;
  };
}
