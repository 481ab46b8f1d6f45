/**
 * The settings the extension acts on: the user's (`local:settings`) with the enterprise policy
 * laid over them. The user's values stay stored untouched, so lifting a policy restores them.
 */
import { browser } from 'wxt/browser';
import { lockedKeys, readManagedPolicy, type ManagedKey, type ManagedPolicy } from './managed-policy.ts';
import type { Settings } from './settings-schema.ts';
import { withSinglePlatformToken } from './single-platform-token.ts';
import { lastPolicyItem, settingsItem } from './storage-items.ts';

export interface EffectiveSettings {
  settings: Settings;
  /** Keys set by policy: read-only for the user. */
  locked: ManagedKey[];
}

/** The user's own settings, as stored (defaults filled in). */
export async function readLocalSettings(): Promise<Settings> {
  return settingsItem.getValue();
}

/** Local settings with the managed policy applied; use this wherever a setting is acted on. Remembers the policy for the next start. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, policy] = await Promise.all([readLocalSettings(), readManagedPolicy()]);
  await rememberPolicy(policy).catch(() => undefined);
  return applyPolicy(local, policy);
}

/**
 * The settings to start on at once: the user's with the policy last read (`local:lastPolicy`), or
 * null when no policy was ever read (the first start after installing: wait for the real one).
 * Chromium answers `storage.managed` only seconds after the browser starts, and every page opened
 * meanwhile would wait. The real policy follows as a change (follow-settings-client.ts): a policy
 * changed while the browser was closed takes effect the moment the browser reports it.
 */
export async function readRememberedSettings(): Promise<EffectiveSettings | null> {
  const [local, policy] = await Promise.all([readLocalSettings(), lastPolicyItem.getValue()]);
  return policy === null ? null : applyPolicy(local, policy);
}

function applyPolicy(local: Settings, policy: ManagedPolicy): EffectiveSettings {
  return { settings: withSinglePlatformToken({ ...local, ...policy }), locked: lockedKeys(policy) };
}

async function rememberPolicy(policy: ManagedPolicy): Promise<void> {
  const before = await lastPolicyItem.getValue();
  if (before === null || JSON.stringify(before) !== JSON.stringify(policy)) await lastPolicyItem.setValue(policy);
}

/**
 * Calls `onChange` with the effective settings whenever the user's settings or the policy change.
 * Returns the function that stops watching.
 */
export function watchEffectiveSettings(onChange: (next: EffectiveSettings) => void): () => void {
  const reread = (): void => void readEffectiveSettings().then(onChange);
  // The policy is not a storage item of ours (the browser writes it): its changes come as `managed`.
  const onPolicy = (_changes: Record<string, unknown>, area: string): void => {
    if (area === 'managed') reread();
  };
  const stopLocal = settingsItem.watch(reread);
  browser.storage.onChanged.addListener(onPolicy);
  return () => {
    stopLocal();
    browser.storage.onChanged.removeListener(onPolicy);
  };
}
