import { chinaDateTimeSeconds } from '../../core/time/china-time.ts';

/** An ISO instant as Beijing time for printed records: `2026-03-15 10:04:05`. Anything else comes back unchanged. */
export function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return chinaDateTimeSeconds(new Date(t));
}
