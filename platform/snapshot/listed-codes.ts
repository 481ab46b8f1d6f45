import type { Repositories } from '../db/repositories.ts';

/** Every code with at least one list entry, whatever its state (the snapshot judges them by date). */
export function listedCodes(repos: Repositories): string[] {
  return (repos.db.prepare('SELECT DISTINCT code FROM entries ORDER BY code').all() as Array<{ code: string }>).map((row) => row.code);
}
