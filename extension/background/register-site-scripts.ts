/**
 * Sites added on the options page get the content script through
 * `scripting.registerContentScripts`, for those whose host permission the user granted there.
 * The loopback hosts are in the manifest already.
 */
import { browser } from 'wxt/browser';
import type { SiteRule } from '../settings/settings-schema.ts';

const SCRIPT_ID = 'creditlens-sites';

/** Replaces our dynamic registration with one for the permitted `sites`. */
export async function registerSiteScripts(sites: SiteRule[]): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const patterns: string[] = [];
  for (const site of sites) {
    const granted = await browser.permissions.contains({ origins: [site.pattern] }).catch(() => false);
    if (granted) patterns.push(site.pattern);
  }
  await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  if (patterns.length === 0) return;
  await scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: patterns, js: ['content-scripts/content.js'], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
