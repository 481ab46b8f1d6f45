import * as z from 'zod/mini';
import { PlatformRegionSchema, type PlatformRegion } from '../../core/platforms/platform-config-schema.ts';
import { parseRateLimit } from '../rate-limit/parse-rate-limit.ts';

/** The platform's configuration from the environment, with the demo defaults. */
export interface PlatformConfig {
  port: number;
  host: string;
  dbPath: string;
  /** DATABASE_URL: a postgres:// URL to run on PostgreSQL instead of the SQLite file at DB_PATH. */
  databaseUrl?: string | undefined;
  /** DATABASE_POOL_SIZE: connections each process keeps to PostgreSQL (default 10). */
  poolSize?: number | undefined;
  anonymousReads: boolean;
  corsOrigins: string[] | '*' | undefined;
  logRequests: boolean;
  /** Requests per minute per caller; false: off; undefined: the platform's default. */
  rateLimit: number | false | undefined;
  /** WORKERS: worker processes for `serve` (undefined: 1, or `--workers`). */
  workers?: string | undefined;
  /** PLATFORM_NAME: the name signed into check records. */
  name?: string | undefined;
  /** PLATFORM_REGIONS: the regions it answers for (division prefixes, space- or comma-separated), or undefined: all. */
  regions?: PlatformRegion[] | undefined;
}

/**
 * Reads PORT, HOST, DB_PATH, DATABASE_URL, ANONYMOUS_READS and LOG_REQUESTS (on unless `0`/`false`/`off`/`no`),
 * CORS_ORIGINS (comma-separated, or `*`), RATE_LIMIT (requests per minute per caller, or off),
 * PLATFORM_NAME and PLATFORM_REGIONS (`4201`, `42 4205`, or `all`; a wrong one is refused).
 */
export function platformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const cors = env.CORS_ORIGINS?.trim();
  return {
    port: env.PORT ? Number(env.PORT) : 8787,
    host: env.HOST ?? '127.0.0.1',
    dbPath: env.DB_PATH ?? 'data/platform.sqlite',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    poolSize: parsePoolSize(env.DATABASE_POOL_SIZE),
    anonymousReads: !/^(0|false|off|no)$/i.test(env.ANONYMOUS_READS ?? ''),
    logRequests: !/^(0|false|off|no)$/i.test(env.LOG_REQUESTS ?? ''),
    rateLimit: parseRateLimit(env.RATE_LIMIT),
    workers: env.WORKERS?.trim() || undefined,
    name: parseName(env.PLATFORM_NAME),
    regions: parseRegions(env.PLATFORM_REGIONS),
    corsOrigins: !cors
      ? undefined
      : cors === '*'
        ? '*'
        : cors
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
  };
}

/** PLATFORM_REGIONS as regions; undefined when unset; throws on a value that is not a division prefix or `all`. */
export function parseRegions(text: string | undefined): PlatformRegion[] | undefined {
  const parts = (text ?? '').split(/[\s,，、]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const bad = parts.find((part) => !z.safeParse(PlatformRegionSchema, part).success);
  if (bad) throw new ConfigError(`PLATFORM_REGIONS: ${bad} is not a division prefix (2, 4 or 6 digits) or all`);
  return parts as PlatformRegion[];
}

/** PLATFORM_NAME, checked: it is signed into every record, so it must be one printable line. */
export function parseName(text: string | undefined): string | undefined {
  const name = text?.trim();
  if (!name) return undefined;
  if (name.length > 200 || /[\p{Cc}\p{Cf}]/u.test(name)) throw new ConfigError('PLATFORM_NAME: one line of at most 200 characters, without control characters');
  return name;
}

/** A setting in the environment that cannot be used: the command says so in one line and exits 2. */
export class ConfigError extends Error {}

/** DATABASE_POOL_SIZE: a whole number of connections from 1 to 200, or unset. */
export function parsePoolSize(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new ConfigError(`DATABASE_POOL_SIZE must be a whole number from 1 to 200, not ${text}`);
  return n;
}
