/**
 * Enterprise policy: an IT department sets any of the settings through `storage.managed`
 * (Chrome/Edge group policy or Firefox `policies.json` → `3rdparty.Extensions`), described by
 * `public/managed_schema.json`. A key set by policy wins over the user's value and is shown
 * locked on the options page. A broken policy value is ignored key by key, never the whole policy.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { SettingsPatchSchema, type Settings } from './settings-schema.ts';

export const MANAGED_KEYS = ['platformUrl', 'token', 'sites', 'freshnessMinutes', 'changesPollSeconds', 'maxCodesPerMinute'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];
export type ManagedPolicy = Partial<Pick<Settings, ManagedKey>>;

/** Keeps the keys of a raw policy object that pass the settings schema. */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return {};
  const policy: Record<string, unknown> = {};
  for (const key of MANAGED_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const parsed = z.safeParse(SettingsPatchSchema.shape[key], value);
    if (parsed.success && parsed.data !== undefined && parsed.data !== null) policy[key] = parsed.data;
  }
  return policy as ManagedPolicy;
}

/**
 * Reads the policy. Firefox rejects `storage.managed.get()` when no policy is installed
 * ("Managed storage manifest not found") where Chrome answers `{}`: both mean "no policy".
 */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    return parseManagedPolicy(await browser.storage.managed.get(null));
  } catch {
    return {};
  }
}

/** The keys a policy locks, in a stable order. */
export function lockedKeys(policy: ManagedPolicy): ManagedKey[] {
  return MANAGED_KEYS.filter((key) => policy[key] !== undefined);
}
