/** An ISO instant as Beijing time for printed records: `2026-03-15 10:04:05`. Anything else comes back unchanged. */
export function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
