import { RECORD_CLOCK_SKEW_MS } from '../../core/record/judge-record-time.ts';
import type { Repositories } from '../db/repositories.ts';
import { rotateSigningKey } from './rotate-signing-key.ts';

/** What marking a key compromised did, or why it could not. */
export type CompromiseOutcome =
  | { ok: true; keyId: string; since: string; rotated: Awaited<ReturnType<typeof rotateSigningKey>> | null }
  | { ok: false; error: { kind: 'bad-time' | 'unknown-key' | 'no-key'; message: string } };

/**
 * Marks a signing key compromised from `since`: every record it signed at or after that time
 * fails verification (`key-compromised`), here and wherever the key list is read. The key is the
 * current one unless `keyId` names another; the current key is rotated at once, so the platform
 * signs on with a fresh one. Records it signed before `since` stay valid: choose the earliest
 * time the private key may have been read.
 */
export async function compromiseSigningKey(
  repos: Repositories,
  options: { since: string; keyId?: string },
  now: Date = new Date(),
): Promise<CompromiseOutcome> {
  const sinceMs = Date.parse(options.since);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(options.since) || Number.isNaN(sinceMs)) {
    return { ok: false, error: { kind: 'bad-time', message: `--since needs an ISO time such as 2026-11-01T00:00:00Z, not "${options.since}"` } };
  }
  if (sinceMs > now.getTime() + RECORD_CLOCK_SKEW_MS) return { ok: false, error: { kind: 'bad-time', message: `--since ${options.since} is in the future` } };
  const current = await repos.signingKeys.current();
  const keyId = options.keyId ?? current?.keyId;
  if (!keyId) return { ok: false, error: { kind: 'no-key', message: 'this platform has no signing key yet' } };
  const since = new Date(sinceMs).toISOString();
  if (!(await repos.signingKeys.markCompromised(keyId, since)))
    return { ok: false, error: { kind: 'unknown-key', message: `this platform has no record key ${keyId}` } };
  const rotated = current?.keyId === keyId ? await rotateSigningKey(repos) : null;
  return { ok: true, keyId, since: (await repos.signingKeys.find(keyId))?.compromisedSince ?? since, rotated };
}
