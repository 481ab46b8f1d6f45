/**
 * The settings the extension acts on: the user's (`local:settings`) with the enterprise policy
 * laid over them. The user's values stay stored untouched, so lifting a policy restores them.
 */
import { browser } from 'wxt/browser';
import { lockedKeys, readManagedPolicy, type ManagedKey } from './managed-policy.ts';
import type { Settings } from './settings-schema.ts';
import { settingsItem } from './storage-items.ts';

export interface EffectiveSettings {
  settings: Settings;
  /** Keys set by policy: read-only for the user. */
  locked: ManagedKey[];
}

/** The user's own settings, as stored (defaults filled in). */
export async function readLocalSettings(): Promise<Settings> {
  return settingsItem.getValue();
}

/** Local settings with the managed policy applied; use this wherever a setting is acted on. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, policy] = await Promise.all([readLocalSettings(), readManagedPolicy()]);
  return { settings: { ...local, ...policy }, locked: lockedKeys(policy) };
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
