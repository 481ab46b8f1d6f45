/**
 * Which check context a page is in: the site's configured context when a site rule matches its
 * URL, else the page's own `<meta name="creditlens-context">` hint, else `general`.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { SiteRule } from '../settings/settings-schema.ts';

/** True when `url` matches a WebExtension match pattern (`*://*.example.gov.cn/path*`). */
export function matchesPattern(url: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file):/.test(url);
  const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(protocol) : scheme !== protocol) return false;
  const hostname = parsed.hostname;
  if (host !== '*') {
    const bare = host.replace(/:\d+$/, '');
    if (bare.startsWith('*.')) {
      const base = bare.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== bare) return false;
  }
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(parsed.pathname + parsed.search);
}

/** The context for a frame at `url`. */
export function siteContext(url: string, sites: SiteRule[], hint: CheckContext | null): CheckContext {
  const rule = sites.find((site) => matchesPattern(url, site.pattern));
  return rule?.context ?? hint ?? 'general';
}
