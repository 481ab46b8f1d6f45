/**
 * The platform page of a subject, or null when `platformUrl` is not an http(s) URL: the link is
 * built from configuration a page can set, so a `javascript:` URL must never reach an `href`.
 */
export function subjectLink(platformUrl: string | null | undefined, code: string): string | null {
  if (!platformUrl) return null;
  let base: URL;
  try {
    base = new URL(platformUrl);
  } catch {
    return null;
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
  return `${base.href.replace(/\/+$/, '')}/subjects/${encodeURIComponent(code)}`;
}
