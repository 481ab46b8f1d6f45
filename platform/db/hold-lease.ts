import type { Repositories } from './repositories.ts';

/**
 * A lease in the database (`meta` row `lease:<name>` = holder and expiry) so that, of several
 * workers over one file, one at a time does a periodic job (the expiry sweep): taken when free or
 * expired, renewed by its holder, refused to anyone else until it expires (a holder that died
 * is replaced after `ms`). Read and written in one immediate transaction, so two workers cannot
 * both take it. True when `holder` holds it now.
 */
export function holdLease(repos: Repositories, name: string, holder: string, ms: number, now: number = Date.now()): Promise<boolean> {
  return repos.transaction(async (repos) => {
    const key = `lease:${name}`;
    const current = await repos.meta.get(key);
    if (current !== undefined) {
      const [by, until] = JSON.parse(current) as [string, number];
      if (by !== holder && until > now) return false;
    }
    await repos.meta.set(key, JSON.stringify([holder, now + ms]));
    return true;
  });
}
