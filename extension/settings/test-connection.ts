/**
 * "Test connection" on the options page: can the background reach the platform, and does the
 * platform accept the token? Runs in the background, so the token never reaches the page.
 */
import { createCreditClient } from '../../core/api/create-credit-client.ts';
import { isCreditError } from '../../core/api/credit-error.ts';
import type { ConnectionReport, TestConnectionRequest } from '../messaging/protocol.ts';
import { fail, ok, type Result } from '../messaging/result.ts';
import { readEffectiveSettings } from './effective-settings.ts';

export interface TestConnectionEnv {
  fetch?: typeof fetch;
  now?: () => number;
}

/** Calls `/health`, then (with a token) an authenticated read that costs nothing: the changes feed at its head. */
export async function testConnection(req: TestConnectionRequest, env: TestConnectionEnv = {}): Promise<Result<ConnectionReport>> {
  const now = env.now ?? (() => performance.now());
  const { settings } = await readEffectiveSettings();
  const baseUrl = req.platformUrl ?? settings.platformUrl;
  const token = req.token === undefined ? settings.token : req.token;
  const client = createCreditClient({ baseUrl, token: token || null, retries: 0, timeoutMs: 8000, ...(env.fetch && { fetch: env.fetch }) });
  const started = now();
  try {
    const health = await client.health();
    const latencyMs = Math.round(now() - started);
    let tokenAccepted: boolean | null = null;
    let department: string | null = null;
    if (token) {
      try {
        department = (await client.changes(health.dataVersion)).department ?? null;
        tokenAccepted = true;
      } catch (error) {
        if (!isCreditError(error) || error.kind !== 'auth') throw error;
        tokenAccepted = false;
      }
    }
    return ok({
      platform: health.platform,
      apiVersion: health.apiVersion,
      anonymousReads: health.anonymousReads,
      latencyMs,
      tokenAccepted,
      ...(department && { department }),
      asOf: health.asOf,
    });
  } catch (error) {
    if (isCreditError(error)) return fail(error.kind, error.message);
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
