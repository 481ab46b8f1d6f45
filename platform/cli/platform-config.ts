import { parseRateLimit } from '../rate-limit/parse-rate-limit.ts';

/** The platform's configuration from the environment, with the demo defaults. */
export interface PlatformConfig {
  port: number;
  host: string;
  dbPath: string;
  anonymousReads: boolean;
  corsOrigins: string[] | '*' | undefined;
  logRequests: boolean;
  /** Requests per minute per caller; false: off; undefined: the platform's default. */
  rateLimit: number | false | undefined;
  /** WORKERS: worker processes for `serve` (undefined: 1, or `--workers`). */
  workers?: string | undefined;
}

/**
 * Reads PORT, HOST, DB_PATH, ANONYMOUS_READS and LOG_REQUESTS (on unless `0`/`false`/`off`/`no`),
 * CORS_ORIGINS (comma-separated, or `*`) and RATE_LIMIT (requests per minute per caller, or off).
 */
export function platformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const cors = env.CORS_ORIGINS?.trim();
  return {
    port: env.PORT ? Number(env.PORT) : 8787,
    host: env.HOST ?? '127.0.0.1',
    dbPath: env.DB_PATH ?? 'data/platform.sqlite',
    anonymousReads: !/^(0|false|off|no)$/i.test(env.ANONYMOUS_READS ?? ''),
    logRequests: !/^(0|false|off|no)$/i.test(env.LOG_REQUESTS ?? ''),
    rateLimit: parseRateLimit(env.RATE_LIMIT),
    workers: env.WORKERS?.trim() || undefined,
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
