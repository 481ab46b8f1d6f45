const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO instant as China time `YYYY-MM-DD HH:mm` (the platform's dates are China dates), or the input when unparsable. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
