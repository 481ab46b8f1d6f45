/**
 * The settings the extension acts on: the user's (`local:settings`) with the enterprise policy
 * laid over them. The user's values stay stored untouched, so lifting a policy restores them.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { lockedKeys, readManagedPolicy, type ManagedKey } from './managed-policy.ts';
import { parseStoredSettings, SETTINGS_STORAGE_KEY, type Settings } from './settings-schema.ts';

export interface EffectiveSettings {
  settings: Settings;
  /** Keys set by policy: read-only for the user. */
  locked: ManagedKey[];
}

/** The user's own settings, as stored (defaults filled in). */
export async function readLocalSettings(): Promise<Settings> {
  return parseStoredSettings(await storage.getItem(SETTINGS_STORAGE_KEY));
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
  const localKey = SETTINGS_STORAGE_KEY.slice('local:'.length);
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'managed' || (area === 'local' && localKey in changes)) {
      void readEffectiveSettings().then(onChange);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
