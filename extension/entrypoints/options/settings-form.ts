/**
 * The options page's form: what the user edits, and the patch it becomes on "save". Locked keys
 * (set by policy) never enter the patch; an empty token field keeps the saved token.
 */
import * as z from 'zod/mini';
import { PlatformListSchema, type PlatformConfig } from '../../../core/platforms/platform-config-schema.ts';
import type { SettingsPatch, SettingsView, SiteRule } from '../../settings/settings-schema.ts';
import type { ManagedKey } from '../../settings/managed-policy.ts';

/** One platform of several (issue 17) as edited: regions as typed ("42 4201" or "all"); an empty token keeps the saved one. */
export interface PlatformRow {
  /** Stable: entries and queued feedback name their platform by it (generated when a row is added). */
  id: string;
  name: string;
  url: string;
  regions: string;
  token: string;
  hasToken: boolean;
  clearToken: boolean;
}

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
  /** Several platforms by region; absent: the one platform above, unchanged; null: back to it. */
  platforms?: PlatformRow[] | null;
}

export type FormProblem = 'platformUrl' | 'freshnessMinutes' | 'maxCodesPerMinute' | 'platforms';

/** Regions as typed, split on spaces, commas and 、. */
export const splitRegions = (text: string): string[] => text.split(/[\s,，、;；]+/).filter((r) => r !== '');

/** The rows as the settings' platform list, or null when one does not pass the list's schema. */
export function platformsFromRows(rows: readonly PlatformRow[]): PlatformConfig[] | null {
  const list = rows.map((row) => ({
    id: row.id,
    name: row.name.trim(),
    url: row.url.trim(),
    regions: splitRegions(row.regions),
    // Absent: keep the saved token (same id and URL); '': cleared.
    ...(row.token !== '' ? { token: row.token } : row.clearToken ? { token: '' } : {}),
  }));
  const parsed = z.safeParse(PlatformListSchema, list);
  return parsed.success ? parsed.data : null;
}

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
    ...(view.platforms && {
      platforms: view.platforms.map((p) => ({
        id: p.id,
        name: p.name,
        url: p.url,
        regions: p.regions.join(' '),
        token: '',
        hasToken: p.hasToken,
        clearToken: false,
      })),
    }),
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
  if (form.platforms !== undefined && !locked.includes('platforms')) {
    if (form.platforms === null) patch.platforms = null;
    else {
      const list = platformsFromRows(form.platforms);
      if (!list) return { ok: false, problem: 'platforms' };
      patch.platforms = list;
    }
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
