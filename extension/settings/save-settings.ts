/**
 * Applies a change from the options page to the user's stored settings. Keys locked by policy
 * are refused as a whole (the options page never sends them), so a page cannot quietly
 * override what an IT department set.
 */
import { fail, ok, type Result } from '../messaging/result.ts';
import { readEffectiveSettings, readLocalSettings } from './effective-settings.ts';
import { MANAGED_KEYS } from './managed-policy.ts';
import { settingsItem } from './storage-items.ts';
import { toSettingsView, type Settings, type SettingsPatch, type SettingsView } from './settings-schema.ts';

/**
 * The settings after `patch`: `token` undefined keeps it, `null` or `''` clears it. `copyToken`
 * false: the one platform's address or token is set by policy, so the person's stored ones may be
 * stale and are not copied into the list (a row at the policy's address uses the policy's token
 * as it is in force: single-platform-token.ts).
 */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch, { copyToken = true }: { copyToken?: boolean } = {}): Settings {
  const { token, ...rest } = patch;
  const next: Settings = { ...settings };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  if (token !== undefined) next.token = token ?? '';
  // A platform saved without a token keeps the one it had, but only for the same URL: a token never follows a changed address.
  if (patch.platforms) {
    next.platforms = patch.platforms.map((p) => {
      if (p.token !== undefined) return p;
      // The list turned on from the one platform: its first row at that address takes its token.
      const saved =
        settings.platforms?.find((s) => s.id === p.id && s.url === p.url)?.token ??
        // …the token the one platform has after this patch, if it is for that address (typed now, or saved for it).
        (copyToken && !settings.platforms && p.url === next.platformUrl && (token !== undefined || next.platformUrl === settings.platformUrl)
          ? next.token
          : '');
      return saved ? { ...p, token: saved } : p;
    });
  }
  // `platforms: null`: back to the single platform (issue 17).
  if (patch.platforms === null) delete next.platforms;
  return next;
}

/** Stores `patch` (already validated) and answers the effective settings without the token. */
export async function saveSettings(patch: SettingsPatch): Promise<Result<SettingsView>> {
  const { locked } = await readEffectiveSettings();
  const refused = MANAGED_KEYS.filter((key) => patch[key] !== undefined && locked.includes(key));
  if (refused.length > 0) return fail('permission', `set by enterprise policy: ${refused.join(', ')}`);
  const next = applySettingsPatch(await readLocalSettings(), patch, {
    copyToken: !locked.includes('platformUrl') && !locked.includes('token'),
  });
  await settingsItem.setValue(next);
  return ok(toSettingsView((await readEffectiveSettings()).settings));
}

/** The effective settings without the token, for `getSettings`. */
export async function getSettingsView(): Promise<Result<SettingsView>> {
  return ok(toSettingsView((await readEffectiveSettings()).settings));
}
