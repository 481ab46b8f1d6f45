/**
 * The options page's form: what the user edits, and the patch it becomes on "save". Locked keys
 * (set by policy) never enter the patch; an empty token field keeps the saved token.
 */
import type { SettingsPatch, SettingsView, SiteRule } from '../../settings/settings-schema.ts';
import type { ManagedKey } from '../../settings/managed-policy.ts';

export interface SettingsForm {
  platformUrl: string;
  /** What is typed; '' keeps the saved token. */
  token: string;
  clearToken: boolean;
  sites: SiteRule[];
  freshnessMinutes: string;
  /** Who reports feedback and asks for records (the department comes from the token). */
  operator?: string;
  /** Distinct new codes a tab may look up in a minute before it is paused (issue 10, finding 3). */
  maxCodesPerMinute?: string;
}

export type FormProblem = 'platformUrl' | 'freshnessMinutes' | 'maxCodesPerMinute';

/** A form filled from the saved settings. */
export function formFromView(view: SettingsView): SettingsForm {
  return {
    platformUrl: view.platformUrl,
    token: '',
    clearToken: false,
    sites: view.sites,
    freshnessMinutes: String(view.freshnessMinutes),
    operator: view.operator ?? '',
    ...(view.maxCodesPerMinute !== undefined && { maxCodesPerMinute: String(view.maxCodesPerMinute) }),
  };
}

/** The patch for `save`, or the first field that is wrong. */
export function patchFromForm(form: SettingsForm, locked: ManagedKey[]): { ok: true; patch: SettingsPatch } | { ok: false; problem: FormProblem } {
  const patch: SettingsPatch = {};
  if (!locked.includes('platformUrl')) {
    const url = form.platformUrl.trim();
    if (!isHttpUrl(url)) return { ok: false, problem: 'platformUrl' };
    patch.platformUrl = url;
  }
  if (!locked.includes('token')) {
    if (form.token !== '') patch.token = form.token;
    else if (form.clearToken) patch.token = null;
  }
  if (!locked.includes('sites')) patch.sites = form.sites;
  if (!locked.includes('freshnessMinutes')) {
    const minutes = Number(form.freshnessMinutes);
    if (form.freshnessMinutes.trim() === '' || !Number.isFinite(minutes) || minutes < 0.05 || minutes > 1440) {
      return { ok: false, problem: 'freshnessMinutes' };
    }
    patch.freshnessMinutes = minutes;
  }
  if (form.operator !== undefined) patch.operator = form.operator.trim();
  if (form.maxCodesPerMinute !== undefined && !locked.includes('maxCodesPerMinute')) {
    const limit = Number(form.maxCodesPerMinute);
    if (!Number.isInteger(limit) || limit < 10 || limit > 100_000) return { ok: false, problem: 'maxCodesPerMinute' };
    patch.maxCodesPerMinute = limit;
  }
  return { ok: true, patch };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
