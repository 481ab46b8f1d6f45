import type { Repositories } from '../db/repositories.ts';

/** Every code with at least one list entry, whatever its state (the snapshot judges them by date). */
export async function listedCodes(repos: Repositories): Promise<string[]> {
  return (await repos.db.selectFrom('entries').select('code').distinct().orderBy('code').execute()).map((row) => row.code);
}
