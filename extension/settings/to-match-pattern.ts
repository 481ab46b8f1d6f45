/**
 * Turns what a user types for a site ("oa.example.gov.cn", "https://oa.example.gov.cn/approval/…",
 * "*.example.gov.cn") into a match pattern the permissions API and content-script registration
 * accept, or says why it cannot.
 */
export type MatchPatternResult = { ok: true; pattern: string } | { ok: false; error: { kind: 'empty' | 'scheme' | 'host' } };

const HOST = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;

/** A match pattern for the input; a bare host covers both http and https, path `/*` unless given. */
export function toMatchPattern(input: string): MatchPatternResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: { kind: 'empty' } };
  const schemeMatch = /^([a-z*]+):\/\//i.exec(text);
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : '*';
  if (!['http', 'https', '*'].includes(scheme)) return { ok: false, error: { kind: 'scheme' } };
  const rest = schemeMatch ? text.slice(schemeMatch[0].length) : text;
  const slash = rest.indexOf('/');
  const host = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  if (host === '' || host.includes('@') || !HOST.test(host)) return { ok: false, error: { kind: 'host' } };
  let path = slash === -1 ? '/*' : rest.slice(slash).replace(/[?#].*$/, '');
  if (!path.endsWith('*')) path = `${path}*`;
  // Firefox rejects ports in match patterns, and a pattern without one covers every port.
  return { ok: true, pattern: `${scheme}://${host.replace(/:\d+$/, '')}${path}` };
}

/** The origin pattern (`https://host/*`) that a platform URL needs as a host permission. */
export function originPatternOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
