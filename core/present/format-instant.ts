import { chinaDateTime } from '../time/china-time.ts';

/** An ISO instant as China time `YYYY-MM-DD HH:mm` (the platform's dates are China dates), or the input when unparsable. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return chinaDateTime(new Date(ms));
}
