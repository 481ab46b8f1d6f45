import type { Measure } from '../../core/api/measure-schema.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PlatformSigningKey } from '../records/load-signing-key.ts';

/** What every route needs, passed in rather than imported, so tests can choose the day and the data. */
export interface PlatformContext {
  repos: Repositories;
  /** Whether callers without a token may read public, masked data. */
  anonymousReads: boolean;
  /** Today's date in China (YYYY-MM-DD); fixed in tests. */
  today(): string;
  /** The published measures catalogue. */
  measures: readonly Measure[];
  catalogueVersion: string;
  platformName: string;
  /** Where its subjects are registered (`all`, or division prefixes): elsewhere, a code it holds nothing on is not "not listed". */
  regions: readonly string[];
  /**
   * The key check records are signed with now (generated on first start, kept in the database;
   * a rotation while the platform runs takes effect on the next call).
   */
  currentSigningKey(): Promise<PlatformSigningKey>;
}

/** The stamp every answer carries: when, and which revision of the data. */
export async function answerStamp(ctx: PlatformContext): Promise<{ asOf: string; dataVersion: number }> {
  return { asOf: new Date().toISOString(), dataVersion: await ctx.repos.changes.latest() };
}
