/**
 * Entry ids in a merged verdict (issue 17). Two platforms may use one id for different entries
 * (both number theirs from 1, or import the same publisher's list), so the union names each entry
 * by its platform and its own id: `province:e0000001-1`. The card keys and labels entries by this
 * id; feedback and objections are routed by its platform part and sent with the entry's own id.
 */

/** The id of `entryId` of platform `platformId` in a merged verdict (platform ids hold no `:`). */
export function platformEntryId(platformId: string, entryId: string): string {
  return `${platformId}:${entryId}`;
}

/** The platform and the platform's own id of a merged verdict's entry id; null for an id no platform part names. */
export function ownEntryId(id: string): { platformId: string; entryId: string } | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  return { platformId: id.slice(0, at), entryId: id.slice(at + 1) };
}
