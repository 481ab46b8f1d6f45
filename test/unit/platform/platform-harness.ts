import { readFileSync } from 'node:fs';
import { ErrorEnvelopeSchema } from '../../../core/api/error-envelope-schema.ts';
import type { DemoTokens } from '../../../platform/auth/demo-tokens.ts';
import { startPlatform, type DemoSeed, type RunningPlatform, type StartPlatformOptions } from '../../../platform/start-platform.ts';
import { freshPostgresDatabase, testEngine } from '../../support/test-engine.ts';

/** The day the test platforms are seeded and judged on. */
export const TODAY = '2026-03-15';

/** One line of the committed demo list. */
export interface DemoSubject {
  role?: string;
  code: string;
  name: string | null;
  expectedVerdict: string;
  anonymousVerdict?: string;
  inDatabase?: false;
}

/** The committed demo subjects. */
export const DEMO_SUBJECTS: DemoSubject[] = JSON.parse(readFileSync(new URL('../../../platform/seed/demo-subjects.json', import.meta.url), 'utf8'));

/** The code of a named fixture. */
export function fixtureCode(role: string): string {
  const found = DEMO_SUBJECTS.find((s) => s.role === role);
  if (!found) throw new Error(`no fixture ${role}`);
  return found.code;
}

/**
 * A demo platform on an ephemeral port, seeded on TODAY (`seed: false`: an empty one, without demo
 * tokens), on the test engine: an in-memory SQLite database (or the `dbPath` given), or in the
 * unit-postgres project a fresh PostgreSQL database (test-engine.ts).
 */
export function startTestPlatform(opts?: StartPlatformOptions & { seed?: DemoSeed }): Promise<RunningPlatform>;
export function startTestPlatform(opts: StartPlatformOptions): Promise<RunningPlatform<DemoTokens | undefined>>;
export async function startTestPlatform(opts: StartPlatformOptions = {}): Promise<RunningPlatform<DemoTokens | undefined>> {
  const engine = testEngine() === 'postgres' && opts.dbPath === undefined ? { databaseUrl: await freshPostgresDatabase(), poolSize: 4 } : {};
  return startPlatform({ seed: true, today: TODAY, ...engine, ...opts });
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** Calls the platform with real fetch; JSON bodies are sent as application/json. */
export async function call(
  platform: RunningPlatform<DemoTokens | undefined>,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(platform.url + path, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Asserts an error answer has the shared envelope and returns its code. */
export function envelopeCode(json: unknown): string {
  const parsed = ErrorEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw new Error(`not an error envelope: ${JSON.stringify(json)}`);
  return parsed.data.error.code;
}
